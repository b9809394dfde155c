/**
 * A cell's text as the reader sees it: `textContent`-style (never HTML), with line breaks where the page
 * shows them, and a cell's column span.
 */

import type { Appendable } from './reused-list';

export type Markup = 'table' | 'aria';

const MAX_SPAN = 1000;

/** Elements whose text sits on its own line (so "code<br>Trực tuyến" or "<div>code</div><span>…" give lines). */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr',
  'td', 'th', 'caption', 'ul', 'mat-chip', 'mat-chip-listbox', 'mat-chip-set', 'mat-chip-list',
]);
/** Elements whose text is never shown. */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'template', 'noscript']);

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

// Inside rows and cells, sibling pointers (no NodeList objects). Over a table's rows, indexed access
// to `children`: one collection per section, and O(1) per step in happy-dom too (whose nextSibling is a
// linear search, quadratic over 20,000 rows).
function appendText(node: Node, text: string): string {
  let out = text;
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    // Only elements have a local name: one property read tells an element and gives its name.
    const name = (child as Partial<Element>).localName;
    if (name === undefined) {
      const type = child.nodeType;
      if (type === TEXT_NODE || type === CDATA_SECTION_NODE) out += (child as CharacterData).data;
    } else if (name === 'br') {
      out += '\n';
    } else if (SKIPPED_ELEMENTS.has(name)) {
      continue;
    } else if ((child as Element).firstElementChild === null) {
      // A leaf (`<div>code</div>`, `<b>…</b>`): the native textContent (Text and CDATA descendants).
      const text = child.textContent ?? '';
      out = BLOCK_ELEMENTS.has(name) ? `${out}\n${text}\n` : out + text;
    } else if (BLOCK_ELEMENTS.has(name)) {
      out = `${appendText(child, `${out}\n`)}\n`;
    } else {
      out = appendText(child, out);
    }
  }
  return out;
}

/**
 * A cell's text, `textContent`-style (never HTML), with a line break for `<br>` and around block-level
 * children. Not normalised.
 */
export function cellText(cell: Element): string {
  // Text only: the native textContent, with no step through the cell's Text nodes. Every node the
  // content script touches gets an object of its own (the isolated world's wrapper), which the page's
  // garbage collector must then trace: after a list is redrawn, thousands of them.
  if (cell.firstElementChild === null) return cell.textContent ?? '';
  // Element children that are all inline leaves (`<a>code</a>`, `<span>…</span>`): nothing gives a line
  // break or is skipped, so the text is exactly the native textContent (Text and CDATA descendants).
  for (let child: Element | null = cell.firstElementChild; child !== null; child = child.nextElementSibling) {
    const name = child.localName;
    if (name === 'br' || child.firstElementChild !== null || BLOCK_ELEMENTS.has(name) || SKIPPED_ELEMENTS.has(name)) {
      return appendText(cell, '');
    }
  }
  return cell.textContent ?? '';
}
/**
 * The pieces of a cell's text between the line breaks its elements make (`<br>`, block-level children):
 * `cellText(cell)` split at those breaks, pushed onto `out` without the joining and re-splitting. Pieces
 * are raw: they may be empty, padded, or hold line breaks of their own (a text node with a newline);
 * `asOneLine` or `cellLines` makes them lines.
 */
export function cellPieces(cell: Element, out: Appendable<string>): void {
  // Text only: one piece, by textContent (see cellText).
  if (cell.firstElementChild === null) {
    out.push(cell.textContent ?? '');
    return;
  }
  const rest = appendPieces(cell, '', out);
  if (rest) out.push(rest);
}

/** {@link appendText}, but each piece ending at a line break pushed onto `out`; returns the open piece. */
function appendPieces(node: Node, open: string, out: Appendable<string>): string {
  let line = open;
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    // Only elements have a local name: one property read tells an element and gives its name.
    const name = (child as Partial<Element>).localName;
    if (name === undefined) {
      const type = child.nodeType;
      if (type === TEXT_NODE || type === CDATA_SECTION_NODE) line += (child as CharacterData).data;
    } else if (name === 'br') {
      if (line) out.push(line);
      line = '';
    } else if (SKIPPED_ELEMENTS.has(name)) {
      continue;
    } else if ((child as Element).firstElementChild === null) {
      const text = child.textContent ?? '';
      if (BLOCK_ELEMENTS.has(name)) {
        if (line) out.push(line);
        out.push(text);
        line = '';
      } else {
        line += text;
      }
    } else if (BLOCK_ELEMENTS.has(name)) {
      if (line) out.push(line);
      const inner = appendPieces(child, '', out);
      if (inner) out.push(inner);
      line = '';
    } else {
      line = appendPieces(child, line, out);
    }
  }
  return line;
}

/**
 * A `<td>` or `<th>`'s column span, 0 for any other element. Only table cells reflect `colSpan` (the
 * attribute parsed and clamped to 1–1000 by the browser), so one property read tells a cell and gives its
 * span: less than reading its name and then its attribute.
 */
export function tableCellSpan(element: Element): number {
  const span = (element as Partial<HTMLTableCellElement>).colSpan;
  if (typeof span !== 'number') return 0;
  return span >= 1 ? Math.min(Math.floor(span), MAX_SPAN) : 1;
}

export function spanOf(cell: Element, markup: Markup): number {
  if (markup === 'table') {
    const span = tableCellSpan(cell);
    if (span > 0) return span;
  }
  const attr = cell.getAttribute(markup === 'table' ? 'colspan' : 'aria-colspan');
  if (attr === null) return 1;
  const span = parseInt(attr, 10);
  return span >= 1 ? Math.min(span, MAX_SPAN) : 1;
}

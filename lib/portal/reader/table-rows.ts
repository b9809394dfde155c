/**
 * Finding the tables of a page (`<table>` or ARIA markup) and walking their rows and cells. Inside rows and
 * cells, sibling pointers (no NodeList objects); over a table's rows, indexed access to `children`: one
 * collection per section, and O(1) per step in happy-dom too (whose nextSibling is a linear search,
 * quadratic over 20,000 rows).
 */
import type { Markup } from './cell-text';

const TABLE_SELECTORS = ['table', '[role="table"]', '[role="grid"]'] as const;
export const TABLE_SELECTOR = TABLE_SELECTORS.join(', ');
/** What counts as "the nearest table" of an ARIA row. */
const NEAREST_TABLE_SELECTOR = 'table, [role="table"], [role="grid"], [role="treegrid"]';
const ARIA_CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);
const ARIA_STOP_ROLES = new Set(['row', 'table', 'grid', 'treegrid']);
const DOCUMENT_POSITION_FOLLOWING = 4;

export interface TableRows {
  rows: Element[];
  /** Rows inside <thead>. */
  head: Set<Element>;
  /** Rows inside <tfoot>. */
  foot: Set<Element>;
}

export function htmlTableRows(table: Element): TableRows {
  const rows: Element[] = [];
  const head = new Set<Element>();
  const foot = new Set<Element>();
  const sections = table.children;
  for (let i = 0, n = sections.length; i < n; i++) {
    const child = sections[i]!;
    const name = child.localName;
    if (name === 'tr') {
      rows.push(child);
    } else if (name === 'thead' || name === 'tbody' || name === 'tfoot') {
      const sectionRows = child.children;
      for (let j = 0, m = sectionRows.length; j < m; j++) {
        const row = sectionRows[j]!;
        if (row.localName !== 'tr') continue;
        rows.push(row);
        if (name === 'thead') head.add(row);
        else if (name === 'tfoot') foot.add(row);
      }
    }
  }
  return { rows, head, foot };
}

export function ariaTableRows(table: Element): TableRows {
  const rows: Element[] = [];
  for (const row of table.querySelectorAll('[role="row"]')) {
    if (row.parentElement?.closest(NEAREST_TABLE_SELECTOR) === table) rows.push(row);
  }
  return { rows, head: new Set(), foot: new Set() };
}

function collectAriaCells(node: Element, out: Element[]): void {
  for (let child = node.firstElementChild; child !== null; child = child.nextElementSibling) {
    const role = child.getAttribute('role');
    if (role !== null && ARIA_CELL_ROLES.has(role)) out.push(child);
    else if (role === null || !ARIA_STOP_ROLES.has(role)) {
      if (child.localName !== 'table') collectAriaCells(child, out);
    }
  }
}

export function rowCells(row: Element, markup: Markup): Element[] {
  const cells: Element[] = [];
  if (markup === 'table') {
    for (let child = row.firstElementChild; child !== null; child = child.nextElementSibling) {
      const name = child.localName;
      if (name === 'td' || name === 'th') cells.push(child);
    }
  } else {
    collectAriaCells(row, cells);
  }
  return cells;
}
/** `HTMLTableCellElement` of this realm, where there is one (the instanceof test needs no DOM call). */
const TABLE_CELL_CLASS: (abstract new () => Element) | undefined =
  typeof HTMLTableCellElement === 'function' ? HTMLTableCellElement : undefined;

function isCell(element: Element): boolean {
  // Only <td> and <th> are HTMLTableCellElement; anything else (another realm, namespace) asks localName.
  if (TABLE_CELL_CLASS !== undefined && element instanceof TABLE_CELL_CLASS) return true;
  const name = element.localName;
  return name === 'td' || name === 'th';
}

/** First `<td>`/`<th>` child at or after `element` (element siblings), or null. */
export function cellFrom(element: Element | null): Element | null {
  let child = element;
  while (child !== null && !isCell(child)) child = child.nextElementSibling;
  return child;
}

/**
 * `root` when it matches TABLE_SELECTOR, then every element under it that does, in document order.
 * One query per selector of the list: a single-selector `querySelectorAll` is several times faster in
 * Chromium than the selector list, which walks and matches the whole page. Merged without duplicates,
 * sorted back into document order only when more than one query added elements.
 */
export function findCandidates(root: Document | Element): Element[] {
  const candidates: Element[] = [];
  if ('matches' in root && root.matches(TABLE_SELECTOR)) candidates.push(root);
  const start = candidates.length;
  const seen = new Set<Element>();
  let sources = 0;
  for (const selector of TABLE_SELECTORS) {
    let added = false;
    for (const element of root.querySelectorAll(selector)) {
      if (element === root || seen.has(element)) continue;
      seen.add(element);
      candidates.push(element);
      added = true;
    }
    if (added) sources++;
  }
  if (sources > 1) {
    const found = candidates.splice(start);
    found.sort((a, b) => (a.compareDocumentPosition(b) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    candidates.push(...found);
  }
  return candidates;
}

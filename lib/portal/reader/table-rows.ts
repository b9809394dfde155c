/**
 * Finding the tables of a page (`<table>` or ARIA markup) and walking their rows and cells. Inside rows and
 * cells, sibling pointers (no NodeList objects); over a table's rows, indexed access to `children`: one
 * collection per section, and O(1) per step in happy-dom too (whose nextSibling is a linear search,
 * quadratic over 20,000 rows).
 */
import type { Markup } from './cell-text';
import type { Appendable } from './reused-list';

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
  // Rows share their container (a row group, a pinned part): one `closest` per container, not per row.
  let lastParent: Element | null = null;
  let lastOwned = false;
  // Indexed access to the static list: no iterator object per step.
  const found = table.querySelectorAll('[role="row"]');
  for (let i = 0, n = found.length; i < n; i++) {
    const row = found[i]!;
    const parent = row.parentElement;
    if (parent !== lastParent) {
      lastParent = parent;
      lastOwned = parent?.closest(NEAREST_TABLE_SELECTOR) === table;
    }
    if (lastOwned) rows.push(row);
  }
  return { rows, head: new Set(), foot: new Set() };
}

/**
 * Whether elements reflect their `role` attribute as a property (ARIA reflection: Chromium, Firefox 119+),
 * which Chromium reads faster than `getAttribute('role')`, with the same value.
 */
const REFLECTS_ROLE = typeof Element === 'function' && 'role' in Element.prototype;

/** An element's `role` attribute, or null. */
export function roleOf(element: Element): string | null {
  return REFLECTS_ROLE ? (element as Element & { role: string | null }).role : element.getAttribute('role');
}

function collectAriaCells(node: Element, out: Appendable<Element>): void {
  for (let child = node.firstElementChild; child !== null; child = child.nextElementSibling) {
    const role = roleOf(child);
    if (role !== null && ARIA_CELL_ROLES.has(role)) out.push(child);
    else if (role === null || !ARIA_STOP_ROLES.has(role)) {
      if (child.localName !== 'table') collectAriaCells(child, out);
    }
  }
}

export function rowCells(row: Element, markup: Markup): Element[] {
  return rowCellsInto(row, markup, []);
}

/** {@link rowCells}, appended to `cells` (a list the caller reuses from row to row). */
export function rowCellsInto<List extends Appendable<Element>>(row: Element, markup: Markup, cells: List): List {
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

/** What a page's lists are searched in: the document, an element, or an open shadow root. */
export type ReadRoot = Document | Element | DocumentFragment;

const ELEMENT_NODE = 1;

function isGridElement(element: Element): boolean {
  if (element.localName === 'table') return true;
  const role = element.getAttribute('role');
  return role === 'table' || role === 'grid';
}

/**
 * The open shadow roots under `root`, outside tables and grids (a list inside a grid's cell is no list
 * of the page). One walk over the elements outside tables; a closed shadow root is not reachable.
 * Indexed `children` rather than sibling pointers (linear per step in happy-dom).
 */
function shadowRootsUnder(root: ReadRoot, out: ShadowRoot[]): void {
  const stack: Element[] = [];
  const push = (parent: ReadRoot | Element) => {
    const children = parent.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  };
  if (root.nodeType === ELEMENT_NODE) {
    if (isGridElement(root as Element)) return;
    const own = (root as Element).shadowRoot;
    if (own) out.push(own);
  }
  push(root);
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (element.nodeType !== ELEMENT_NODE || isGridElement(element)) continue;
    const shadow = element.shadowRoot;
    if (shadow) out.push(shadow);
    push(element);
  }
}

/**
 * `root` when it matches TABLE_SELECTOR, then every element under it that does, in document order, then
 * those inside open shadow roots (each root's own in document order).
 * One query per selector of the list: a single-selector `querySelectorAll` is several times faster in
 * Chromium than the selector list, which walks and matches the whole page. Merged without duplicates,
 * sorted back into document order only when more than one query added elements.
 */
export function findCandidates(root: ReadRoot): Element[] {
  const candidates = candidatesIn(root);
  const shadows: ShadowRoot[] = [];
  shadowRootsUnder(root, shadows);
  for (const shadow of shadows) candidates.push(...findCandidates(shadow));
  return candidates;
}

function candidatesIn(root: ReadRoot): Element[] {
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

/**
 * The logical tables of a page (docs/domain.md, "Markup families"): what a user sees as one list, whatever
 * the markup. Three shapes meet real grid libraries:
 * - a `<table>` or ARIA grid holding its header and its rows;
 * - a split table: the header row in one `<table>` and the rows in another, inside one grid container
 *   (grid libraries do this to keep the header still while the body scrolls). Found by structure, not by
 *   class names: a header-only table followed, in the same container, by a table with rows and no header
 *   row, with as many columns;
 * - an ARIA grid whose rows are split over several containers (pinned left, centre, pinned right): the
 *   parts of one row share a row index (`aria-rowindex`, else `row-index`) and are joined.
 */
import type { Markup } from './cell-text';
import { spanOf } from './cell-text';
import { ariaTableRows, findCandidates, htmlTableRows, roleOf, rowCells, type ReadRoot, type TableRows } from './table-rows';

export interface Grid extends TableRows {
  /** The element the list lives in: the table, the ARIA grid, or the container of a split table. */
  element: Element;
  markup: Markup;
  /** Every part of a row split over containers, by the row's first part (the one in `rows`). */
  parts: Map<Element, Element[]> | null;
  /** Cells carry `aria-colindex`: each is placed in its column by it, and a missing cell is not shown. */
  positioned: boolean;
}

/** How far above the body table its header table's container may be (wrappers of scrolling bodies). */
const MAX_SPLIT_DEPTH = 6;
/** Leading rows where a header row is looked for. */
const LEADING_ROWS = 3;

function isHeaderCell(cell: Element, markup: Markup): boolean {
  return markup === 'table' ? cell.localName === 'th' : cell.getAttribute('role') === 'columnheader';
}

/** A row in `<thead>`, or made only of header cells. */
export function isHeaderRow(rows: TableRows, row: Element, markup: Markup): boolean {
  if (rows.head.has(row)) return true;
  if (markup === 'table') {
    // Sibling pointers, stopping at the first data cell: this runs on body rows too.
    let cells = 0;
    for (let child = row.firstElementChild; child !== null; child = child.nextElementSibling) {
      if (child.localName === 'td') return false;
      if (child.localName === 'th') cells++;
    }
    return cells > 0;
  }
  const cells = rowCells(row, markup);
  return cells.length > 0 && cells.every((cell) => isHeaderCell(cell, markup));
}

/** Columns of a row: the sum of its cells' spans. */
function rowWidth(row: Element, markup: Markup): number {
  let width = 0;
  for (const cell of rowCells(row, markup)) width += spanOf(cell, markup);
  return width;
}

/** The columns of a header-only table, not counting trailing empty headings (a scrollbar gutter). */
function headerWidths(rows: TableRows): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const row of rows.rows) {
    const cells = rowCells(row, 'table');
    let width = 0;
    let filled = 0;
    for (const cell of cells) {
      width += spanOf(cell, 'table');
      if ((cell.textContent ?? '').trim() !== '') filled = width;
    }
    if (width > max) {
      max = width;
      min = filled;
    }
  }
  return { min, max };
}

/** A body table's columns: its `<col>` elements where it has a `<colgroup>`, else its widest leading row. */
function bodyWidth(table: Element, rows: TableRows): number {
  let cols = 0;
  for (let child = table.firstElementChild; child !== null; child = child.nextElementSibling) {
    if (child.localName !== 'colgroup') continue;
    for (let col = child.firstElementChild; col !== null; col = col.nextElementSibling) {
      if (col.localName === 'col') cols += Math.max(1, Math.min(1000, Number(col.getAttribute('span')) || 1));
    }
  }
  if (cols > 0) return cols;
  let width = 0;
  for (let i = 0; i < Math.min(rows.rows.length, LEADING_ROWS + 2); i++) width = Math.max(width, rowWidth(rows.rows[i]!, 'table'));
  return width;
}

/** The nearest element holding both, if it is at most `MAX_SPLIT_DEPTH` levels above `body`. */
function sharedContainer(header: Element, body: Element): Element | null {
  let node: Element | null = body.parentElement;
  for (let depth = 0; node !== null && depth < MAX_SPLIT_DEPTH; depth++, node = node.parentElement) {
    if (node.contains(header)) return node;
  }
  return null;
}

/** The parts of each ARIA row joined by row index, in row-index order where rows carry one. */
function joinAriaRows(rows: Element[]): { rows: Element[]; parts: Map<Element, Element[]> | null } {
  const byKey = new Map<string, Element[]>();
  const order: { first: Element; index: number }[] = [];
  let joined = false;
  let seenIndexed = false;
  for (const row of rows) {
    const key = row.getAttribute('aria-rowindex') ?? row.getAttribute('row-index');
    const index = key === null ? NaN : Number(key);
    if (key === null || Number.isNaN(index)) {
      // Rows without an index keep their place: before the indexed rows (headers) or after them (footers).
      order.push({ first: row, index: seenIndexed ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY });
      continue;
    }
    seenIndexed = true;
    // Header rows and body rows may count from different origins (a header at aria-rowindex 1 above
    // bodies numbered by a 0-based row-index): they are joined among themselves only, and headers stay
    // first, in document order. A header row starts with a column header (checked on its first cell
    // only: this runs for every row of a long list).
    const first = row.firstElementChild;
    const header = first !== null && roleOf(first) === 'columnheader';
    const joinKey = header ? `h${key}` : key;
    const group = byKey.get(joinKey);
    if (group) {
      group.push(row);
      joined = true;
    } else {
      byKey.set(joinKey, [row]);
      order.push({ first: row, index: header ? Number.NEGATIVE_INFINITY : index });
    }
  }
  if (!seenIndexed) return { rows, parts: null };
  order.sort((a, b) => a.index - b.index); // stable: equal indexes keep document order
  const parts = joined ? new Map<Element, Element[]>() : null;
  if (parts) for (const group of byKey.values()) if (group.length > 1) parts.set(group[0]!, group);
  return { rows: order.map((entry) => entry.first), parts };
}

function ariaGrid(element: Element): Grid {
  const base = ariaTableRows(element);
  const { rows, parts } = joinAriaRows(base.rows);
  const positioned = element.querySelector('[role="columnheader"][aria-colindex]') !== null;
  return { element, markup: 'aria', rows, head: base.head, foot: base.foot, parts, positioned };
}

interface TableInfo {
  element: Element;
  rows: TableRows;
  headerOnly: boolean;
  /** Has body rows and no header row among its `<thead>` and leading rows. */
  headerless: boolean;
}

function tableInfo(element: Element): TableInfo {
  const rows = htmlTableRows(element);
  // Is there a body row (neither header nor footer)? Stops at the first one.
  let hasBody = false;
  let headerRows = 0;
  for (const row of rows.rows) {
    if (rows.foot.has(row)) continue;
    if (!isHeaderRow(rows, row, 'table')) {
      hasBody = true;
      break;
    }
    headerRows++;
  }
  let leadingHeader = rows.head.size > 0;
  for (let i = 0; !leadingHeader && i < Math.min(LEADING_ROWS, rows.rows.length); i++) {
    leadingHeader = isHeaderRow(rows, rows.rows[i]!, 'table');
  }
  return { element, rows, headerOnly: headerRows > 0 && !hasBody, headerless: hasBody && !leadingHeader };
}

/** A header-only table and the body table after it, read as one table. */
function pairGrid(header: TableInfo, body: TableInfo, container: Element): Grid {
  const head = new Set<Element>(header.rows.rows);
  for (const row of body.rows.head) head.add(row);
  return {
    element: container,
    markup: 'table',
    rows: [...header.rows.rows, ...body.rows.rows],
    head,
    foot: body.rows.foot,
    parts: null,
    positioned: false,
  };
}

/**
 * Every logical table under `root` (open shadow roots included), in document order. A header-only
 * table is paired with the nearest following headerless table in the same container, when the column
 * counts agree; an unpaired one stays a table of its own (it is read as no list).
 */
export function findGrids(root: ReadRoot): Grid[] {
  const grids: Grid[] = [];
  let pendingHeader: TableInfo | null = null;
  for (const element of findCandidates(root)) {
    if (element.localName !== 'table') {
      grids.push(ariaGrid(element));
      continue;
    }
    const info = tableInfo(element);
    if (info.headerOnly) {
      pendingHeader = info;
      grids.push({ element, markup: 'table', ...info.rows, parts: null, positioned: false });
      continue;
    }
    if (info.headerless && pendingHeader) {
      const container = sharedContainer(pendingHeader.element, element);
      const widths = headerWidths(pendingHeader.rows);
      const width = bodyWidth(element, info.rows);
      if (container && width >= widths.min && width <= widths.max) {
        // The header table's own entry becomes the pair.
        const at = grids.findIndex((grid) => grid.element === pendingHeader!.element);
        grids.splice(at, 1, pairGrid(pendingHeader, info, container));
        pendingHeader = null;
        continue;
      }
    }
    grids.push({ element, markup: 'table', ...info.rows, parts: null, positioned: false });
  }
  return grids;
}

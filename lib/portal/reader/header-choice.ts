/**
 * Which rows of a table are its header, and which column holds which field (docs/domain.md, "Markup
 * families" and "Header cells as they really are"): the last `<thead>` row first, then rows of ARIA column
 * headers, then the first rows. A header may take several rows ("Ngày, tháng, năm" over "Nhận hồ sơ |
 * Hẹn trả kết quả | Trả kết quả"): the header rows above the chosen one are laid out with it, honouring
 * row and column spans, and each column is named by its lowest heading.
 */
import { DOSSIER_FIELDS, type DossierField } from '../../dossier/model';
import { createHeaderMatcher, findColumnMapping, type HeaderMatcher } from '../headers';
import { spanOf, type Markup } from './cell-text';
import { headingText } from './header-cell';
import { isHeaderRow, type Grid } from './grids';
import type { Appendable } from './reused-list';
import { rowCellsInto, TABLE_SELECTOR } from './table-rows';
import type { ReadOptions } from './index';

/** How many leading rows may hold the header row. */
const HEADER_ROW_CANDIDATES = 3;
const MAX_ROW_SPAN = 20;

export interface HeaderChoice {
  /** Index in the grid's rows of the lowest header row: body rows follow it. */
  index: number;
  /** Heading by column (normalised); columns covered by a heading's colspan hold ''. */
  headers: string[];
  columns: Partial<Record<DossierField, number>>;
  /** Header span per mapped field. */
  widths: Partial<Record<DossierField, number>>;
}

/** The cells of a row, joining the parts of a row split over containers. */
export function gridRowCells(grid: Grid, row: Element): Element[] {
  return gridRowCellsInto(grid, row, []);
}

/** {@link gridRowCells}, appended to `cells` (a list the caller reuses from row to row). */
export function gridRowCellsInto<List extends Appendable<Element>>(grid: Grid, row: Element, cells: List): List {
  const parts = grid.parts?.get(row);
  if (!parts) return rowCellsInto(row, grid.markup, cells);
  for (const part of parts) rowCellsInto(part, grid.markup, cells);
  return cells;
}

/** 0-based column of a cell that gives it (`aria-colindex`), else null. */
export function colIndexOf(cell: Element): number | null {
  const attr = cell.getAttribute('aria-colindex');
  if (attr === null) return null;
  const index = parseInt(attr, 10);
  return index >= 1 && index <= 100_000 ? index - 1 : null;
}

function rowSpanOf(cell: Element, markup: Markup): number {
  const attr = cell.getAttribute(markup === 'table' ? 'rowspan' : 'aria-rowspan');
  const span = attr === null ? 1 : parseInt(attr, 10);
  return span >= 1 ? Math.min(span, MAX_ROW_SPAN) : 1;
}

interface Placed {
  text: string;
  first: number;
  span: number;
}

/**
 * Lays out the header rows `band` (top to bottom) as a grid and names each column by the lowest
 * non-empty heading covering it.
 */
export function readHeaderBand(grid: Grid, band: readonly Element[]): { headers: string[]; spans: number[] } {
  const layout: (Placed | undefined)[][] = band.map(() => []);
  band.forEach((row, r) => {
    let column = 0;
    const sorted = gridRowCells(grid, row).map((cell) => ({ cell, at: grid.positioned ? colIndexOf(cell) : null }));
    if (grid.positioned) sorted.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
    for (const { cell, at } of sorted) {
      if (at !== null) column = at;
      while (layout[r]![column] !== undefined) column++;
      const span = spanOf(cell, grid.markup);
      // A cell that holds a whole table (layout tables) is no heading.
      const text = cell.querySelector(TABLE_SELECTOR) !== null ? '' : headingText(cell);
      const placed: Placed = { text, first: column, span };
      const bottom = Math.min(band.length, r + rowSpanOf(cell, grid.markup));
      for (let rr = r; rr < bottom; rr++) for (let c = column; c < column + span; c++) layout[rr]![c] = placed;
      column += span;
    }
  });
  const width = layout.reduce((max, row) => Math.max(max, row.length), 0);
  const headers = new Array<string>(width).fill('');
  const spans = new Array<number>(width).fill(1);
  for (let c = 0; c < width; c++) {
    for (let r = band.length - 1; r >= 0; r--) {
      const placed = layout[r]![c];
      if (placed === undefined || placed.text === '') continue;
      if (placed.first === c) {
        headers[c] = placed.text;
        spans[c] = placed.span;
      }
      break;
    }
  }
  return { headers, spans };
}

/** The header rows ending at `index`: it and the header rows right above it. */
function bandEndingAt(grid: Grid, index: number): Element[] {
  const band = [grid.rows[index]!];
  for (let i = index - 1; i >= 0 && isHeaderRow(grid, grid.rows[i]!, grid.markup); i--) band.unshift(grid.rows[i]!);
  return band;
}

/** The rows tried as the lowest header row, in order of preference. */
export function headerCandidates(grid: Grid): number[] {
  const order: number[] = [];
  const push = (index: number): void => {
    if (index >= 0 && index < grid.rows.length && !order.includes(index)) order.push(index);
  };
  for (let i = grid.rows.length - 1; i >= 0; i--) if (grid.head.has(grid.rows[i]!)) push(i);
  const leading = Math.min(HEADER_ROW_CANDIDATES, grid.rows.length);
  if (grid.markup === 'aria') {
    for (let i = 0; i < leading; i++) {
      if (gridRowCells(grid, grid.rows[i]!).some((cell) => cell.getAttribute('role') === 'columnheader')) push(i);
    }
  }
  for (let i = 0; i < leading; i++) push(i);
  return order;
}

/** The header ending at row `index`: headings, the columns of the fields, their spans. */
export function readHeaderAt(grid: Grid, index: number, matcher: HeaderMatcher): HeaderChoice {
  const { headers, spans } = readHeaderBand(grid, bandEndingAt(grid, index));
  const columns = findColumnMapping(headers, matcher);
  const widths: Partial<Record<DossierField, number>> = {};
  for (const field of DOSSIER_FIELDS) {
    const column = columns[field];
    if (column !== undefined) widths[field] = spans[column] ?? 1;
  }
  return { index, headers, columns, widths };
}

/**
 * The header that makes the grid a dossier list: the first candidate whose columns `accept`s (which
 * may look at the rows below it, for lists that show a field inside a composite cell).
 */
export function chooseHeader(
  grid: Grid,
  matcher: HeaderMatcher,
  accept: (header: HeaderChoice) => boolean,
): HeaderChoice | null {
  for (const index of headerCandidates(grid)) {
    const header = readHeaderAt(grid, index, matcher);
    if (accept(header)) return header;
  }
  return null;
}

/** The matcher of the last read, keyed by the synonyms' and mapping's content (the page is re-read after every change). */
let lastMatcher: { key: string; matcher: HeaderMatcher } | null = null;

export function headerMatcher(synonyms: ReadOptions['synonyms'], mapping?: ReadOptions['mapping']): HeaderMatcher {
  // By content, not identity: a caller may change its synonyms object between reads.
  const headings = mapping?.headings;
  const key = `${synonyms === undefined ? '' : JSON.stringify(synonyms)}|${headings === undefined ? '' : JSON.stringify(headings)}`;
  if (lastMatcher?.key !== key) lastMatcher = { key, matcher: createHeaderMatcher(synonyms, headings) };
  return lastMatcher.matcher;
}

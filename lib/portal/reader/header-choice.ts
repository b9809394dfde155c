/**
 * Which row of a table is its header, and which column holds which field (docs/domain.md, the portal
 * pages): the last `<thead>` row first, then rows of ARIA column headers, then the first rows.
 */
import { DOSSIER_FIELDS, type DossierField } from '../../dossier/model';
import { createHeaderMatcher, findColumnMapping, isDossierList, type HeaderMatcher } from '../headers';
import { normalizeText } from '../text';
import { cellText, spanOf, type Markup } from './cell-text';
import { rowCells, TABLE_SELECTOR, type TableRows } from './table-rows';
import type { ReadOptions } from './index';

/** How many leading rows may hold the header row. */
const HEADER_ROW_CANDIDATES = 3;

export interface HeaderChoice {
  index: number;
  headers: string[];
  columns: Partial<Record<DossierField, number>>;
  /** Header span per mapped field. */
  widths: Partial<Record<DossierField, number>>;
}

export function readHeaderRow(row: Element, markup: Markup, matcher: HeaderMatcher): Omit<HeaderChoice, 'index'> {
  const headers: string[] = [];
  const starts: number[] = [];
  const spans: number[] = [];
  for (const cell of rowCells(row, markup)) {
    const span = spanOf(cell, markup);
    // A cell that holds a whole table (layout tables) is not a header.
    const nested = cell.querySelector(TABLE_SELECTOR) !== null;
    starts.push(headers.length);
    spans.push(span);
    headers.push(nested ? '' : normalizeText(cellText(cell)));
    for (let i = 1; i < span; i++) headers.push('');
  }
  const columns = findColumnMapping(headers, matcher);
  const widths: Partial<Record<DossierField, number>> = {};
  for (const field of DOSSIER_FIELDS) {
    const column = columns[field];
    if (column === undefined) continue;
    const at = starts.indexOf(column);
    widths[field] = at >= 0 ? (spans[at] ?? 1) : 1;
  }
  return { headers, columns, widths };
}

export function chooseHeader(table: TableRows, markup: Markup, matcher: HeaderMatcher): HeaderChoice | null {
  const order: number[] = [];
  const push = (index: number): void => {
    if (index >= 0 && index < table.rows.length && !order.includes(index)) order.push(index);
  };
  // Last <thead> row first, then earlier <thead> rows.
  for (let i = table.rows.length - 1; i >= 0; i--) {
    const row = table.rows[i];
    if (row && table.head.has(row)) push(i);
  }
  const leading = Math.min(HEADER_ROW_CANDIDATES, table.rows.length);
  if (markup === 'aria') {
    // Rows made of columnheader cells first.
    for (let i = 0; i < leading; i++) {
      const row = table.rows[i];
      if (row && rowCells(row, markup).some((cell) => cell.getAttribute('role') === 'columnheader')) push(i);
    }
  }
  for (let i = 0; i < leading; i++) push(i);

  for (const index of order) {
    const row = table.rows[index];
    if (!row) continue;
    const read = readHeaderRow(row, markup, matcher);
    if (isDossierList(read.columns)) return { index, ...read };
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

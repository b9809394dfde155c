/**
 * The list-like tables of a page that the reader does not read as dossier lists, with what it saw in
 * them: what the panel explains, and what staff map by pointing (docs/domain.md, "When no list is read").
 * Called only when no list was read, so the page holds no dossier list and this stays a header pass.
 */
import { DOSSIER_FIELDS, type DossierField } from '../../dossier/model';
import { rowCells } from './table-rows';
import { chooseHeader, headerMatcher, readHeaderRow } from './header-choice';
import { ariaTableRows, findCandidates, htmlTableRows } from './table-rows';
import type { Markup } from './cell-text';
import type { ReadOptions } from './index';

export interface UnmappedTable {
  element: Element;
  /** The headings seen, cleaned and normalised, in column order (empty ones left out). */
  headings: string[];
  /** The fields those headings give. */
  found: DossierField[];
  /** What a dossier list needs and the headings do not give: the code, the appointment. */
  missing: DossierField[];
}

/** How many body rows make a table list-like. */
const MIN_BODY_ROWS = 2;
const HEADER_ROW_CANDIDATES = 3;

function isHeaderRow(row: Element, markup: Markup, inHead: boolean): boolean {
  if (inHead) return true;
  const cells = rowCells(row, markup);
  if (cells.length === 0) return false;
  return cells.every((cell) => (markup === 'table' ? cell.localName === 'th' : cell.getAttribute('role') === 'columnheader'));
}

export function unmappedCandidates(root: Document | Element, options: ReadOptions = {}): UnmappedTable[] {
  const matcher = headerMatcher(options.synonyms, options.mapping);
  const out: UnmappedTable[] = [];
  for (const element of findCandidates(root)) {
    const markup: Markup = element.localName === 'table' ? 'table' : 'aria';
    const rows = markup === 'table' ? htmlTableRows(element) : ariaTableRows(element);
    if (chooseHeader(rows, markup, matcher)) continue;
    // The lowest header row among the leading rows (or in <thead>), then at least two body rows.
    let headerIndex = -1;
    for (let i = 0; i < rows.rows.length && (i < HEADER_ROW_CANDIDATES || rows.head.has(rows.rows[i]!)); i++) {
      if (isHeaderRow(rows.rows[i]!, markup, rows.head.has(rows.rows[i]!))) headerIndex = i;
    }
    if (headerIndex < 0) continue;
    let bodyRows = 0;
    for (let i = headerIndex + 1; i < rows.rows.length; i++) if (!rows.head.has(rows.rows[i]!) && !rows.foot.has(rows.rows[i]!)) bodyRows++;
    if (bodyRows < MIN_BODY_ROWS) continue;
    const header = readHeaderRow(rows.rows[headerIndex]!, markup, matcher);
    const found = DOSSIER_FIELDS.filter((field) => header.columns[field] !== undefined);
    const missing: DossierField[] = [];
    if (header.columns.code === undefined) missing.push('code');
    if (header.columns.due === undefined && header.columns.overdue === undefined) missing.push('due');
    out.push({ element, headings: header.headers.filter((text) => text !== ''), found, missing });
  }
  return out;
}

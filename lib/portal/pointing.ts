/**
 * What the content script needs to let staff point at a list the reader could not name
 * (docs/domain.md, "Pointing at a column"): the header cells of a candidate table, to highlight them,
 * and the labelled values ("Hẹn trả: 15/03/2024 17:00") of its first rows, for the panel to offer.
 * Pure: the DOM is passed in and read as text only.
 */
import type { DossierField } from '../dossier/model';
import { DOSSIER_CODE_PATTERN } from '../dossier/code';
import { cellText } from './reader/cell-text';
import { rowCells } from './reader/table-rows';
import { findGrids, type Grid } from './reader/grids';
import { gridRowCells } from './reader/header-choice';
import type { UnmappedTable } from './reader';
import { cellLines, normalizeHeader, normalizeText } from './text';

/** What a candidate's summary may hold (the panel's schema checks the same bounds). */
export const SUMMARY_LIMITS = { tables: 20, headings: 80, heading: 300, labels: 20, sample: 200 } as const;
/** How many body rows are searched for labelled values. */
const LABEL_ROWS = 5;
const MAX_LABELS = SUMMARY_LIMITS.labels;
const MAX_SAMPLE = 80;
/** How many leading rows may be header rows (as the reader looks for them). */
const HEADER_ROWS = 3;

/** A labelled value as the panel shows it: the label as the page wrote it and one value seen. */
export interface LabelledValue {
  label: string;
  sample: string;
}

/** One candidate table, as it travels to the panel (no element: the panel is another document). */
export interface UnmappedSummary {
  headings: string[];
  found: DossierField[];
  missing: DossierField[];
  labels: LabelledValue[];
}

/**
 * The candidate's rows and their cells as the reader sees them: a split table's header and body tables,
 * an ARIA grid's rows joined over pinned parts. Found again from the element the reader gave.
 */
function tableRows(element: Element): { grid: Grid; cells: (row: Element) => Element[] } {
  const grid = findGrids(element).find((g) => g.element === element) ?? findGrids(element.parentElement ?? element).find((g) => g.element === element);
  if (grid) return { grid, cells: (row) => gridRowCells(grid, row) };
  const markup = element.localName === 'table' ? 'table' : 'aria';
  const empty: Grid = { element, markup, rows: [], head: new Set(), foot: new Set(), parts: null, positioned: false };
  return { grid: empty, cells: (row) => rowCells(row, markup) };
}

/**
 * The header cell of each heading of a candidate, in the order of `headings` (null where none is found):
 * the cells of the header rows (in `<thead>`, or the leading rows) whose text is that heading, each cell
 * used once. Lower rows first, so a two-row header names its sub-headings.
 */
export function headingCells(element: Element, headings: readonly string[]): (Element | null)[] {
  const { grid, cells: cellsOf } = tableRows(element);
  const headerRows = grid.rows.filter((row, i) => grid.head.has(row) || i < HEADER_ROWS).reverse();
  const cells = headerRows.flatMap(cellsOf);
  const texts = cells.map((cell) => normalizeText(cellText(cell)));
  const used = new Set<number>();
  return headings.map((heading) => {
    for (let i = 0; i < cells.length; i++) {
      if (!used.has(i) && texts[i] === heading) {
        used.add(i);
        return cells[i]!;
      }
    }
    return null;
  });
}

/**
 * "label: value" inside a line: a label of letters and spaces (no digits, so "08:15" is no label) after
 * the line's start, a dash or a comma; the value runs to the next comma or the end.
 */
const LABELLED = /(?:^|[,;]|-\s)\s*([\p{L}][\p{L}\p{M} ]{0,40}?)\s*:\s*([^,;]+)/gu;

/** The labelled values found in the first body rows of a candidate, one per label (normalised). */
export function labelledValues(element: Element): LabelledValue[] {
  const body = bodyRows(element);
  const seen = new Set<string>();
  const out: LabelledValue[] = [];
  for (const row of body.rows.slice(0, LABEL_ROWS)) {
    for (const cell of body.cells(row)) {
      for (const line of cellLines(cellText(cell))) {
        for (const match of line.matchAll(LABELLED)) {
          const label = normalizeText(match[1] ?? '');
          const key = normalizeHeader(label);
          const sample = normalizeText(match[2] ?? '').slice(0, MAX_SAMPLE);
          if (!key || !sample || seen.has(key)) continue;
          seen.add(key);
          out.push({ label, sample });
          if (out.length >= MAX_LABELS) return out;
        }
      }
    }
  }
  return out;
}

/** A day-first date as the portals write them (01/03/2025, 1-3-2025, 01.03.2025). */
const DAY_FIRST_DATE = /(?:^|\D)\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?!\d)/;

function bodyRows(element: Element): { rows: Element[]; cells: (row: Element) => Element[] } {
  const { grid, cells } = tableRows(element);
  const isHeaderCell = (cell: Element) => cell.localName === 'th' || cell.getAttribute('role') === 'columnheader';
  return { rows: grid.rows.filter((row) => !grid.head.has(row) && !grid.foot.has(row) && !cells(row).every(isHeaderCell)), cells };
}

/**
 * Whether a candidate's first rows hold what a dossier list is made of: a dossier code or a date. An
 * office-hours or contacts table on an information page has neither, and gets no panel: staff are asked
 * to point only at tables that look like a dossier list.
 */
export function holdsDossierData(element: Element): boolean {
  const body = bodyRows(element);
  for (const row of body.rows.slice(0, LABEL_ROWS)) {
    for (const cell of body.cells(row)) {
      const text = cellText(cell);
      if (DOSSIER_CODE_PATTERN.test(text) || DAY_FIRST_DATE.test(text)) return true;
    }
  }
  return false;
}

/** A candidate as the panel gets it. */
export function summarizeCandidate(table: UnmappedTable): UnmappedSummary {
  return {
    headings: table.headings.slice(0, SUMMARY_LIMITS.headings).map((text) => text.slice(0, SUMMARY_LIMITS.heading)),
    found: table.found,
    missing: table.missing,
    labels: labelledValues(table.element),
  };
}

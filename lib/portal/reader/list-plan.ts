/**
 * Whether a logical table is a dossier list, and how its rows are read (docs/domain.md, "Markup families"
 * and "Composite cells"). A dossier list gives the code (a column, or dossier codes inside its rows'
 * cells) and the appointment (a column, a labelled value inside its rows' cells, or an overdue-days
 * column: then the portal's verdict is read and the appointment stays unknown). A list without a code or
 * an appointment column looks for the fields it has no column for as labelled values, when its first
 * rows show such labels; a list with both columns is read by its columns alone.
 */
import { DOSSIER_FIELDS, type DossierField } from '../../dossier/model';
import { DOSSIER_CODE_PATTERN } from '../../dossier/code';
import { isDatalessHeading, type HeaderMatcher } from '../headers';
import { cellLines } from '../text';
import { cellText } from './cell-text';
import { createLabelReader, type LabelReader } from './composite';
import { isHeaderRow, type Grid } from './grids';
import { gridRowCells, headerCandidates, readHeaderAt, type HeaderChoice } from './header-choice';
import type { RowPlan } from './row-reader';
import { TABLE_SELECTOR } from './table-rows';
import type { ColumnMapping } from './index';

/** Body rows looked at to decide how a list shows what its header does not name. */
const SAMPLE_ROWS = 5;

export interface ListPlan {
  header: HeaderChoice;
  plan: RowPlan;
}

export interface HeaderAssessment extends ListPlan {
  /** The fields the list gives: by column, by label in its first rows, the code found in its rows. */
  found: DossierField[];
  /** What a dossier list needs and this one does not give: 'code', 'due'. */
  missing: DossierField[];
  /** Body rows sampled after the header (up to the sample size); -1 where none was needed. */
  bodyRows: number;
}

/** The first body rows' texts (other than nested tables), each row's lines joined by '\n'. */
function sampleRows(grid: Grid, after: number): string[] {
  const samples: string[] = [];
  for (let i = after + 1; i < grid.rows.length && samples.length < SAMPLE_ROWS; i++) {
    const row = grid.rows[i]!;
    if (grid.head.has(row) || grid.foot.has(row)) continue;
    const lines: string[] = [];
    for (const cell of gridRowCells(grid, row)) {
      if (cell.querySelector(TABLE_SELECTOR) === null) lines.push(...cellLines(cellText(cell)));
    }
    samples.push(lines.join('\n'));
  }
  return samples;
}

let lastLabels: { key: string; reader: LabelReader | null } | null = null;

/** The label reader for the fields a header has no column for (the last one kept: pages repeat). */
function labelReaderFor(columns: HeaderChoice['columns'], mapping: ColumnMapping | undefined): LabelReader | null {
  const wanted = DOSSIER_FIELDS.filter((field) => columns[field] === undefined && field !== 'overdue');
  const key = `${wanted.join(',')}|${JSON.stringify(mapping?.labels ?? {})}`;
  if (lastLabels?.key !== key) lastLabels = { key, reader: createLabelReader(wanted, mapping?.labels) };
  return lastLabels.reader;
}

/** What the header at a candidate row gives, with its first rows. */
export function assessHeader(grid: Grid, header: HeaderChoice, mapping: ColumnMapping | undefined): HeaderAssessment {
  const columns = header.columns;
  if (columns.code !== undefined && columns.due !== undefined) {
    // Read by its columns alone: ordinary lists pay nothing for composite cells.
    return { header, plan: { labels: null, codeInRow: false }, found: DOSSIER_FIELDS.filter((f) => columns[f] !== undefined), missing: [], bodyRows: -1 };
  }
  // Only a real header row opens the way to composite cells: a data row taken for a header would
  // otherwise make any table with a code in it a list.
  const headerLike = isHeaderRow(grid, grid.rows[header.index]!, grid.markup);
  const samples = headerLike ? sampleRows(grid, header.index) : [];
  const reader = samples.length > 0 ? labelReaderFor(columns, mapping) : null;
  const labelled = new Set<DossierField>();
  if (reader) for (const sample of samples) for (const field of Object.keys(reader.read(sample))) labelled.add(field as DossierField);
  const codeInRow = columns.code === undefined && samples.some((sample) => DOSSIER_CODE_PATTERN.test(sample));
  const found = DOSSIER_FIELDS.filter((field) => columns[field] !== undefined || labelled.has(field) || (field === 'code' && codeInRow));
  const missing: DossierField[] = [];
  if (!found.includes('code')) missing.push('code');
  if (!found.includes('due') && columns.overdue === undefined) missing.push('due');
  return {
    header,
    plan: {
      labels: labelled.size > 0 ? reader : null,
      codeInRow,
      dataless: header.headers.flatMap((heading, column) => (isDatalessHeading(heading) ? [column] : [])),
    },
    found,
    missing,
    bodyRows: samples.length,
  };
}

/** The first header candidate that makes the grid a dossier list, with how its rows are read. */
export function planList(grid: Grid, matcher: HeaderMatcher, mapping: ColumnMapping | undefined): ListPlan | null {
  for (const index of headerCandidates(grid)) {
    const header = readHeaderAt(grid, index, matcher);
    const assessed = assessHeader(grid, header, mapping);
    if (assessed.missing.length === 0) return assessed;
  }
  return null;
}

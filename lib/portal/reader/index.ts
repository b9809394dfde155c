/**
 * The pure reader of dossier tables (docs/domain.md, the portal pages). The DOM is passed in; nothing
 * here touches browser extension APIs, layout or computed style, and cells are read as text only (never
 * as HTML), so it runs the same in happy-dom and in a content script.
 *
 * cell-text.ts reads a cell; table-rows.ts finds tables (open shadow roots included) and walks their rows;
 * grids.ts makes logical tables of them (split header and body, rows split over pinned parts);
 * header-cell.ts and header-choice.ts read the header rows and map the columns; list-plan.ts decides
 * whether a table is a dossier list; row-layout.ts and row-reader.ts read a body row (composite.ts for
 * labelled values in composite cells); duplicates.ts keeps one read of a dossier per grid;
 * unmapped.ts lists what could not be read.
 */
import type { DossierField, ReadDossier, UnreadableRow } from '../../dossier/model';
import type { Markup } from './cell-text';
import { keepFullestReads } from './duplicates';
import { findGrids, type Grid } from './grids';
import { headerMatcher } from './header-choice';
import { planList } from './list-plan';
import { RowReader } from './row-reader';
import type { ReadRoot } from './table-rows';
import type { HeaderMatcher } from '../headers';

export { cellText } from './cell-text';
export { unmappedCandidates, type UnmappedTable } from './unmapped';

export interface ReadDossierRow {
  /** 0-based index among the table's body rows (rows after the header row, skipped ones included). */
  rowIndex: number;
  row: Element;
  dossier: ReadDossier;
}

export interface DossierTable {
  element: Element;
  markup: Markup;
  /** Header texts (normalised) by column; columns covered by a header's colspan hold ''. */
  headers: string[];
  /** Column index per mapped field (first column of the header cell). */
  columns: Partial<Record<DossierField, number>>;
  dossiers: ReadDossierRow[];
  unreadable: UnreadableRow[];
  /** Body rows that are not dossiers: empty state, group headers, footers, misaligned or empty rows. */
  skippedRows: number;
}

/**
 * What staff said on the page about a list the reader could not name (docs/domain.md, "Headers"): keys
 * are compared after `normalizeHeader`.
 */
export interface ColumnMapping {
  /** Heading → field, applied before the synonyms. */
  headings?: Readonly<Record<string, DossierField>>;
  /** Label inside a composite cell ("Hẹn trả", "Tiếp nhận") → field. */
  labels?: Readonly<Record<string, DossierField>>;
}

export interface ReadOptions {
  /** User synonyms added to the defaults (options page). */
  synonyms?: Partial<Record<DossierField, readonly string[]>>;
  /** Headings and labels staff mapped for this portal page. */
  mapping?: ColumnMapping;
}

/**
 * Reads one logical table; yields once its header is chosen, then after every `rowsPerStep` body rows, so
 * a caller can spread the work over tasks.
 */
function* readTableStepwise(
  grid: Grid,
  matcher: HeaderMatcher,
  mapping: ColumnMapping | undefined,
  rowsPerStep: number,
): Generator<void, DossierTable | null> {
  const list = planList(grid, matcher, mapping);
  if (!list) return null;
  // Choosing the header looks at rows across the list: a step of its own.
  yield;
  const { header, plan } = list;
  const reader = new RowReader(header.columns, header.widths, grid, matcher, plan);
  const table: DossierTable = {
    element: grid.element,
    markup: grid.markup,
    headers: header.headers,
    columns: header.columns,
    dossiers: [],
    unreadable: [],
    skippedRows: 0,
  };
  let rowIndex = 0;
  let sinceYield = 0;
  for (let i = header.index + 1; i < grid.rows.length; i++) {
    if (++sinceYield > rowsPerStep) {
      sinceYield = 1;
      yield;
    }
    const row = grid.rows[i];
    if (!row || grid.head.has(row)) continue; // other header rows (titles, filters) are not body rows
    const index = rowIndex++;
    if (grid.foot.has(row)) {
      table.skippedRows++;
      continue;
    }
    // A row that is no dossier is counted as skipped, unless the reader set it aside as unreadable.
    const unreadable = table.unreadable.length;
    const dossier = reader.read(row, index, table.unreadable);
    if (dossier) table.dossiers.push({ rowIndex: index, row, dossier });
    else if (table.unreadable.length === unreadable) table.skippedRows++;
  }
  return table;
}

/**
 * Every dossier table under `root` (document order), in `<table>` or ARIA markup, found by header texts.
 * Tables whose headers do not give both the code and the due-date column are not returned.
 */
export function readDossierTables(root: ReadRoot, options: ReadOptions = {}): DossierTable[] {
  const steps = readDossierTablesStepwise(root, options, Number.POSITIVE_INFINITY);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same read, as steps: the generator yields once the lists are found, once each list's header is
 * chosen, and after every `rowsPerStep` body rows, and returns the tables. A caller on a live page (the
 * content script) runs steps until its time slice is used, then lets the page run, so reading a long list
 * never makes one long task.
 */
export function* readDossierTablesStepwise(
  root: ReadRoot,
  options: ReadOptions = {},
  rowsPerStep = 200,
): Generator<void, DossierTable[]> {
  const matcher = headerMatcher(options.synonyms, options.mapping);
  const tables: DossierTable[] = [];
  // Finding the lists walks every row of every table (after a list is redrawn, each a new node for the
  // caller's world to wrap): a step of its own.
  const grids = findGrids(root);
  yield;
  for (const grid of grids) {
    const table = yield* readTableStepwise(grid, matcher, options.mapping, rowsPerStep);
    if (table) tables.push(table);
  }
  return keepFullestReads(tables);
}

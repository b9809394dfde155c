import type { DossierTable } from '@/lib/portal/reader';
import type { ListView } from '@/lib/portal/list-session';
import type { ReadDossier } from '@/lib/dossier/model';

/**
 * What the list session (lib/portal/list-session.ts) needs to know of each table read, measured on the
 * page: the row indexes the grid gives its rows, the row count it declares, and its sort state. Only
 * attributes are read; the row counts come from the reader, so no table is walked a second time.
 */

/** The index of a row in the whole list, as ARIA grids (`aria-rowindex`) and ag-Grid (`row-index`) give it. */
export function rowIndexOf(row: Element): { index: number; first: number } | null {
  const aria = row.getAttribute('aria-rowindex');
  // ARIA counts from 1 and counts the header row: the first body row under one header row is 2.
  if (aria !== null) return whole(aria, 2);
  const plain = row.getAttribute('row-index');
  return plain !== null ? whole(plain, 0) : null;
}

function whole(text: string, first: number): { index: number; first: number } | null {
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 ? { index: value, first } : null;
}

/**
 * `aria-rowcount`, or null where the grid declares none (or -1: "unknown", as ARIA allows). Looked for
 * on the list and its ancestors: a grid split into containers may carry it on its outer element only.
 */
function declaredRows(table: Element): number | null {
  const text = table.closest('[aria-rowcount]')?.getAttribute('aria-rowcount') ?? null;
  if (text === null) return null;
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** Headings and every `aria-sort` other than "none" in the table, as one string. */
function orderOf(table: DossierTable): string {
  const sorts: string[] = [];
  const sorted = table.element.querySelectorAll('[aria-sort]');
  for (let i = 0; i < sorted.length; i++) {
    const cell = sorted[i]!;
    const state = cell.getAttribute('aria-sort');
    if (state && state !== 'none') sorts.push(`${cell.getAttribute('aria-colindex') ?? i}:${state}`);
  }
  return `${table.headers.join('\u0001')}\u0002${sorts.join(' ')}`;
}

/** One view per table read, in page order; the dossiers are those given (bounded, completed). */
export function listViews(tables: DossierTable[], dossiers: ReadDossier[][]): ListView<ReadDossier>[] {
  return tables.map((table, ordinal) => {
    let firstIndex = 0;
    let indexed = false;
    const reads = dossiers[ordinal] ?? [];
    const rows = table.dossiers.map((read, i) => {
      const found = rowIndexOf(read.row);
      if (found) {
        firstIndex = found.first;
        indexed = true;
      }
      const dossier = reads[i]!;
      return { index: found ? found.index : null, code: dossier.code, item: dossier };
    });
    return {
      key: `${ordinal}\u0002${table.headers.join('\u0001')}`,
      declaredRows: declaredRows(table.element),
      // One header row and every body row the reader walked (dossiers, unreadable, skipped).
      renderedRows: 1 + table.dossiers.length + table.unreadable.length + table.skippedRows,
      firstIndex,
      // A list without row indexes is never accumulated: its sort state is not needed (nor searched for).
      order: indexed ? orderOf(table) : '',
      rows,
    };
  });
}

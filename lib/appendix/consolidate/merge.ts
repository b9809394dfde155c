import { APPENDIX_KEYS, compareText, type AppendixValues } from '../rows';
import { appendixCsv, type CsvOptions } from '../csv';
import { parseDayVn } from '../../calendar/dmy';
import type { ImportedRow } from './problems';

/**
 * Merging the valid rows of many files by dossier code (docs/domain.md, consolidation): identical copies
 * collapse, copies that differ are a conflict until the user chooses one.
 */

export interface RowCopy {
  fileName: string;
  line: number;
  row: ImportedRow;
}

export interface MergeConflict {
  code: string;
  /** Every copy of the code, in file order; at least two of them differ. */
  copies: RowCopy[];
}

export interface MergeResult {
  /** One row per code, ordered by receipt day then code; conflicting codes are absent until resolved. */
  merged: ImportedRow[];
  conflicts: MergeConflict[];
}

/** Every column except STT (which differs between files) must match for two copies to be the same. */
function sameRow(a: AppendixValues, b: AppendixValues): boolean {
  return APPENDIX_KEYS.every((k) => k === 'stt' || a[k] === b[k]);
}

function receiptKey(row: AppendixValues): string {
  return parseDayVn(row.received) ?? '\uFFFF';
}

/** Receipt day (`yyyy-MM-dd`, no date = last), then code. */
export function compareImported(a: AppendixValues, b: AppendixValues): number {
  return compareText(receiptKey(a), receiptKey(b)) || compareText(a.code, b.code);
}

/** The rows in {@link compareImported} order, each row's receipt day read once (not once per comparison). */
export function sortImported<T extends AppendixValues>(rows: readonly T[]): T[] {
  const keyed = rows.map((row) => ({ key: receiptKey(row), row }));
  keyed.sort((a, b) => compareText(a.key, b.key) || compareText(a.row.code, b.row.code));
  return keyed.map((k) => k.row);
}

export function mergeAppendices(files: { fileName: string; rows: ImportedRow[] }[]): MergeResult {
  const byCode = new Map<string, RowCopy[]>();
  for (const f of files) {
    for (const row of f.rows) {
      const copies = byCode.get(row.code);
      const copy = { fileName: f.fileName, line: row.line, row };
      if (copies) copies.push(copy);
      else byCode.set(row.code, [copy]);
    }
  }
  const merged: ImportedRow[] = [];
  const conflicts: MergeConflict[] = [];
  for (const [code, copies] of byCode) {
    const first = copies[0]!;
    if (copies.every((c) => sameRow(c.row, first.row))) merged.push(first.row);
    else conflicts.push({ code, copies });
  }
  conflicts.sort((a, b) => compareText(a.code, b.code));
  return { merged: sortImported(merged), conflicts };
}

/**
 * Keeps one copy of each given conflicting code (code → index of the copy), in one pass: the chosen rows
 * join the merged ones and the list is sorted once. Throws on an unknown code or index.
 */
export function resolveConflicts(result: MergeResult, chosen: ReadonlyMap<string, number>): MergeResult {
  if (chosen.size === 0) return result;
  const byCode = new Map(result.conflicts.map((c) => [c.code, c]));
  const rows: ImportedRow[] = [];
  for (const [code, index] of chosen) {
    const conflict = byCode.get(code);
    if (!conflict) throw new RangeError(`No conflict for dossier code ${code}`);
    const copy = conflict.copies[index];
    if (!copy) throw new RangeError(`No copy ${index} for dossier code ${code}`);
    rows.push(copy.row);
  }
  return {
    merged: sortImported([...result.merged, ...rows]),
    conflicts: result.conflicts.filter((c) => !chosen.has(c.code)),
  };
}

/** Keeps copy `chosenIndex` of the conflicting code; returns a new result. Throws on an unknown code/index. */
export function resolveConflict(result: MergeResult, code: string, chosenIndex: number): MergeResult {
  return resolveConflicts(result, new Map([[code, chosenIndex]]));
}

/** One appendix CSV of the rows (same 14 columns, BOM, CRLF), ordered by receipt day then code, STT 1..n. */
export function consolidatedCsv(rows: readonly AppendixValues[], options: CsvOptions): string {
  return appendixCsv(sortImported(rows), options);
}

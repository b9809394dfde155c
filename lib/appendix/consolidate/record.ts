import { APPENDIX_KEYS, formatMomentVn, type AppendixKey, type AppendixValues } from '../rows';
import { parseMomentVn } from '../../calendar/dmy';
import type { ImportError, ImportedRow } from './problems';
import { rowProblems, unneutralize } from './row-schema';

/**
 * One record of an appendix file after its header row, whatever the file's kind (a CSV record, a
 * worksheet row): the same column count, the same row rules and the same clean-up, so that a workbook
 * and a CSV of the same rows load the same.
 */

/** Where a record is: its file, the worksheet for a workbook, and its line (CSV) or row (worksheet). */
export interface RecordPlace {
  file: string;
  sheet?: string;
  line: number;
}

/** `dd/MM/yyyy`, with its ` HH:mm` where the cell has a time (seconds dropped). */
function padDayVn(text: string): string {
  const moment = parseMomentVn(text);
  return moment ? formatMomentVn(moment) : text;
}

/**
 * The row a record holds, or the error listing every rule it breaks. Cells are NFC-normalised and
 * trimmed, the CSV export's formula neutralisation is undone and dates are re-padded to `dd/MM/yyyy`
 * (and ` HH:mm` where timed). `columnOf` is the header's field of each column.
 */
export function readRecord(
  place: RecordPlace,
  columnOf: readonly (AppendixKey | null)[],
  cells: readonly string[],
): { row: ImportedRow } | { error: ImportError } {
  const { file, sheet, line } = place;
  const at = sheet === undefined ? { file, line, lineTo: line } : { file, sheet, line, lineTo: line };
  if (cells.length !== APPENDIX_KEYS.length) {
    return { error: { ...at, problems: [{ code: 'consolidate-column-count', count: cells.length, expected: APPENDIX_KEYS.length }] } };
  }
  const values = {} as AppendixValues;
  columnOf.forEach((key, i) => {
    if (key) values[key] = unneutralize(cells[i]!.normalize('NFC').trim());
  });
  const problems = rowProblems(values);
  if (problems.length > 0) return { error: { ...at, problems } };
  for (const key of ['received', 'due', 'closed', 'realReturn'] as const) values[key] = padDayVn(values[key]);
  return { row: { ...values, file, line } };
}

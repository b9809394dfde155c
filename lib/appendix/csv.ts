import Papa from 'papaparse';
import { APPENDIX_HEADINGS, APPENDIX_KEYS, type AppendixDelimiter, type AppendixValues } from './rows';
import { toNfc } from '../portal/text';

/**
 * The appendix CSV file (docs/domain.md, the appendix form): written by `Papa.unparse`; this module only
 * prepares the cells and fixes the framing (BOM, a CRLF after the last row).
 */

export interface CsvOptions {
  delimiter: AppendixDelimiter;
}

/**
 * Cells starting with one of these are written with a leading apostrophe and quoted, so a spreadsheet
 * never runs them as a formula. Explicit rather than Papa's `escapeFormulae: true`, whose own pattern
 * misses a cell that starts with a line feed (a spreadsheet trims it and then sees the `=`).
 */
export const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * The CSV text: BOM, header row, one row per given row in the given order with STT renumbered 1..n,
 * CRLF line ends (also after the last row), RFC 4180 quoting (only where needed), text in NFC,
 * formula-like cells neutralised (FORMULA_START).
 */
export function appendixCsv(rows: readonly AppendixValues[], options: CsvOptions): string {
  const data = rows.map((row, i) => APPENDIX_KEYS.map((key) => (key === 'stt' ? String(i + 1) : toNfc(row[key] ?? ''))));
  const body = Papa.unparse(
    { fields: [...APPENDIX_HEADINGS], data },
    { delimiter: options.delimiter, newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START },
  );
  // Papa ends a header-only file with a line break but not a file with rows; the appendix always ends
  // with one (a cell never ends in a bare break: any cell holding one is quoted).
  return `\uFEFF${body}${body.endsWith('\r\n') ? '' : '\r\n'}`;
}

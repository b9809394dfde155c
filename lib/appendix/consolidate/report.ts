import Papa from 'papaparse';
import { FORMULA_START } from '../csv';
import type { ConsolidationProblem, ImportError } from './problems';

/** The headings of the error report, in the page's language. */
export interface ErrorReportHeadings {
  file: string;
  /** Where given and some error is in a workbook, a column after the file names its worksheet. */
  sheet?: string;
  from: string;
  to: string;
  problem: string;
}

/**
 * Every error of the loaded files as a CSV (BOM, CRLF, one line per bad row or file), for the office
 * that has to fix its file: the page lists only the first errors of each file. `word` gives a problem's
 * sentence in the page's language.
 */
export function errorReportCsv(
  errors: readonly ImportError[],
  headings: ErrorReportHeadings,
  word: (problem: ConsolidationProblem) => string,
): string {
  // CSV files alone give the report it always had; a workbook's errors add the sheet column.
  const withSheet = headings.sheet !== undefined && errors.some((e) => e.sheet !== undefined);
  const data = errors.map((e) => [
    e.file,
    ...(withSheet ? [e.sheet ?? ''] : []),
    e.line > 0 ? String(e.line) : '',
    e.line > 0 ? String(e.lineTo) : '',
    e.problems.map(word).join('; '),
  ]);
  const fields = [headings.file, ...(withSheet ? [headings.sheet!] : []), headings.from, headings.to, headings.problem];
  const body = Papa.unparse({ fields, data }, { newline: '\r\n', escapeFormulae: FORMULA_START });
  return `\uFEFF${body}${body.endsWith('\r\n') ? '' : '\r\n'}`;
}

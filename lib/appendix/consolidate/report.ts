import Papa from 'papaparse';
import { FORMULA_START } from '../csv';
import type { ConsolidationProblem, ImportError } from './problems';

/** The headings of the error report, in the page's language. */
export interface ErrorReportHeadings {
  file: string;
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
  const data = errors.map((e) => [
    e.file,
    e.line > 0 ? String(e.line) : '',
    e.line > 0 ? String(e.lineTo) : '',
    e.problems.map(word).join('; '),
  ]);
  const body = Papa.unparse(
    { fields: [headings.file, headings.from, headings.to, headings.problem], data },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return `\uFEFF${body}${body.endsWith('\r\n') ? '' : '\r\n'}`;
}

/**
 * A problem found outside the UI (a refused date, a bad file row, a failed request) is data: a code and
 * the values the sentence needs. Nothing in lib/ builds a finished sentence; each UI catalog has one
 * entry per code, `problem.<code>`, whose `{placeholders}` are the fields below, and the UI renders it
 * in the user's language.
 *
 * Values are display-ready: days already written `dd/MM/yyyy` (the same in both languages), counts as
 * numbers. Add a code here and its entry in every catalog; the catalog test fails on a missing entry or
 * a placeholder that is not a field of the code.
 */
export interface ProblemFields {
  /** The real return date field is empty. */
  'real-date-empty': Record<never, never>;
  /** What was typed is not a day. */
  'real-date-invalid': { text: string };
  'real-date-before-receipt': { day: string; received: string };
  'real-date-after-today': { day: string; today: string };

  // consolidation problems: an appendix file loaded on the consolidation page (lib/appendix/consolidate/).
  // `file` is the name shown on the page; `column` an appendix heading, as the file writes it.
  'consolidate-read-failed': { file: string; message: string };
  'consolidate-not-utf8': { file: string };
  'consolidate-too-large': { file: string; megabytes: number };
  'consolidate-too-many-lines': { file: string; max: number };
  'consolidate-empty': { file: string };
  'consolidate-no-header': { file: string };
  /** Headings listed as `"A", "B"`; `expected` is the number of appendix columns. */
  'consolidate-header-missing': { columns: string; expected: number };
  'consolidate-header-unknown': { columns: string };
  'consolidate-header-repeated': { columns: string };
  /** An unbalanced quote: lines `from`–`to` ran into one cell and are all rejected. */
  'consolidate-quote-unbalanced': { from: number; to: number };
  /** Another CSV error, with Papa Parse's code for it. */
  'consolidate-csv-format': { detail: string };
  'consolidate-column-count': { count: number; expected: number };
  'consolidate-stt': Record<never, never>;
  'consolidate-required': { column: string };
  'consolidate-date': { column: string };
  /** `first` and `second` are the two labels the column accepts. */
  'consolidate-state': { column: string; first: string; second: string };
  'consolidate-outcome': { column: string; first: string; second: string };
  'consolidate-closed-when-unclosed': { column: string; state: string };
  'consolidate-closed-not-late': { column: string; state: string };
  'consolidate-before-receipt': { column: string };
  'consolidate-outcome-mismatch': { column: string };
}

export type ProblemCode = keyof ProblemFields;

/** One problem: `{ code: 'real-date-before-receipt', day: '01/03/2025', received: '02/03/2025' }`. */
export type Problem = { [C in ProblemCode]: { code: C } & ProblemFields[C] }[ProblemCode];

/**
 * A problem found outside the UI (a refused date, a bad file row, a failed request) is data: a code and
 * the values the sentence needs. Nothing in lib/ builds a finished sentence; each UI catalog has one
 * entry per code, `problem.<code>`, whose `{placeholders}` are the fields below, and the UI renders it
 * in the user's language (`renderProblem` in lib/i18n/translate.ts).
 *
 * Values are display-ready: days already written `dd/MM/yyyy` (the same in both languages), counts as
 * numbers. Add a code here and its entry in every catalog; the catalog test fails on a missing entry or
 * a placeholder that is not a field of the code (it reads this interface, so keep one member per code).
 */
export interface ProblemFields {
  /** The real return date field is empty. */
  'real-date-empty': Record<never, never>;
  /** What was typed is not a day. */
  'real-date-invalid': { text: string };
  'real-date-before-receipt': { day: string; received: string };
  'real-date-after-today': { day: string; today: string };
  /** Before the earliest day the store accepts (see lib/store/tag-rules.ts). */
  'real-date-too-early': { day: string; earliest: string };

  // The store and the message protocol.
  'dossier-not-found': { dossier: string };
  /** Another tab or page decided on the dossier after this change was started from it. */
  'tag-conflict': { dossier: string };
  'undo-change-not-found': { dossier: string };
  'restore-nothing-to-undo': Record<never, never>;
  'sender-forbidden': Record<never, never>;
  'request-invalid': Record<never, never>;
  'request-extension-only': Record<never, never>;
  'database-unavailable': { detail: string };
  'database-failed': { detail: string };
  'storage-full': Record<never, never>;
  'extension-unreachable': { detail: string };
  'response-malformed': Record<never, never>;
  /** The background did not answer with the protocol, even after retries (a service worker restarting). */
  'extension-restarting': Record<never, never>;
  /** The page could not be saved, so whether a dossier is tagged is unknown; `reason` is that failure, worded. */
  'tag-state-unknown': { reason: string };

  // Backup files.
  'backup-not-json': Record<never, never>;
  'backup-not-ours': Record<never, never>;
  'backup-version': { version: string; expected: number };
  /** `where` is the path in the file (`dossiers.0.due.day`), `detail` the validator's own text. */
  'backup-damaged': { where: string; detail: string };
  /** A time in a backup row is negative, not a number, or later than this machine's clock. */
  'backup-time-out-of-range': Record<never, never>;

  // Settings typed on the options page; `line` is 1-based.
  'synonyms-line-format': { line: number; fields: string };
  'synonyms-line-empty': { line: number };
  'override-no-date': { line: number; text: string };
  'override-year-digits': { line: number; text: string };
  'override-not-a-date': { line: number; text: string };
  'override-not-real-day': { line: number; text: string };
  'override-word-unknown': { line: number; word: string; day: string };
  'override-sign-contradicts': { line: number; sign: string; word: string; day: string };
  'override-kind-missing': { line: number; day: string };
  'override-repeated': { line: number; day: string; other: number };
  'override-both-kinds': { line: number; day: string; other: number };
  'origin-invalid': { text: string };
  'origin-built-in': { host: string };
  'origin-duplicate': { origin: string };
  /** A settings field the settings schema refused; the options page shows it beside the field. */
  'setting-invalid': Record<never, never>;
  'setting-too-long': { max: number };
  'setting-window-range': { min: number; max: number };

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

  // Workbooks (.xlsx) loaded on the consolidation page: a workbook is untrusted input, screened first.
  /** Not a workbook the page can read (an old .xls, an encrypted or damaged file). */
  'consolidate-xlsx-unreadable': { file: string };
  /** A macro-enabled workbook (.xlsm, a VBA project inside). */
  'consolidate-xlsx-macro': { file: string };
  /** Links to other workbooks, whose values would come from files the page does not have. */
  'consolidate-xlsx-external-links': { file: string };
  /** Its parts would inflate past the cap (a zip bomb). */
  'consolidate-xlsx-inflated-too-large': { file: string; megabytes: number };
  'consolidate-xlsx-too-many-parts': { file: string; max: number };
  'consolidate-xlsx-too-many-rows': { file: string; sheet: string; max: number };
  'consolidate-xlsx-no-sheet': { file: string };
  // Column mappings (pointing at a column on the page).
  /** A mapping for an origin the extension does not run on. */
  'mapping-not-portal': { origin: string };
  /** The mapping would hold more headings or labels than allowed. */
  'mapping-too-large': Record<never, never>;
}

export type ProblemCode = keyof ProblemFields;

/** One problem: `{ code: 'real-date-before-receipt', day: '01/03/2025', received: '02/03/2025' }`. */
export type Problem = { [C in ProblemCode]: { code: C } & ProblemFields[C] }[ProblemCode];

/** The problem of one code, for producers that only ever return a few. */
export type ProblemOf<C extends ProblemCode> = Extract<Problem, { code: C }>;

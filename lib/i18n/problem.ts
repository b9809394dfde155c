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
}

export type ProblemCode = keyof ProblemFields;

/** One problem: `{ code: 'real-date-before-receipt', day: '01/03/2025', received: '02/03/2025' }`. */
export type Problem = { [C in ProblemCode]: { code: C } & ProblemFields[C] }[ProblemCode];

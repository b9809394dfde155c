import * as z from 'zod/mini';
import { APPENDIX_COLUMNS, type AppendixKey, type AppendixValues } from '../rows';
import { REAL_OUTCOME_LABEL_VI, SYSTEM_STATE_LABEL_VI, isAfter, realOutcome } from '../../dossier/classify';
import { parseDayVn, parseMomentVn } from '../../calendar/dmy';
import type { ConsolidationProblem } from './problems';

/**
 * The rules one row of an appendix file must follow (docs/domain.md, the appendix form), as a zod
 * schema whose issues carry a rule name; {@link rowProblems} turns them into problems.
 */

type Rule =
  | 'stt'
  | 'required'
  | 'date'
  | 'state'
  | 'outcome'
  | 'closedWhenUnclosed'
  | 'closedNotLate'
  | 'beforeReceipt'
  | 'outcomeMismatch';

const HEADING_OF = new Map<AppendixKey, string>(APPENDIX_COLUMNS.map((c) => [c.key, c.heading]));

const UNCLOSED = SYSTEM_STATE_LABEL_VI['late-unclosed'];
const CLOSED_LATE = SYSTEM_STATE_LABEL_VI['late-closed'];
const EARLY = REAL_OUTCOME_LABEL_VI.early;
const ON_TIME = REAL_OUTCOME_LABEL_VI['on-time'];
const STATES: readonly string[] = [UNCLOSED, CLOSED_LATE];
const OK_OUTCOMES: readonly string[] = [EARLY, ON_TIME];

const rule = (name: Rule) => ({ message: name });
const text = z.string();
const required = z.string().check(z.minLength(1, rule('required')));
const date = z.string().check(z.refine((s) => parseDayVn(s) !== null, rule('date')));
const optionalDate = z.string().check(z.refine((s) => s === '' || parseDayVn(s) !== null, rule('date')));

const rowSchema = z
  .object({
    stt: z.string().check(z.regex(/^[1-9]\d*$/, rule('stt'))),
    code: required,
    procedure: text,
    sector: text,
    applicant: text,
    received: optionalDate,
    due: optionalDate, // empty where the page never showed the appointment (docs/domain.md, "Composite cells")
    closed: optionalDate,
    state: z.string().check(z.refine((s) => STATES.includes(s), rule('state'))),
    realReturn: date,
    outcome: z.string().check(z.refine((s) => OK_OUTCOMES.includes(s), rule('outcome'))),
    reason: required,
    unit: text,
    note: text,
  })
  .check(
    z.superRefine((row, ctx) => {
      const issue = (path: AppendixKey, message: Rule) => ctx.issues.push({ code: 'custom', path: [path], message, input: row });
      // Dates with or without a time of day; compared to the minute where both carry one, else by day.
      const due = parseMomentVn(row.due);
      const closed = parseMomentVn(row.closed);
      const received = parseMomentVn(row.received);
      const real = parseMomentVn(row.realReturn);
      if (row.state === UNCLOSED && row.closed !== '') issue('closed', 'closedWhenUnclosed');
      if (row.state === CLOSED_LATE) {
        if (row.closed === '') issue('closed', 'required');
        else if (closed && due && !isAfter(closed, due)) issue('closed', 'closedNotLate');
      }
      if (real && received && isAfter(received, real)) issue('realReturn', 'beforeReceipt');
      if (real && due && OK_OUTCOMES.includes(row.outcome)) {
        const expected = REAL_OUTCOME_LABEL_VI[realOutcome(real.day, due, real.time)];
        if (row.outcome !== expected) issue('outcome', 'outcomeMismatch');
      }
    }),
  );

function problemOf(key: AppendixKey, name: Rule): ConsolidationProblem {
  const column = HEADING_OF.get(key) ?? key;
  switch (name) {
    case 'stt':
      return { code: 'consolidate-stt' };
    case 'required':
      return { code: 'consolidate-required', column };
    case 'date':
      return { code: 'consolidate-date', column };
    case 'state':
      return { code: 'consolidate-state', column, first: UNCLOSED, second: CLOSED_LATE };
    case 'outcome':
      return { code: 'consolidate-outcome', column, first: EARLY, second: ON_TIME };
    case 'closedWhenUnclosed':
      return { code: 'consolidate-closed-when-unclosed', column, state: UNCLOSED };
    case 'closedNotLate':
      return { code: 'consolidate-closed-not-late', column, state: CLOSED_LATE };
    case 'beforeReceipt':
      return { code: 'consolidate-before-receipt', column };
    case 'outcomeMismatch':
      return { code: 'consolidate-outcome-mismatch', column };
  }
}

/** Every rule the row breaks, in the schema's order; empty for a good row. */
export function rowProblems(values: AppendixValues): ConsolidationProblem[] {
  const checked = rowSchema.safeParse(values);
  if (checked.success) return [];
  return checked.error.issues.map((issue) => problemOf(issue.path[0] as AppendixKey, issue.message as Rule));
}

/** Undoes the export's formula neutralisation: `'` followed by = + - @ tab CR LF loses the `'`. */
export function unneutralize(cell: string): string {
  return /^'[=+\-@\t\r\n]/.test(cell) ? cell.slice(1) : cell;
}

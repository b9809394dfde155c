import { realOutcome } from './classify';
import { formatDayVn, isIsoDay } from '../calendar/day';
import type { ReadDossier, RealOutcome } from './model';
import type { ProblemOf } from '../i18n/problem';

/**
 * Checks a real return date R typed by staff (docs/domain.md): refused, and nothing saved, when it is empty,
 * not a real day, before the receipt day, or after today. All comparisons are on calendar days.
 */
export type RealReturnError = 'empty' | 'not-a-date' | 'before-receipt' | 'after-today' | 'too-early';

/** The problem of each refusal, worded by the UI's catalogs. */
export type RealReturnProblem = ProblemOf<
  'real-date-empty' | 'real-date-invalid' | 'real-date-before-receipt' | 'real-date-after-today' | 'real-date-too-early'
>;

export type RealReturnValidation =
  | { ok: true; day: string; outcome: RealOutcome }
  | { ok: false; code: RealReturnError; problem: RealReturnProblem };

/**
 * @param input the value of an `<input type="date">`: `yyyy-MM-dd`, or '' when empty or incomplete.
 * @param today today in Vietnam, `yyyy-MM-dd` (see `vietnamDay()`).
 * On success `day` is the `yyyy-MM-dd` day and `outcome` its real outcome against the appointment day.
 */
export function validateRealReturn(
  input: string,
  dossier: Pick<ReadDossier, 'received' | 'due'>,
  today: string,
): RealReturnValidation {
  if (!isIsoDay(today)) throw new RangeError(`today is not a yyyy-MM-dd day: ${today}`);
  const text = input.trim();
  if (text === '') return { ok: false, code: 'empty', problem: { code: 'real-date-empty' } };
  if (!isIsoDay(text)) return { ok: false, code: 'not-a-date', problem: { code: 'real-date-invalid', text } };
  const received = dossier.received?.day;
  if (received && isIsoDay(received) && text < received) {
    return {
      ok: false,
      code: 'before-receipt',
      problem: { code: 'real-date-before-receipt', day: formatDayVn(text), received: formatDayVn(received) },
    };
  }
  if (text > today) {
    return { ok: false, code: 'after-today', problem: { code: 'real-date-after-today', day: formatDayVn(text), today: formatDayVn(today) } };
  }
  return { ok: true, day: text, outcome: realOutcome(text, dossier.due.day) };
}

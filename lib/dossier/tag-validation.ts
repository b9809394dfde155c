import { realOutcome } from './classify';
import { formatDayVn, isIsoDay, nowMoment, type Now } from '../calendar/day';
import type { ReadDossier, RealOutcome } from './model';
import type { ProblemOf } from '../i18n/problem';

/**
 * Checks a real return date R typed by staff (docs/domain.md, "Validation"): refused, and nothing saved,
 * when it is empty, not a real day (or its time not a real `HH:mm`), before the receipt, or after now
 * (Vietnam time). Days are compared, and the minute too where both sides carry a time.
 */
export type RealReturnError = 'empty' | 'not-a-date' | 'before-receipt' | 'after-today' | 'too-early';

/** The problem of each refusal, worded by the UI's catalogs. */
export type RealReturnProblem = ProblemOf<
  'real-date-empty' | 'real-date-invalid' | 'real-date-before-receipt' | 'real-date-after-today' | 'real-date-too-early'
>;

export type RealReturnValidation =
  | { ok: true; day: string; time?: string; outcome: RealOutcome }
  | { ok: false; code: RealReturnError; problem: RealReturnProblem };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `dd/MM/yyyy`, with ` HH:mm` where a time is given. */
function shown(day: string, time?: string): string {
  return time ? `${formatDayVn(day)} ${time.slice(0, 5)}` : formatDayVn(day);
}

/**
 * @param input the value of an `<input type="date">`: `yyyy-MM-dd`, or '' when empty or incomplete.
 * @param now now in Vietnam (`vietnamNow()`); a bare day (`vietnamDay()`) compares days only.
 * @param timeInput the value of an `<input type="time">` (`HH:mm`), '' or undefined for a bare day.
 * On success `day` (and `time`, where given) and `outcome`, the real outcome against the appointment.
 */
export function validateRealReturn(
  input: string,
  dossier: Pick<ReadDossier, 'received' | 'due'>,
  now: Now,
  timeInput?: string,
): RealReturnValidation {
  const current = nowMoment(now);
  if (!isIsoDay(current.day)) throw new RangeError(`today is not a yyyy-MM-dd day: ${current.day}`);
  const text = input.trim();
  if (text === '') return { ok: false, code: 'empty', problem: { code: 'real-date-empty' } };
  if (!isIsoDay(text)) return { ok: false, code: 'not-a-date', problem: { code: 'real-date-invalid', text } };
  const time = timeInput?.trim() || undefined;
  if (time !== undefined && !TIME.test(time)) {
    return { ok: false, code: 'not-a-date', problem: { code: 'real-date-invalid', text: `${text} ${time}` } };
  }
  const received = dossier.received;
  const receivedTime = received?.time?.slice(0, 5);
  if (received && isIsoDay(received.day) && (text < received.day || (text === received.day && time && receivedTime && time < receivedTime))) {
    const withTime = text === received.day && time !== undefined;
    return {
      ok: false,
      code: 'before-receipt',
      problem: {
        code: 'real-date-before-receipt',
        day: shown(text, withTime ? time : undefined),
        received: shown(received.day, withTime ? receivedTime : undefined),
      },
    };
  }
  const nowTime = current.time?.slice(0, 5);
  if (text > current.day || (text === current.day && time && nowTime && time > nowTime)) {
    const withTime = text === current.day;
    return {
      ok: false,
      code: 'after-today',
      problem: { code: 'real-date-after-today', day: shown(text, withTime ? time : undefined), today: shown(current.day, withTime ? nowTime : undefined) },
    };
  }
  return { ok: true, day: text, ...(time ? { time } : {}), outcome: realOutcome(text, dossier.due, time) };
}

import { realOutcome } from './classify';
import { formatDayVn, isIsoDay } from '../calendar/day';
import type { ReadDossier, RealOutcome } from './model';

/**
 * Checks a real return date R typed by staff (docs/domain.md): refused, and nothing saved, when it is empty,
 * not a real day, before the receipt day, or after today. All comparisons are on calendar days.
 */
export type RealReturnError = 'empty' | 'not-a-date' | 'before-receipt' | 'after-today';

export type RealReturnValidation =
  | { ok: true; day: string; outcome: RealOutcome }
  | { ok: false; code: RealReturnError; message: string; messageEn: string };

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
  if (text === '') {
    return {
      ok: false,
      code: 'empty',
      message: 'Chưa nhập ngày trả kết quả thực tế.',
      messageEn: 'The real return date is empty.',
    };
  }
  if (!isIsoDay(text)) {
    return {
      ok: false,
      code: 'not-a-date',
      message: `Ngày trả thực tế "${text}" không phải là một ngày hợp lệ.`,
      messageEn: `The real return date "${text}" is not a valid date.`,
    };
  }
  const received = dossier.received?.day;
  if (received && isIsoDay(received) && text < received) {
    return {
      ok: false,
      code: 'before-receipt',
      message: `Ngày trả thực tế ${formatDayVn(text)} trước ngày tiếp nhận ${formatDayVn(received)}.`,
      messageEn: `The real return date ${formatDayVn(text)} is before the receipt date ${formatDayVn(received)}.`,
    };
  }
  if (text > today) {
    return {
      ok: false,
      code: 'after-today',
      message: `Ngày trả thực tế ${formatDayVn(text)} sau ngày hôm nay ${formatDayVn(today)}.`,
      messageEn: `The real return date ${formatDayVn(text)} is after today ${formatDayVn(today)}.`,
    };
  }
  return { ok: true, day: text, outcome: realOutcome(text, dossier.due.day) };
}

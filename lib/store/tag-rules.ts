import { formatDayVn, type Now } from '../calendar/day';
import type { ReadDossier } from '../dossier/model';
import { validateRealReturn, type RealReturnValidation } from '../dossier/tag-validation';

/**
 * The rules a stored tag obeys, whether staff typed it, an undo puts it back or a backup brings it:
 * the real return day is a real day (its time a real `HH:mm`), not before the receipt, not after now, and not before the
 * earliest day the store accepts (a dossier without a receipt day would otherwise take 1900).
 */

/** No one-stop office returned a result this extension can list before this day. */
export const EARLIEST_REAL_RETURN = '2000-01-01';

export function checkRealReturn(
  input: string,
  dossier: Pick<ReadDossier, 'received' | 'due'>,
  now: Now,
  time?: string,
): RealReturnValidation {
  const checked = validateRealReturn(input, dossier, now, time);
  if (checked.ok && checked.day < EARLIEST_REAL_RETURN) {
    return {
      ok: false,
      code: 'too-early',
      problem: { code: 'real-date-too-early', day: formatDayVn(checked.day), earliest: formatDayVn(EARLIEST_REAL_RETURN) },
    };
  }
  return checked;
}

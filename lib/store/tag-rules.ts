import { formatDayVn } from '../calendar/day';
import type { ReadDossier } from '../dossier/model';
import { validateRealReturn, type RealReturnValidation } from '../dossier/tag-validation';

/**
 * The rules a stored tag obeys, whether staff typed it, an undo puts it back or a backup brings it:
 * the real return day is a real day, not before the receipt day, not after today, and not before the
 * earliest day the store accepts (a dossier without a receipt day would otherwise take 1900).
 */

/** No one-stop office returned a result this extension can list before this day. */
export const EARLIEST_REAL_RETURN = '2000-01-01';

export function checkRealReturn(input: string, dossier: Pick<ReadDossier, 'received' | 'due'>, today: string): RealReturnValidation {
  const checked = validateRealReturn(input, dossier, today);
  if (checked.ok && checked.day < EARLIEST_REAL_RETURN) {
    return {
      ok: false,
      code: 'too-early',
      problem: { code: 'real-date-too-early', day: formatDayVn(checked.day), earliest: formatDayVn(EARLIEST_REAL_RETURN) },
    };
  }
  return checked;
}

import type { WorkingCalendar } from '../calendar/working-calendar';
import type { StoredDossier } from '../dossier/model';
import type { Now } from '../calendar/day';
import { followupItems, type FollowupItem } from './followup';

/**
 * Monitoring for the head of the office (close dossiers in time, not only report them), on the rule of
 * ./followup.ts: (a) dossiers tagged as returned to the citizen but still not closed on the system, and
 * (b) those not closed that are past due or due within the next N working days. A dossier in (a) is not
 * repeated in (b). The toolbar badge shows (a) + (b).
 */

export type MonitorItem = FollowupItem;

export interface MonitorResult {
  returnedNotClosed: MonitorItem[];
  /** Overdue and open, then due within the window; earliest appointment first. */
  dueSoon: MonitorItem[];
  /** Of `dueSoon`, the dossiers already late on the system. */
  overdue: number;
  /** How many need action: (a) + (b). */
  actionCount: number;
}

export function monitorDossiers(
  dossiers: readonly StoredDossier[],
  now: Now,
  calendar: WorkingCalendar,
  windowWorkingDays: number,
): MonitorResult {
  const items = followupItems(dossiers, now, calendar, windowWorkingDays);
  const returnedNotClosed = items.filter((item) => item.kind === 'returned-not-closed');
  const dueSoon = items.filter((item) => item.kind !== 'returned-not-closed');
  const overdue = dueSoon.filter((item) => item.kind === 'overdue').length;
  return { returnedNotClosed, dueSoon, overdue, actionCount: items.length };
}

/** The badge text: empty when nothing needs action, `999+` beyond three digits. */
export function badgeText(actionCount: number): string {
  if (actionCount <= 0) return '';
  return actionCount > 999 ? '999+' : String(actionCount);
}


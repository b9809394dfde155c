import { systemState } from '../dossier/classify';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { StoredDossier } from '../dossier/model';

/**
 * Monitoring for the head of the office (so dossiers get closed in time, not only reported):
 * (a) dossiers tagged as returned to the citizen but still not closed on the system — close them now;
 * (b) dossiers seen that are not closed and are past due, or due within the next N working days.
 * A dossier in (a) is not repeated in (b). The toolbar badge shows (a) + (b).
 */

export interface MonitorItem {
  dossier: StoredDossier;
  /** Working days until the appointment day (negative when past due). */
  workingDaysLeft: number;
}

export interface MonitorResult {
  returnedNotClosed: MonitorItem[];
  dueSoon: MonitorItem[];
  /** How many need action: (a) + (b). */
  actionCount: number;
}

function workingDaysLeft(due: string, today: string, calendar: WorkingCalendar): number {
  return due >= today ? calendar.workingDaysBetween(today, due) : -calendar.workingDaysBetween(due, today);
}

export function monitorDossiers(
  dossiers: readonly StoredDossier[],
  today: string,
  calendar: WorkingCalendar,
  windowWorkingDays: number,
): MonitorResult {
  const returnedNotClosed: MonitorItem[] = [];
  const dueSoon: MonitorItem[] = [];
  for (const dossier of dossiers) {
    if (dossier.closed) continue;
    const left = workingDaysLeft(dossier.due.day, today, calendar);
    if (dossier.tag) {
      returnedNotClosed.push({ dossier, workingDaysLeft: left });
      continue;
    }
    if (systemState(dossier, today) === 'late-unclosed' || left <= windowWorkingDays) {
      dueSoon.push({ dossier, workingDaysLeft: left });
    }
  }
  const byDue = (a: MonitorItem, b: MonitorItem) =>
    a.dossier.due.day < b.dossier.due.day ? -1 : a.dossier.due.day > b.dossier.due.day ? 1 : a.dossier.code < b.dossier.code ? -1 : 1;
  returnedNotClosed.sort(byDue);
  dueSoon.sort(byDue);
  return { returnedNotClosed, dueSoon, actionCount: returnedNotClosed.length + dueSoon.length };
}

/** The badge text: empty when nothing needs action, `999+` beyond three digits. */
export function badgeText(actionCount: number): string {
  if (actionCount <= 0) return '';
  return actionCount > 999 ? '999+' : String(actionCount);
}

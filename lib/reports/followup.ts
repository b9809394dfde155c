import { systemState } from '../dossier/classify';
import { nowDay, type Now } from '../calendar/day';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { StoredDossier } from '../dossier/model';

/**
 * The follow-up rule shared by the popup's "needs action" lists, the toolbar badge, the morning reminder
 * and the dashboard's lists per processing unit (docs/domain.md). A dossier not closed on the system is:
 * - `returned-not-closed` when staff tagged it as returned to the citizen: close it on the system now;
 * - else `overdue` when it is late on the system (lib/dossier/classify.ts decides lateness);
 * - else `due-soon` when its appointment is within the next N working days (today counts as 0).
 * A closed dossier, or one due later, needs no follow-up.
 */

export type FollowupKind = 'returned-not-closed' | 'overdue' | 'due-soon';

export const FOLLOWUP_KINDS: readonly FollowupKind[] = ['returned-not-closed', 'overdue', 'due-soon'];

/** The dashboard address parameter naming the follow-up lists shown (repeated, one per kind). */
export const KIND_PARAM = 'kind';

/**
 * `?kind=…&kind=…`: the dashboard on some follow-up lists only. Here rather than with the rest of the
 * dashboard's address so that the background (the reminder) can build it without the page's modules.
 */
export function followupQuery(kinds: readonly FollowupKind[]): string {
  const params = new URLSearchParams();
  for (const kind of kinds) params.append(KIND_PARAM, kind);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export interface FollowupItem {
  dossier: StoredDossier;
  kind: FollowupKind;
  /** Working days until the appointment day (negative when past it, 0 on the day itself). */
  workingDaysLeft: number;
}

/** Working days from today to the appointment day: positive before it, negative after it. */
export function workingDaysLeft(due: string, today: string, calendar: WorkingCalendar): number {
  return calendar.workingDaysBetween(today, due);
}

/** The follow-up kind of one dossier now, or null when it needs none. */
export function followupKind(
  dossier: StoredDossier,
  now: Now,
  daysLeft: number,
  windowWorkingDays: number,
): FollowupKind | null {
  if (dossier.closed) return null;
  if (dossier.tag) return 'returned-not-closed';
  if (systemState(dossier, now) === 'late-unclosed') return 'overdue';
  return daysLeft <= windowWorkingDays ? 'due-soon' : null;
}

const KIND_ORDER: Record<FollowupKind, number> = { 'returned-not-closed': 0, overdue: 1, 'due-soon': 2 };

/** Earliest appointment first (the most urgent), then by code; kinds are kept apart by the caller. */
export function compareByDue(a: FollowupItem, b: FollowupItem): number {
  const x = a.dossier;
  const y = b.dossier;
  // An unknown appointment (a list read with the portal's verdict) comes last.
  if (!x.due || !y.due) {
    if (x.due !== y.due) return x.due ? -1 : 1;
    return x.code < y.code ? -1 : x.code > y.code ? 1 : 0;
  }
  if (x.due.day !== y.due.day) return x.due.day < y.due.day ? -1 : 1;
  const xt = x.due.time ?? '99';
  const yt = y.due.time ?? '99';
  if (xt !== yt) return xt < yt ? -1 : 1;
  return x.code < y.code ? -1 : x.code > y.code ? 1 : 0;
}

/** Every dossier that needs follow-up today, in kind order, the most urgent first within a kind. */
export function followupItems(
  dossiers: readonly StoredDossier[],
  now: Now,
  calendar: WorkingCalendar,
  windowWorkingDays: number,
): FollowupItem[] {
  const today = nowDay(now);
  const items: FollowupItem[] = [];
  for (const dossier of dossiers) {
    if (dossier.closed) continue; // the common case: skip the working-day count
    if (!dossier.due) continue; // no appointment shown: no working days to count to (docs/domain.md)
    const left = workingDaysLeft(dossier.due.day, today, calendar);
    const kind = followupKind(dossier, now, left, windowWorkingDays);
    if (kind) items.push({ dossier, kind, workingDaysLeft: left });
  }
  return items.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareByDue(a, b));
}

export interface UnitFollowup {
  /** The unit as read from the portal ('' where the list had no unit column). */
  unit: string;
  items: FollowupItem[];
  counts: Record<FollowupKind, number>;
}

/** The follow-up items grouped by processing unit, units in Vietnamese alphabetical order. */
export function followupByUnit(items: readonly FollowupItem[]): UnitFollowup[] {
  const byUnit = new Map<string, UnitFollowup>();
  for (const item of items) {
    const unit = item.dossier.unit.trim();
    let entry = byUnit.get(unit);
    if (!entry) byUnit.set(unit, (entry = { unit, items: [], counts: { 'returned-not-closed': 0, overdue: 0, 'due-soon': 0 } }));
    entry.items.push(item);
    entry.counts[item.kind]++;
  }
  return [...byUnit.values()].sort((a, b) => a.unit.localeCompare(b.unit, 'vi'));
}

/**
 * Time left before the appointment, or time late after it, as the lists show it: whole working days
 * when the appointment is another day; on the appointment day itself, the minutes to (positive) or past
 * (negative) its time of day where the portal showed one, else null ("due today").
 */
export interface TimeLeft {
  workingDays: number;
  minutesToday: number | null;
}

const VIETNAM_OFFSET_MINUTES = 7 * 60;

/** Minutes since midnight in Vietnam (UTC+7) at the given instant. */
export function vietnamMinutes(instant: number): number {
  const minutes = Math.floor(instant / 60_000) + VIETNAM_OFFSET_MINUTES;
  return ((minutes % 1440) + 1440) % 1440;
}

export function timeLeft(item: FollowupItem, today: string, nowMinutes: number): TimeLeft {
  const { due } = item.dossier;
  if (!due || due.day !== today || !due.time) return { workingDays: item.workingDaysLeft, minutesToday: null };
  const [hours = 0, minutes = 0] = due.time.split(':').map(Number);
  return { workingDays: 0, minutesToday: hours * 60 + minutes - nowMinutes };
}

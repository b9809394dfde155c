import { daysBetween } from '../calendar/day';
import type { ReadDossier, RealOutcome, SystemState } from './model';

/**
 * Lateness on the system (docs/domain.md): calendar days in Vietnam time. With appointment day D,
 * closing day C and today T: closed and C > D is "late-closed"; not closed and T > D is
 * "late-unclosed"; anything else is not late. The time of day never matters: a dossier closed at 21:00
 * on its due day is on time.
 */
export function systemState(dossier: Pick<ReadDossier, 'due' | 'closed'>, today: string): SystemState {
  const due = dossier.due.day;
  if (dossier.closed) return dossier.closed.day > due ? 'late-closed' : 'not-late';
  return today > due ? 'late-unclosed' : 'not-late';
}

export function isLateOnSystem(dossier: Pick<ReadDossier, 'due' | 'closed'>, today: string): boolean {
  return systemState(dossier, today) !== 'not-late';
}

/** Calendar days late on the system: closing day (or today when not closed) minus due day, never < 0. */
export function calendarDaysLate(dossier: Pick<ReadDossier, 'due' | 'closed'>, today: string): number {
  const end = dossier.closed ? dossier.closed.day : today;
  return Math.max(0, daysBetween(dossier.due.day, end));
}

/** Real outcome from the real return day R against the appointment day D (docs/domain.md). */
export function realOutcome(realReturn: string, due: string): RealOutcome {
  if (realReturn < due) return 'early';
  if (realReturn === due) return 'on-time';
  return 'late';
}

/** The Vietnamese labels the appendix and the panel write for each state and outcome. */
export const SYSTEM_STATE_LABEL_VI: Record<Exclude<SystemState, 'not-late'>, string> = {
  'late-unclosed': 'Chưa kết thúc',
  'late-closed': 'Kết thúc muộn',
};

export const REAL_OUTCOME_LABEL_VI: Record<RealOutcome, string> = {
  early: 'Trước hạn',
  'on-time': 'Đúng hạn',
  late: 'Quá hạn',
};

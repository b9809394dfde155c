import { daysBetween, nowDay, nowMoment, vietnamInstant, type DayMoment, type Now } from '../calendar/day';
import type { PortalVerdict, ReadDossier, RealOutcome, SystemState } from './model';

/** `HH:mm` of a time as stored (`HH:mm` or `HH:mm:ss`): the finest unit is the minute. */
function minuteOf(time: string | undefined): string | undefined {
  return time ? time.slice(0, 5) : undefined;
}

/**
 * Whether moment `a` is after moment `b` (docs/domain.md, "Lateness on the system"): to the minute where
 * both carry a time, else by day. Times are zero-padded `HH:mm[:ss]`, so they compare as strings.
 */
export function isAfter(a: DayMoment, b: DayMoment): boolean {
  if (a.day !== b.day) return a.day > b.day;
  const at = minuteOf(a.time);
  const bt = minuteOf(b.time);
  return at !== undefined && bt !== undefined && at > bt;
}

/**
 * Lateness on the system (docs/domain.md, "Lateness on the system"), in Vietnam time. With appointment
 * D, closing C and now N: closed and C after D is "late-closed"; not closed and N after D is
 * "late-unclosed"; anything else is not late. A bare-day D lasts until the end of its day. `now` should
 * be the Vietnam minute (`vietnamNow()`); a bare day means the time is unknown, so days are compared.
 * Where the row showed the portal's own verdict, that verdict decides (see `effectiveVerdict`).
 */
export function systemState(dossier: Pick<ReadDossier, 'due' | 'closed' | 'verdict'>, now: Now): SystemState {
  const verdict = effectiveVerdict(dossier);
  if (verdict === undefined) return computedState(dossier, now);
  if (verdict === 'not-late') return 'not-late';
  return dossier.closed ? 'late-closed' : 'late-unclosed';
}

/**
 * The rule on the dates alone, whatever the row's verdict. Without an appointment (a list read with the
 * portal's verdict alone) the dates say nothing: not late.
 */
export function computedState(dossier: Pick<ReadDossier, 'due' | 'closed'>, now: Now): SystemState {
  if (!dossier.due) return 'not-late';
  if (dossier.closed) return isAfter(dossier.closed, dossier.due) ? 'late-closed' : 'not-late';
  return isAfter(nowMoment(now), dossier.due) ? 'late-unclosed' : 'not-late';
}

/**
 * The verdict that decides (docs/domain.md, "The portal's own verdict"). An on-time verdict read on an
 * open dossier ("Trong hạn") held only when it was read: the stored read would keep it on time after its
 * appointment passed, so for an open dossier only a late verdict decides.
 */
function effectiveVerdict(dossier: Pick<ReadDossier, 'closed' | 'verdict'>): PortalVerdict | undefined {
  if (dossier.verdict === 'not-late' && !dossier.closed) return undefined;
  return dossier.verdict;
}

/**
 * Where the row's own verdict and the rule on its dates disagree, both readings (for staff to check);
 * null where they agree or the row shows no verdict.
 */
export function verdictDisagreement(
  dossier: Pick<ReadDossier, 'due' | 'closed' | 'verdict'>,
  now: Now,
): { portal: PortalVerdict; computed: PortalVerdict } | null {
  const verdict = effectiveVerdict(dossier);
  // Without an appointment there is no rule to disagree with.
  if (verdict === undefined || !dossier.due) return null;
  const computed: PortalVerdict = computedState(dossier, now) === 'not-late' ? 'not-late' : 'late';
  return computed === verdict ? null : { portal: verdict, computed };
}

export function isLateOnSystem(dossier: Pick<ReadDossier, 'due' | 'closed' | 'verdict'>, now: Now): boolean {
  return systemState(dossier, now) !== 'not-late';
}

/**
 * Calendar days late on the system: closing day (or today when not closed) minus due day, never < 0;
 * 0 where the appointment is unknown.
 */
export function calendarDaysLate(dossier: Pick<ReadDossier, 'due' | 'closed'>, now: Now): number {
  if (!dossier.due) return 0;
  const end = dossier.closed ? dossier.closed.day : nowDay(now);
  return Math.max(0, daysBetween(dossier.due.day, end));
}

/**
 * Minutes late on the system within the appointment day: from D's time to the closing (or now) when
 * both carry a time and fall on D's day, else null (the lateness is counted in days).
 */
export function minutesLate(dossier: Pick<ReadDossier, 'due' | 'closed'>, now: Now): number | null {
  const end: DayMoment = dossier.closed ?? nowMoment(now);
  const due = dossier.due;
  if (!due || end.day !== due.day || !due.time || !end.time) return null;
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return Math.max(0, minutes(end.time) - minutes(due.time));
}

/**
 * The Vietnam instant (epoch ms) at which an open dossier becomes late on the system: the minute after
 * a timed appointment, or 00:00 the day after a bare-day one.
 */
export function lateFrom(due: DayMoment): number {
  if (due.time) return vietnamInstant(due.day, minuteOf(due.time)) + 60_000;
  return vietnamInstant(due.day) + 24 * 60 * 60 * 1000;
}

/**
 * The next instant (epoch ms) after `instant` at which an open dossier becomes late on the system, so
 * that the badge and the panel can recount then rather than only after a write or a re-read: the
 * minute after a timed appointment passes, or the midnight after a bare-day one. Null when no open
 * dossier is still ahead of its appointment. One pass over dossiers already loaded.
 */
export function nextLatenessChange(dossiers: readonly Pick<ReadDossier, 'due' | 'closed'>[], instant: number): number | null {
  let next: number | null = null;
  for (const dossier of dossiers) {
    if (dossier.closed || !dossier.due) continue;
    const at = lateFrom(dossier.due);
    if (at > instant && (next === null || at < next)) next = at;
  }
  return next;
}

/**
 * Real outcome of the real return R against the appointment D (docs/domain.md, "The real outcome"):
 * early when R's day is before D's, on time on D's day unless R is after D to the minute (where both
 * carry a time), late after. R is a tag's day (`yyyy-MM-dd`) and optional time.
 */
export function realOutcome(realReturn: string, due: DayMoment | null, time?: string): RealOutcome {
  // An appointment the page never showed cannot be compared with: the staff's tag on a dossier the
  // system shows late says the result was handed over in time (docs/domain.md, "The real outcome").
  if (!due) return 'on-time';
  if (realReturn < due.day) return 'early';
  const real: DayMoment = time ? { day: realReturn, time } : { day: realReturn };
  return isAfter(real, due) ? 'late' : 'on-time';
}

/** The real outcome of a tag against the dossier's appointment. */
export function tagOutcome(tag: { realReturn: string; time?: string }, due: DayMoment | null): RealOutcome {
  return realOutcome(tag.realReturn, due, tag.time);
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

import { describe, expect, it } from 'vitest';
import {
  REAL_OUTCOME_LABEL_VI,
  SYSTEM_STATE_LABEL_VI,
  calendarDaysLate,
  computedState,
  tagOutcome,
  verdictDisagreement,
  isAfter,
  isLateOnSystem,
  lateFrom,
  minutesLate,
  realOutcome,
  systemState,
} from '../../../lib/dossier/classify';
import type { PortalDate, PortalVerdict, RealOutcome, SystemState } from '../../../lib/dossier/model';
import { vietnamNow } from '../../../lib/calendar/day';

const at = (day: string, time?: string): PortalDate => (time === undefined ? { day } : { day, time });

type Case = [name: string, due: PortalDate, closed: PortalDate | null, today: string, state: SystemState, late: number];

const CASES: Case[] = [
  ['closed before the due day', at('2026-11-27'), at('2026-11-25'), '2026-12-10', 'not-late', 0],
  ['closed on the due day', at('2026-11-27'), at('2026-11-27'), '2026-12-10', 'not-late', 0],
  ['closed on the due day at 23:59, due 08:00 (to the minute)', at('2026-11-27', '08:00'), at('2026-11-27', '23:59'), '2026-12-10', 'late-closed', 0],
  ['closed on the due day at 23:59:59, due 00:00:00', at('2026-11-27', '00:00:00'), at('2026-11-27', '23:59:59'), '2026-12-10', 'late-closed', 0],
  ['closed at 21:00 on a bare due day', at('2026-11-27'), at('2026-11-27', '21:00'), '2026-12-10', 'not-late', 0],
  ['closed the day after at 00:01', at('2026-11-27', '17:00'), at('2026-11-28', '00:01'), '2026-12-10', 'late-closed', 1],
  ['closed the day after', at('2026-11-27'), at('2026-11-28'), '2026-11-28', 'late-closed', 1],
  ['closed a month later', at('2026-11-27'), at('2026-12-27'), '2027-01-05', 'late-closed', 30],
  ['closed late, across a year', at('2026-12-31'), at('2027-01-02'), '2027-01-02', 'late-closed', 2],
  ['not closed, today before due', at('2026-11-27'), null, '2026-11-26', 'not-late', 0],
  ['not closed, today == due', at('2026-11-27'), null, '2026-11-27', 'not-late', 0],
  ['not closed, today == due+1', at('2026-11-27'), null, '2026-11-28', 'late-unclosed', 1],
  ['not closed, today == due+3', at('2026-11-27'), null, '2026-11-30', 'late-unclosed', 3],
  ['not closed, leap day due', at('2024-02-29'), null, '2024-03-01', 'late-unclosed', 1],
  ['closed on time though today is much later', at('2026-11-27'), at('2026-11-20'), '2027-06-01', 'not-late', 0],
];

describe('systemState / isLateOnSystem / calendarDaysLate', () => {
  it.each(CASES)('%s', (_name, due, closed, today, state, late) => {
    const dossier = { due, closed };
    expect(systemState(dossier, today)).toBe(state);
    expect(isLateOnSystem(dossier, today)).toBe(state !== 'not-late');
    expect(calendarDaysLate(dossier, today)).toBe(late);
  });
});

/**
 * Every combination of a bare or timed appointment with a bare or timed closing, closed before, at or one
 * minute after the appointment (docs/domain.md, "Lateness on the system").
 */
describe('systemState to the minute', () => {
  const D = '2025-07-15';
  type Row = [due: PortalDate, closed: PortalDate, state: SystemState];
  const table: Row[] = [
    // timed appointment, timed closing: to the minute, seconds ignored
    [at(D, '17:00'), at(D, '16:59'), 'not-late'],
    [at(D, '17:00'), at(D, '17:00'), 'not-late'],
    [at(D, '17:00'), at(D, '17:00:45'), 'not-late'],
    [at(D, '17:00'), at(D, '17:01'), 'late-closed'],
    [at(D, '17:00'), at(D, '17:40'), 'late-closed'],
    [at(D, '10:30'), at(D, '15:00'), 'late-closed'],
    [at(D, '17:00:59'), at(D, '17:00:01'), 'not-late'],
    [at(D, '23:59'), at('2025-07-16', '00:00'), 'late-closed'],
    [at(D, '00:00'), at('2025-07-14', '23:59'), 'not-late'],
    // timed appointment, bare closing: days compared
    [at(D, '17:00'), at('2025-07-14'), 'not-late'],
    [at(D, '17:00'), at(D), 'not-late'],
    [at(D, '17:00'), at('2025-07-16'), 'late-closed'],
    // bare appointment, timed closing: days compared
    [at(D), at('2025-07-14', '23:59'), 'not-late'],
    [at(D), at(D, '21:00'), 'not-late'],
    [at(D), at(D, '23:59'), 'not-late'],
    [at(D), at('2025-07-16', '00:00'), 'late-closed'],
    // bare appointment, bare closing
    [at(D), at('2025-07-14'), 'not-late'],
    [at(D), at(D), 'not-late'],
    [at(D), at('2025-07-16'), 'late-closed'],
  ];
  it.each(table)('due %o, closed %o → %s', (due, closed, state) => {
    // Now does not matter once a dossier is closed.
    for (const now of ['2025-07-01', at('2025-07-15', '12:00'), at('2026-01-01', '00:00')]) {
      expect(systemState({ due, closed }, now)).toBe(state);
    }
  });

  type OpenRow = [due: PortalDate, now: PortalDate | string, state: SystemState];
  const open: OpenRow[] = [
    [at(D, '17:00'), at(D, '16:59'), 'not-late'],
    [at(D, '17:00'), at(D, '17:00'), 'not-late'],
    [at(D, '17:00'), at(D, '17:01'), 'late-unclosed'],
    [at(D, '10:30'), at(D, '11:00'), 'late-unclosed'],
    [at(D, '17:00'), at('2025-07-14', '23:59'), 'not-late'],
    [at(D, '17:00'), at('2025-07-16', '00:00'), 'late-unclosed'],
    // a bare-day appointment lasts until the end of its day
    [at(D), at(D, '00:00'), 'not-late'],
    [at(D), at(D, '23:59'), 'not-late'],
    [at(D), at('2025-07-16', '00:00'), 'late-unclosed'],
    [at(D), at('2025-07-14', '23:59'), 'not-late'],
    // now known only to the day: days compared
    [at(D, '17:00'), D, 'not-late'],
    [at(D, '17:00'), '2025-07-16', 'late-unclosed'],
  ];
  it.each(open)('open, due %o, now %o → %s', (due, now, state) => {
    expect(systemState({ due, closed: null }, now)).toBe(state);
  });

  it('isAfter compares to the minute only where both carry a time', () => {
    expect(isAfter(at(D, '17:40'), at(D, '17:00'))).toBe(true);
    expect(isAfter(at(D, '17:00:59'), at(D, '17:00'))).toBe(false);
    expect(isAfter(at(D, '23:59'), at(D))).toBe(false);
    expect(isAfter(at(D), at(D, '00:00'))).toBe(false);
    expect(isAfter(at('2025-07-16'), at(D, '23:59'))).toBe(true);
  });

  it('minutesLate counts within the appointment day only, where both carry a time', () => {
    expect(minutesLate({ due: at(D, '17:00'), closed: at(D, '17:40') }, '2025-08-01')).toBe(40);
    expect(minutesLate({ due: at(D, '10:30'), closed: null }, at(D, '12:05'))).toBe(95);
    expect(minutesLate({ due: at(D, '17:00'), closed: at('2025-07-16', '08:00') }, '2025-08-01')).toBeNull();
    expect(minutesLate({ due: at(D), closed: at(D, '17:40') }, '2025-08-01')).toBeNull();
    expect(minutesLate({ due: at(D, '10:30'), closed: null }, D)).toBeNull();
  });

  it('lateFrom: the minute after a timed appointment, the midnight after a bare day (Vietnam time)', () => {
    expect(new Date(lateFrom(at(D, '17:00'))).toISOString()).toBe('2025-07-15T10:01:00.000Z');
    expect(new Date(lateFrom(at(D, '17:00:30'))).toISOString()).toBe('2025-07-15T10:01:00.000Z');
    expect(new Date(lateFrom(at(D))).toISOString()).toBe('2025-07-15T17:00:00.000Z');
    // and systemState agrees at those instants
    expect(systemState({ due: at(D, '17:00'), closed: null }, vietnamNow(lateFrom(at(D, '17:00')) - 1))).toBe('not-late');
    expect(systemState({ due: at(D, '17:00'), closed: null }, vietnamNow(lateFrom(at(D, '17:00'))))).toBe('late-unclosed');
    expect(systemState({ due: at(D), closed: null }, vietnamNow(lateFrom(at(D)) - 1))).toBe('not-late');
    expect(systemState({ due: at(D), closed: null }, vietnamNow(lateFrom(at(D))))).toBe('late-unclosed');
  });
});

describe("the portal's own verdict decides; a disagreement is reported", () => {
  const D = '2025-07-15';
  const now = at('2025-07-20', '09:00');
  type Row = [name: string, due: PortalDate, closed: PortalDate | null, verdict: PortalVerdict | undefined, state: SystemState, check: boolean];
  const table: Row[] = [
    ['closed late, says late', at(D, '17:00'), at(D, '17:40'), 'late', 'late-closed', false],
    ['closed on time by the day rule, says late (the domain example)', at(D), at(D, '18:10'), 'late', 'late-closed', true],
    ['closed late by the minute, says on time', at(D, '17:00'), at(D, '17:40'), 'not-late', 'not-late', true],
    ['closed on time, says on time', at(D, '17:00'), at(D, '16:00'), 'not-late', 'not-late', false],
    ['open and past due, says late', at(D), null, 'late', 'late-unclosed', false],
    ['open, not yet due, says late', at('2025-07-25'), null, 'late', 'late-unclosed', true],
    // an on-time verdict on an open dossier held only when read: the dates decide
    ['open and past due, said on time', at(D), null, 'not-late', 'late-unclosed', false],
    ['open, not yet due, said on time', at('2025-07-25'), null, 'not-late', 'not-late', false],
    ['no verdict: the dates decide', at(D, '17:00'), at(D, '17:40'), undefined, 'late-closed', false],
  ];
  it.each(table)('%s', (_name, due, closed, verdict, state, check) => {
    const dossier = { due, closed, ...(verdict ? { verdict } : {}) };
    expect(systemState(dossier, now)).toBe(state);
    const disagreement = verdictDisagreement(dossier, now);
    expect(disagreement !== null).toBe(check);
    if (disagreement) {
      expect(disagreement.portal).toBe(verdict);
      expect(disagreement.computed).toBe(computedState(dossier, now) === 'not-late' ? 'not-late' : 'late');
      expect(disagreement.computed).not.toBe(disagreement.portal);
    }
  });
});

describe('realOutcome', () => {
  it.each<[string, string, RealOutcome]>([
    ['2026-11-26', '2026-11-27', 'early'],
    ['2026-10-30', '2026-11-27', 'early'],
    ['2026-11-27', '2026-11-27', 'on-time'],
    ['2026-11-28', '2026-11-27', 'late'],
    ['2027-01-01', '2026-12-31', 'late'],
    ['2026-12-31', '2027-01-01', 'early'],
  ])('returned %s, due %s → %s', (real, due, expected) => {
    expect(realOutcome(real, { day: due })).toBe(expected);
  });

  // docs/domain.md, "The real outcome": to the minute where both carry a time, else by day.
  it.each<[string, string | undefined, PortalDate, RealOutcome]>([
    ['2025-07-14', '23:00', at('2025-07-15', '17:00'), 'early'],
    ['2025-07-15', '16:30', at('2025-07-15', '17:00'), 'on-time'],
    ['2025-07-15', '17:00', at('2025-07-15', '17:00'), 'on-time'],
    ['2025-07-15', '17:01', at('2025-07-15', '17:00'), 'late'],
    ['2025-07-15', '17:30', at('2025-07-15', '17:00'), 'late'],
    ['2025-07-15', undefined, at('2025-07-15', '17:00'), 'on-time'],
    ['2025-07-15', '21:00', at('2025-07-15'), 'on-time'],
    ['2025-07-16', undefined, at('2025-07-15', '17:00'), 'late'],
    ['2025-07-16', '07:00', at('2025-07-15'), 'late'],
  ])('returned %s %s, due %o → %s', (day, time, due, expected) => {
    expect(realOutcome(day, due, time)).toBe(expected);
    expect(tagOutcome(time ? { realReturn: day, time } : { realReturn: day }, due)).toBe(expected);
  });

  it('labels', () => {
    expect(SYSTEM_STATE_LABEL_VI).toEqual({ 'late-unclosed': 'Chưa kết thúc', 'late-closed': 'Kết thúc muộn' });
    expect(REAL_OUTCOME_LABEL_VI).toEqual({ early: 'Trước hạn', 'on-time': 'Đúng hạn', late: 'Quá hạn' });
  });
});

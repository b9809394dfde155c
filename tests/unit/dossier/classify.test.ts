import { describe, expect, it } from 'vitest';
import {
  REAL_OUTCOME_LABEL_VI,
  SYSTEM_STATE_LABEL_VI,
  calendarDaysLate,
  isLateOnSystem,
  realOutcome,
  systemState,
} from '../../../lib/dossier/classify';
import type { PortalDate, RealOutcome, SystemState } from '../../../lib/dossier/model';

const at = (day: string, time?: string): PortalDate => (time === undefined ? { day } : { day, time });

type Case = [name: string, due: PortalDate, closed: PortalDate | null, today: string, state: SystemState, late: number];

const CASES: Case[] = [
  ['closed before the due day', at('2026-11-27'), at('2026-11-25'), '2026-12-10', 'not-late', 0],
  ['closed on the due day', at('2026-11-27'), at('2026-11-27'), '2026-12-10', 'not-late', 0],
  ['closed on the due day at 23:59', at('2026-11-27', '08:00'), at('2026-11-27', '23:59'), '2026-12-10', 'not-late', 0],
  ['closed on the due day at 23:59:59', at('2026-11-27', '00:00:00'), at('2026-11-27', '23:59:59'), '2026-12-10', 'not-late', 0],
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

describe('realOutcome', () => {
  it.each<[string, string, RealOutcome]>([
    ['2026-11-26', '2026-11-27', 'early'],
    ['2026-10-30', '2026-11-27', 'early'],
    ['2026-11-27', '2026-11-27', 'on-time'],
    ['2026-11-28', '2026-11-27', 'late'],
    ['2027-01-01', '2026-12-31', 'late'],
    ['2026-12-31', '2027-01-01', 'early'],
  ])('returned %s, due %s → %s', (real, due, expected) => {
    expect(realOutcome(real, due)).toBe(expected);
  });

  it('labels', () => {
    expect(SYSTEM_STATE_LABEL_VI).toEqual({ 'late-unclosed': 'Chưa kết thúc', 'late-closed': 'Kết thúc muộn' });
    expect(REAL_OUTCOME_LABEL_VI).toEqual({ early: 'Trước hạn', 'on-time': 'Đúng hạn', late: 'Quá hạn' });
  });
});

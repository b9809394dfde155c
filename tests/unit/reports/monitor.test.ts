import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '@/lib/calendar/working-calendar';
import type { StoredDossier } from '@/lib/dossier/model';
import { badgeText, monitorDossiers } from '@/lib/reports/monitor';
import { nextLatenessChange } from '@/lib/dossier/classify';
import { vietnamInstant } from '@/lib/calendar/day';
import { lateRates } from '@/lib/reports/rates';
import { nextReminderTime } from '@/lib/calendar/reminder';
import { day, storedDossier, tag } from '../../support/factories';

const calendar = createWorkingCalendar();
// Friday 27/11/2026; the next working days are Mon 30/11, Tue 1/12.
const TODAY = '2026-11-27';

function dossier(code: string, due: string, closed: string | null, realReturn?: string, unit = 'UBND xã A'): StoredDossier {
  return storedDossier({
    code,
    received: day('2026-11-01'),
    due: day(due),
    closed: closed ? day(closed) : null,
    unit,
    ...(realReturn ? { tag: tag({ realReturn }) } : {}),
  });
}

describe('monitorDossiers', () => {
  it.each([
    // code, due, closed, tag, window, returned?, dueSoon?
    ['tagged, not closed, past due', '2026-11-20', null, '2026-11-20', 1, true, false],
    ['tagged, not closed, due later', '2026-12-10', null, '2026-11-26', 1, true, false],
    ['tagged and closed', '2026-11-20', '2026-11-25', '2026-11-20', 1, false, false],
    ['untagged, past due', '2026-11-20', null, undefined, 1, false, true],
    ['untagged, due today', TODAY, null, undefined, 1, false, true],
    ['untagged, due next working day (Mon)', '2026-11-30', null, undefined, 1, false, true],
    ['untagged, due in 2 working days, window 1', '2026-12-01', null, undefined, 1, false, false],
    ['untagged, due in 2 working days, window 2', '2026-12-01', null, undefined, 2, false, true],
    ['untagged, due Sunday (0 working days away)', '2026-11-29', null, undefined, 0, false, true],
    ['untagged, due in 2 working days, window 0', '2026-12-01', null, undefined, 0, false, false],
    ['closed on time', '2026-11-20', '2026-11-19', undefined, 1, false, false],
    ['closed late', '2026-11-20', '2026-11-24', undefined, 5, false, false],
  ] as const)('%s', (_name, due, closed, tag, window, returned, soon) => {
    const result = monitorDossiers([dossier('X', due, closed, tag)], TODAY, calendar, window);
    expect(result.returnedNotClosed.length).toBe(returned ? 1 : 0);
    expect(result.dueSoon.length).toBe(soon ? 1 : 0);
    expect(result.actionCount).toBe((returned ? 1 : 0) + (soon ? 1 : 0));
  });

  it('sorts by due day then code and reports working days left', () => {
    const result = monitorDossiers(
      [dossier('B', '2026-11-30', null), dossier('A', '2026-11-30', null), dossier('C', '2026-11-25', null)],
      TODAY,
      calendar,
      1,
    );
    expect(result.dueSoon.map((item) => [item.dossier.code, item.workingDaysLeft])).toEqual([
      ['C', -2],
      ['A', 1],
      ['B', 1],
    ]);
  });
});

describe('badgeText', () => {
  it.each([
    [0, ''],
    [-1, ''],
    [1, '1'],
    [999, '999'],
    [1000, '999+'],
  ])('%i → "%s"', (count, text) => expect(badgeText(count)).toBe(text));
});

describe('lateRates', () => {
  it('compares the system rate with the real rate, overall and per unit', () => {
    const dossiers = [
      dossier('1', '2026-11-20', null, '2026-11-19', 'A'), // late on system, really early
      dossier('2', '2026-11-20', '2026-11-25', '2026-11-20', 'A'), // late on system, on time
      dossier('3', '2026-11-20', null, undefined, 'A'), // late, untagged → really late
      dossier('4', '2026-11-20', '2026-11-19', undefined, 'B'), // on time
      dossier('5', '2026-11-20', null, '2026-11-24', 'B'), // late, tagged really late
      dossier('6', '2026-12-20', null, undefined, 'B'), // not decided yet
    ];
    const { overall, units } = lateRates(dossiers, TODAY);
    expect(overall).toMatchObject({ decided: 5, lateOnSystem: 4, reallyLate: 2, systemRate: 80, realRate: 40 });
    expect(units.map((unit) => [unit.unit, unit.decided, unit.lateOnSystem, unit.reallyLate])).toEqual([
      ['A', 3, 3, 1],
      ['B', 2, 1, 1],
    ]);
    expect(units[0]!.systemRate).toBe(100);
    expect(units[0]!.realRate).toBe(33.3);
  });

  it('gives zero rates with nothing decided', () => {
    expect(lateRates([dossier('1', '2026-12-20', null)], TODAY).overall).toMatchObject({ decided: 0, systemRate: 0, realRate: 0 });
  });
});

describe('nextReminderTime', () => {
  const at = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), Number(iso.slice(11, 13)), Number(iso.slice(14, 16)));
  it.each([
    // now (UTC), reminder HH:mm (Vietnam), expected (UTC)
    ['2026-11-27T00:00', '08:00', '2026-11-27T01:00'],
    ['2026-11-27T01:00', '08:00', '2026-11-28T01:00'],
    ['2026-11-27T00:59', '08:00', '2026-11-27T01:00'],
    ['2026-11-27T16:59', '00:00', '2026-11-27T17:00'],
    ['2026-11-27T17:30', '00:15', '2026-11-28T17:15'],
    ['2026-12-31T20:00', '07:30', '2027-01-01T00:30'],
  ])('now %s, %s → %s', (now, time, expected) => expect(nextReminderTime(time, at(now))).toBe(at(expected)));

  it.each(['8:00', '24:00', '12:60', ''])('refuses %j', (time) => expect(() => nextReminderTime(time, 0)).toThrow(RangeError));
});

describe('monitoring to the minute', () => {
  const timed = (code: string, due: string, time: string) => storedDossier({ code, due: { day: due, time }, closed: null, received: day('2026-11-01') });

  it('an open dossier due at 10:30 today is overdue from 10:31, due soon before', () => {
    const item = [timed('C', TODAY, '10:30')];
    expect(monitorDossiers(item, { day: TODAY, time: '10:30' }, calendar, 1).overdue).toBe(0);
    expect(monitorDossiers(item, { day: TODAY, time: '10:31' }, calendar, 1).overdue).toBe(1);
    expect(monitorDossiers(item, { day: TODAY, time: '11:00' }, calendar, 1).dueSoon).toHaveLength(1);
  });

  it('nextLatenessChange: the earliest appointment still ahead among open dossiers', () => {
    const now = vietnamInstant(TODAY, '09:00');
    const dossiers = [
      timed('A', TODAY, '10:30'),
      timed('B', TODAY, '08:00'), // already passed
      timed('C', TODAY, '16:00'),
      dossier('D', TODAY, null), // bare day: late from midnight
      storedDossier({ code: 'E', due: { day: TODAY, time: '09:30' }, closed: { day: TODAY, time: '09:00' } }), // closed
    ];
    expect(nextLatenessChange(dossiers, now)).toBe(vietnamInstant(TODAY, '10:31'));
    expect(nextLatenessChange(dossiers, vietnamInstant(TODAY, '16:30'))).toBe(vietnamInstant('2026-11-28'));
    expect(nextLatenessChange([timed('B', TODAY, '08:00')], now)).toBeNull();
    expect(nextLatenessChange([], now)).toBeNull();
  });
});

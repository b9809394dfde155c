import { describe, expect, it } from 'vitest';
import {
  nowDay,
  nowMoment,
  vietnamInstant,
  vietnamNow,
  addDays,
  compactDay,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatDayVn,
  isIsoDay,
  isRealDay,
  makeDay,
  MAX_YEAR,
  MIN_YEAR,
  parseIsoDay,
  vietnamDay,
} from '../../../lib/calendar/day';

describe('addDays', () => {
  it.each<[string, number, string]>([
    ['2026-11-27', 0, '2026-11-27'],
    ['2026-11-27', 1, '2026-11-28'],
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2021-03-01', -1, '2021-02-28'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2026-01-31', 31, '2026-03-03'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2025-01-01', 365, '2026-01-01'],
  ])('%s + %i = %s', (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });

  it('rejects what is not a day', () => {
    expect(() => addDays('2021-02-29', 1)).toThrow(RangeError);
    expect(() => addDays('27/11/2026', 1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it.each<[string, string, number]>([
    ['2026-11-27', '2026-11-27', 0],
    ['2026-11-27', '2026-11-28', 1],
    ['2026-11-28', '2026-11-27', -1],
    ['2026-12-31', '2027-01-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2024-01-01', '2025-01-01', 366],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-10-24', '2026-10-26', 2],
  ])('%s → %s = %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('dayOfWeek', () => {
  it.each<[string, number]>([
    ['1970-01-01', 4],
    ['2026-11-27', 5],
    ['2026-11-29', 0],
    ['2026-11-30', 1],
    ['2024-02-29', 4],
    ['2021-07-26', 1],
    ['1969-12-31', 3],
    ['2000-01-01', 6],
  ])('%s → %i', (day, expected) => {
    expect(dayOfWeek(day)).toBe(expected);
  });
});

describe('vietnamDay', () => {
  it.each<[string, string]>([
    ['2026-11-27T16:59:59.999Z', '2026-11-27'],
    ['2026-11-27T17:00:00.000Z', '2026-11-28'],
    ['2026-12-31T16:59:59Z', '2026-12-31'],
    ['2026-12-31T17:00:00Z', '2027-01-01'],
    ['2024-02-28T17:00:00Z', '2024-02-29'],
    ['2026-11-27T00:00:00Z', '2026-11-27'],
  ])('%s → %s', (iso, expected) => {
    const ms = Date.UTC(
      Number(iso.slice(0, 4)),
      Number(iso.slice(5, 7)) - 1,
      Number(iso.slice(8, 10)),
      Number(iso.slice(11, 13)),
      Number(iso.slice(14, 16)),
      Number(iso.slice(17, 19)),
      iso.length > 20 ? Number(iso.slice(20, 23)) : 0,
    );
    expect(vietnamDay(ms)).toBe(expected);
    expect(vietnamDay(new Date(ms))).toBe(expected);
  });
});

describe('formatDayVn / compactDay / parsing helpers', () => {
  it.each<[string, string]>([
    ['2026-11-27', '27/11/2026'],
    ['2026-03-05', '05/03/2026'],
    ['2020-02-29', '29/02/2020'],
    ['2021-02-29', ''],
    ['27/11/2026', ''],
    ['', ''],
  ])('formatDayVn(%j) = %j', (iso, expected) => {
    expect(formatDayVn(iso)).toBe(expected);
  });

  it.each<[number, number, number, boolean]>([
    [2020, 2, 29, true],
    [2021, 2, 29, false],
    [2021, 2, 31, false],
    [2021, 4, 31, false],
    [2021, 13, 1, false],
    [2021, 0, 1, false],
    [2021, 1, 0, false],
    [2021, 1, 32, false],
    [26, 11, 27, false],
  ])('isRealDay(%i, %i, %i) = %s', (y, m, d, expected) => {
    expect(isRealDay(y, m, d)).toBe(expected);
  });

  it('makeDay / daysInMonth / parseIsoDay / isIsoDay / compactDay', () => {
    expect(makeDay(2026, 3, 5)).toBe('2026-03-05');
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(parseIsoDay('2026-11-27')).toEqual({ year: 2026, month: 11, day: 27 });
    expect(parseIsoDay('2026-11-31')).toBeNull();
    expect(isIsoDay('2026-1-27')).toBe(false);
    expect(compactDay('2026-11-27')).toBe('20261127');
  });
});

describe('parseIsoDay reads only real yyyy-MM-dd days', () => {
  it.each([
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['2026-12-31', { year: 2026, month: 12, day: 31 }],
    ['2026-02-29', null],
    ['1900-02-29', null],
    ['2026-04-31', null],
    ['2026-13-01', null],
    ['2026-00-10', null],
    ['2026-01-00', null],
    ['2026-1-01', null],
    [' 2026-01-01', null],
    ['2026-01-01 ', null],
    ['2026/01/01', null],
    ['2026-0a-01', null],
    ['+026-01-01', null],
    ['', null],
  ])('%j → %j', (text, expected) => expect(parseIsoDay(text)).toEqual(expected));
});

describe('the supported year range', () => {
  it.each([
    [MIN_YEAR, true],
    [MAX_YEAR, true],
    [MIN_YEAR - 1, false],
    [MAX_YEAR + 1, false],
  ])('%i → %s', (year, real) => {
    expect(isRealDay(year, 1, 1)).toBe(real);
    expect(isIsoDay(`${year}-01-01`)).toBe(real);
  });
});

describe('vietnamNow / vietnamInstant', () => {
  it('reads the Vietnam day and minute (UTC+7) of an instant', () => {
    expect(vietnamNow(Date.UTC(2025, 6, 15, 10, 0, 59))).toEqual({ day: '2025-07-15', time: '17:00' });
    expect(vietnamNow(Date.UTC(2025, 6, 15, 16, 59))).toEqual({ day: '2025-07-15', time: '23:59' });
    expect(vietnamNow(Date.UTC(2025, 6, 15, 17, 0))).toEqual({ day: '2025-07-16', time: '00:00' });
  });

  it('vietnamInstant is its inverse to the minute', () => {
    expect(vietnamInstant('2025-07-15', '17:00')).toBe(Date.UTC(2025, 6, 15, 10, 0));
    expect(vietnamInstant('2025-07-16')).toBe(Date.UTC(2025, 6, 15, 17, 0));
    expect(vietnamNow(vietnamInstant('2024-02-29', '08:05'))).toEqual({ day: '2024-02-29', time: '08:05' });
  });

  it('nowDay and nowMoment take a bare day or a moment', () => {
    expect(nowDay('2025-07-15')).toBe('2025-07-15');
    expect(nowDay({ day: '2025-07-15', time: '10:00' })).toBe('2025-07-15');
    expect(nowMoment('2025-07-15')).toEqual({ day: '2025-07-15' });
  });
});

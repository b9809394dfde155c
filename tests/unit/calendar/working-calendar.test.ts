import { describe, expect, it } from 'vitest';
import {
  OVERRIDE_DAY_OFF_NAME,
  createWorkingCalendar,
  derivedYears,
  deriveHolidays,
  workingDaysLate,
} from '../../../lib/calendar/working-calendar';
import { addDays, dayOfWeek, isIsoDay, makeDay } from '../../../lib/calendar/day';
import { HOLIDAYS_VN } from '../../../lib/calendar/holidays-vn';

const calendar = createWorkingCalendar();
const isWeekend = (iso: string) => dayOfWeek(iso) === 0 || dayOfWeek(iso) === 6;

function daysOfYear(year: number): string[] {
  const days: string[] = [];
  for (let d = makeDay(year, 1, 1); d.startsWith(`${year}-`); d = addDays(d, 1)) days.push(d);
  return days;
}

/** The published schedules, as weekdays off and weekend working days. */
const PUBLISHED = {
  // Thông báo 4875/TB-LĐTBXH: 1/1; Tết 10/2–16/2; 21/4; 30/4; 3/5 for 1/5 (Sat); 2/9 + 3/9.
  2021: {
    weekdaysOff: [
      '2021-01-01',
      '2021-02-10',
      '2021-02-11',
      '2021-02-12',
      '2021-02-15',
      '2021-02-16',
      '2021-04-21',
      '2021-04-30',
      '2021-05-03',
      '2021-09-02',
      '2021-09-03',
    ],
    workingWeekendDays: [] as string[],
    workingDays: 250,
  },
  // 12729/VPCP-KGVX (1/1–2/1, làm bù 10/1); Tết 14/2–22/2; Giỗ Tổ 26/4 Sun → 27/4; 30/4; 1/5;
  // Quốc khánh 29/8–2/9 with 31/8 swapped to Saturday 22/8.
  2026: {
    weekdaysOff: [
      '2026-01-01',
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-08-31',
      '2026-09-01',
      '2026-09-02',
    ],
    workingWeekendDays: ['2026-01-10', '2026-08-22'],
    workingDays: 250,
  },
} as const;

describe('published schedules, day by day', () => {
  const offRows = Object.values(PUBLISHED).flatMap((y) => y.weekdaysOff.map((day) => [day] as const));
  it.each(offRows)('%s is a day off', (day) => {
    expect(calendar.isWorkingDay(day)).toBe(false);
  });

  const satRows = Object.values(PUBLISHED).flatMap((y) => y.workingWeekendDays.map((day) => [day] as const));
  it.each(satRows)('%s (swapped Saturday, làm bù) is a working day', (day) => {
    expect(dayOfWeek(day)).toBe(6);
    expect(calendar.isWorkingDay(day)).toBe(true);
  });

  it.each([
    ['2020-12-31'],
    ['2021-01-04'],
    ['2021-02-09'],
    ['2021-02-17'],
    ['2021-04-20'],
    ['2021-04-22'],
    ['2021-04-29'],
    ['2021-05-04'],
    ['2021-09-01'],
    ['2021-09-06'],
    ['2025-12-31'],
    ['2026-01-05'],
    ['2026-02-13'],
    ['2026-02-23'],
    ['2026-04-24'],
    ['2026-04-28'],
    ['2026-04-29'],
    ['2026-05-04'],
    ['2026-08-28'],
    ['2026-09-03'],
  ])('ordinary weekday %s next to a holiday is a working day', (day) => {
    expect(isWeekend(day)).toBe(false);
    expect(calendar.isWorkingDay(day)).toBe(true);
  });

  it.each([
    ['2021-02-13'],
    ['2021-02-14'],
    ['2021-05-01'],
    ['2021-09-04'],
    ['2026-01-03'],
    ['2026-01-17'],
    ['2026-02-14'],
    ['2026-02-22'],
    ['2026-04-26'],
    ['2026-08-29'],
    ['2026-08-23'],
  ])('weekend day %s is not a working day', (day) => {
    expect(isWeekend(day)).toBe(true);
    expect(calendar.isWorkingDay(day)).toBe(false);
  });

  it.each([[2021], [2026]] as const)('%i: exactly the published days differ from Monday–Friday', (year) => {
    const days = daysOfYear(year);
    const weekdaysOff = days.filter((d) => !isWeekend(d) && !calendar.isWorkingDay(d));
    const workingWeekend = days.filter((d) => isWeekend(d) && calendar.isWorkingDay(d));
    expect(weekdaysOff).toEqual(PUBLISHED[year].weekdaysOff);
    expect(workingWeekend).toEqual(PUBLISHED[year].workingWeekendDays);
    expect(calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(PUBLISHED[year].workingDays);
  });

  it.each([
    ['2021-05-01', 'Ngày Quốc tế Lao động (1/5)'],
    ['2021-05-03', 'Nghỉ bù Ngày Quốc tế Lao động (1/5)'],
    ['2026-02-17', 'Tết Nguyên đán'],
    ['2026-04-26', 'Giỗ Tổ Hùng Vương'],
    ['2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
    ['2026-01-02', 'Nghỉ hoán đổi dịp Tết Dương lịch'],
  ])('holidaysIn names %s "%s"', (day, name) => {
    expect(calendar.holidaysIn(Number(day.slice(0, 4)))).toContainEqual({ day, name });
  });
});

describe('data 2019–2026', () => {
  const years = Object.keys(HOLIDAYS_VN).map(Number);

  it('covers exactly 2019–2026, each flagged official, with a source', () => {
    expect(years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const y of years) {
      expect(calendar.yearSource(y)).toBe('official');
      expect(HOLIDAYS_VN[y]?.source.length).toBeGreaterThan(10);
    }
  });

  it.each(years.map((y) => [y]))('%i: real sorted days, names for each, working days are Saturdays', (y) => {
    const data = HOLIDAYS_VN[y]!;
    expect(data.daysOff.every(isIsoDay)).toBe(true);
    expect([...data.daysOff].sort()).toEqual(data.daysOff);
    expect(data.daysOff.every((d) => Number(d.slice(0, 4)) === y || d === `${y - 1}-12-31`)).toBe(true);
    expect(Object.keys(data.names).sort()).toEqual(data.daysOff);
    expect(data.workingSaturdays.every((d) => isIsoDay(d) && dayOfWeek(d) === 6)).toBe(true);
    // every year has 1/1, 30/4, 1/5 and 2/9 off
    for (const md of ['01-01', '04-30', '05-01', '09-02']) expect(data.daysOff).toContain(`${y}-${md}`);
  });

  it.each([
    [2019, ['2019-04-29']],
    [2020, []],
    [2021, []],
    [2022, []],
    [2023, []],
    [2024, ['2024-04-29']],
    [2025, ['2025-05-02']],
    [2026, ['2026-01-02', '2026-08-31']],
  ] as const)('%i: the Labour Code derivation gives the announced weekdays off except the swapped bridge days %j', (y, bridges) => {
    const derived = deriveHolidays(y).map((h) => h.day).filter((d) => !isWeekend(d));
    const official = HOLIDAYS_VN[y]!.daysOff.filter((d) => !isWeekend(d) && d.startsWith(`${y}-`));
    expect(official.filter((d) => !derived.includes(d))).toEqual(bridges);
    expect(derived.filter((d) => !official.includes(d))).toEqual([]);
  });

  it('31/12/2018 (bridge announced with 2019) is off and 5/1/2019 is a working Saturday', () => {
    expect(calendar.isWorkingDay('2018-12-31')).toBe(false);
    expect(calendar.isWorkingDay('2019-01-05')).toBe(true);
    expect(calendar.yearSource(2018)).toBe('derived');
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-02-13', '2026-02-23', 1],
    ['2026-02-12', '2026-02-24', 3],
    ['2026-02-13', '2026-02-22', 0],
    ['2021-02-09', '2021-02-17', 1],
    ['2021-02-09', '2021-02-09', 0],
    ['2026-02-23', '2026-02-13', -1],
    ['2026-02-24', '2026-02-12', -3],
    ['2026-01-09', '2026-01-12', 2], // Saturday 10/1 is làm bù
    ['2025-12-31', '2026-01-05', 1], // across the year boundary: 1/1, 2/1 off
    ['2026-12-31', '2027-01-04', 1], // into a derived year: 1/1/2027 off
    ['2026-04-24', '2026-05-04', 3], // 28, 29 April and 4 May
  ] as const)('(%s, %s] has %i working days', (from, to, expected) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(expected);
  });

  it('matches a day-by-day count over two years', () => {
    const from = '2025-06-15';
    let expected = 0;
    for (let d = addDays(from, 1); d <= '2027-03-01'; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) expected += 1;
    expect(calendar.workingDaysBetween(from, '2027-03-01')).toBe(expected);
  });

  it('rejects a day that does not exist', () => {
    expect(() => calendar.workingDaysBetween('2026-02-30', '2026-03-02')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2026-2-3')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-02-13', 1, '2026-02-23'],
    ['2026-02-12', 2, '2026-02-23'],
    ['2026-01-09', 1, '2026-01-10'],
    ['2026-04-24', 1, '2026-04-28'],
    ['2026-04-29', 1, '2026-05-04'],
    ['2026-08-21', 1, '2026-08-22'],
    ['2026-08-28', 1, '2026-09-03'],
    ['2021-02-09', 1, '2021-02-17'],
    ['2026-02-23', -1, '2026-02-13'],
    ['2026-01-12', -1, '2026-01-10'],
    ['2026-02-15', 0, '2026-02-15'],
  ] as const)('%s + %i working days = %s', (from, n, expected) => {
    expect(calendar.addWorkingDays(from, n)).toBe(expected);
  });

  it.each([[1], [5], [15], [30], [90]])('workingDaysBetween(d, addWorkingDays(d, %i)) is n', (n) => {
    for (const d of ['2026-02-10', '2026-04-25', '2026-08-20', '2026-12-20']) {
      expect(calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n))).toBe(n);
    }
  });

  it('rejects a fractional count', () => {
    expect(() => calendar.addWorkingDays('2026-02-10', 1.5)).toThrow(RangeError);
  });
});

describe('years outside the data are derived', () => {
  it.each([[2018], [2027], [2030], [2040]])('%i is flagged derived', (y) => {
    expect(calendar.yearSource(y)).toBe('derived');
  });

  it.each([
    // 2027: Tết (mùng 1 = Saturday 6/2) 4/2–10/2; Giỗ Tổ 16/4; 30/4 Fri; 1/5 Sat → 3/5; 2/9 Thu + 3/9
    ['2027-01-01'],
    ['2027-02-04'],
    ['2027-02-05'],
    ['2027-02-08'],
    ['2027-02-09'],
    ['2027-02-10'],
    ['2027-04-16'],
    ['2027-04-30'],
    ['2027-05-03'],
    ['2027-09-02'],
    ['2027-09-03'],
    // 2030: Tết at the start of February; 30/4 Tue; 1/5 Wed; 2/9 Mon + 3/9
    ['2030-02-01'],
    ['2030-02-04'],
    ['2030-02-05'],
    ['2030-02-06'],
    ['2030-04-30'],
    ['2030-05-01'],
    ['2030-09-02'],
    ['2030-09-03'],
  ])('%s is a derived day off', (day) => {
    expect(calendar.isWorkingDay(day)).toBe(false);
  });

  it.each([['2027-02-03'], ['2027-02-11'], ['2027-05-04'], ['2030-04-29'], ['2030-09-04']])(
    '%s is a working day in a derived year',
    (day) => {
      expect(calendar.isWorkingDay(day)).toBe(true);
    },
  );

  it.each([[2027], [2030]])('%i lists Tết, 30/4, 1/5 and 2/9 by name', (y) => {
    const names = calendar.holidaysIn(y).map((h) => h.name);
    expect(names.filter((n) => n === 'Tết Nguyên đán')).toHaveLength(5);
    expect(names).toContain('Ngày Chiến thắng (30/4)');
    expect(names).toContain('Ngày Quốc tế Lao động (1/5)');
    expect(names.filter((n) => n === 'Quốc khánh (2/9)')).toHaveLength(2);
    expect(names).toContain('Giỗ Tổ Hùng Vương');
  });
});

describe('overrides win over the data', () => {
  const custom = createWorkingCalendar({
    daysOff: ['2026-03-02', '2027-03-01'],
    workingDays: ['2026-02-16', '2026-03-07', '2027-02-08'],
  });

  it.each([
    ['2026-03-02', false],
    ['2027-03-01', false],
    ['2026-02-16', true],
    ['2026-03-07', true],
    ['2027-02-08', true],
    ['2026-02-17', false],
  ] as const)('%s working: %s', (day, working) => {
    expect(custom.isWorkingDay(day)).toBe(working);
  });

  it('does not leak into other calendars (memoised per calendar)', () => {
    expect(createWorkingCalendar().isWorkingDay('2026-02-16')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-02')).toBe(true);
  });

  it('shows in holidaysIn and in the counts', () => {
    const days = custom.holidaysIn(2026);
    expect(days).toContainEqual({ day: '2026-03-02', name: OVERRIDE_DAY_OFF_NAME });
    expect(days.map((h) => h.day)).not.toContain('2026-02-16');
    expect(custom.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(2);
    expect(custom.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(250 + 1 + 1 - 1);
  });

  it('a day in both lists is a day off; malformed strings are ignored', () => {
    const both = createWorkingCalendar({ daysOff: ['2026-03-03', 'nonsense'], workingDays: ['2026-03-03', '2026-02-30'] });
    expect(both.isWorkingDay('2026-03-03')).toBe(false);
    expect(both.isWorkingDay('2026-03-04')).toBe(true);
  });
});

describe('workingDaysLate', () => {
  const at = (day: string) => ({ day });
  it.each([
    ['closed after Tết', at('2026-02-13'), at('2026-02-23'), '2026-03-31', 1],
    ['closed on the due day', at('2026-02-13'), at('2026-02-13'), '2026-03-31', 0],
    ['closed early', at('2026-02-13'), at('2026-02-10'), '2026-03-31', 0],
    ['closed on the substitute day off', at('2026-04-24'), at('2026-04-27'), '2026-05-31', 0],
    ['closed the day after it', at('2026-04-24'), at('2026-04-28'), '2026-05-31', 1],
    ['not closed, today after Tết', at('2026-02-13'), null, '2026-02-24', 2],
    ['not closed, not due yet', at('2026-02-13'), null, '2026-02-11', 0],
    ['not closed, today is a weekend after the due day', at('2026-03-06'), null, '2026-03-08', 0],
    ['closed on a working Saturday', at('2026-01-09'), at('2026-01-10'), '2026-01-31', 1],
  ] as const)('%s', (_label, due, closed, today, expected) => {
    expect(workingDaysLate({ due, closed }, today, calendar)).toBe(expected);
  });
});

describe('derivedYears', () => {
  it.each([
    [['2026-11-27', '2025-01-02'], []],
    [['2026-12-30', '2027-01-04'], [2027]],
    [['2018-12-31', '2030-05-01', '2027-01-01', '2030-01-01'], [2018, 2027, 2030]],
    [[], []],
  ])('%j → %j', (days, expected) => expect(derivedYears(days)).toEqual(expected));
});

import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '@/lib/calendar/working-calendar';
import { followupByUnit, followupItems, timeLeft, vietnamMinutes } from '@/lib/reports/followup';
import { followupCsv, followupFileName, timeLeftText } from '@/lib/reports/followup-export';
import { createTranslator } from '@/lib/i18n/translate';
import Papa from 'papaparse';
import { stored } from './factory';

const calendar = createWorkingCalendar();
const vi = createTranslator('vi');

function one(today: string, due: string, window = 1, extra: Parameters<typeof stored>[3] = {}) {
  const items = followupItems([stored('X', due, null, extra)], today, calendar, window);
  return items.map((item) => [item.kind, item.workingDaysLeft]);
}

describe('follow-up kinds and working days, at the calendar edges', () => {
  it.each([
    // name, today, due, window, expected [kind, working days left]
    ['Friday appointment seen on Thursday: 1 working day left', '2026-11-26', '2026-11-27', 1, [['due-soon', 1]]],
    ['Friday appointment seen on Friday: due today', '2026-11-27', '2026-11-27', 0, [['due-soon', 0]]],
    ['Friday appointment seen on Monday: 1 working day late, not 3', '2026-11-30', '2026-11-27', 1, [['overdue', -1]]],
    ['Monday appointment seen on Friday: the weekend is not counted', '2026-11-27', '2026-11-30', 1, [['due-soon', 1]]],
    ['Tết: Friday before Tết, appointment on the first day back', '2026-02-13', '2026-02-23', 1, [['due-soon', 1]]],
    ['Tết: appointment on the last day before Tết, seen after it', '2026-02-23', '2026-02-13', 1, [['overdue', -1]]],
    ['Tết: appointment during Tết is 0 working days away on the eve', '2026-02-13', '2026-02-18', 0, [['due-soon', 0]]],
    ['swapped Saturday 22/8/2026 is a working day: Monday is 2 away', '2026-08-21', '2026-08-24', 1, []],
    ['swapped Saturday 22/8/2026, window 2', '2026-08-21', '2026-08-24', 2, [['due-soon', 2]]],
    ['appointment on the swapped Saturday, seen on Monday 24/8: 1 late', '2026-08-24', '2026-08-22', 1, [['overdue', -1]]],
    ['appointment beyond the window', '2026-11-26', '2026-12-10', 3, []],
  ] as const)('%s', (_name, today, due, window, expected) => {
    expect(one(today, due, window)).toEqual(expected);
  });

  it('a tagged open dossier is returned-not-closed whatever its day; a closed one needs nothing', () => {
    const items = followupItems(
      [
        stored('A', '2026-11-20', null, { realReturn: '2026-11-20' }),
        stored('B', '2026-12-20', null, { realReturn: '2026-11-26' }),
        stored('C', '2026-11-20', '2026-11-25', { realReturn: '2026-11-20' }),
        stored('D', '2026-11-20', '2026-11-19'),
      ],
      '2026-11-27',
      calendar,
      1,
    );
    expect(items.map((item) => [item.dossier.code, item.kind])).toEqual([
      ['A', 'returned-not-closed'],
      ['B', 'returned-not-closed'],
    ]);
  });
});

describe('followupByUnit', () => {
  it('groups per unit in Vietnamese order, kinds first, the earliest appointment first, with counts', () => {
    const today = '2026-11-27';
    const items = followupItems(
      [
        stored('Z1', '2026-11-30', null, { unit: 'UBND xã Đắk Cấm' }),
        stored('Z2', '2026-11-20', null, { unit: 'UBND xã Đắk Cấm' }),
        stored('Z3', '2026-11-25', null, { unit: 'UBND xã Đắk Cấm', realReturn: '2026-11-25' }),
        stored('A1', '2026-11-24', null, { unit: 'UBND phường Duy Tân' }),
        stored('A2', '2026-11-18', null, { unit: 'UBND phường Duy Tân' }),
        stored('E1', '2026-11-26', null, { unit: 'UBND xã Dương' }),
      ],
      today,
      calendar,
      1,
    );
    const units = followupByUnit(items);
    expect(units.map((unit) => unit.unit)).toEqual(['UBND phường Duy Tân', 'UBND xã Dương', 'UBND xã Đắk Cấm']);
    expect(units[0]!.items.map((item) => item.dossier.code)).toEqual(['A2', 'A1']);
    expect(units[2]!.items.map((item) => [item.dossier.code, item.kind])).toEqual([
      ['Z3', 'returned-not-closed'],
      ['Z2', 'overdue'],
      ['Z1', 'due-soon'],
    ]);
    expect(units[2]!.counts).toEqual({ 'returned-not-closed': 1, overdue: 1, 'due-soon': 1 });
  });
});

describe('time left, in working days or within the appointment day in hours and minutes', () => {
  const today = '2026-11-27';
  // 27/11/2026 09:15 in Vietnam = 02:15 UTC.
  const now = vietnamMinutes(Date.UTC(2026, 10, 27, 2, 15));

  it('reads the Vietnamese clock', () => {
    expect(now).toBe(9 * 60 + 15);
    expect(vietnamMinutes(Date.UTC(2026, 10, 27, 17, 30))).toBe(30); // 00:30 the next day in Vietnam
  });

  it.each([
    ['due at 11:00 today', today, '11:00', 'hạn hôm nay, còn 1 giờ 45 phút'],
    ['due at 08:00 today', today, '08:00', 'hạn hôm nay, đã quá 1 giờ 15 phút'],
    ['due today without a time', today, undefined, 'hạn hôm nay'],
    ['due Monday', '2026-11-30', '17:00', 'còn 1 ngày làm việc'],
    ['due last Friday', '2026-11-20', undefined, 'quá 5 ngày làm việc'],
  ] as const)('%s', (_name, due, dueTime, text) => {
    const [item] = followupItems([stored('X', due, null, { dueTime })], today, calendar, 5);
    expect(timeLeftText(vi, timeLeft(item!, today, now))).toBe(text);
  });
});

describe('follow-up CSV', () => {
  it('is Papa-parseable, BOM + CRLF, with formula-like cells neutralised as in the appendix', () => {
    const today = '2026-11-27';
    const dossier = { ...stored('H1', '2026-11-20', null, { handler: '@Lê Văn B' }), applicant: '=HYPERLINK("x")' };
    const items = followupItems([dossier], today, calendar, 1);
    const csv = followupCsv(items.map((item) => ({ item, left: timeLeft(item, today, 0) })), vi, ';');
    expect(csv.startsWith('\uFEFFSTT;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[1]).toEqual([
      '1',
      'UBND xã A',
      'Quá hạn, chưa kết thúc',
      'H1',
      'Đăng ký khai sinh',
      `'=HYPERLINK("x")`,
      `'@Lê Văn B`,
      '20/11/2026',
      'quá 5 ngày làm việc',
    ]);
    expect(followupFileName(today, 'UBND xã Đắk Cấm')).toBe('don-doc-ho-so-ubnd-xa-dak-cam-20261127.csv');
    expect(followupFileName(today, '')).toBe('don-doc-ho-so-20261127.csv');
  });
});

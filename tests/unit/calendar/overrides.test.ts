import { describe, expect, it } from 'vitest';
import { formatHolidayOverrides, parseHolidayOverrides, type HolidayOverridesValue } from '../../../lib/calendar/overrides';
import { createTranslator, renderProblem } from '../../../lib/i18n/translate';

const vi = createTranslator('vi');
const en = createTranslator('en');

const value = (daysOff: string[], workingDays: string[]): HolidayOverridesValue => ({ daysOff, workingDays });

describe('parseHolidayOverrides: accepted lines', () => {
  it.each([
    ['02/01/2026 nghỉ', value(['2026-01-02'], [])],
    ['10/01/2026 làm bù', value([], ['2026-01-10'])],
    ['2026-01-02 nghỉ', value(['2026-01-02'], [])],
    ['-2026-01-02', value(['2026-01-02'], [])],
    ['+2026-01-10', value([], ['2026-01-10'])],
    ['- 02/01/2026', value(['2026-01-02'], [])],
    ['+10/01/2026 làm bù', value([], ['2026-01-10'])],
    ['2/1/2026 Nghỉ', value(['2026-01-02'], [])],
    ['nghỉ 02/01/2026', value(['2026-01-02'], [])],
    ['02.01.2026 lam bu', value([], ['2026-01-02'])],
    ['02-01-2026   LÀM   VIỆC  ', value([], ['2026-01-02'])],
    ['02/01/2026 ' + 'nghỉ'.normalize('NFD'), value(['2026-01-02'], [])],
    ['02/01/2026 nghỉ # cầu nối Tết Dương lịch', value(['2026-01-02'], [])],
    ['29/02/2028 nghỉ', value(['2028-02-29'], [])],
    ['', value([], [])],
    ['# chỉ có ghi chú\n\n   \n', value([], [])],
    [
      '10/01/2026 làm bù\r\n02/01/2026 nghỉ\r\n31/08/2026 nghỉ\n22/08/2026 làm bù',
      value(['2026-01-02', '2026-08-31'], ['2026-01-10', '2026-08-22']),
    ],
  ])('%j', (text, expected) => {
    expect(parseHolidayOverrides(text)).toEqual({ ok: true, value: expected });
  });
});

describe('parseHolidayOverrides: errors with line numbers', () => {
  it.each([
    ['31/02/2026 nghỉ', 1, 'Dòng 1: "31/02/2026" không phải là ngày có thật.', 'Line 1: "31/02/2026" is not a real day.'],
    ['02/01/2026 nghỉ\n\n29/02/2026 nghỉ', 3, 'Dòng 3: "29/02/2026" không phải là ngày có thật.', 'Line 3: "29/02/2026" is not a real day.'],
    ['2026-13-01 nghỉ', 1, 'Dòng 1: "2026-13-01" không phải là ngày có thật.', 'Line 1: "2026-13-01" is not a real day.'],
    [
      '02/01/26 nghỉ',
      1,
      'Dòng 1: "02/01/26": năm phải viết đủ 4 chữ số (ví dụ 02/01/2026).',
      'Line 1: "02/01/26": write the year with 4 digits (e.g. 02/01/2026).',
    ],
    [
      '2/1 nghỉ',
      1,
      'Dòng 1: "2/1" không phải là ngày; viết dd/MM/yyyy (ví dụ 02/01/2026) hoặc yyyy-MM-dd.',
      'Line 1: "2/1" is not a date; write dd/MM/yyyy (e.g. 02/01/2026) or yyyy-MM-dd.',
    ],
    [
      '02/01/2026',
      1,
      'Dòng 1: thiếu "nghỉ" hoặc "làm bù" sau ngày 02/01/2026.',
      'Line 1: missing "nghỉ" (day off) or "làm bù" (working day) after 02/01/2026.',
    ],
    [
      '02/01/2026 đi chơi',
      1,
      'Dòng 1: không hiểu "đi chơi" sau ngày 02/01/2026; ghi "nghỉ" hoặc "làm bù".',
      'Line 1: "đi chơi" after 02/01/2026 is not understood; write "nghỉ" (day off) or "làm bù" (working day).',
    ],
    [
      '02/01/2026 constructor',
      1,
      'Dòng 1: không hiểu "constructor" sau ngày 02/01/2026; ghi "nghỉ" hoặc "làm bù".',
      'Line 1: "constructor" after 02/01/2026 is not understood; write "nghỉ" (day off) or "làm bù" (working day).',
    ],
    [
      'nghỉ Tết',
      1,
      'Dòng 1: không tìm thấy ngày trong "nghỉ Tết"; viết ví dụ "02/01/2026 nghỉ" hoặc "10/01/2026 làm bù".',
      'Line 1: no date found in "nghỉ Tết"; write e.g. "02/01/2026 nghỉ" (day off) or "10/01/2026 làm bù" (working day).',
    ],
    [
      '-2026-01-02 làm bù',
      1,
      'Dòng 1: dấu "-" và chữ "làm bù" mâu thuẫn nhau (ngày 02/01/2026).',
      'Line 1: the "-" sign contradicts "làm bù" (02/01/2026).',
    ],
    [
      '02/01/2026 nghỉ\n2026-01-02 nghỉ',
      2,
      'Dòng 2: ngày 02/01/2026 đã có ở dòng 1.',
      'Line 2: 02/01/2026 is already on line 1.',
    ],
    [
      '02/01/2026 nghỉ\n# ghi chú\n02/01/2026 làm bù',
      3,
      'Dòng 3: ngày 02/01/2026 vừa là ngày nghỉ vừa là ngày làm bù (xem dòng 1).',
      'Line 3: 02/01/2026 is both a day off and a working day (see line 1).',
    ],
  ])('%j → line %i', (text, line, message, messageEn) => {
    const result = parseHolidayOverrides(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.line)).toEqual([line]);
    expect(result.errors.map((error) => renderProblem(vi, error))).toEqual([message]);
    expect(result.errors.map((error) => renderProblem(en, error))).toEqual([messageEn]);
  });

  it('reports every bad line, in order, and no value', () => {
    const result = parseHolidayOverrides('31/02/2026 nghỉ\n02/01/2026 nghỉ\nabc\n10/01/2026');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual([1, 3, 4]);
    expect(result.errors.map((e) => e.code)).toEqual(['override-not-real-day', 'override-no-date', 'override-kind-missing']);
    expect(result.errors.every((e) => renderProblem(vi, e).startsWith(`Dòng ${e.line}: `))).toBe(true);
    expect(result.errors.every((e) => renderProblem(en, e).startsWith(`Line ${e.line}: `))).toBe(true);
  });
});

describe('formatHolidayOverrides', () => {
  it.each([
    [value(['2026-01-02'], ['2026-01-10']), '02/01/2026 nghỉ\n10/01/2026 làm bù'],
    [value(['2026-08-31', '2026-01-02'], ['2026-08-22']), '02/01/2026 nghỉ\n22/08/2026 làm bù\n31/08/2026 nghỉ'],
    [value([], []), ''],
  ])('%j', (input, text) => {
    expect(formatHolidayOverrides(input)).toBe(text);
  });

  it.each([
    [value(['2026-01-02', '2026-08-31'], ['2026-01-10', '2026-08-22'])],
    [value(['2028-02-29'], [])],
    [value([], ['2027-02-06'])],
  ])('round-trips %j', (input) => {
    expect(parseHolidayOverrides(formatHolidayOverrides(input))).toEqual({ ok: true, value: input });
  });
});

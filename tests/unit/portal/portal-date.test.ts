import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePortalDate } from '../../../lib/portal/portal-date';

describe('parsePortalDate: formats', () => {
  it.each<[string, string, string | undefined]>([
    ['27/11/2026', '2026-11-27', undefined],
    ['05/03/2026', '2026-03-05', undefined],
    ['5/3/2026', '2026-03-05', undefined],
    ['05/3/2026', '2026-03-05', undefined],
    ['5/03/2026', '2026-03-05', undefined],
    ['27/11/2026 14:05', '2026-11-27', '14:05'],
    ['27/11/2026 9:05', '2026-11-27', '09:05'],
    ['5/3/2026 09:05', '2026-03-05', '09:05'],
    ['27/11/2026 14:05:09', '2026-11-27', '14:05:09'],
    ['27/11/2026 00:00:00', '2026-11-27', '00:00:00'],
    ['27/11/2026 23:59:59', '2026-11-27', '23:59:59'],
    ['14:05 27/11/2026', '2026-11-27', '14:05'],
    ['14:05:09 27/11/2026', '2026-11-27', '14:05:09'],
    ['9:05 5/3/2026', '2026-03-05', '09:05'],
    ['14:05, 27/11/2026', '2026-11-27', '14:05'],
    ['14:05:09, 27/11/2026', '2026-11-27', '14:05:09'],
    ['27/11/2026, 14:05', '2026-11-27', '14:05'],
    ['27-11-2026', '2026-11-27', undefined],
    ['5-3-2026', '2026-03-05', undefined],
    ['27-11-2026 14:05', '2026-11-27', '14:05'],
    ['14:05 27-11-2026', '2026-11-27', '14:05'],
    ['01/01/2027', '2027-01-01', undefined],
    ['31/12/2026', '2026-12-31', undefined],
    ['29/02/2020', '2020-02-29', undefined],
    ['29/02/2000', '2000-02-29', undefined],
    ['31/01/2021', '2021-01-31', undefined],
    ['30/04/2021', '2021-04-30', undefined],
  ])('%j → %s %s', (text, day, time) => {
    const result = parsePortalDate(text);
    expect(result).toEqual({ kind: 'ok', value: time === undefined ? { day } : { day, time } });
  });
});

describe('parsePortalDate: messy text around the date', () => {
  it.each<[string, string, string | undefined]>([
    ['27/11/2026\nĐã quá hạn 3 ngày', '2026-11-27', undefined],
    ['Đã quá hạn 3 ngày\n27/11/2026', '2026-11-27', undefined],
    ['  27/11/2026\u00a014:05  ', '2026-11-27', '14:05'],
    ['14:05\u00a027/11/2026', '2026-11-27', '14:05'],
    ['27/11/2026\n14:05', '2026-11-27', '14:05'],
    ['Hạn: 27/11/2026 (còn 2 ngày)', '2026-11-27', undefined],
    ['event 27/11/2026 schedule', '2026-11-27', undefined],
    ['27/11/2026 - 28/11/2026', '2026-11-27', undefined],
    ['27/11/2026 14:05\nĐã quá hạn 3 ngày', '2026-11-27', '14:05'],
  ])('%j → first date token', (text, day, time) => {
    expect(parsePortalDate(text)).toEqual({ kind: 'ok', value: time === undefined ? { day } : { day, time } });
  });
});

describe('parsePortalDate: empty', () => {
  it.each(['', ' ', '\u00a0\n\t', '-', '—', '–', ' - ', '--/--/----', 'Chưa có', 'N/A'])('%j → empty', (text) => {
    expect(parsePortalDate(text)).toEqual({ kind: 'empty' });
  });
});

describe('parsePortalDate: invalid keeps the text', () => {
  it.each<[string, string]>([
    ['31/02/2021', '31/02/2021'],
    ['30/02/2020', '30/02/2020'],
    ['29/02/2021', '29/02/2021'],
    ['29/02/1900', '29/02/1900'],
    ['32/01/2021', '32/01/2021'],
    ['00/01/2021', '00/01/2021'],
    ['15/13/2021', '15/13/2021'],
    ['15/00/2021', '15/00/2021'],
    ['31/04/2021', '31/04/2021'],
    ['31/06/2021 10:00', '31/06/2021 10:00'],
    ['27/11/26', '27/11/26'],
    ['27-11-26', '27-11-26'],
    ['27/11/202', '27/11/202'],
    ['27/11/20261', '27/11/20261'],
    ['27/11-2026', '27/11-2026'],
    ['2026-11-27', '2026-11-27'],
    ['127/11/2026', '127/11/2026'],
    ['27/11/2026 25:00', '27/11/2026 25:00'],
    ['27/11/2026 24:00', '27/11/2026 24:00'],
    ['27/11/2026 14:60', '27/11/2026 14:60'],
    ['27/11/2026 14:05:60', '27/11/2026 14:05:60'],
    ['25:00 27/11/2026', '25:00 27/11/2026'],
    ['14:75, 27/11/2026', '14:75, 27/11/2026'],
    ['Đã quá hạn 3 ngày', 'Đã quá hạn 3 ngày'],
    ['2026', '2026'],
    ['27/11', '27/11'],
    ['  31/02/2021\u00a0\n Đã quá hạn ', '31/02/2021 Đã quá hạn'],
    ['31/02/2021\n27/11/2026', '31/02/2021 27/11/2026'],
  ])('%j → invalid', (text, kept) => {
    expect(parsePortalDate(text)).toEqual({ kind: 'invalid', text: kept });
  });
});

describe('parsePortalDate: never builds a Date from a string', () => {
  afterEach(() => vi.restoreAllMocks());

  it('does not call Date with a string or Date.parse', () => {
    const RealDate = Date;
    const parse = vi.spyOn(Date, 'parse');
    const calls: unknown[][] = [];
    class SpyDate extends RealDate {
      constructor(...args: unknown[]) {
        calls.push(args);
        super(...(args as [number]));
      }
    }
    const Spy = SpyDate as unknown as DateConstructor;
    vi.stubGlobal('Date', Spy);
    try {
      for (const text of ['27/11/2026', '14:05 27/11/2026', '29/02/2021', '5/3/2026']) parsePortalDate(text);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(parse).not.toHaveBeenCalled();
    expect(calls.some((args) => typeof args[0] === 'string')).toBe(false);
  });
});

describe('parsePortalDate: the whole-cell fast path gives what the regular expression gives', () => {
  // With a word in front the fast path never applies, so the regular expression reads the same token.
  const days = ['1', '01', '9', '29', '30', '31', '00', '123'];
  const months = ['1', '02', '2', '12', '13', '0'];
  const years = ['2024', '2021', '2000', '1900', '1899', '2999', '3000', '24', '20245'];
  const befores = ['', '08:30 ', '8:30 ', '08:30, ', '08:30,', '08:30:15 ', '23:59:59 ', '24:00 ', '08:60 ', '08:30:60 '];
  const afters = ['', ' 08:30', ' 8:05', ',08:30', ', 08:30:15', ' 23:59:59', ' 24:00', ' 12:60', ' 08:30:60', ' 08:3', ' 08:30:', ' 123:30'];
  const texts: string[] = [];
  for (const d of days) for (const m of months) for (const y of years) for (const sep of ['/', '-']) {
    const date = `${d}${sep}${m}${sep}${y}`;
    for (const b of befores) texts.push(`${b}${date}`);
    for (const a of afters) texts.push(`${date}${a}`);
  }

  it(`agrees on ${texts.length} date cells`, () => {
    const bad: string[] = [];
    for (const text of texts) {
      const fast = parsePortalDate(text);
      const slow = parsePortalDate(`Hạn ${text}`);
      const same =
        fast.kind === slow.kind &&
        (fast.kind !== 'ok' || JSON.stringify(fast.value) === JSON.stringify(slow.kind === 'ok' ? slow.value : null)) &&
        (fast.kind !== 'invalid' || fast.text === text);
      if (!same) bad.push(text);
    }
    expect(bad).toEqual([]);
  });
});

describe('years outside the supported range are unreadable, not accepted', () => {
  it.each([
    ['31/12/2999', 'invalid'],
    ['01/01/2101', 'invalid'],
    ['01/01/1899', 'invalid'],
    ['31/12/2100', 'ok'],
    ['01/01/1900', 'ok'],
  ])('%s → %s', (text, kind) => expect(parsePortalDate(text).kind).toBe(kind));
});

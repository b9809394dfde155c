import { describe, expect, it } from 'vitest';
import { APPENDIX_DMY, checkDmy, dmyKey, findDmy, parseDayVn, parseDmy, parseMomentVn, PORTAL_DMY } from '../../../lib/calendar/dmy';

const checked = (match: ReturnType<typeof parseDmy>) => (match ? checkDmy(match) : null);

describe('parseDmy: the whole text is one date', () => {
  it.each([
    ['05/11/2026', { ok: true, day: '2026-11-05' }],
    ['5/1/2026', { ok: true, day: '2026-01-05' }],
    ['05-11-2026 8:05', { ok: true, day: '2026-11-05', time: '08:05' }],
    ['08:05:09, 05/11/2026', { ok: true, day: '2026-11-05', time: '08:05:09' }],
    ['29/02/2026', { ok: false, reason: 'not-real' }],
    ['05/11/26', { ok: false, reason: 'year-digits' }],
    ['05/11/2026 24:00', { ok: false, reason: 'bad-time' }],
  ])('portal format: %j', (text, result) => {
    expect(checked(parseDmy(text, PORTAL_DMY))).toEqual(result);
  });

  it.each(['05/11-2026', '05.11.2026', '005/11/2026', '05/11/2026 ', ' 05/11/2026', '05/11/2026x', ''])('portal format refuses %j', (text) => {
    expect(parseDmy(text, PORTAL_DMY)).toBeNull();
  });

  it('mixed separators only where the format allows them', () => {
    expect(checked(parseDmy('02.01/2026', { separators: '/.-', mixedSeparators: true }))).toEqual({ ok: true, day: '2026-01-02' });
    expect(parseDmy('02.01/2026', { separators: '/.-' })).toBeNull();
  });
});

describe('findDmy: the first date token inside text', () => {
  it.each([
    ['Hạn 05/11/2026 10:30 (trễ 3 ngày)', '2026-11-05', '10:30'],
    ['12:00, 01/02/2026', '2026-02-01', '12:00'],
    ['3/5/2026/ rồi 4/5/2026', '2026-05-04', undefined],
  ])('%j', (text, day, time) => {
    const match = findDmy(text, PORTAL_DMY);
    expect(match && checkDmy(match)).toEqual(time ? { ok: true, day, time } : { ok: true, day });
  });

  it('takes the first token even when it is no day (the cell then reads as invalid)', () => {
    const match = findDmy('1/2/3 và 10/11/2026', PORTAL_DMY);
    expect(match && checkDmy(match)).toEqual({ ok: false, reason: 'year-digits' });
  });

  it('finds nothing in text without a date', () => {
    expect(findDmy('Đã quá hạn 3 ngày', PORTAL_DMY)).toBeNull();
    expect(findDmy('12:30', PORTAL_DMY)).toBeNull();
  });
});

describe('dmyKey: a number standing for a date text in the usual shape', () => {
  it.each([
    '05/11/2026',
    '05/11/2026 08:15',
    '31/12/1900 23:59',
    '01/01/2199',
    '00/00/2026', // no real day, but the shape: read (as invalid) and cached like any other
    '31/02/2026 00:00',
  ])('%j has a key', (text) => {
    expect(dmyKey(text)).toBeGreaterThanOrEqual(0);
    // A small integer (a V8 "Smi"): looked up without a number object.
    expect(dmyKey(text)).toBeLessThan(2 ** 30);
  });

  it.each([
    '',
    '5/11/2026',
    '05/1/2026',
    '05-11-2026',
    '05/11-2026',
    '05/11/26',
    '05/11/20266',
    '05/11/1899',
    '05/11/2200',
    '32/11/2026',
    '05/13/2026',
    '05/11/2026 8:15',
    '05/11/2026 24:00',
    '05/11/2026 08:60',
    '05/11/2026 08:15:00',
    '05/11/2026  8:15',
    '05/11/2026,08:15',
    '08:15 05/11/2026',
    '05/11/2026x',
    ' 05/11/2026',
    'ab/cd/efgh',
    '０5/11/2026',
  ])('%j has none', (text) => {
    expect(dmyKey(text)).toBe(-1);
  });

  it('gives different texts different keys: every day and month of three years, every seventh minute', () => {
    const seen = new Map<number, string>();
    const two = (n: number) => String(n).padStart(2, '0');
    for (const year of [1900, 2026, 2199]) {
      for (let month = 0; month <= 12; month++) {
        for (let day = 0; day <= 31; day++) {
          const date = `${two(day)}/${two(month)}/${year}`;
          const texts = [date];
          for (let minute = 0; minute < 24 * 60; minute += 7) texts.push(`${date} ${two(Math.floor(minute / 60))}:${two(minute % 60)}`);
          for (const text of texts) {
            const key = dmyKey(text);
            expect(key).toBeGreaterThanOrEqual(0);
            const before = seen.get(key);
            if (before !== undefined) expect(before).toBe(text);
            seen.set(key, text);
          }
        }
      }
    }
    expect(seen.size).toBe(3 * 13 * 32 * (1 + Math.ceil(1440 / 7)));
  });

  it('is the same for the same text, however the string was made', () => {
    const text = '05/11/2026 08:15';
    const sliced = `Hẹn trả: ${text}`.slice(9);
    expect(sliced).toBe(text);
    expect(dmyKey(sliced)).toBe(dmyKey(text));
    expect(dmyKey(['05/11/2026', '08:15'].join(' '))).toBe(dmyKey(text));
  });
});

describe('parseDayVn (the appendix files)', () => {
  it('reads d/M/yyyy and dd/MM/yyyy, with or without a time of day, nothing else', () => {
    expect(parseDayVn('5/1/2026')).toBe('2026-01-05');
    expect(parseDayVn('05/01/2026')).toBe('2026-01-05');
    expect(parseDayVn('05-01-2026')).toBeNull();
    // the appendix writes ` HH:mm` where the page or staff gave a time
    expect(parseDayVn('05/01/2026 10:00')).toBe('2026-01-05');
    expect(parseDayVn('05/01/2026 25:00')).toBeNull();
    expect(parseDayVn('31/04/2026')).toBeNull();
    expect(parseDayVn('31/04/2026 10:00')).toBeNull();
    expect(APPENDIX_DMY.time).toBe(true);
  });

  it('parseMomentVn keeps the time where written', () => {
    expect(parseMomentVn('05/01/2026 10:00')).toEqual({ day: '2026-01-05', time: '10:00' });
    expect(parseMomentVn('05/01/2026')).toEqual({ day: '2026-01-05' });
    expect(parseMomentVn('05/01/2026 10:60')).toBeNull();
    expect(parseMomentVn('')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { APPENDIX_DMY, checkDmy, findDmy, parseDayVn, parseDmy, parseMomentVn, PORTAL_DMY } from '../../../lib/calendar/dmy';

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

import { describe, expect, it } from 'vitest';
import { validateRealReturn } from '../../../lib/dossier/tag-validation';

const TODAY = '2026-11-27';
const dossier = {
  received: { day: '2026-11-26', time: '15:30' },
  due: { day: '2026-11-26' },
};

describe('validateRealReturn', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['2026-02-31', 'not-a-date'],
    ['2026-13-01', 'not-a-date'],
    ['26/11/2026', 'not-a-date'],
    ['2026-11-2', 'not-a-date'],
    ['abc', 'not-a-date'],
    ['2026-11-25', 'before-receipt'],
    ['2025-11-26', 'before-receipt'],
    ['2026-11-28', 'after-today'],
    ['2027-01-01', 'after-today'],
  ])('refuses %j with code %s', (input, code) => {
    const result = validateRealReturn(input, dossier, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message.length).toBeGreaterThan(10);
    expect(result.messageEn.length).toBeGreaterThan(10);
  });

  it.each([
    ['2026-11-26', 'on-time', { day: '2026-11-26', time: '15:30' }, { day: '2026-11-26' }],
    ['2026-11-27', 'late', { day: '2026-11-26' }, { day: '2026-11-26' }],
    ['2026-11-20', 'early', { day: '2026-11-10' }, { day: '2026-11-25' }],
    // no receipt day known: only the upper bound applies
    ['2020-01-01', 'early', null, { day: '2026-11-25' }],
  ] as const)('accepts %s as %s', (input, outcome, received, due) => {
    expect(validateRealReturn(input, { received, due }, TODAY)).toEqual({ ok: true, day: input, outcome });
  });

  it('says the dates in Vietnamese dd/MM/yyyy when before receipt', () => {
    const result = validateRealReturn('2026-11-25', dossier, TODAY);
    expect(result).toMatchObject({
      ok: false,
      message: 'Ngày trả thực tế 25/11/2026 trước ngày tiếp nhận 26/11/2026.',
      messageEn: 'The real return date 25/11/2026 is before the receipt date 26/11/2026.',
    });
  });

  it('names today when after today', () => {
    const result = validateRealReturn('2026-11-28', dossier, TODAY);
    expect(result).toMatchObject({ ok: false, message: 'Ngày trả thực tế 28/11/2026 sau ngày hôm nay 27/11/2026.' });
  });

  it('accepts the receipt day itself and today itself', () => {
    expect(validateRealReturn('2026-11-26', dossier, TODAY).ok).toBe(true);
    expect(validateRealReturn('2026-11-27', dossier, TODAY).ok).toBe(true);
  });

  it('throws when today is not a day (programming error)', () => {
    expect(() => validateRealReturn('2026-11-26', dossier, '27/11/2026')).toThrow(RangeError);
  });
});

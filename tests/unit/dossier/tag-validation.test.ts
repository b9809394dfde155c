import { describe, expect, it } from 'vitest';
import { validateRealReturn, type RealReturnError } from '../../../lib/dossier/tag-validation';
import { createTranslator, renderProblem } from '../../../lib/i18n/translate';

const TODAY = '2026-11-27';
const dossier = {
  received: { day: '2026-11-26', time: '15:30' },
  due: { day: '2026-11-26' },
};

const PROBLEM_OF: Record<RealReturnError, string> = {
  empty: 'real-date-empty',
  'not-a-date': 'real-date-invalid',
  'before-receipt': 'real-date-before-receipt',
  'after-today': 'real-date-after-today',
  // Only the store's rules (lib/store/tag-rules.ts) refuse a day as too early.
  'too-early': 'real-date-too-early',
};

describe('validateRealReturn', () => {
  it.each<[string, RealReturnError]>([
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
    expect(result.problem.code).toBe(PROBLEM_OF[code]);
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

  it('gives the dates as dd/MM/yyyy when before receipt, worded in both languages', () => {
    const result = validateRealReturn('2026-11-25', dossier, TODAY);
    expect(result).toMatchObject({ ok: false, problem: { code: 'real-date-before-receipt', day: '25/11/2026', received: '26/11/2026' } });
    if (result.ok) return;
    expect(renderProblem(createTranslator('vi'), result.problem)).toBe('Ngày trả thực tế 25/11/2026 trước ngày tiếp nhận 26/11/2026.');
    expect(renderProblem(createTranslator('en'), result.problem)).toBe('The real return date 25/11/2026 is before the receipt date 26/11/2026.');
  });

  it('names today when after today', () => {
    const result = validateRealReturn('2026-11-28', dossier, TODAY);
    expect(result).toMatchObject({ ok: false, problem: { code: 'real-date-after-today', day: '28/11/2026', today: '27/11/2026' } });
  });

  it('keeps what was typed when it is not a day', () => {
    expect(validateRealReturn(' abc ', dossier, TODAY)).toMatchObject({ ok: false, problem: { code: 'real-date-invalid', text: 'abc' } });
  });

  it('accepts the receipt day itself and today itself', () => {
    expect(validateRealReturn('2026-11-26', dossier, TODAY).ok).toBe(true);
    expect(validateRealReturn('2026-11-27', dossier, TODAY).ok).toBe(true);
  });

  it('throws when today is not a day (programming error)', () => {
    expect(() => validateRealReturn('2026-11-26', dossier, '27/11/2026')).toThrow(RangeError);
  });
});

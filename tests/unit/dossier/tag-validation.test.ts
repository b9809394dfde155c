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

describe('validateRealReturn with a time of day', () => {
  const timed = { received: { day: '2025-07-15', time: '08:10:00' }, due: { day: '2025-07-15', time: '17:00' } };
  const now = { day: '2025-07-15', time: '18:00' };

  it.each([
    ['16:30', 'on-time'],
    ['17:00', 'on-time'],
    ['17:01', 'late'],
    ['17:40', 'late'],
    ['08:10', 'on-time'],
    ['18:00', 'late'],
  ] as const)('accepts %s as %s', (time, outcome) => {
    expect(validateRealReturn('2025-07-15', timed, now, time)).toEqual({ ok: true, day: '2025-07-15', time, outcome });
  });

  it('a bare day stays a bare day', () => {
    expect(validateRealReturn('2025-07-15', timed, now, '')).toEqual({ ok: true, day: '2025-07-15', outcome: 'on-time' });
    expect(validateRealReturn('2025-07-15', timed, now)).toEqual({ ok: true, day: '2025-07-15', outcome: 'on-time' });
  });

  it.each<[string, string, RealReturnError]>([
    ['2025-07-15', '18:01', 'after-today'],
    ['2025-07-15', '23:59', 'after-today'],
    ['2025-07-15', '08:09', 'before-receipt'],
    ['2025-07-15', '25:00', 'not-a-date'],
    ['2025-07-15', '7:5', 'not-a-date'],
  ])('refuses %s %s (%s)', (day, time, code) => {
    const result = validateRealReturn(day, timed, now, time);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe(code);
  });

  it('says the minute it was refused against', () => {
    const vi = createTranslator('vi');
    const after = validateRealReturn('2025-07-15', timed, now, '18:01');
    if (after.ok) throw new Error('accepted');
    expect(renderProblem(vi, after.problem)).toContain('15/07/2025 18:01');
    expect(renderProblem(vi, after.problem)).toContain('15/07/2025 18:00');
    const before = validateRealReturn('2025-07-15', timed, now, '08:00');
    if (before.ok) throw new Error('accepted');
    expect(renderProblem(vi, before.problem)).toContain('15/07/2025 08:10');
  });

  it('a time on another day than today or the receipt day is not compared with them', () => {
    expect(validateRealReturn('2025-07-16', timed, { day: '2025-07-17', time: '07:00' }, '23:00').ok).toBe(true);
    expect(validateRealReturn('2025-07-15', { ...timed, received: { day: '2025-07-14', time: '23:00' } }, now, '07:00').ok).toBe(true);
  });
});

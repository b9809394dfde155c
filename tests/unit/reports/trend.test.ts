import { describe, expect, it } from 'vitest';
import { monthlyTrend, formatMonthVn, nextMonth } from '@/lib/reports/trend';
import { allDossiers, upsertDossiers, setTag } from '@/lib/store';
import { freshDb } from '../store/fresh-db';
import { stored } from './factory';

const TODAY = '2026-11-27';

describe('monthlyTrend', () => {
  it('lists every month from the first to the last decided one, empty months included', () => {
    const dossiers = [
      // 09/2026: 5 decided, 3 late on the system, 1 of them tagged on time → 2 really late.
      stored('S1', '2026-09-02', '2026-09-05', { realReturn: '2026-09-02' }),
      stored('S2', '2026-09-03', '2026-09-07'),
      stored('S3', '2026-09-10', null),
      stored('S4', '2026-09-11', '2026-09-10'),
      stored('S5', '2026-09-30', '2026-09-30'),
      // 10/2026: no dossier. 11/2026: 1 decided, on time; and one due later (not decided).
      stored('N1', '2026-11-02', '2026-11-01'),
      stored('N2', '2026-11-30', null),
      // 07/2026: one closed late, tagged late.
      stored('J1', '2026-07-15', '2026-07-20', { realReturn: '2026-07-16' }),
    ];
    const series = monthlyTrend(dossiers, TODAY);
    expect(series.map((m) => [formatMonthVn(m.month), m.decided, m.lateOnSystem, m.reallyLate, m.systemRate, m.realRate, m.few])).toEqual([
      ['07/2026', 1, 1, 1, 100, 100, true],
      ['08/2026', 0, 0, 0, 0, 0, true],
      ['09/2026', 5, 3, 2, 60, 40, false],
      ['10/2026', 0, 0, 0, 0, 0, true],
      ['11/2026', 1, 0, 0, 0, 0, true],
    ]);
  });

  it('crosses a year and is empty without a decided dossier', () => {
    expect(nextMonth('2025-12')).toBe('2026-01');
    const series = monthlyTrend([stored('A', '2025-11-03', '2025-11-01'), stored('B', '2026-02-02', '2026-02-01')], TODAY);
    expect(series.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthlyTrend([stored('F', '2026-12-10', null)], TODAY)).toEqual([]);
  });

  it('counts a dossier seen again with a new state once, in its latest state', async () => {
    const db = await freshDb('trend');
    const page = 'https://dichvucong.kontum.gov.vn/vi/dossier/search';
    const first = stored('R1', '2026-10-05', null);
    const { firstSeen: _f, lastSeen: _l, pageUrl: _p, ...read } = first;
    await upsertDossiers(db, [read, { ...read, code: 'R2' }], page, 1);
    expect(monthlyTrend(await allDossiers(db), TODAY)).toMatchObject([{ month: '2026-10', decided: 2, lateOnSystem: 2, reallyLate: 2 }]);
    // Read again: R1 now closed late and tagged on time; R2 closed on time.
    await upsertDossiers(db, [{ ...read, closed: { day: '2026-10-08' } }, { ...read, code: 'R2', closed: { day: '2026-10-05' } }], page, 2);
    await setTag(db, 'R1', { realReturn: '2026-10-05', reason: '', note: '' }, '', 3, TODAY);
    const series = monthlyTrend(await allDossiers(db), TODAY);
    expect(series).toMatchObject([{ month: '2026-10', decided: 2, lateOnSystem: 1, reallyLate: 0, systemRate: 50, realRate: 0 }]);
  });
});

import { describe, expect, it } from 'vitest';
import { lateClosersReport } from '@/lib/reports/handlers';
import { stored } from './factory';

const TODAY = '2026-11-27';

describe('who closes late: closed late on the system although returned on time', () => {
  const dossiers = [
    // Counted: closed late, returned early or on time.
    stored('A1', '2026-11-10', '2026-11-12', { realReturn: '2026-11-10', handler: 'Trần Thị Lan', unit: 'UBND xã A' }),
    stored('A2', '2026-11-11', '2026-11-16', { realReturn: '2026-11-09', handler: 'Trần Thị Lan', unit: 'UBND xã A' }),
    stored('A3', '2026-11-11', '2026-11-16', { realReturn: '2026-11-11', handler: 'Trần Thị Lan', unit: 'UBND xã B' }),
    stored('B1', '2026-11-05', '2026-11-06', { realReturn: '2026-11-05', handler: 'Lê Văn Bình', unit: 'UBND xã B' }),
    stored('N1', '2026-11-05', '2026-11-06', { realReturn: '2026-11-05', unit: 'UBND xã B' }),
    // Not counted: really late, untagged, not closed, closed on time.
    stored('X1', '2026-11-05', '2026-11-09', { realReturn: '2026-11-06', handler: 'Lê Văn Bình' }),
    stored('X2', '2026-11-05', '2026-11-09', { handler: 'Lê Văn Bình' }),
    stored('X3', '2026-11-05', null, { realReturn: '2026-11-05', handler: 'Lê Văn Bình' }),
    stored('X4', '2026-11-05', '2026-11-05', { realReturn: '2026-11-05', handler: 'Lê Văn Bình' }),
  ];

  it('counts per handler and per unit, the most cases first; a missing handler is its own row', () => {
    const report = lateClosersReport(dossiers, TODAY);
    expect(report.total).toBe(5);
    expect(report.anyHandlerRead).toBe(true);
    expect(report.byHandler).toEqual([
      { handler: 'Trần Thị Lan', count: 3 },
      { handler: '', count: 1 },
      { handler: 'Lê Văn Bình', count: 1 },
    ]);
    expect(report.rows).toEqual([
      { handler: 'Trần Thị Lan', unit: 'UBND xã A', count: 2 },
      { handler: '', unit: 'UBND xã B', count: 1 },
      { handler: 'Lê Văn Bình', unit: 'UBND xã B', count: 1 },
      { handler: 'Trần Thị Lan', unit: 'UBND xã B', count: 1 },
    ]);
  });

  it('says when no handler was ever read, even if the filtered view has cases', () => {
    const withoutHandlers = dossiers.map(({ handler: _handler, ...rest }) => rest);
    const report = lateClosersReport(withoutHandlers, TODAY);
    expect(report.anyHandlerRead).toBe(false);
    expect(report.total).toBe(5);
    // Whether a handler was read looks at the whole store, not the filtered dossiers.
    expect(lateClosersReport(withoutHandlers, TODAY, dossiers).anyHandlerRead).toBe(true);
    expect(lateClosersReport([], TODAY, dossiers)).toMatchObject({ total: 0, rows: [], anyHandlerRead: true });
  });
});

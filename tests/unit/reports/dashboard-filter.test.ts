import { describe, expect, it } from 'vitest';
import { applyFilter, filterChoices, filterFromQuery, filterToQuery, NO_FILTER } from '@/lib/reports/dashboard-filter';
import { followupQuery } from '@/lib/reports/followup';
import { stored } from './factory';

describe('dashboard filter in the address', () => {
  it('round-trips every filter, units with spaces and diacritics included', () => {
    const filter = {
      period: { from: '2026-01-01', to: '2026-06-30' },
      unit: 'UBND thành phố Kon Tum - Phòng Tư pháp',
      sector: 'Hộ tịch',
      state: 'late-closed' as const,
      kinds: ['returned-not-closed' as const, 'overdue' as const],
    };
    const query = filterToQuery(filter);
    expect(filterFromQuery(query)).toEqual(filter);
    expect(filterToQuery(NO_FILTER)).toBe('');
    expect(filterFromQuery('')).toEqual(NO_FILTER);
  });

  it('reads the reminder link as the two lists it names', () => {
    expect(filterFromQuery(followupQuery(['returned-not-closed', 'overdue']))).toEqual({ ...NO_FILTER, kinds: ['returned-not-closed', 'overdue'] });
  });

  it('drops what it cannot read', () => {
    expect(filterFromQuery('?from=2026-02-31&state=late&kind=all&kind=overdue')).toEqual({ ...NO_FILTER, kinds: ['overdue'] });
  });

  it('keeps the dossiers in the period, unit, sector and system state', () => {
    const today = '2026-11-27';
    const dossiers = [
      stored('A', '2026-03-01', '2026-03-05', { unit: 'U1' }),
      stored('B', '2026-03-01', '2026-03-01', { unit: 'U1' }),
      stored('C', '2026-07-01', null, { unit: 'U1', sector: 'Đất đai' }),
      stored('D', '2026-03-02', null, { unit: 'U2' }),
    ];
    const codes = (query: string) => applyFilter(dossiers, filterFromQuery(query), today).map((d) => d.code);
    expect(codes('')).toEqual(['A', 'B', 'C', 'D']);
    expect(codes('?to=2026-06-30&unit=U1')).toEqual(['A', 'B']);
    expect(codes('?state=late-unclosed')).toEqual(['C', 'D']);
    expect(codes('?sector=%C4%90%E1%BA%A5t+%C4%91ai')).toEqual(['C']);
    expect(filterChoices(dossiers)).toEqual({ units: ['U1', 'U2'], sectors: ['Đất đai', 'Hộ tịch'] });
  });
});

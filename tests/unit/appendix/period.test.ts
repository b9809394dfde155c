import { describe, expect, it } from 'vitest';
import { isReversed, periodBounds, periodFromQuery, periodToQuery } from '../../../lib/appendix/period';

describe('print period in the page address', () => {
  it('reads both, one or no end', () => {
    expect(periodFromQuery('?from=2026-01-01&to=2026-03-31')).toEqual({ period: { from: '2026-01-01', to: '2026-03-31' }, invalid: [] });
    expect(periodFromQuery('?to=2026-03-31')).toEqual({ period: { from: '', to: '2026-03-31' }, invalid: [] });
    expect(periodFromQuery('')).toEqual({ period: { from: '', to: '' }, invalid: [] });
  });

  it('ignores what is not a real yyyy-MM-dd day and says so', () => {
    expect(periodFromQuery('?from=2026-02-30&to=31/03/2026')).toEqual({
      period: { from: '', to: '' },
      invalid: ['2026-02-30', '31/03/2026'],
    });
  });

  it('writes the query back, and round-trips', () => {
    expect(periodToQuery({ from: '', to: '' })).toBe('');
    expect(periodToQuery({ from: '2026-01-01', to: '' })).toBe('?from=2026-01-01');
    const query = periodToQuery({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodFromQuery(query).period).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('gives the bounds for the appendix and tells a reversed range', () => {
    expect(periodBounds({ from: '', to: '2026-03-31' })).toEqual({ from: undefined, to: '2026-03-31' });
    expect(isReversed({ from: '2026-04-01', to: '2026-03-31' })).toBe(true);
    expect(isReversed({ from: '2026-03-31', to: '2026-03-31' })).toBe(false);
    expect(isReversed({ from: '2026-04-01', to: '' })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { completeRead, keepShown, type ShownRead } from '../../../lib/dossier/shown';
import { day, readDossier } from '../../support/factories';

describe('completeRead', () => {
  it('a read showing every field is returned as it is', () => {
    const read = readDossier({ handler: 'A Thuận' });
    expect(completeRead(read)).toBe(read);
  });

  it('a list without a handler column, already listed as unmapped, is returned as it is', () => {
    const read = readDossier({ unmapped: ['handler'] });
    expect(completeRead(read)).toBe(read);
  });

  it('absent fields get their empty value and are listed as not shown, in field order', () => {
    const { closed: _closed, applicant: _applicant, ...rest } = readDossier({ handler: 'A Thuận' });
    const complete = completeRead(rest as ShownRead);
    expect(complete.closed).toBeNull();
    expect(complete.applicant).toBe('');
    expect(complete.unmapped).toEqual(['applicant', 'closed']);
  });

  it('joins the fields already unmapped (no column) and those absent (out of view)', () => {
    const { received: _received, ...rest } = readDossier({ unmapped: ['unit', 'handler'] });
    expect(completeRead(rest as ShownRead).unmapped).toEqual(['received', 'unit', 'handler']);
  });

  it('a field shown empty is present, not absent: it is not listed', () => {
    const read = readDossier({ closed: null, applicant: '', handler: '' });
    expect(completeRead(read)).toBe(read);
    expect(completeRead(read).unmapped).toBeUndefined();
  });
});

describe('keepShown', () => {
  const earlier = readDossier({ closed: day('2026-11-21'), applicant: 'Nguyễn Văn An', handler: 'A Thuận' });

  it('a newer read showing everything wins whole', () => {
    const next = readDossier({ status: 'Đang xử lý' });
    expect(keepShown(earlier, next)).toBe(next);
  });

  it('what the newer read did not show comes from the earlier read; what it showed is the newer value', () => {
    const next = { ...readDossier({ status: 'Chờ trả kết quả', closed: null, applicant: '' }), unmapped: ['applicant' as const, 'closed' as const] };
    const merged = keepShown(earlier, next);
    expect(merged.closed).toEqual(day('2026-11-21'));
    expect(merged.applicant).toBe('Nguyễn Văn An');
    expect(merged.status).toBe('Chờ trả kết quả');
    expect(merged.unmapped).toBeUndefined();
  });

  it('a field neither read showed stays not shown', () => {
    const first = { ...earlier, unit: '', unmapped: ['unit' as const] };
    const next = { ...readDossier({ unit: '' }), unmapped: ['unit' as const, 'sector' as const] };
    const merged = keepShown(first, next);
    expect(merged.unmapped).toEqual(['unit']);
    expect(merged.sector).toBe(earlier.sector);
  });

  it('a shown-empty closing in the newer read is kept empty', () => {
    const next = readDossier({ closed: null });
    expect(keepShown(earlier, next).closed).toBeNull();
  });

  it('never mixes two dossiers', () => {
    const other = { ...readDossier({ code: 'H34.23-261110-0002' }), unmapped: ['closed' as const] };
    expect(keepShown(earlier, other)).toBe(other);
  });
});

import { describe, expect, it } from 'vitest';
import { boundDossier, clampText, MAX_CODE_LENGTH, MAX_FIELD_LENGTH } from '@/lib/dossier/limits';
import { protocolSchemas } from '@/lib/messaging/protocol';
import type { ReadDossier } from '@/lib/dossier/model';
import { day, readDossier } from '../../support/factories';

const base: ReadDossier = readDossier({
  code: '000.00.23.H34-261101-0001',
  received: day('2026-11-01'),
  due: day('2026-11-05'),
  status: 'Đang xử lý',
});

describe('clampText', () => {
  it.each([
    ['short', 'abc', 5, 'abc'],
    ['exact', 'abcde', 5, 'abcde'],
    ['long', 'abcdefgh', 5, 'abcd…'],
  ])('%s', (_name, text, max, expected) => expect(clampText(text, max)).toBe(expected));

  it('never splits a surrogate pair', () => {
    const text = 'ab😀cdef';
    const cut = clampText(text, 4);
    expect(cut).toBe('ab…');
    expect(cut.length).toBeLessThanOrEqual(4);
  });
});

describe('boundDossier', () => {
  it('returns the same object when nothing is too long', () => {
    expect(boundDossier(base)).toBe(base);
  });

  it('cuts a 100 KB cell so the page still validates for the store', () => {
    const huge = 'Đ'.repeat(100_000);
    const bounded = boundDossier({ ...base, procedure: huge, applicant: huge, code: `X${'9'.repeat(500)}` });
    expect(bounded.procedure.length).toBe(MAX_FIELD_LENGTH);
    expect(bounded.applicant.endsWith('…')).toBe(true);
    expect(bounded.code.length).toBe(MAX_CODE_LENGTH);
    expect(protocolSchemas().readDossierSchema.safeParse(bounded).success).toBe(true);
    expect(protocolSchemas().readDossierSchema.safeParse({ ...base, procedure: huge }).success).toBe(false);
  });
});

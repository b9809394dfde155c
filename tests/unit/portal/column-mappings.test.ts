import { describe, expect, it } from 'vitest';
import {
  chooseMapping,
  columnMappingSchemas,
  joinMappings,
  mergeMapping,
  pathPatternOf,
  patternMatches,
  replaceMapping,
  validMappings,
  type SavedColumnMapping,
} from '@/lib/portal/column-mappings';
import { isBuiltInPortalUrl } from '@/lib/portal/hosts';
import { isExtraPortalUrl } from '@/lib/portal/extra-portals';
import { DEFAULT_SETTINGS, parseSettings } from '@/lib/settings/settings';

const ORIGIN = 'https://motcua.kontum.gov.vn';
const isPortal = (url: string) => isBuiltInPortalUrl(url) || isExtraPortalUrl(url, ['https://dvc.quangngai.gov.vn']);

function mapping(pathPattern: string, headings: Record<string, SavedColumnMapping['headings'][string]>, savedAt = 1, origin = ORIGIN): SavedColumnMapping {
  return { origin, pathPattern, headings, labels: {}, savedAt };
}

describe('pathPatternOf', () => {
  it.each([
    ['/vi/dossier/search/123', '/vi/dossier/search/*'],
    ['/vi/dossier/processing/8f3a2c1e-77aa-4b0e-9f00-1c2d3e4f5a6b/', '/vi/dossier/processing/*'],
    ['/TiepNhan/DanhSach.aspx', '/tiepnhan/danhsach.aspx'],
    ['/vi/ho-so/dang-xu-ly', '/vi/ho-so/dang-xu-ly'],
    ['/', '/'],
    ['', '/'],
    ['//vi//dossier', '/vi/dossier'],
  ])('%s → %s', (path, pattern) => {
    expect(pathPatternOf(path)).toBe(pattern);
    expect(patternMatches(pattern, path)).toBe(true);
    expect(columnMappingSchemas().pathPattern.safeParse(pattern).success).toBe(true);
  });

  it('matches segment by segment, never a longer or shorter path', () => {
    expect(patternMatches('/vi/dossier/search/*', '/vi/dossier/search/9')).toBe(true);
    expect(patternMatches('/vi/dossier/search/*', '/vi/dossier/search')).toBe(false);
    expect(patternMatches('/vi/dossier/search/*', '/vi/dossier/search/9/x')).toBe(false);
    expect(patternMatches('/vi/dossier/search/*', '/vi/dossier/other/9')).toBe(false);
  });
});

describe('chooseMapping', () => {
  const wide = mapping('/vi/*/*', { 'mã hs': 'code' }, 5);
  const narrow = mapping('/vi/dossier/*', { 'số hs': 'code' }, 1);
  const other = mapping('/vi/dossier/*', { x: 'code' }, 9, 'https://dichvucong.kontum.gov.vn');

  it('takes the most specific pattern of the same origin, whatever the order or age', () => {
    expect(chooseMapping([wide, narrow, other], `${ORIGIN}/vi/dossier/42`, isPortal)).toBe(narrow);
    expect(chooseMapping([narrow, wide], `${ORIGIN}/vi/ho-so/42`, isPortal)).toBe(wide);
    expect(chooseMapping([wide], `${ORIGIN}/en/dossier/42`, isPortal)).toBeNull();
  });

  it('between equally specific patterns, the newest', () => {
    const newer = mapping('/vi/dossier/*', { y: 'code' }, 7);
    expect(chooseMapping([narrow, newer], `${ORIGIN}/vi/dossier/1`, isPortal)).toBe(newer);
  });

  it('never applies off the portals the extension runs on, even when one is stored for that origin', () => {
    const stray = mapping('/list', { a: 'code' }, 1, 'https://evil.example.com');
    expect(chooseMapping([stray], 'https://evil.example.com/list', isPortal)).toBeNull();
    // Plain http at a built-in portal's name is not a portal.
    const http = mapping('/list', { a: 'code' }, 1, 'http://motcua.kontum.gov.vn');
    expect(chooseMapping([http], 'http://motcua.kontum.gov.vn/list', isPortal)).toBeNull();
    // A granted extra portal is.
    const extra = mapping('/list', { a: 'code' }, 1, 'https://dvc.quangngai.gov.vn');
    expect(chooseMapping([extra], 'https://dvc.quangngai.gov.vn/list', isPortal)).toBe(extra);
    expect(chooseMapping([extra], 'not a url', isPortal)).toBeNull();
  });
});

describe('the mapping schema', () => {
  const { mapping: schema, mappings } = columnMappingSchemas();
  const good = mapping('/vi/dossier/search/*', { 'mã hs': 'code', 'hạn trả kq': 'due' });

  it('accepts a saved mapping', () => {
    expect(schema.parse(good)).toEqual(good);
  });

  it.each([
    ['a field that is not a dossier field', { ...good, headings: { 'mã hs': 'password' } }],
    ['a heading key that is not normalised', { ...good, headings: { 'Mã HS': 'code' } }],
    ['an empty key', { ...good, labels: { '': 'due' } }],
    ['the key constructor', { ...good, headings: { constructor: 'code' } }],
    ['a key too long', { ...good, headings: { ['a'.repeat(121)]: 'code' } }],
    ['too many headings', { ...good, headings: Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`h${'x'.repeat(i)}`, 'code'])) }],
    ['an origin with a path', { ...good, origin: 'https://motcua.kontum.gov.vn/x' }],
    ['a javascript: origin', { ...good, origin: 'javascript:alert(1)' }],
    ['a pattern with a digit', { ...good, pathPattern: '/vi/123' }],
    ['a pattern with upper case', { ...good, pathPattern: '/Vi/x' }],
    ['a pattern with a query', { ...good, pathPattern: '/vi?x' }],
    ['a pattern that is not a path', { ...good, pathPattern: 'vi/x' }],
    ['a heading that is not text', { ...good, headings: { 'mã hs': 3 } }],
    ['a negative time', { ...good, savedAt: -1 }],
  ])('refuses %s', (_what, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });

  it('never keeps the key __proto__ (zod drops it; the prototype stays that of a plain object)', () => {
    const parsed = schema.safeParse({ ...good, headings: JSON.parse('{"__proto__":"code","mã hs":"code"}') });
    expect(parsed.success).toBe(true);
    const headings = parsed.data!.headings;
    expect(Object.keys(headings)).toEqual(['mã hs']);
    expect(Object.getPrototypeOf(headings)).toBe(Object.prototype);
  });

  it('bounds the list', () => {
    const many = Array.from({ length: 201 }, (_, i) => mapping(`/p${'x'.repeat(i % 50)}/${'y'.repeat(Math.floor(i / 50) + 1)}`, { a: 'code' }));
    expect(mappings.safeParse(many).success).toBe(false);
    expect(mappings.safeParse(many.slice(0, 200)).success).toBe(true);
  });

  it('keeps each valid mapping of a damaged stored list', () => {
    expect(validMappings([good, { ...good, origin: 'nope' }, 'junk'])).toEqual([good]);
    expect(validMappings('junk')).toEqual([]);
  });
});

describe('the settings field', () => {
  const good = mapping('/vi/dossier/search/*', { 'mã hs': 'code' });

  it('defaults to no mappings; a value without the field still reads whole', () => {
    expect(DEFAULT_SETTINGS.columnMappings ?? []).toEqual([]);
    const older = { ...DEFAULT_SETTINGS, unitName: 'UBND xã' };
    expect(parseSettings(older)).toEqual(older);
    expect(parseSettings({ ...older, columnMappings: [] })).toEqual({ ...older, columnMappings: [] });
  });

  it('a damaged mapping is dropped alone, the other fields and mappings kept', () => {
    const stored = { ...DEFAULT_SETTINGS, unitName: 'UBND xã', columnMappings: [good, { ...good, headings: { x: 'nope' } }] };
    const read = parseSettings(stored);
    expect(read.unitName).toBe('UBND xã');
    expect(read.columnMappings).toEqual([good]);
  });
});

describe('mergeMapping / replaceMapping / joinMappings', () => {
  const change = { origin: ORIGIN, pathPattern: '/vi/dossier/search/*', headings: { 'Mã HS': 'code' as const }, labels: {} };

  it('adds a mapping, then merges later headings into it, keys normalised', () => {
    const first = mergeMapping([], change, 10)!;
    expect(first).toEqual([{ origin: ORIGIN, pathPattern: '/vi/dossier/search/*', headings: { 'mã hs': 'code' }, labels: {}, savedAt: 10 }]);
    const second = mergeMapping(first, { ...change, headings: { 'Hạn trả KQ:': 'due' }, labels: { 'Hẹn trả': 'due' } }, 20)!;
    expect(second).toHaveLength(1);
    expect(second[0]).toEqual({ ...first[0], headings: { 'mã hs': 'code', 'hạn trả kq': 'due' }, labels: { 'hẹn trả': 'due' }, savedAt: 20 });
  });

  it('a field pointed at again moves to the new heading', () => {
    const first = mergeMapping([], change, 10)!;
    const moved = mergeMapping(first, { ...change, headings: { 'Số HS': 'code' } }, 11)!;
    expect(moved[0]!.headings).toEqual({ 'số hs': 'code' });
  });

  it('refuses a change that would break the schema', () => {
    expect(mergeMapping([], { ...change, origin: 'https://x.gov.vn/path' }, 1)).toBeNull();
    expect(mergeMapping([], { ...change, headings: { ['a'.repeat(200)]: 'code' } }, 1)).toBeNull();
  });

  it('replaces and deletes by origin and pattern; an emptied mapping is deleted', () => {
    const a = mapping('/a', { x: 'code' });
    const b = mapping('/b', { y: 'due' });
    expect(replaceMapping([a, b], a, { ...a, headings: { x: 'due' } })).toEqual([{ ...a, headings: { x: 'due' } }, b]);
    expect(replaceMapping([a, b], b, null)).toEqual([a]);
    expect(replaceMapping([a, b], a, { ...a, headings: {} })).toEqual([b]);
  });

  it('joins a restored list: newer wins per page, mappings off the portals dropped', () => {
    const mine = mapping('/a', { x: 'code' }, 5);
    const older = mapping('/a', { old: 'code' }, 1);
    const newer = mapping('/a', { fresh: 'code' }, 9);
    const stray = mapping('/a', { x: 'code' }, 9, 'https://evil.example.com');
    const keep = (origin: string) => isPortal(`${origin}/`);
    expect(joinMappings([mine], [older], keep)).toEqual({ list: [mine], added: 0, dropped: 0 });
    expect(joinMappings([mine], [newer, stray], keep)).toEqual({ list: [newer], added: 1, dropped: 1 });
  });
});

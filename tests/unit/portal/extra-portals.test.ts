import { describe, expect, it } from 'vitest';
import { checkExtraOrigin, isExtraPortalUrl, originPattern } from '@/lib/portal/extra-portals';

describe('checkExtraOrigin', () => {
  it.each([
    ['dichvucong.quangngai.gov.vn', 'https://dichvucong.quangngai.gov.vn'],
    ['https://dichvucong.quangngai.gov.vn/vi/dossier/search?x=1', 'https://dichvucong.quangngai.gov.vn'],
    ['  http://motcua.quangngai.gov.vn  ', 'http://motcua.quangngai.gov.vn'],
    ['https://dichvucong.gov.vn:8443/', 'https://dichvucong.gov.vn:8443'],
  ])('accepts %j as %s', (input, origin) => {
    expect(checkExtraOrigin(input, [])).toEqual({ ok: true, origin });
  });

  it.each([
    [' junk ', { code: 'origin-invalid', text: 'junk' }],
    ['ftp://files.gov.vn', { code: 'origin-invalid', text: 'ftp://files.gov.vn' }],
    ['localhost', { code: 'origin-invalid', text: 'localhost' }],
    ['https://dichvucong.kontum.gov.vn', { code: 'origin-built-in', host: 'dichvucong.kontum.gov.vn' }],
    ['https://a.gov.vn/x', { code: 'origin-duplicate', origin: 'https://a.gov.vn' }],
  ])('refuses %j with the problem %j', (input, problem) => {
    expect(checkExtraOrigin(input, ['https://a.gov.vn'])).toEqual({ ok: false, problem });
  });
});

describe('originPattern', () => {
  it.each([
    ['https://dichvucong.quangngai.gov.vn', 'https://dichvucong.quangngai.gov.vn/*'],
    ['http://motcua.quangngai.gov.vn', 'http://motcua.quangngai.gov.vn/*'],
    ['https://dichvucong.gov.vn:8443', 'https://dichvucong.gov.vn/*'],
  ])('%s → %s', (origin, pattern) => expect(originPattern(origin)).toBe(pattern));
});

describe('isExtraPortalUrl compares scheme and host, any port, as the content script is registered', () => {
  const origins = ['https://dichvucong.quangngai.gov.vn', 'https://x.gov.vn:8443', 'garbage'];
  it.each([
    ['https://dichvucong.quangngai.gov.vn/vi/dossier/search', true],
    ['https://dichvucong.quangngai.gov.vn:444/vi', true],
    ['https://x.gov.vn/ho-so', true],
    ['https://x.gov.vn:8443/ho-so', true],
    ['http://dichvucong.quangngai.gov.vn/vi', false],
    ['https://evil.example/https://dichvucong.quangngai.gov.vn/', false],
    ['https://dichvucong.quangngai.gov.vn.evil.example/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => expect(isExtraPortalUrl(url, origins)).toBe(expected));
});

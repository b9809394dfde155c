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
    ['junk', 'not a web address', 'không phải là địa chỉ'],
    ['ftp://files.gov.vn', 'not a web address', 'không phải là địa chỉ'],
    ['localhost', 'not a web address', 'không phải là địa chỉ'],
    ['https://dichvucong.kontum.gov.vn', 'built in', 'hỗ trợ sẵn'],
    ['https://a.gov.vn', 'already', 'đã có'],
  ])('refuses %j (%s) with a message in both languages', (input, english, vietnamese) => {
    const result = checkExtraOrigin(input, ['https://a.gov.vn']);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(vietnamese);
      expect(result.messageEn).toContain(english);
    }
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

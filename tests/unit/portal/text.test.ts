import { describe, expect, it } from 'vitest';
import { asOneLine, cellLines, firstLine, normalizeHeader, normalizeText, toNfc } from '../../../lib/portal/text';

const NFD_HO_SO = 'Mã hồ sơ'.normalize('NFD');

describe('normalizeText', () => {
  it.each([
    ['plain', 'Mã hồ sơ', 'Mã hồ sơ'],
    ['NFD → NFC', NFD_HO_SO, 'Mã hồ sơ'],
    ['NBSP', 'Mã\u00a0hồ\u00a0sơ', 'Mã hồ sơ'],
    ['narrow NBSP U+202F', 'Mã\u202fhồ sơ', 'Mã hồ sơ'],
    ['doubled spaces', 'Mã  hồ   sơ', 'Mã hồ sơ'],
    ['tabs', 'Mã\thồ\t\tsơ', 'Mã hồ sơ'],
    ['line breaks', 'Mã\nhồ\r\nsơ', 'Mã hồ sơ'],
    ['mixed run', 'Mã \u00a0\n\t hồ sơ', 'Mã hồ sơ'],
    ['trim', '  \u00a0Mã hồ sơ \n', 'Mã hồ sơ'],
    ['empty', '', ''],
    ['white space only', ' \u00a0\n\t', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('returns NFC code units for NFD input', () => {
    const out = normalizeText(NFD_HO_SO);
    expect(out).toBe(out.normalize('NFC'));
    expect(out.length).toBeLessThan(NFD_HO_SO.length);
  });
});

describe('normalizeHeader', () => {
  it.each([
    ['MÃ HỒ SƠ', 'mã hồ sơ'],
    ['Mã hồ sơ:', 'mã hồ sơ'],
    ['Mã hồ sơ *', 'mã hồ sơ'],
    ['Mã hồ sơ (*):', 'mã hồ sơ (*)'],
    ['Mã hồ sơ : * :', 'mã hồ sơ'],
    ['ĐƠN VỊ XỬ LÝ', 'đơn vị xử lý'],
    ['Ngày\u00a0hẹn  trả\n:', 'ngày hẹn trả'],
    [NFD_HO_SO.toUpperCase(), 'mã hồ sơ'],
    [':', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });
});

describe('cellLines / firstLine', () => {
  it.each([
    ['000.00.23.H34-210726-0001\nTrực tuyến', ['000.00.23.H34-210726-0001', 'Trực tuyến']],
    ['\n  \n a  b \r\n\n c', ['a b', 'c']],
    ['', []],
    [' \n \u00a0 ', []],
    ['one', ['one']],
  ])('%j', (input, expected) => {
    expect(cellLines(input)).toEqual(expected);
    expect(firstLine(input)).toBe(expected[0] ?? '');
  });
});

describe('asOneLine: a text as one line where it needs only trimming', () => {
  it.each([
    ['one line', ' Đang xử lý ', 'Đang xử lý'],
    ['empty', '', ''],
    ['a space', ' ', ''],
  ])('%s', (_name, input, expected) => expect(asOneLine(input)).toBe(expected));

  it.each([['a line break', 'a\nb'], ['two spaces', 'a  b'], ['a tab', 'a\tb'], ['NBSP', 'a\u00a0b'], ['decomposed', 'Hẹn'.normalize('NFD')], ['a direction mark', 'a\u200eb']])(
    'leaves %s to cellLines',
    (_name, input) => expect(asOneLine(input)).toBeNull(),
  );

  it('agrees with cellLines on random text wherever it answers', () => {
    const alphabet = [' ', ' ', '\n', '\r', 'a', 'ơ', 'ệ', '-', ':', '1', '\u00a0', '\t', '\u200b', '\u0301', '\u2028'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    let answered = 0;
    for (let i = 0; i < 2000; i++) {
      let text = '';
      for (let n = next() % 16; n > 0; n--) text += alphabet[next() % alphabet.length];
      const line = asOneLine(text);
      if (line === null) continue;
      answered++;
      expect(line ? [line] : [], JSON.stringify(text)).toEqual(cellLines(text));
    }
    expect(answered).toBeGreaterThan(100);
  });
});

/** The ranges the fast paths of text.ts treat as NFC-inert (see NEEDS_NORMALIZING / isNfcInert). */
const INERT_RANGES: [number, number][] = [
  [0x0000, 0x02ff],
  [0x1e00, 0x1eff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
];
const INERT_CHARS = INERT_RANGES.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)),
);
/** Neighbours NFC could combine with or reorder against: letters, Hangul jamo, marks of every kind. */
const NEIGHBOURS = ['a', 'A', 'o', 'ơ', 'ư', 'Ư', '\u1100', '\u1161', '\uac00', '\u0301', '\u0323', '\u0334', '\u0345', '\u0b47', '\u0bc6', '\u3099'];
/** The slow path, as normalizeText is written without its fast path. */
const slowNormalize = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/[\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069]/g, '')
    .replace(/[\s\u00a0\u202f\u200b]+/g, ' ')
    .trim();

describe('fast paths: NFC-inert ranges', () => {
  it('every character of the ranges is its own NFC and composes with no neighbour', () => {
    const bad: string[] = [];
    for (const c of INERT_CHARS) {
      if (c.normalize('NFC') !== c) bad.push(c);
      for (const n of NEIGHBOURS) {
        if ((n + c).normalize('NFC') !== n.normalize('NFC') + c) bad.push(n + c);
        if (n.normalize('NFC') === n && !/\p{M}/u.test(n) && (c + n).normalize('NFC') !== c + n) bad.push(c + n);
      }
    }
    expect(bad).toEqual([]);
  });

  it('toNfc is normalize("NFC") for every BMP character, alone and after a base', () => {
    const bad: number[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCharCode(cp);
      if (toNfc(c) !== c.normalize('NFC') || toNfc(`a${c}`) !== `a${c}`.normalize('NFC')) bad.push(cp);
    }
    expect(bad).toEqual([]);
    const nfd = 'Nguyễn Văn Ước'.normalize('NFD');
    expect(toNfc(nfd)).toBe('Nguyễn Văn Ước');
    expect(toNfc('Nguyễn Văn Ước')).toBe('Nguyễn Văn Ước');
  });

  it('normalizeText equals the slow path for every BMP character in context', () => {
    const bad: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCharCode(cp);
      for (const s of [c, `Mã ${c}hồ`, ` ${c} `, `${c}${c}`, `a ${c} b`, `ơ${c}\u0301`]) {
        if (normalizeText(s) !== slowNormalize(s)) bad.push(s);
      }
    }
    expect(bad).toEqual([]);
  });

  it.each([
    ['already clean', 'Đăng ký khai sinh'],
    ['leading and trailing space', ' Đăng ký khai sinh '],
    ['double space', 'Đăng  ký'],
    ['NBSP', 'Đăng\u00a0ký'],
    ['ZWSP', 'Đăng\u200bký'],
    ['right-to-left override and marks', '\u202eNguyễn\u202c Văn\u200f A\u2066'],
    ['tab', 'Đăng\tký'],
    ['line separator', 'Đăng\u2028ký'],
    ['NFD', 'Đăng ký khai sinh'.normalize('NFD')],
    ['combining mark after an inert letter', 'Ho\u0302\u0300'],
    ['Hangul jamo', '\u1100\u1161'],
    ['right quote', 'H\u2019Nơ'],
    ['em space U+2003', 'a\u2003b'],
    ['en quad U+2000 (NFC maps it)', 'a\u2000b'],
    ['Kelvin sign (NFC maps it)', '5 \u212a'],
  ])('normalizeText: %s', (_name, input) => {
    expect(normalizeText(input)).toBe(slowNormalize(input));
  });
});

describe('normalizeHeader: lower case', () => {
  it('is the Vietnamese-locale lower case for every BMP character', () => {
    const bad: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCharCode(cp);
      for (const s of [c, `A${c}`, `${c}\u03a3`, `A${c}\u03a3`, `I${c}\u0307`]) {
        if (s.toLowerCase() !== s.toLocaleLowerCase('vi')) bad.push(s);
      }
    }
    expect(bad).toEqual([]);
  });

  it.each(['NGÀY HẸN TRẢ', 'İSTANBUL', 'ΟΔΟΣ', 'Ngày Hẹn Trả'.normalize('NFD')])('%j as before', (input) => {
    const before = normalizeText(input).toLocaleLowerCase('vi').normalize('NFC').replace(/[\s:*\uff1a\uff0a]+$/, '');
    expect(normalizeHeader(input)).toBe(before);
  });
});

describe('invisible direction controls', () => {
  it.each([
    ['RLO … PDF around a name', '\u202EأحمدNguyễn\u202C', 'أحمدNguyễn'],
    ['LRM and RLM', 'Đăng\u200e ký\u200f', 'Đăng ký'],
    ['isolates', '\u2066H34-200101-0001\u2069', 'H34-200101-0001'],
    ['word joiner inside a code', '000.00.23.H34-2001\u206001-0001', '000.00.23.H34-200101-0001'],
  ])('%s are dropped', (_name, input, expected) => expect(normalizeText(input)).toBe(expected));
});

describe('stripInvisibleControls', () => {
  it('drops direction marks, overrides, isolates and the word joiner, keeps the rest as typed', async () => {
    const { stripInvisibleControls } = await import('../../../lib/portal/text');
    expect(stripInvisibleControls('\u202Eabc\u202C \u200E\u200F\u2066x\u2069\u2060y')).toBe('abc xy');
    expect(stripInvisibleControls('  Lý do\r\n  ghi chú ')).toBe('  Lý do\r\n  ghi chú ');
  });
});

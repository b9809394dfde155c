import { describe, expect, it } from 'vitest';
import { cellLines, firstLine, normalizeHeader, normalizeText } from '../../lib/text';

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

import { describe, expect, it } from 'vitest';
import { DOSSIER_CODE_PATTERN, extractDossierCode, firstDossierCode } from '../../../lib/dossier/code';

describe('DOSSIER_CODE_PATTERN', () => {
  it('is the pattern of docs/domain.md', () => {
    expect(DOSSIER_CODE_PATTERN.source).toBe(
      String.raw`(?:\d{3}\.\d{2}\.\d{2}\.H\d{2}|H\d{2}(?:\.\d{1,3})*)-\d{6}-\d{4,6}`,
    );
    expect(DOSSIER_CODE_PATTERN.global).toBe(false);
  });
});

describe('extractDossierCode', () => {
  it.each([
    ['agency code, 4-digit counter', '000.00.23.H34-210726-0001', '000.00.23.H34-210726-0001'],
    ['agency code, 5-digit counter', '000.00.23.H34-210726-00012', '000.00.23.H34-210726-00012'],
    ['agency code, 6-digit counter', '000.00.23.H34-210726-000123', '000.00.23.H34-210726-000123'],
    ['older code', 'H34.23-210726-0001', 'H34.23-210726-0001'],
    ['older code, no groups', 'H34-210726-0001', 'H34-210726-0001'],
    ['older code, three groups', 'H34.23.5-210726-0001', 'H34.23.5-210726-0001'],
    ['older code, 3-digit group', 'H34.123.05-210726-000099', 'H34.123.05-210726-000099'],
    ['code then badge on a new line', '000.00.23.H34-210726-0001\nTrực tuyến', '000.00.23.H34-210726-0001'],
    ['badge first, code second', 'Trực tuyến\n H34.23-210726-0001 ', 'H34.23-210726-0001'],
    ['code inside text', 'Hồ sơ số: 000.00.23.H34-210726-0001 (Trực tuyến)', '000.00.23.H34-210726-0001'],
    ['first of two codes', 'H34.23-210726-0001 / H34.23-210726-0002', 'H34.23-210726-0001'],
    ['icon text around', 'content_copy000.00.23.H34-210726-0042open_in_new', '000.00.23.H34-210726-0042'],
    ['no code → first non-empty line', '\n  \n  ABC\u00a0 123 \nTrực tuyến', 'ABC 123'],
    ['3-digit counter is no code → first line', 'H34.23-210726-001', 'H34.23-210726-001'],
    ['NFD first line is normalised', '\nHồ sơ lẻ'.normalize('NFD'), 'Hồ sơ lẻ'],
    ['empty', '', ''],
    ['white space only', ' \n\u00a0\t', ''],
  ])('%s', (_name, input, expected) => {
    expect(extractDossierCode(input)).toBe(expected);
  });

  it.each([
    ['7-digit counter keeps 6', 'H34.23-210726-0001234', 'H34.23-210726-000123'],
    ['short date part is no code', 'H34.23-21072-0001\nx', 'H34.23-21072-0001'],
  ])('edge: %s', (_name, input, expected) => {
    expect(extractDossierCode(input)).toBe(expected);
  });
});

describe('firstDossierCode', () => {
  it.each([
    ['a text that is one code', '000.00.23.H34-240312-0001', '000.00.23.H34-240312-0001'],
    ['a code inside text', 'Số: H48.1-220921-0100 (trực tuyến)', 'H48.1-220921-0100'],
    ['the first of two', 'H48-220921-0100, 000.00.23.H34-240312-0001', 'H48-220921-0100'],
    ['a code with spaces around', ' 000.00.23.H34-240312-0001 ', '000.00.23.H34-240312-0001'],
    ['no code', 'Mã hồ sơ', ''],
    ['empty', '', ''],
  ])('%s', (_name, text, code) => {
    expect(firstDossierCode(text)).toBe(code);
  });
});

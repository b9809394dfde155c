import { describe, expect, it } from 'vitest';
import type { DossierField } from '../../../lib/dossier/model';
import { formatSynonymsText, parseSynonymsText } from '../../../lib/portal/synonyms-text';

type Synonyms = Partial<Record<DossierField, string[]>>;

describe('round trip', () => {
  it.each<[string, Synonyms]>([
    ['empty', {}],
    ['one field, one name', { due: ['Ngày hẹn trả'] }],
    ['one field, several names', { due: ['Ngày hẹn trả dự kiến', 'Hạn trả', 'Hẹn trả KQ'] }],
    ['several fields', { code: ['Số hồ sơ'], applicant: ['Người nộp', 'Chủ hồ sơ'], closed: ['Ngày kết thúc'] }],
    ['a name with a colon', { received: ['Tiếp nhận: ngày'] }],
    ['every field', { code: ['a'], procedure: ['b'], sector: ['c'], applicant: ['d'], received: ['e'], due: ['f'], closed: ['g'], status: ['h'], unit: ['i'] }],
  ])('%s', (_label, value) => {
    const text = formatSynonymsText(value);
    expect(parseSynonymsText(text)).toEqual({ ok: true, value });
    // And the text is stable.
    const again = parseSynonymsText(text);
    expect(again.ok && formatSynonymsText(again.value)).toBe(text);
  });

  it('formats one line per field in field order, empty lists left out', () => {
    expect(formatSynonymsText({ unit: ['Đơn vị'], code: ['Mã', 'Số'], sector: [] })).toBe('code: Mã | Số\nunit: Đơn vị');
  });
});

describe('parseSynonymsText', () => {
  it.each<[string, string, Synonyms]>([
    ['empty text', '', {}],
    ['blank lines only', '\n  \n\t\n', {}],
    ['blank lines between, CRLF', '\r\ndue: Hạn trả\r\n\r\n   \r\ncode: Số hồ sơ\r\n', { due: ['Hạn trả'], code: ['Số hồ sơ'] }],
    ['spaces trimmed', '   due :   Hạn trả   |   Ngày hẹn  ', { due: ['Hạn trả', 'Ngày hẹn'] }],
    ['empty names between bars dropped', 'due: | Hạn trả || ', { due: ['Hạn trả'] }],
    ['same field twice: names appended', 'due: A\ndue: B | C', { due: ['A', 'B', 'C'] }],
  ])('%s', (_label, text, value) => {
    expect(parseSynonymsText(text)).toEqual({ ok: true, value });
  });

  it.each<[string, string, number[]]>([
    ['no colon', 'due Hạn trả', [1]],
    ['unknown field', 'deadline: Hạn trả', [1]],
    ['field in capitals', 'DUE: Hạn trả', [1]],
    ['no names', 'due:', [1]],
    ['only bars', 'due: | |', [1]],
    ['empty field name', ': Hạn trả', [1]],
    ['bad lines among good and blank ones', 'code: Số\n\nfoo: x\ndue: Hạn\n\n\nbar\nunit:', [3, 7, 8]],
    ['CRLF line numbers', 'code: Số\r\n\r\nnope\r\n', [3]],
  ])('%s → errors on lines %j', (_label, text, lines) => {
    const result = parseSynonymsText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(lines.length);
      expect(result.errors.map((error) => error.line)).toEqual(lines);
    }
  });

  it('says which fields exist, or that a line names no column', () => {
    expect(parseSynonymsText('hạn: x\ndue:')).toEqual({
      ok: false,
      errors: [
        { code: 'synonyms-line-format', line: 1, fields: 'code, procedure, sector, applicant, received, due, closed, status, unit, handler, overdue' },
        { code: 'synonyms-line-empty', line: 2 },
      ],
    });
  });
});

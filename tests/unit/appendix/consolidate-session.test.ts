import { describe, expect, it } from 'vitest';
import type { AppendixValues } from '../../../lib/appendix/rows';
import { appendixCsv } from '../../../lib/appendix/csv';
import { MAX_FILE_BYTES, mergeAppendices, parseAppendixFile } from '../../../lib/appendix/consolidate';
import {
  READ_LIMIT_BYTES,
  applyChoices,
  consolidatedFileName,
  differingKeys,
  uniqueFileName,
} from '../../../lib/appendix/consolidate-session';

function row(code: string, over: Partial<AppendixValues> = {}): AppendixValues {
  return {
    stt: '1',
    code,
    procedure: 'Đăng ký khai sinh',
    sector: 'Hộ tịch',
    applicant: 'Nguyễn Văn An',
    received: '03/11/2025',
    due: '10/11/2025',
    closed: '',
    state: 'Chưa kết thúc',
    realReturn: '10/11/2025',
    outcome: 'Đúng hạn',
    reason: 'Đã trả kết quả cho công dân nhưng chưa kết thúc hồ sơ trên Hệ thống',
    unit: 'UBND xã Đăk Cấm',
    note: '',
    ...over,
  };
}

const bytes = (text: string) => new TextEncoder().encode(text);

function parsedFile(fileName: string, rows: AppendixValues[]) {
  return { fileName, rows: parseAppendixFile(fileName, appendixCsv(rows, { delimiter: ',' })).rows };
}

describe('parseAppendixFile reports the delimiter it read with', () => {
  const comma = appendixCsv([row('A')], { delimiter: ',' });
  const semi = appendixCsv([row('A')], { delimiter: ';' });
  it.each([
    ['comma, text', comma, ','],
    ['semicolon, text', semi, ';'],
    ['comma, bytes without BOM', bytes(comma.slice(1)), ','],
    ['semicolon, bytes', bytes(semi), ';'],
    ['empty', '', null],
    ['not text', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), null],
  ] as const)('%s', (_name, input, expected) => expect(parseAppendixFile('f.csv', input).delimiter).toBe(expected));
});

describe('uniqueFileName', () => {
  it('keeps a new name and numbers a repeated one before the extension', () => {
    expect(uniqueFileName('a.csv', [])).toBe('a.csv');
    expect(uniqueFileName('a.csv', ['a.csv'])).toBe('a (2).csv');
    expect(uniqueFileName('a.csv', ['a.csv', 'a (2).csv'])).toBe('a (3).csv');
    expect(uniqueFileName('README', ['README'])).toBe('README (2)');
    expect(uniqueFileName('.csv', ['.csv'])).toBe('.csv (2)');
  });
});

describe('applyChoices', () => {
  const a = parsedFile('a.csv', [row('X', { reason: 'Lý do A' }), row('Y')]);
  const b = parsedFile('b.csv', [row('X', { reason: 'Lý do B' }), row('Z', { note: 'một' })]);
  const c = parsedFile('c.csv', [row('Z', { note: 'hai' })]);

  it('resolves the chosen copies and reports the index of each choice', () => {
    const merge = mergeAppendices([a, b, c]);
    expect(merge.conflicts.map((x) => x.code)).toEqual(['X', 'Z']);
    const { result, chosenIndex } = applyChoices(merge, { X: { file: 'b.csv', line: 2 } });
    expect(chosenIndex).toEqual({ X: 1, Z: -1 });
    expect(result.conflicts.map((x) => x.code)).toEqual(['Z']);
    expect(result.merged.find((r) => r.code === 'X')?.reason).toBe('Lý do B');
  });

  it('reopens a conflict whose chosen copy is gone, and ignores choices for codes no longer in conflict', () => {
    const chosen = { X: { file: 'b.csv', line: 2 }, Z: { file: 'c.csv', line: 2 } };
    const withoutC = applyChoices(mergeAppendices([a, b]), chosen);
    expect(withoutC.result.conflicts).toEqual([]);
    expect(withoutC.result.merged.find((r) => r.code === 'Z')?.note).toBe('một');
    const moved = applyChoices(mergeAppendices([a, b, c]), { X: { file: 'b.csv', line: 3 } });
    expect(moved.chosenIndex.X).toBe(-1);
    expect(moved.result.conflicts.map((x) => x.code)).toEqual(['X', 'Z']);
  });

  it('lists only the columns that differ, never STT', () => {
    const merge = mergeAppendices([a, b, c]);
    expect(differingKeys(merge.conflicts[0]!)).toEqual(['reason']);
    expect(differingKeys(merge.conflicts[1]!)).toEqual(['note']);
  });
});

describe('consolidatedFileName and READ_LIMIT_BYTES', () => {
  it('names the export by the day', () => {
    expect(consolidatedFileName('2026-01-05')).toBe('phu-luc-tong-hop-20260105.csv');
    expect(() => consolidatedFileName('05/01/2026')).toThrow(RangeError);
  });

  it('reads one byte past the limit, so the parser reports a file that is too large', () => {
    expect(READ_LIMIT_BYTES).toBe(MAX_FILE_BYTES + 1);
    const parsed = parseAppendixFile('big.csv', new Uint8Array(READ_LIMIT_BYTES));
    expect(parsed.errors[0]?.message).toContain('quá lớn');
  });
});

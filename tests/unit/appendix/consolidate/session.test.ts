import { describe, expect, it } from 'vitest';
import type { AppendixValues } from '../../../../lib/appendix/rows';
import { appendixCsv } from '../../../../lib/appendix/csv';
import { MAX_FILE_BYTES, mergeAppendices, parseAppendixFile } from '../../../../lib/appendix/consolidate';
import {
  READ_LIMIT_BYTES,
  applyChoices,
  chooseFile,
  conflictFiles,
  consolidatedFileName,
  differingKeys,
  forgetFile,
  uniqueFileName,
  type ConflictChoice,
} from '../../../../lib/appendix/consolidate/session';
import { appendixRow } from '../../../support/factories';

const choices = (entries: Record<string, ConflictChoice>) => new Map(Object.entries(entries));

const row = (code: string, over: Partial<AppendixValues> = {}) =>
  appendixRow({ code, received: '03/11/2025', due: '10/11/2025', realReturn: '10/11/2025', ...over });

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
    const { result, chosenIndex } = applyChoices(merge, choices({ X: { file: 'b.csv', line: 2 } }));
    expect(chosenIndex).toEqual(new Map([['X', 1]]));
    expect(result.conflicts.map((x) => x.code)).toEqual(['Z']);
    expect(result.merged.find((r) => r.code === 'X')?.reason).toBe('Lý do B');
  });

  it('reopens a conflict whose chosen copy is gone, and ignores choices for codes no longer in conflict', () => {
    const chosen = choices({ X: { file: 'b.csv', line: 2 }, Z: { file: 'c.csv', line: 2 } });
    const withoutC = applyChoices(mergeAppendices([a, b]), chosen);
    expect(withoutC.result.conflicts).toEqual([]);
    expect(withoutC.result.merged.find((r) => r.code === 'Z')?.note).toBe('một');
    const moved = applyChoices(mergeAppendices([a, b, c]), choices({ X: { file: 'b.csv', line: 3 } }));
    expect(moved.chosenIndex.has('X')).toBe(false);
    expect(moved.result.conflicts.map((x) => x.code)).toEqual(['X', 'Z']);
  });

  it('settles every conflict a file holds in one choice, and forgets a removed file', () => {
    const merge = mergeAppendices([a, b, c]);
    expect(conflictFiles(merge.conflicts)).toEqual(['a.csv', 'b.csv', 'c.csv']);
    const fromB = chooseFile(merge.conflicts, new Map(), 'b.csv');
    expect(fromB).toEqual(new Map([['X', { file: 'b.csv', line: 2 }], ['Z', { file: 'b.csv', line: 3 }]]));
    const applied = applyChoices(merge, fromB);
    expect(applied.result.conflicts).toEqual([]);
    expect(applied.result.merged.find((r) => r.code === 'Z')?.note).toBe('một');
    // c.csv then takes Z only; X keeps b.csv's copy.
    const thenC = chooseFile(merge.conflicts, fromB, 'c.csv');
    expect(thenC.get('X')).toEqual({ file: 'b.csv', line: 2 });
    expect(thenC.get('Z')).toEqual({ file: 'c.csv', line: 2 });
    expect([...forgetFile(thenC, 'c.csv').keys()]).toEqual(['X']);
  });

  it('treats a dossier coded __proto__ like any other code', () => {
    const p = parsedFile('p.csv', [row('__proto__', { reason: 'Lý do P' }), row('constructor')]);
    const q = parsedFile('q.csv', [row('__proto__', { reason: 'Lý do Q' }), row('constructor', { note: 'khác' })]);
    const merge = mergeAppendices([p, q]);
    expect(merge.conflicts.map((x) => x.code)).toEqual(['__proto__', 'constructor']);
    const none = applyChoices(merge, new Map());
    expect(none.result.conflicts).toHaveLength(2);
    expect(none.chosenIndex.size).toBe(0);
    const chosen = applyChoices(merge, chooseFile(merge.conflicts, new Map(), 'q.csv'));
    expect(chosen.result.conflicts).toEqual([]);
    expect(chosen.result.merged.find((r) => r.code === '__proto__')?.reason).toBe('Lý do Q');
    expect(Object.prototype).not.toHaveProperty('file');
  });

  it('applies 20,000 choices at once quickly', () => {
    const many = (file: string, reason: string) =>
      ({ fileName: file, rows: Array.from({ length: 20_000 }, (_, i) => ({ ...row(`M-${i}`, { reason }), file, line: i + 2 })) });
    const merge = mergeAppendices([many('a.csv', 'A'), many('b.csv', 'B')]);
    expect(merge.conflicts).toHaveLength(20_000);
    const started = performance.now();
    const applied = applyChoices(merge, chooseFile(merge.conflicts, new Map(), 'a.csv'));
    expect(applied.result.conflicts).toEqual([]);
    // One pass and one sort: well under a second on an idle machine (resolving them one by one took minutes).
    expect(performance.now() - started).toBeLessThan(3_000);
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
    expect(parsed.errors[0]?.problems[0]?.code).toBe('consolidate-too-large');
  });
});

describe('errorReportCsv', () => {
  it('lists every error with its file and lines, worded by the page, formula-safe', async () => {
    const { errorReportCsv } = await import('../../../../lib/appendix/consolidate');
    const csv = errorReportCsv(
      [
        { file: 'a.csv', line: 3, lineTo: 7, problems: [{ code: 'consolidate-quote-unbalanced', from: 3, to: 7 }] },
        { file: '=b.csv', line: 0, lineTo: 0, problems: [{ code: 'consolidate-empty', file: '=b.csv' }] },
      ],
      { file: 'Tệp', from: 'Từ dòng', to: 'Đến dòng', problem: 'Lỗi' },
      (p) => p.code,
    );
    expect(csv).toBe('\uFEFFTệp,Từ dòng,Đến dòng,Lỗi\r\na.csv,3,7,consolidate-quote-unbalanced\r\n"\'=b.csv",,,consolidate-empty\r\n');
  });

  it("adds the sheet column once a workbook's error is listed, and only then", async () => {
    const { errorReportCsv } = await import('../../../../lib/appendix/consolidate');
    const headings = { file: 'Tệp', sheet: 'Trang tính', from: 'Từ dòng', to: 'Đến dòng', problem: 'Lỗi' };
    const csvError = { file: 'a.csv', line: 2, lineTo: 2, problems: [{ code: 'consolidate-stt' as const }] };
    const bookError = { file: 'b.xlsx', sheet: 'Xã B', line: 11, lineTo: 11, problems: [{ code: 'consolidate-stt' as const }] };
    expect(errorReportCsv([csvError], headings, (p) => p.code)).toBe('\uFEFFTệp,Từ dòng,Đến dòng,Lỗi\r\na.csv,2,2,consolidate-stt\r\n');
    expect(errorReportCsv([csvError, bookError], headings, (p) => p.code)).toBe(
      '\uFEFFTệp,Trang tính,Từ dòng,Đến dòng,Lỗi\r\na.csv,,2,2,consolidate-stt\r\nb.xlsx,Xã B,11,11,consolidate-stt\r\n',
    );
  });
});

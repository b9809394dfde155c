import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { APPENDIX_HEADINGS, APPENDIX_KEYS, type AppendixValues } from '../../../../lib/appendix/rows';
import { appendixCsv } from '../../../../lib/appendix/csv';
import {
  MAX_FILE_BYTES,
  MAX_FILE_LINES,
  consolidatedCsv,
  mergeAppendices,
  parseAppendixFile,
  rejectedLineCount,
  resolveConflict,
  summaryByUnit,
  type ImportedRow,
} from '../../../../lib/appendix/consolidate';
import { createTranslator } from '../../../../lib/i18n/translate';
import { problemsText } from '../../../../components/consolidate/problem-text';
import { appendixRow } from '../../../support/factories';

/** The problems of an error as the Vietnamese and English pages word them. */
const vi = createTranslator('vi');
const en = createTranslator('en');
const worded = (e: { problems: Parameters<typeof problemsText>[1] }) => ({ vi: problemsText(vi, e.problems), en: problemsText(en, e.problems) });

const row = appendixRow;

const ROWS: AppendixValues[] = [
  row({ stt: '1', code: 'A-0001', note: 'Ghi chú có dấu phẩy, chấm phẩy; và "ngoặc"' }),
  row({
    stt: '2',
    code: 'A-0002',
    received: '11/11/2026',
    closed: '25/11/2026',
    state: 'Kết thúc muộn',
    realReturn: '15/11/2026',
    outcome: 'Trước hạn',
    reason: 'Kết thúc muộn do lỗi mạng',
    note: 'dòng 1\r\ndòng 2',
  }),
  row({ stt: '3', code: 'A-0003', received: '', applicant: '=HYPERLINK("x")', note: '-5' }),
];

function values(r: ImportedRow): AppendixValues {
  return Object.fromEntries(APPENDIX_KEYS.map((k) => [k, r[k]])) as AppendixValues;
}

/** A CSV written by hand: header + lines joined by CRLF, optional BOM. */
function handCsv(lines: string[], delimiter = ',', bom = true): string {
  const header = Papa.unparse([[...APPENDIX_HEADINGS]], { delimiter, newline: '\r\n' });
  return `${bom ? '\uFEFF' : ''}${[header, ...lines].join('\r\n')}\r\n`;
}

function line(r: AppendixValues, delimiter = ','): string {
  return Papa.unparse([APPENDIX_KEYS.map((k) => r[k])], { delimiter, newline: '\r\n' });
}

describe('parseAppendixFile: good files', () => {
  it.each([
    [',', true],
    [',', false],
    [';', true],
    [';', false],
  ] as const)('delimiter %j, BOM %s: export → parse gives the same rows', (delimiter, bom) => {
    const csv = appendixCsv(ROWS, { delimiter });
    const text = bom ? csv : csv.slice(1);
    const parsed = parseAppendixFile('xa-a.csv', text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map(values)).toEqual(ROWS);
    expect(parsed.rows.map((r) => r.file)).toEqual(['xa-a.csv', 'xa-a.csv', 'xa-a.csv']);
    // header line 1, rows on lines 2, 3 (two lines: multi-line note) and 5
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3, 5]);
  });

  it.each([',', ';'] as const)('accepts LF-only line ends (delimiter %j)', (delimiter) => {
    const csv = appendixCsv([ROWS[0]!], { delimiter }).replaceAll('\r\n', '\n');
    const parsed = parseAppendixFile('lf.csv', csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map(values)).toEqual([ROWS[0]]);
  });

  it('accepts bytes (Uint8Array) decoded as UTF-8', () => {
    const bytes = new TextEncoder().encode(appendixCsv(ROWS, { delimiter: ';' }));
    const parsed = parseAppendixFile('bytes.csv', bytes);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map(values)).toEqual(ROWS);
  });

  it('undoes formula neutralisation so re-export does not double the apostrophe', () => {
    const first = appendixCsv(ROWS, { delimiter: ',' });
    expect(first).toContain(`"'=HYPERLINK(""x"")"`);
    const parsed = parseAppendixFile('f.csv', first);
    expect(parsed.rows[2]!.applicant).toBe('=HYPERLINK("x")');
    expect(parsed.rows[2]!.note).toBe('-5');
    const again = consolidatedCsv(parsed.rows, { delimiter: ',' });
    expect(again).toContain(`"'=HYPERLINK(""x"")"`);
    expect(again).not.toContain("''");
  });

  it.each(['=', '+', '-', '@', '\t', '\r', '\n'])('round-trips a note starting with %j', (prefix) => {
    // trimmed on import: only a prefix that is not white space survives as the first character
    const note = `${prefix}x`;
    const parsed = parseAppendixFile('n.csv', appendixCsv([row({ note })], { delimiter: ';' }));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.note).toBe(note);
  });

  it('normalises NFD cells to NFC, trims them and re-pads d/M/yyyy dates', () => {
    const r = row({ applicant: ' Nguyễn Văn Ước '.normalize('NFD'), received: '1/11/2026', realReturn: '5/11/2026', outcome: 'Trước hạn' });
    const parsed = parseAppendixFile('x.csv', handCsv([line(r)]));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ applicant: 'Nguyễn Văn Ước', received: '01/11/2026', realReturn: '05/11/2026' });
  });

  it('accepts the columns in another order and maps them by heading', () => {
    const order = [...APPENDIX_KEYS].reverse();
    const header = Papa.unparse([order.map((k) => APPENDIX_HEADINGS[APPENDIX_KEYS.indexOf(k)]!)], { newline: '\r\n' });
    const r = ROWS[0]!;
    const text = `${header}\r\n${Papa.unparse([order.map((k) => r[k])], { newline: '\r\n' })}\r\n`;
    const parsed = parseAppendixFile('rev.csv', text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map(values)).toEqual([r]);
  });

  it('skips wholly empty lines and keeps later line numbers right', () => {
    const text = handCsv(['', line(row({ code: 'X' })), ',,,,,,,,,,,,,', line(row({ code: 'Y' }))]);
    const parsed = parseAppendixFile('e.csv', text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.code, r.line])).toEqual([
      ['X', 3],
      ['Y', 5],
    ]);
  });
});

describe('parseAppendixFile: bad rows are reported with file and line', () => {
  it.each([
    ['STT not a number', { stt: 'a' }, 'STT'],
    ['STT zero', { stt: '0' }, 'STT'],
    ['empty code', { code: '' }, 'Mã hồ sơ'],
    ['impossible date', { due: '31/02/2026' }, 'Ngày hẹn trả kết quả'],
    ['ISO date', { realReturn: '2026-11-20' }, 'Ngày trả kết quả thực tế'],
    ['bad receipt date', { received: '10-11-2026' }, 'Ngày tiếp nhận'],
    ['unknown state', { state: 'Đang xử lý' }, 'Tình trạng trên Hệ thống'],
    ['really late outcome', { outcome: 'Quá hạn' }, 'Kết quả thực tế'],
    ['outcome not matching dates', { outcome: 'Trước hạn' }, 'Kết quả thực tế'],
    ['empty reason', { reason: '  ' }, 'Lý do chưa kết thúc'],
    ['closed date while unclosed', { closed: '25/11/2026' }, 'Ngày kết thúc trên Hệ thống'],
    ['late-closed without closing date', { state: 'Kết thúc muộn' }, 'Ngày kết thúc trên Hệ thống'],
    ['real return before receipt', { realReturn: '09/11/2026', outcome: 'Trước hạn' }, 'Ngày trả kết quả thực tế'],
  ])('%s', (_name, over, column) => {
    for (const delimiter of [',', ';']) {
      const text = handCsv([line(row({ code: 'OK1' }), delimiter), line(row(over), delimiter), line(row({ code: 'OK2' }), delimiter)], delimiter);
      const parsed = parseAppendixFile('xa-b.csv', text);
      expect(parsed.rows.map((r) => r.code)).toEqual(['OK1', 'OK2']);
      expect(parsed.errors).toHaveLength(1);
      expect(parsed.errors[0]).toMatchObject({ file: 'xa-b.csv', line: 3, lineTo: 3 });
      expect(parsed.errors[0]!.problems.length).toBeGreaterThan(0);
      expect(worded(parsed.errors[0]!).vi).toContain(column);
      expect(worded(parsed.errors[0]!).en).toContain(column);
    }
  });

  it('reports a row with the wrong number of cells', () => {
    const text = handCsv([line(row()), 'a,b,c']);
    const parsed = parseAppendixFile('c.csv', text);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.errors).toEqual([expect.objectContaining({ file: 'c.csv', line: 3 })]);
    expect(parsed.errors[0]!.problems).toEqual([{ code: 'consolidate-column-count', count: 3, expected: 14 }]);
    expect(worded(parsed.errors[0]!).vi).toBe('có 3 cột, cần đúng 14 cột');
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ])('counts lines of quoted multi-line notes before a bad row (%s line ends)', (_name, eol) => {
    const crlf = handCsv([
      line(row({ code: 'M1', note: 'một\r\nhai\r\nba' })), // lines 2-4
      line(row({ code: 'M2', note: 'x\ny' })), // lines 5-6
      line(row({ code: '' })), // line 7
      line(row({ code: 'M3', note: 'cuối' })), // line 8
      line(row({ code: 'BAD', due: '32/01/2026' })), // line 9
    ]);
    const text = crlf.replaceAll('\r\n', eol);
    const parsed = parseAppendixFile('ml.csv', text);
    expect(parsed.rows.map((r) => [r.code, r.line])).toEqual([
      ['M1', 2],
      ['M2', 5],
      ['M3', 8],
    ]);
    expect(parsed.errors.map((e) => [e.file, e.line])).toEqual([
      ['ml.csv', 7],
      ['ml.csv', 9],
    ]);
  });

  it('reports an unterminated quote with its line', () => {
    const text = handCsv([line(row()), `2,"X,${'a,'.repeat(12)}b`]);
    const parsed = parseAppendixFile('q.csv', text);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.errors.length).toBeGreaterThanOrEqual(1);
    expect(parsed.errors.every((e) => e.line === 3 && e.file === 'q.csv')).toBe(true);
  });

  it('reports every line an unbalanced quote swallowed, and rejects them all', () => {
    // Line 3 opens a quote that is never closed: lines 3 to 7 become one cell.
    const text = handCsv([
      line(row({ code: 'OK1' })),
      line(row({ code: 'BAD', note: 'x' })).replace(/,x$/, ',"x'),
      line(row({ code: 'LOST1' })),
      line(row({ code: 'LOST2' })),
      line(row({ code: 'LOST3' })),
      line(row({ code: 'LOST4' })),
    ]);
    const parsed = parseAppendixFile('q.csv', text);
    expect(parsed.rows.map((r) => r.code)).toEqual(['OK1']);
    expect(parsed.errors).toEqual([
      { file: 'q.csv', line: 3, lineTo: 7, problems: [{ code: 'consolidate-quote-unbalanced', from: 3, to: 7 }] },
    ]);
    expect(rejectedLineCount(parsed.errors)).toBe(5);
    expect(worded(parsed.errors[0]!).vi).toContain('3–7');
  });

  it('reports the lines a stray quote ran over until a later quote, and reads on after them', () => {
    const text = handCsv([
      line(row({ code: 'OK1' })),
      line(row({ code: 'BAD', note: 'x' })).replace(/,x$/, ',"x'), // line 3: opens a quote
      line(row({ code: 'LOST' })).replace(',LOST,', ',"LOST",'), // line 4: its quotes close it, badly
      line(row({ code: 'OK2' })),
    ]);
    const parsed = parseAppendixFile('q.csv', text);
    expect(parsed.rows.map((r) => [r.code, r.line])).toEqual([
      ['OK1', 2],
      ['OK2', 5],
    ]);
    expect(parsed.errors.map((e) => [e.line, e.lineTo, e.problems[0]!.code])).toEqual([[3, 4, 'consolidate-quote-unbalanced']]);
    expect(rejectedLineCount(parsed.errors)).toBe(2);
  });
});

describe('parseAppendixFile: dates with a time of day', () => {
  const timed = (over: Partial<AppendixValues>) =>
    row({
      code: 'T-1',
      received: '10/11/2026 08:15',
      due: '20/11/2026 17:00',
      closed: '20/11/2026 17:40',
      state: 'Kết thúc muộn',
      realReturn: '20/11/2026 16:45',
      outcome: 'Đúng hạn',
      ...over,
    });

  it('accepts both forms, and a same-day closing after a timed appointment as "Kết thúc muộn"', () => {
    const parsed = parseAppendixFile('t.csv', handCsv([line(timed({})), line(timed({ code: 'T-2', realReturn: '20/11/2026' }))]));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.due, r.closed, r.realReturn])).toEqual([
      ['20/11/2026 17:00', '20/11/2026 17:40', '20/11/2026 16:45'],
      ['20/11/2026 17:00', '20/11/2026 17:40', '20/11/2026'],
    ]);
  });

  it.each([
    ['a closing in the appointment minute is not late', { closed: '20/11/2026 17:00' }, 'Ngày kết thúc trên Hệ thống'],
    ['a real return after the appointment minute is not on time', { realReturn: '20/11/2026 17:30' }, 'Kết quả thực tế'],
    ['a real return before the receipt minute', { realReturn: '10/11/2026 08:00', outcome: 'Trước hạn' }, 'Ngày trả kết quả thực tế'],
    ['a time that does not exist', { due: '20/11/2026 24:10' }, 'Ngày hẹn trả kết quả'],
  ])('%s', (_name, over, column) => {
    const parsed = parseAppendixFile('t.csv', handCsv([line(timed(over))]));
    expect(parsed.rows).toEqual([]);
    expect(worded(parsed.errors[0]!).vi).toContain(column);
  });
});

describe('parseAppendixFile: wrong files', () => {
  it.each([
    ['a missing column', APPENDIX_HEADINGS.filter((h) => h !== 'Ghi chú'), ['"Ghi chú"', 'thiếu cột']],
    ['an unknown column', [...APPENDIX_HEADINGS, 'Cán bộ xử lý'], ['"Cán bộ xử lý"', 'không thuộc phụ lục']],
    ['a renamed column', APPENDIX_HEADINGS.map((h) => (h === 'Lĩnh vực' ? 'Tên lĩnh vực' : h)), ['"Lĩnh vực"', '"Tên lĩnh vực"']],
    ['a repeated column', [...APPENDIX_HEADINGS, 'STT'], ['lặp', '"STT"']],
  ])('refuses a header with %s, naming it', (_name, headings, needles) => {
    for (const delimiter of [',', ';']) {
      const text = `${Papa.unparse([headings], { delimiter, newline: '\r\n' })}\r\n${line(row(), delimiter)}\r\n`;
      const parsed = parseAppendixFile('h.csv', text);
      expect(parsed.rows).toEqual([]);
      expect(parsed.errors).toHaveLength(1);
      expect(parsed.errors[0]).toMatchObject({ file: 'h.csv', line: 1 });
      for (const n of needles) expect(worded(parsed.errors[0]!).vi).toContain(n);
    }
  });

  it('finds the header after leading empty lines', () => {
    const parsed = parseAppendixFile('h.csv', `\r\n\r\n${handCsv([line(row())], ',', false)}`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.line).toBe(4);
  });

  it.each([
    ['NUL bytes', 'STT,Mã\u0000 hồ sơ\r\n'],
    ['invalid UTF-8 bytes', new Uint8Array([0xef, 0xbb, 0xbf, 0x53, 0x54, 0x54, 0xff, 0xfe, 0x2c])],
    ['a ZIP/XLSX file', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xc3, 0x28])],
  ])('refuses %s as not a UTF-8 CSV', (_name, input) => {
    const parsed = parseAppendixFile('bad.xlsx', input);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([expect.objectContaining({ file: 'bad.xlsx', line: 0 })]);
    expect(parsed.errors[0]!.problems).toEqual([{ code: 'consolidate-not-utf8', file: 'bad.xlsx' }]);
    expect(worded(parsed.errors[0]!).vi).toContain('UTF-8');
    expect(worded(parsed.errors[0]!).en).toContain('not a UTF-8 CSV');
  });

  it('accepts valid UTF-8 that holds a literal U+FFFD (a character like any other)', () => {
    const text = handCsv([line(row({ applicant: 'Nguy\uFFFDn' }))]);
    for (const input of [text, new TextEncoder().encode(text)]) {
      const parsed = parseAppendixFile('fffd.csv', input);
      expect(parsed.errors).toEqual([]);
      expect(parsed.rows[0]!.applicant).toBe('Nguy\uFFFDn');
    }
  });

  it('refuses a file of a million short bad lines up front, quickly', () => {
    const bytes = new TextEncoder().encode(handCsv(Array<string>(1_000_000).fill('x,"')));
    const started = performance.now();
    const parsed = parseAppendixFile('trieu-dong.csv', bytes);
    const ms = performance.now() - started;
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      { file: 'trieu-dong.csv', line: 0, lineTo: 0, problems: [{ code: 'consolidate-too-many-lines', file: 'trieu-dong.csv', max: MAX_FILE_LINES }] },
    ]);
    expect(ms).toBeLessThan(1_000);
  });

  it('reads a file of bad lines just under the line cap in reasonable time, one error per line', () => {
    const count = MAX_FILE_LINES - 1;
    const parsed = parseAppendixFile('xau.csv', handCsv(Array<string>(count).fill('x,y')));
    expect(parsed.errors).toHaveLength(count);
    expect(rejectedLineCount(parsed.errors)).toBe(count);
  });

  it.each([
    ['text', 'x'.repeat(MAX_FILE_BYTES + 1)],
    ['multi-byte text over the limit in bytes', 'ư'.repeat(Math.ceil(MAX_FILE_BYTES / 2) + 1)],
    ['bytes', new Uint8Array(MAX_FILE_BYTES + 1)],
  ])('refuses %s over 20 MB', (_name, input) => {
    const parsed = parseAppendixFile('big.csv', input);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]!.problems).toEqual([{ code: 'consolidate-too-large', file: 'big.csv', megabytes: 20 }]);
    expect(worded(parsed.errors[0]!).vi).toContain('20 MB');
  });

  it.each([['', '\uFEFF', '\r\n \r\n']])('reports an empty file', (...inputs) => {
    for (const input of inputs) {
      const parsed = parseAppendixFile('empty.csv', input);
      expect(parsed.rows).toEqual([]);
      expect(parsed.errors).toEqual([expect.objectContaining({ file: 'empty.csv', line: 0 })]);
    }
  });
});

function imported(fileName: string, rows: AppendixValues[]): { fileName: string; rows: ImportedRow[] } {
  const parsed = parseAppendixFile(fileName, appendixCsv(rows, { delimiter: ',' }));
  expect(parsed.errors).toEqual([]);
  return { fileName, rows: parsed.rows };
}

describe('mergeAppendices', () => {
  it('collapses identical copies (STT may differ) and keeps distinct codes', () => {
    const a = imported('a.csv', [row({ code: 'C1' }), row({ code: 'C2', received: '09/11/2026' })]);
    const b = imported('b.csv', [row({ code: 'C3', received: '12/11/2026' }), row({ code: 'C1' })]);
    const result = mergeAppendices([a, b]);
    expect(result.conflicts).toEqual([]);
    expect(result.merged.map((r) => r.code)).toEqual(['C2', 'C1', 'C3']);
    expect(result.merged.find((r) => r.code === 'C1')!.file).toBe('a.csv');
  });

  it.each([
    ['note', { note: 'khác' }],
    ['real return date', { realReturn: '19/11/2026', outcome: 'Trước hạn' }],
    ['unit', { unit: 'UBND xã khác' }],
  ])('turns copies differing in %s into a conflict, absent from merged', (_name, over) => {
    const a = imported('a.csv', [row({ code: 'C1' }), row({ code: 'C2' })]);
    const b = imported('b.csv', [row({ code: 'C1', ...over })]);
    const result = mergeAppendices([a, b]);
    expect(result.merged.map((r) => r.code)).toEqual(['C2']);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]!.code).toBe('C1');
    expect(result.conflicts[0]!.copies.map((c) => [c.fileName, c.line])).toEqual([
      ['a.csv', 2],
      ['b.csv', 2],
    ]);

    const resolved = resolveConflict(result, 'C1', 1);
    expect(resolved.conflicts).toEqual([]);
    expect(resolved.merged.map((r) => r.code).sort()).toEqual(['C1', 'C2']);
    expect(resolved.merged.find((r) => r.code === 'C1')).toMatchObject(over);
    // the original result is unchanged
    expect(result.conflicts).toHaveLength(1);
  });

  it('throws when resolving an unknown code or index', () => {
    const result = mergeAppendices([imported('a.csv', [row({ code: 'C1' })]), imported('b.csv', [row({ code: 'C1', note: 'x' })])]);
    expect(() => resolveConflict(result, 'NOPE', 0)).toThrow(RangeError);
    expect(() => resolveConflict(result, 'C1', 2)).toThrow(RangeError);
  });
});

describe('consolidatedCsv', () => {
  it('orders by receipt day then code (no receipt date last) and renumbers STT', () => {
    const rows = [
      row({ stt: '7', code: 'B', received: '10/11/2026' }),
      row({ stt: '1', code: 'Z', received: '' }),
      row({ stt: '3', code: 'A', received: '10/11/2026' }),
      row({ stt: '2', code: 'C', received: '09/11/2026' }),
      row({ stt: '2', code: 'D', received: '01/12/2025' }),
    ];
    for (const delimiter of [',', ';'] as const) {
      const csv = consolidatedCsv(rows, { delimiter });
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const data = Papa.parse<string[]>(csv.slice(1), { delimiter, skipEmptyLines: true }).data;
      expect(data[0]).toEqual(APPENDIX_HEADINGS);
      expect(data.slice(1).map((r) => `${r[0]}:${r[1]}`)).toEqual(['1:D', '2:C', '3:A', '4:B', '5:Z']);
    }
  });

  it('export → parse → merge → export → parse gives equal rows', () => {
    const files = [imported('a.csv', ROWS.slice(0, 2)), imported('b.csv', [ROWS[2]!, ROWS[0]!])];
    const { merged, conflicts } = mergeAppendices(files);
    expect(conflicts).toEqual([]);
    const csv = consolidatedCsv(merged, { delimiter: ';' });
    const back = parseAppendixFile('tong-hop.csv', csv);
    expect(back.errors).toEqual([]);
    const strip = (r: AppendixValues) => ({ ...r, stt: '' });
    expect(back.rows.map(values).map(strip)).toEqual(merged.map(values).map(strip));
    expect(back.rows.map((r) => r.stt)).toEqual(['1', '2', '3']);
  });
});

describe('summaryByUnit', () => {
  it('counts rows, early and on time per unit, sorted by unit (Vietnamese order, no unit last), with a total', () => {
    const rows = [
      row({ unit: 'UBND xã Đăk Cấm', outcome: 'Trước hạn' }),
      row({ unit: 'UBND xã Đăk Cấm', outcome: 'Đúng hạn' }),
      row({ unit: 'UBND xã Đăk Cấm', outcome: 'Đúng hạn' }),
      row({ unit: '', outcome: 'Đúng hạn' }),
      row({ unit: 'UBND xã Đoàn Kết', outcome: 'Trước hạn' }),
      row({ unit: 'UBND phường Duy Tân', outcome: 'Trước hạn' }),
      row({ unit: 'Phòng Tư pháp', outcome: 'Đúng hạn' }),
    ];
    expect(summaryByUnit(rows)).toEqual({
      units: [
        { unit: 'Phòng Tư pháp', rows: 1, early: 0, onTime: 1 },
        { unit: 'UBND phường Duy Tân', rows: 1, early: 1, onTime: 0 },
        { unit: 'UBND xã Đăk Cấm', rows: 3, early: 1, onTime: 2 },
        { unit: 'UBND xã Đoàn Kết', rows: 1, early: 1, onTime: 0 },
        { unit: '', rows: 1, early: 0, onTime: 1 },
      ],
      total: { rows: 7, early: 3, onTime: 4 },
    });
  });

  it('is empty with a zero total for no rows', () => {
    expect(summaryByUnit([])).toEqual({ units: [], total: { rows: 0, early: 0, onTime: 0 } });
  });
});

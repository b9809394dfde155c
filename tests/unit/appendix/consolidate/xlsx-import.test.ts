import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { APPENDIX_HEADINGS, APPENDIX_KEYS, type AppendixValues } from '../../../../lib/appendix/rows';
import { documentContent } from '../../../../lib/appendix/document-header';
import { appendixWorkbook } from '../../../../lib/appendix/workbook';
import { MAX_FILE_BYTES, parseAppendixFile } from '../../../../lib/appendix/consolidate';
import { isWorkbookFile } from '../../../../lib/appendix/consolidate/file-kind';
import { cellText, parseAppendixWorkbook } from '../../../../lib/appendix/consolidate/xlsx-import';
import { MAX_INFLATED_BYTES, MAX_SHEET_ROWS, MAX_ZIP_PARTS } from '../../../../lib/appendix/consolidate/xlsx-zip';
import { createTranslator } from '../../../../lib/i18n/translate';
import { problemsText } from '../../../../components/consolidate/problem-text';
import { appendixRow } from '../../../support/factories';
import { hostileRows, OFFICE_TODAY, officeRows } from '../office-fixtures';

/**
 * The consolidation's workbook reader on workbooks built here with ExcelJS (as Excel would save them) and
 * zips built or patched with JSZip (what Excel would never write: macros, links, bombs).
 */

const vi = createTranslator('vi');
const en = createTranslator('en');

const values = (row: AppendixValues) => APPENDIX_KEYS.map((key) => row[key]);

async function bytesOf(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A workbook of one sheet: optional rows above, the 14 headings, then the rows. */
async function workbook(rows: unknown[][], { above = [] as unknown[][], sheetName = 'Phụ lục', before = [] as string[] } = {}) {
  const book = new ExcelJS.Workbook();
  for (const name of before) book.addWorksheet(name).addRow(['Hướng dẫn điền phụ lục']);
  const sheet = book.addWorksheet(sheetName);
  for (const row of above) sheet.addRow(row);
  sheet.addRow([...APPENDIX_HEADINGS]);
  for (const row of rows) sheet.addRow(row);
  return { book, sheet };
}

async function rezip(bytes: Uint8Array, edit: (zip: JSZip) => void | Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function plainWorkbook(): Promise<Uint8Array> {
  const { book } = await workbook([values(appendixRow())]);
  return bytesOf(book);
}

const onlyProblem = (parsed: Awaited<ReturnType<typeof parseAppendixWorkbook>>) => {
  expect(parsed.rows).toEqual([]);
  expect(parsed.errors).toHaveLength(1);
  expect(parsed.errors[0]!.line).toBe(0);
  return parsed.errors[0]!.problems[0]!;
};

describe('parseAppendixWorkbook: reading', () => {
  it('reads the workbook the extension exports (title block, date cells, signatures) as the rows it holds', async () => {
    const rows = officeRows(25, 'UBND xã Đăk Cấm');
    const bytes = await appendixWorkbook(documentContent(rows, { today: OFFICE_TODAY, unitName: 'UBND xã Đăk Cấm', place: 'Đăk Cấm' }));
    const parsed = await parseAppendixWorkbook('xa.xlsx', bytes);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((row) => values(row))).toEqual(rows.map((row) => values(row)));
    // Rows are numbered as the sheet numbers them: the header is row 9.
    expect(parsed.rows[0]).toMatchObject({ file: 'xa.xlsx', line: 10 });
  });

  it('keeps hostile text as text: a cell starting with = + - @ reads as written', async () => {
    const rows = hostileRows();
    const bytes = await appendixWorkbook(documentContent(rows, { today: OFFICE_TODAY }));
    const parsed = await parseAppendixWorkbook('x.xlsx', bytes);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((row) => values(row))).toEqual(rows.map((row) => values(row)));
  });

  it('finds the header under a title block, reads a note typed in, a real date cell and a date typed as text', async () => {
    const { book, sheet } = await workbook(
      [values(appendixRow({ stt: '1', code: 'A-1' })), values(appendixRow({ stt: '2', code: 'A-2' }))],
      { above: [['ỦY BAN NHÂN DÂN XÃ A'], ['DANH SÁCH HỒ SƠ TRỄ HẠN'], []] },
    );
    sheet.mergeCells('A1:D1');
    sheet.getCell('N5').value = 'Đã gọi điện cho công dân';
    sheet.getCell('G5').value = new Date(Date.UTC(2026, 10, 20));
    sheet.getCell('G5').numFmt = 'dd/mm/yyyy';
    sheet.getCell('F6').value = new Date(Date.UTC(2026, 10, 10, 8, 5));
    sheet.getCell('F6').numFmt = 'dd/mm/yyyy hh:mm';
    sheet.getCell('J6').value = ' 20/11/2026 ';
    const parsed = await parseAppendixWorkbook('a.xlsx', await bytesOf(book));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.code, r.line, r.due, r.received, r.realReturn, r.note])).toEqual([
      ['A-1', 5, '20/11/2026', '10/11/2026', '20/11/2026', 'Đã gọi điện cho công dân'],
      ['A-2', 6, '20/11/2026', '10/11/2026 08:05', '20/11/2026', ''],
    ]);
  });

  it('takes the sheet that holds the headings, not the first one', async () => {
    const { book } = await workbook([values(appendixRow({ code: 'B-1' }))], { before: ['Hướng dẫn'], sheetName: 'Số liệu' });
    const parsed = await parseAppendixWorkbook('b.xlsx', await bytesOf(book));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.code)).toEqual(['B-1']);
  });

  it('reads formulas as their cached values, never computing them', async () => {
    const { book, sheet } = await workbook([values(appendixRow({ code: 'F-1' }))]);
    // The cached result is what Excel showed; the formula itself would give something else.
    sheet.getCell('A2').value = { formula: 'ROW()-1', result: 1 };
    sheet.getCell('N2').value = { formula: 'CONCAT("a","b")', result: 'Ghi chú đã tính' };
    sheet.getCell('G2').value = { formula: 'DATE(2030,1,1)', result: new Date(Date.UTC(2026, 10, 20)) };
    sheet.getCell('G2').numFmt = 'dd/mm/yyyy';
    sheet.getCell('E2').value = { formula: 'WEBSERVICE("http://example.invalid")' };
    const parsed = await parseAppendixWorkbook('f.xlsx', await bytesOf(book));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ stt: '1', note: 'Ghi chú đã tính', due: '20/11/2026', applicant: '' });
  });

  it('reads rich text, hyperlinks and a date serial that lost its format', async () => {
    const { book, sheet } = await workbook([values(appendixRow({ code: 'R-1' }))]);
    sheet.getCell('C2').value = { richText: [{ text: 'Đăng ký ' }, { font: { bold: true }, text: 'khai sinh' }] };
    sheet.getCell('B2').value = { text: 'R-1', hyperlink: 'https://example.invalid/R-1' };
    sheet.getCell('J2').value = 46346; // 20/11/2026 as Excel counts days
    const parsed = await parseAppendixWorkbook('r.xlsx', await bytesOf(book));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ code: 'R-1', procedure: 'Đăng ký khai sinh', realReturn: '20/11/2026' });
  });

  it("undoes the CSV's apostrophe where an office opened the CSV in Excel and saved it as a workbook", async () => {
    const { book } = await workbook([values(appendixRow({ note: "'=1+2" }))]);
    const parsed = await parseAppendixWorkbook('c.xlsx', await bytesOf(book));
    expect(parsed.rows[0]!.note).toBe('=1+2');
  });

  it('reads a workbook and the CSV of the same rows alike', async () => {
    const rows = officeRows(12);
    const { book } = await workbook(rows.map(values));
    const csv = [APPENDIX_HEADINGS, ...rows.map(values)].map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n');
    const fromCsv = parseAppendixFile('x.csv', csv);
    const fromBook = await parseAppendixWorkbook('x.xlsx', await bytesOf(book));
    const strip = (parsed: typeof fromCsv) => parsed.rows.map(({ file: _f, line: _l, ...rest }) => rest);
    expect(strip(fromBook)).toEqual(strip(fromCsv));
  });
});

describe('parseAppendixWorkbook: errors name the file, the sheet and the row', () => {
  it('a bad row is reported at its sheet row, in both languages, and the good rows load', async () => {
    const { book } = await workbook(
      [values(appendixRow({ stt: '1', code: 'G-1' })), values(appendixRow({ stt: '2', code: 'G-2', due: '31/02/2026' })), values(appendixRow({ stt: '3', code: 'G-3' }))],
      { above: [['TIÊU ĐỀ'], []], sheetName: 'Xã B' },
    );
    const parsed = await parseAppendixWorkbook('b.xlsx', await bytesOf(book));
    expect(parsed.rows.map((r) => r.code)).toEqual(['G-1', 'G-3']);
    expect(parsed.errors).toEqual([{ file: 'b.xlsx', sheet: 'Xã B', line: 5, lineTo: 5, problems: [{ code: 'consolidate-date', column: 'Ngày hẹn trả kết quả' }] }]);
    expect(problemsText(vi, parsed.errors[0]!.problems)).toContain('Ngày hẹn trả kết quả');
    expect(problemsText(en, parsed.errors[0]!.problems)).toContain('Ngày hẹn trả kết quả');
  });

  it('a cell filled right of the table makes its row one column too many', async () => {
    const { book, sheet } = await workbook([values(appendixRow())]);
    sheet.getCell('O2').value = 'ghi chú ngoài bảng';
    const parsed = await parseAppendixWorkbook('o.xlsx', await bytesOf(book));
    expect(parsed.errors).toEqual([{ file: 'o.xlsx', sheet: 'Phụ lục', line: 2, lineTo: 2, problems: [{ code: 'consolidate-column-count', count: 15, expected: 14 }] }]);
  });

  it('a sheet whose header has an unknown column is reported at that header row', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Tổng hợp');
    sheet.addRow(['BÁO CÁO']);
    sheet.addRow([...APPENDIX_HEADINGS.slice(0, 13), 'Ghi chú thêm']);
    sheet.addRow(values(appendixRow()));
    const parsed = await parseAppendixWorkbook('h.xlsx', await bytesOf(book));
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ file: 'h.xlsx', sheet: 'Tổng hợp', line: 2 });
    expect(parsed.errors[0]!.problems.map((p) => p.code)).toEqual(['consolidate-header-missing', 'consolidate-header-unknown']);
  });

  it('rows under the table that are not rows (a date line, signatures) are left out; numbered rows are still checked', async () => {
    const { book, sheet } = await workbook([values(appendixRow({ code: 'S-1' }))]);
    sheet.addRow([]);
    sheet.addRow(['', '', '', '', '', '', '', '', 'Đăk Cấm, ngày 27 tháng 11 năm 2026']);
    sheet.addRow(['NGƯỜI LẬP BIỂU']);
    sheet.addRow(['5', 'S-5']);
    const parsed = await parseAppendixWorkbook('s.xlsx', await bytesOf(book));
    expect(parsed.rows.map((r) => r.code)).toEqual(['S-1']);
    // An empty appointment is allowed (a dossier whose appointment the page never showed); the numbered
    // row still fails, on its empty system state.
    expect(parsed.errors.map((e) => [e.line, e.problems[0]!.code])).toEqual([[6, 'consolidate-state']]);
  });

  it('an empty workbook is empty', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Trống');
    expect(onlyProblem(await parseAppendixWorkbook('e.xlsx', await bytesOf(book)))).toEqual({ code: 'consolidate-empty', file: 'e.xlsx' });
  });
});

/** Building and inflating a 64 MB part takes seconds on a loaded machine. */
const HEAVY = { timeout: 120_000 };

/** A plain workbook with one more part of 64 MB + 1 of zeros (a few dozen KB compressed), made once. */
let bombBytes: Promise<Uint8Array> | undefined;
const bombWorkbook = async () =>
  (await (bombBytes ??= (async () => rezip(await plainWorkbook(), (zip) => void zip.file('xl/media/padding.bin', new Uint8Array(MAX_INFLATED_BYTES + 1))))())).slice();

describe('parseAppendixWorkbook: hostile files are refused with a clear message', HEAVY, () => {
  it('refuses a macro-enabled workbook by its name', async () => {
    const problem = onlyProblem(await parseAppendixWorkbook('macro.xlsm', await plainWorkbook()));
    expect(problem).toEqual({ code: 'consolidate-xlsx-macro', file: 'macro.xlsm' });
    expect(problemsText(vi, [problem])).toContain('.xlsm');
    expect(problemsText(en, [problem])).toContain('macro');
  });

  it('refuses a workbook holding a VBA project, whatever its name', async () => {
    const bytes = await rezip(await plainWorkbook(), (zip) => void zip.file('xl/vbaProject.bin', new Uint8Array(64)));
    expect(onlyProblem(await parseAppendixWorkbook('renamed.xlsx', bytes))).toEqual({ code: 'consolidate-xlsx-macro', file: 'renamed.xlsx' });
  });

  it('refuses a workbook whose content types say macro-enabled', async () => {
    const bytes = await rezip(await plainWorkbook(), async (zip) => {
      const types = await zip.file('[Content_Types].xml')!.async('string');
      zip.file('[Content_Types].xml', types.replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml'));
    });
    expect(onlyProblem(await parseAppendixWorkbook('m.xlsx', bytes)).code).toBe('consolidate-xlsx-macro');
  });

  it('refuses external links: a link part, or a link relationship alone', async () => {
    const withPart = await rezip(await plainWorkbook(), (zip) => void zip.file('xl/externalLinks/externalLink1.xml', '<externalLink/>'));
    expect(onlyProblem(await parseAppendixWorkbook('l.xlsx', withPart))).toEqual({ code: 'consolidate-xlsx-external-links', file: 'l.xlsx' });
    const withRel = await rezip(await plainWorkbook(), async (zip) => {
      const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
      const link = '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="other.xml"/>';
      zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', `${link}</Relationships>`));
    });
    expect(onlyProblem(await parseAppendixWorkbook('l2.xlsx', withRel)).code).toBe('consolidate-xlsx-external-links');
  });

  it('refuses a zip bomb by the sizes it declares, before inflating it', async () => {
    const bomb = await bombWorkbook();
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const problem = onlyProblem(await parseAppendixWorkbook('bomb.xlsx', bomb));
    expect(problem).toEqual({ code: 'consolidate-xlsx-inflated-too-large', file: 'bomb.xlsx', megabytes: 64 });
    expect(problemsText(vi, [problem])).toContain('64 MB');
  });

  it('refuses a zip bomb that lies about its sizes, stopping as it inflates', async () => {
    const bomb = await bombWorkbook();
    // The padding's size fields (its local header and its central directory entry) say 100 bytes.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    const nameAt = (offset: number, length: number) => new TextDecoder().decode(bomb.subarray(offset, offset + length));
    let patched = 0;
    for (let i = 0; i + 46 <= bomb.byteLength; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50 && nameAt(i + 30, view.getUint16(i + 26, true)) === 'xl/media/padding.bin') {
        view.setUint32(i + 22, 100, true);
        patched++;
      }
      if (sig === 0x02014b50 && nameAt(i + 46, view.getUint16(i + 28, true)) === 'xl/media/padding.bin') {
        view.setUint32(i + 24, 100, true);
        patched++;
      }
    }
    expect(patched).toBe(2);
    expect(onlyProblem(await parseAppendixWorkbook('liar.xlsx', bomb)).code).toBe('consolidate-xlsx-inflated-too-large');
  });

  it('refuses a zip of too many parts', async () => {
    const bytes = await rezip(await plainWorkbook(), (zip) => {
      for (let i = 0; i <= MAX_ZIP_PARTS; i++) zip.file(`xl/media/p${i}.txt`, 'x');
    });
    expect(onlyProblem(await parseAppendixWorkbook('parts.xlsx', bytes))).toEqual({ code: 'consolidate-xlsx-too-many-parts', file: 'parts.xlsx', max: MAX_ZIP_PARTS });
  });

  it(`refuses a sheet of more than ${MAX_SHEET_ROWS} rows before the spreadsheet reader loads it, naming the sheet`, async () => {
    const { book } = await workbook([values(appendixRow())], { sheetName: 'Dài' });
    const bytes = await rezip(await bytesOf(book), async (zip) => {
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      const rows = Array.from({ length: MAX_SHEET_ROWS + 1 }, (_, i) => `<row r="${i + 3}"><c r="A${i + 3}" t="inlineStr"><is><t>x</t></is></c></row>`).join('');
      zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', `${rows}</sheetData>`));
    });
    expect(onlyProblem(await parseAppendixWorkbook('long.xlsx', bytes))).toEqual({ code: 'consolidate-xlsx-too-many-rows', file: 'long.xlsx', sheet: 'Dài', max: MAX_SHEET_ROWS });
  });

  it('a sheet at the cap is read', async () => {
    const { book } = await workbook([values(appendixRow())]);
    const bytes = await rezip(await bytesOf(book), async (zip) => {
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      const rows = Array.from({ length: MAX_SHEET_ROWS - 2 }, (_, i) => `<row r="${i + 3}"/>`).join('');
      zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', `${rows}</sheetData>`));
    });
    const parsed = await parseAppendixWorkbook('cap.xlsx', bytes);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
  });

  it.each([
    ['a CSV named .xlsx', new TextEncoder().encode('STT,Mã hồ sơ\r\n1,A\r\n')],
    ['an old .xls (a compound file)', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])],
    ['a zip that is not a workbook', null],
    ['a truncated workbook', 'truncated'],
  ] as const)('refuses %s as unreadable', async (_label, input) => {
    let bytes: Uint8Array;
    if (input === null) bytes = await new JSZip().file('a.txt', 'a').generateAsync({ type: 'uint8array' });
    else if (input === 'truncated') bytes = (await plainWorkbook()).slice(0, 600);
    else bytes = input;
    expect(onlyProblem(await parseAppendixWorkbook('x.xlsx', bytes))).toEqual({ code: 'consolidate-xlsx-unreadable', file: 'x.xlsx' });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const problem = onlyProblem(await parseAppendixWorkbook('big.xlsx', new Uint8Array(MAX_FILE_BYTES + 1)));
    expect(problem).toEqual({ code: 'consolidate-too-large', file: 'big.xlsx', megabytes: 20 });
  });
});

describe('which reader a file goes to', () => {
  const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0]);
  const text = new TextEncoder().encode('STT,Mã hồ sơ');
  it.each([
    ['a.xlsx', text, true],
    ['a.XLSM', text, true],
    ['a.xls', text, true],
    ['a.csv', zip, true],
    ['a.csv', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]), true],
    ['a.csv', text, false],
    ['a.txt', new Uint8Array(), false],
  ] as const)('%s (%#) → workbook: %s', (name, bytes, expected) => {
    expect(isWorkbookFile(name, bytes)).toBe(expected);
  });
});

describe('cellText', () => {
  it.each([
    [null, false, ''],
    ['văn bản', false, 'văn bản'],
    [12, false, '12'],
    [46346, true, '20/11/2026'],
    [46346.5, true, '20/11/2026 12:00'],
    [46346, false, '46346'],
    [true, false, 'TRUE'],
    [new Date(Date.UTC(2026, 10, 20, 17, 40)), true, '20/11/2026 17:40'],
    [{ error: '#REF!' }, false, '#REF!'],
    [{ formula: 'A1', result: { error: '#DIV/0!' } }, false, '#DIV/0!'],
    [{ sharedFormula: 'A1', result: 'kết quả' }, false, 'kết quả'],
    [{ formula: 'NOW()' }, true, ''],
  ] as const)('%j (date column: %s) → %j', (value, isDate, expected) => {
    expect(cellText(value as ExcelJS.CellValue, isDate)).toBe(expected);
  });
});

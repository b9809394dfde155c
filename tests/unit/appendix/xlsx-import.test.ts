import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { appendixCsv, APPENDIX_HEADINGS, APPENDIX_KEYS, type AppendixValues } from '../../../lib/appendix/rows';
import { mergeAppendices, parseAppendixFile } from '../../../lib/appendix/consolidate';
import { documentContent } from '../../../lib/appendix/document-header';
import { appendixWorkbook, HEADER_ROW } from '../../../lib/appendix/workbook';
import { MAX_SHEET_ROWS, MAX_UNCOMPRESSED_BYTES, parseAppendixWorkbook } from '../../../lib/appendix/xlsx-import';
import { hostileRows, OFFICE_TODAY, officeRows } from './office-fixtures';

async function exported(rows = officeRows(12)): Promise<Uint8Array> {
  return appendixWorkbook(documentContent(rows, { today: OFFICE_TODAY, unitName: 'UBND xã Đăk Cấm' }));
}

async function bytesOf(workbook: Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

function values(rows: readonly AppendixValues[]) {
  return rows.map((row) => APPENDIX_KEYS.map((key) => row[key]));
}

/** A workbook with the headings in row 1 and these rows under them (cells as ExcelJS values). */
function plainBook(rows: unknown[][]): Workbook {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow([...APPENDIX_HEADINGS]);
  for (const row of rows) sheet.addRow(row);
  return workbook;
}

const VALID = ['1', 'H37.1', 'Đăng ký khai sinh', 'Hộ tịch', 'Lê Thị Hoa', '02/11/2026', '10/11/2026', '', 'Chưa kết thúc', '10/11/2026', 'Đúng hạn', 'Lý do', 'UBND xã A', ''];

describe('reading an appendix workbook for the consolidation', () => {
  it('gives the rows the CSV import gives for the same appendix, below the title block', async () => {
    const rows = [...hostileRows(), ...officeRows(30)];
    const fromCsv = parseAppendixFile('a.csv', appendixCsv(rows, { delimiter: ',' }));
    const fromXlsx = await parseAppendixWorkbook('a.xlsx', await exported(rows));
    expect(fromXlsx.errors).toEqual([]);
    expect(fromCsv.errors).toEqual([]);
    expect(values(fromXlsx.rows)).toEqual(values(fromCsv.rows));
    // Each row points at its row in the sheet: the first data row is under the header row.
    expect(fromXlsx.rows[0]!.line).toBe(HEADER_ROW + 1);
    expect(fromXlsx.rows.map((r) => r.file)).toEqual(rows.map(() => 'a.xlsx'));
  });

  it('finds the sheet that holds the headings under a title block, after a sheet of notes', async () => {
    const rows = officeRows(12);
    const workbook = new Workbook();
    workbook.addWorksheet('Ghi chú').getCell('A1').value = 'Đã kiểm tra ngày 28/11';
    const sheet = workbook.addWorksheet('Phụ lục xã A');
    sheet.addRow(['ỦY BAN NHÂN DÂN XÃ A']);
    sheet.addRow(['DANH SÁCH HỒ SƠ']);
    sheet.addRow([]);
    sheet.addRow([...APPENDIX_HEADINGS]);
    for (const row of rows) sheet.addRow(APPENDIX_KEYS.map((key) => row[key]));
    sheet.getCell(5, 14).value = 'Đã gọi điện cho công dân';
    const parsed = await parseAppendixWorkbook('sua.xlsx', await bytesOf(workbook));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(12);
    expect(parsed.rows[0]).toMatchObject({ note: 'Đã gọi điện cho công dân', line: 5, code: rows[0]!.code });
  });

  it('reads dates typed as Excel dates, as text, and as bare serial numbers', async () => {
    const asDate = [...VALID];
    const book = plainBook([
      VALID,
      ['2', 'H37.2', ...VALID.slice(2, 5), new Date(Date.UTC(2026, 10, 2)), new Date(Date.UTC(2026, 10, 10)), null, ...VALID.slice(8, 9), new Date(Date.UTC(2026, 10, 9)), 'Trước hạn', ...VALID.slice(11)],
      ['3', 'H37.3', ...VALID.slice(2, 5), '2/11/2026', 46336 /* 10/11/2026 */, '', ...VALID.slice(8)],
    ]);
    const parsed = await parseAppendixWorkbook('ngay.xlsx', await bytesOf(book));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.received, r.due, r.realReturn])).toEqual([
      [asDate[5], asDate[6], asDate[9]],
      ['02/11/2026', '10/11/2026', '09/11/2026'],
      ['02/11/2026', '10/11/2026', '10/11/2026'],
    ]);
  });

  it('names the file, the sheet and the row in every row error', async () => {
    const bad = [...VALID];
    bad[6] = '31/02/2026';
    const book = plainBook([VALID, bad]);
    const parsed = await parseAppendixWorkbook('loi.xlsx', await bytesOf(book));
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ file: 'loi.xlsx', line: 3 });
    expect(parsed.errors[0]!.message).toMatch(/^Tệp "loi\.xlsx", trang tính "Dữ liệu", dòng 3: cột "Ngày hẹn trả kết quả"/);
    expect(parsed.errors[0]!.messageEn).toMatch(/^"loi\.xlsx", sheet "Dữ liệu", row 3: column "Ngày hẹn trả kết quả"/);
  });

  it('names the sheet and row of a header row that lacks a heading', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Trang 1').addRow(['STT', 'Mã hồ sơ', 'Tên']);
    const parsed = await parseAppendixWorkbook('thieu.xlsx', await bytesOf(workbook));
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors[0]!.message).toMatch(/^Tệp "thieu\.xlsx", trang tính "Trang 1", dòng 1: thiếu cột/);
  });

  it('takes a formula’s cached value as text and never evaluates it', async () => {
    const row: unknown[] = [...VALID];
    row[13] = { formula: 'HYPERLINK("http://example.invalid","x")', result: '=cached' };
    row[4] = { formula: 'A1+1', result: 'Lê Văn Tám' };
    const book = plainBook([row]);
    const parsed = await parseAppendixWorkbook('cong-thuc.xlsx', await bytesOf(book));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.note).toBe('=cached');
    expect(parsed.rows[0]!.applicant).toBe('Lê Văn Tám');
  });

  it('merges workbook rows with CSV rows of the same dossiers', async () => {
    const rows = officeRows(5);
    const a = await parseAppendixWorkbook('a.xlsx', await exported(rows));
    const b = parseAppendixFile('b.csv', appendixCsv(rows, { delimiter: ';' }));
    const merged = mergeAppendices([
      { fileName: 'a.xlsx', rows: a.rows },
      { fileName: 'b.csv', rows: b.rows },
    ]);
    expect(merged.conflicts).toEqual([]);
    expect(merged.merged).toHaveLength(5);
  });
});

describe('hostile workbooks are refused with a clear message', () => {
  it('a zip bomb: refused once the parts inflate past the cap', async () => {
    const zip = await JSZip.loadAsync(await exported());
    zip.file('xl/media/padding.bin', new Uint8Array(MAX_UNCOMPRESSED_BYTES + 1));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
    expect(bytes.byteLength).toBeLessThan(1024 * 1024);
    const parsed = await parseAppendixWorkbook('bom.xlsx', bytes);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([expect.objectContaining({ file: 'bom.xlsx', line: 0, message: expect.stringMatching(/khi giải nén vượt quá 64 MB/) })]);
  }, 60_000);

  it('a huge sheet: refused past the row cap', async () => {
    const book = plainBook([VALID]);
    book.worksheets[0]!.getCell(MAX_SHEET_ROWS + 1, 1).value = 'x';
    const parsed = await parseAppendixWorkbook('lon.xlsx', await bytesOf(book));
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors[0]!.messageEn).toMatch(/more than 50000 rows/);
  });

  it('external links: refused', async () => {
    const zip = await JSZip.loadAsync(await exported());
    zip.file('xl/externalLinks/externalLink1.xml', '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    const parsed = await parseAppendixWorkbook('lien-ket.xlsx', await zip.generateAsync({ type: 'uint8array' }));
    expect(parsed.errors[0]!.message).toMatch(/liên kết tới sổ tính khác/);
  });

  it('macros: a .xlsm is refused by name, and a .xlsx holding a VBA project by content', async () => {
    const byName = await parseAppendixWorkbook('macro.xlsm', await exported());
    expect(byName.errors[0]!.message).toMatch(/có macro \(\.xlsm\)/);
    const zip = await JSZip.loadAsync(await exported());
    zip.file('xl/vbaProject.bin', new Uint8Array([1, 2, 3]));
    const byContent = await parseAppendixWorkbook('doi-ten.xlsx', await zip.generateAsync({ type: 'uint8array' }));
    expect(byContent.errors[0]!.message).toMatch(/có macro/);
  });

  it('not a workbook at all: refused', async () => {
    const parsed = await parseAppendixWorkbook('rac.xlsx', new TextEncoder().encode('STT,Mã hồ sơ\n'));
    expect(parsed.errors[0]!.messageEn).toMatch(/not a readable Excel workbook/);
  });
});

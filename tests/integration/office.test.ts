import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { APPENDIX_HEADINGS } from '@/lib/appendix/rows';
import { appendixCsv } from '@/lib/appendix/csv';
import { unneutralize } from '@/lib/appendix/consolidate';
import { documentContent, type DocumentInfo } from '@/lib/appendix/document-header';
import { appendixWorkbook, HEADER_ROW } from '@/lib/appendix/workbook';
import { appendixDocument } from '@/lib/appendix/word-document';
import { HOSTILE, hostileRows, OFFICE_TODAY, officeRows } from '../unit/appendix/office-fixtures';

/**
 * The workbook and the Word document read back by a real office suite: LibreOffice (headless) turns the
 * .xlsx into CSV (every table cell equals the CSV export's, formulas never evaluated) and the .docx into
 * PDF (pdftotext shows the header block, every row and the signatures on A4 landscape pages). One page
 * is rendered to PNG and kept under tests/artifacts/ for a person to look at.
 *
 * LibreOffice Calc and Writer come from Debian (`libreoffice-calc-nogui`, `libreoffice-writer-nogui`,
 * poppler-utils; .ci/run installs them). Where they are missing the suite fails under CI and is skipped,
 * with a message, on a developer's machine.
 */
const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((path) => existsSync(path));
const REQUIRED = process.env.CI === 'true' || process.env.CI === '1';
const READY = Boolean(SOFFICE) && existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');
if (!READY && !REQUIRED) console.warn('office.test.ts skipped: needs LibreOffice Writer and Calc and poppler-utils');

const ARTIFACTS = resolve(__dirname, '../artifacts');
const dir = mkdtempSync(join(tmpdir(), 'office-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INFO: DocumentInfo = {
  today: OFFICE_TODAY,
  unitName: 'Ủy ban nhân dân xã Đăk Cấm',
  parentBody: 'Ủy ban nhân dân thành phố Kon Tum',
  letterNumber: '125/UBND-VP',
  letterDate: '2026-11-27',
  letterIssuer: 'Ủy ban nhân dân xã Đăk Cấm',
  place: 'Đăk Cấm',
  preparerName: 'Nguyễn Thị Ánh Tuyết',
  headTitle: 'Chủ tịch',
  headName: 'Đặng Văn Ước',
  period: { from: '2026-11-01', to: '2026-11-30' },
};

function convert(input: string, filter: string): string {
  const out = join(dir, 'out');
  execFileSync(
    SOFFICE!,
    ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', filter, '--outdir', out, input],
    { stdio: 'pipe', timeout: 180_000 },
  );
  return out;
}

describe.skipIf(!READY && !REQUIRED)('the workbook and the Word document read back by LibreOffice', () => {
  // Codes as long as the portal's (25 characters): each must stay on one line of its cell.
  const rows = [...hostileRows(), ...officeRows(60)].map((row, i) => ({ ...row, code: `000.00.23.H34-261127-${String(i).padStart(4, '0')}` }));

  it('the .xlsx as CSV: every table cell is the CSV export’s, and formula-like cells are still text', async () => {
    if (!READY) throw new Error('LibreOffice Calc is required under CI: apt-get install libreoffice-calc-nogui');
    const input = join(dir, 'book.xlsx');
    writeFileSync(input, await appendixWorkbook(documentContent(rows, INFO)));
    const out = convert(input, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false');
    const sheet = Papa.parse<string[]>(readFileSync(join(out, 'book.csv'), 'utf8').replace(/^\uFEFF/, '')).data;
    const table = sheet.slice(HEADER_ROW - 1, HEADER_ROW + rows.length).map((r) => r.slice(0, APPENDIX_HEADINGS.length));
    const csv = Papa.parse<string[]>(appendixCsv(rows, { delimiter: ',' }).slice(1), { skipEmptyLines: true }).data;
    // The CSV guards formula-like cells with an apostrophe; the workbook needs none: the cells are the same text.
    expect(table).toEqual(csv.map((row) => row.map((cell) => unneutralize(cell).replace(/\r\n?/g, '\n'))));
    const flat = table.flat();
    for (const text of Object.values(HOSTILE)) expect(flat).toContain(text);
    // Not evaluated: `=1+2` would read 3 and the hyperlink its label.
    const hostile = table.find((row) => row[13] === HOSTILE.note)!;
    expect(hostile[3]).toBe(HOSTILE.sector);
    expect(hostile[2]).toBe(HOSTILE.procedure);
    expect(flat).not.toContain('Bấm vào đây');
    // The header block above the table and the signature block below it.
    expect(sheet[0]).toContain('ỦY BAN NHÂN DÂN THÀNH PHỐ KON TUM');
    expect(sheet[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(sheet.flat()).toContain('NGƯỜI LẬP BIỂU');
    // Printed: A4 landscape, and one page kept for a person to look at (rows as tall as their text).
    convert(input, 'pdf');
    expect(execFileSync('pdfinfo', [join(out, 'book.pdf')], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '90', '-f', '1', '-l', '1', join(out, 'book.pdf'), join(dir, 'sheet')]);
    const png = [join(dir, 'sheet-1.png'), join(dir, 'sheet-01.png')].find((p) => existsSync(p))!;
    copyFileSync(png, join(ARTIFACTS, 'office-xlsx-page-1.png'));
  }, 180_000);

  it('the .docx as PDF: header block, every row and the signatures on A4 landscape pages', async () => {
    if (!READY) throw new Error('LibreOffice Writer is required under CI: apt-get install libreoffice-writer-nogui');
    const input = join(dir, 'doc.docx');
    writeFileSync(input, await appendixDocument(documentContent(rows, INFO)));
    const out = convert(input, 'pdf');
    const pdf = join(out, 'doc.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    // A4 landscape: 842 x 595 points.
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)|Page size:\s+842 x 595 pts/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThan(1);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ KON TUM',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'PHỤ LỤC',
      'Kèm theo Văn bản số 125/UBND-VP ngày 27 tháng 11 năm 2026',
      'Kỳ báo cáo: từ ngày 01/11/2026 đến ngày 30/11/2026',
      'Đăk Cấm, ngày 27 tháng 11 năm 2026',
      'NGƯỜI LẬP BIỂU',
      'CHỦ TỊCH',
      'Nguyễn Thị Ánh Tuyết',
      'Đặng Văn Ước',
    ]) {
      expect(flat).toContain(expected);
    }
    for (const row of rows) expect(flat).toContain(row.code);
    // The header row is repeated: every page holds the table's first heading.
    const pageTexts = text.split('\f').filter((p) => p.trim());
    expect(pageTexts).toHaveLength(pages);
    for (const page of pageTexts.slice(0, -1)) expect(page).toContain('Mã hồ sơ');
    // Page numbers from page 2 on.
    expect(pageTexts[1]!.trimStart().startsWith('2')).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '90', '-f', '1', '-l', '2', pdf, join(dir, 'page')]);
    for (const n of ['1', '2']) {
      const png = [join(dir, `page-${n}.png`), join(dir, `page-0${n}.png`)].find((p) => existsSync(p))!;
      copyFileSync(png, join(ARTIFACTS, `office-docx-page-${n}.png`));
    }
  }, 180_000);
});

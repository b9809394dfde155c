import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { APPENDIX_HEADINGS } from '../../../lib/appendix/rows';
import { documentContent, writtenDate, type DocumentInfo } from '../../../lib/appendix/document-header';
import { appendixWorkbook, HEADER_ROW, wrappedLines } from '../../../lib/appendix/workbook';
import { appendixDocument } from '../../../lib/appendix/word-document';
import { officeFile } from '../../../lib/appendix/office-file';
import { HOSTILE, hostileRows, OFFICE_TODAY, officeRows } from './office-fixtures';

const INFO: DocumentInfo = {
  today: OFFICE_TODAY,
  unitName: 'Ủy ban nhân dân xã Đăk Cấm',
  letterNumber: '125/UBND-VP',
  letterDate: '2026-02-05',
  letterIssuer: 'Ủy ban nhân dân xã Đăk Cấm',
  place: 'Đăk Cấm',
  preparerName: 'Nguyễn Thị Ánh Tuyết',
  headName: 'Đặng Văn Ước',
};

async function readBook(bytes: Uint8Array) {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook.worksheets[0]!;
}

async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
}

describe('the document content', () => {
  it('fills the attachment line and the date line from the settings, in the decree’s way of writing dates', () => {
    const content = documentContent(officeRows(1), INFO);
    expect(content.attachedTo).toBe('(Kèm theo Văn bản số 125/UBND-VP ngày 05 tháng 02 năm 2026 của Ủy ban nhân dân xã Đăk Cấm)');
    expect(content.placeDate).toBe('Đăk Cấm, ngày 27 tháng 11 năm 2026');
    expect(content.unit).toBe('ỦY BAN NHÂN DÂN XÃ ĐĂK CẤM');
    expect(content.motto).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    expect(content.signers.map((s) => [s.title, s.name])).toEqual([
      ['NGƯỜI LẬP BIỂU', 'Nguyễn Thị Ánh Tuyết'],
      ['THỦ TRƯỞNG ĐƠN VỊ', 'Đặng Văn Ước'],
    ]);
    expect(writtenDate('2026-03-09')).toEqual({ day: '09', month: '3', year: '2026' });
  });

  it('leaves dotted gaps where the settings are blank', () => {
    const content = documentContent([], { today: OFFICE_TODAY });
    expect(content.attachedTo).toBe('(Kèm theo Văn bản số ……/…… ngày …… tháng …… năm …… của ……)');
    expect(content.placeDate).toBe('……, ngày 27 tháng 11 năm 2026');
    expect(content.unit).toBe('');
    expect(content.signers.map((s) => s.name)).toEqual(['', '']);
  });
});

describe('the workbook', () => {
  it('holds the 14 headings, the rows in order, and hostile cells as plain text', async () => {
    const rows = hostileRows();
    const sheet = await readBook(await appendixWorkbook(documentContent(rows, INFO)));
    expect((sheet.getRow(HEADER_ROW).values as unknown[]).slice(1)).toEqual([...APPENDIX_HEADINGS]);
    const hostile = sheet.getRow(HEADER_ROW + 1 + rows.findIndex((r) => r.code === '-H37.9'));
    for (const [column, text] of [
      [2, '-H37.9'],
      [3, HOSTILE.procedure],
      [4, HOSTILE.sector],
      [5, HOSTILE.applicant],
      [12, HOSTILE.reason],
      [14, HOSTILE.note],
    ] as const) {
      const cell = hostile.getCell(column);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    }
    // Numbered 1..n like the CSV, STT as text.
    expect(rows.map((_, i) => sheet.getCell(HEADER_ROW + 1 + i, 1).value)).toEqual(['1', '2', '3']);
  });

  it('writes no formula at all into the file', async () => {
    const zip = await JSZip.loadAsync(await appendixWorkbook(documentContent(hostileRows(), INFO)));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toMatch(/<f[ >]/);
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('=1+2');
    expect(strings).not.toContain("'=1+2");
  });

  it('writes the dates as real date cells shown dd/MM/yyyy', async () => {
    const rows = officeRows(2);
    const sheet = await readBook(await appendixWorkbook(documentContent(rows, INFO)));
    const cell = sheet.getCell(HEADER_ROW + 1, 7);
    expect(cell.value).toBeInstanceOf(Date);
    expect(cell.numFmt).toBe('dd/mm/yyyy;@');
    const [d, m, y] = rows[0]!.due.split('/').map(Number);
    expect((cell.value as Date).getTime()).toBe(Date.UTC(y!, m! - 1, d!));
  });

  it('freezes a bold header row, repeats it on print, A4 landscape fitted to the width, Times New Roman', async () => {
    const sheet = await readBook(await appendixWorkbook(documentContent(officeRows(3), INFO)));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    });
    const heading = sheet.getCell(HEADER_ROW, 2);
    expect(heading.font).toMatchObject({ name: 'Times New Roman', bold: true, size: 11 });
    expect(heading.border.top?.style).toBe('thin');
    expect(heading.alignment.wrapText).toBe(true);
    expect(sheet.getCell(HEADER_ROW + 1, 3).font).toMatchObject({ name: 'Times New Roman', size: 11 });
    expect(sheet.getCell(4, 1)).toMatchObject({ value: 'PHỤ LỤC' });
    expect(sheet.getCell(4, 1).font).toMatchObject({ name: 'Times New Roman', bold: true, size: 14 });
    expect(sheet.getCell(1, 9).value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(sheet.getCell(2, 9).font).toMatchObject({ bold: true, size: 14 });
    expect(sheet.getColumn(3).width).toBeGreaterThan(sheet.getColumn(1).width!);
  });

  it('widens a date column only where it holds a time, so no date cell prints as ###', async () => {
    // The fixtures' receipts carry a time; their appointments and real returns do not.
    const sheet = await readBook(await appendixWorkbook(documentContent(officeRows(3), INFO)));
    expect(sheet.getCell(HEADER_ROW + 1, 6).numFmt).toBe('dd/mm/yyyy hh:mm;@');
    expect(sheet.getColumn(6).width).toBeGreaterThanOrEqual(17);
    expect(sheet.getColumn(7).width).toBe(10);
    const untimed = officeRows(3).map((row) => ({ ...row, received: row.received.slice(0, 10) }));
    expect((await readBook(await appendixWorkbook(documentContent(untimed, INFO)))).getColumn(6).width).toBe(10);
  });

  it('gives every table row the height its wrapped text needs (LibreOffice does not size them itself)', async () => {
    expect(wrappedLines('Đăng ký khai sinh', 40)).toBe(1);
    expect(wrappedLines('Đăng ký khai sinh có yếu tố nước ngoài', 10)).toBe(3); // 13 letters a line
    expect(wrappedLines('dòng 1\ndòng 2', 40)).toBe(2);
    expect(wrappedLines('000.00.23.H34-261127-0006', 10)).toBe(2);
    const rows = officeRows(2);
    rows[1]!.note = 'Ghi chú rất dài của cán bộ một cửa về việc trả kết quả cho công dân tại nhà';
    const sheet = await readBook(await appendixWorkbook(documentContent(rows, INFO)));
    const [first, second] = [sheet.getRow(HEADER_ROW + 1).height, sheet.getRow(HEADER_ROW + 2).height];
    expect(first).toBeGreaterThan(14);
    expect(second).toBeGreaterThan(first);
  });

  it('0 rows: the header row and the signature block, nothing else', async () => {
    const sheet = await readBook(await appendixWorkbook(documentContent([], INFO)));
    expect((sheet.getRow(HEADER_ROW).values as unknown[]).slice(1)).toEqual([...APPENDIX_HEADINGS]);
    expect(sheet.getCell(HEADER_ROW + 2, 9).value).toBe('Đăk Cấm, ngày 27 tháng 11 năm 2026');
    expect(sheet.getCell(HEADER_ROW + 3, 1).value).toBe('NGƯỜI LẬP BIỂU');
  });

  it('1,000 rows: all there in order, the signatures below them', { timeout: 60_000 }, async () => {
    const rows = officeRows(1000);
    const sheet = await readBook(await appendixWorkbook(documentContent(rows, INFO)));
    const codes = rows.map((_, i) => sheet.getCell(HEADER_ROW + 1 + i, 2).value);
    expect(codes).toEqual(rows.map((r) => r.code));
    expect(sheet.getCell(HEADER_ROW + 1000 + 8, 1).value).toBe('Nguyễn Thị Ánh Tuyết');
  });
});

describe('the Word document', () => {
  it('A4 landscape, repeated header row, rows that never split, page numbers from page 2', async () => {
    const xml = await documentXml(await appendixDocument(documentContent(officeRows(3), INFO)));
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(xml).toContain('<w:tblHeader/>');
    // Every row of the big table (header + 3) and of the two side-by-side blocks cannot split.
    expect(xml.match(/<w:cantSplit\/>/g)).toHaveLength(4 + 2);
    expect(xml).toContain('<w:titlePg/>');
    const zip = await JSZip.loadAsync(await appendixDocument(documentContent([], INFO)));
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/header\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(headers.some((h) => h.includes('PAGE'))).toBe(true);
  });

  it('holds the header block, Vietnamese rows, hostile cells as text and the signatures', async () => {
    const xml = await documentXml(await appendixDocument(documentContent(hostileRows(), INFO)));
    for (const text of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'PHỤ LỤC', 'NGƯỜI LẬP BIỂU', 'Nguyễn Thị Ánh Tuyết', 'Đăk Cấm, ngày 27 tháng 11 năm 2026']) {
      expect(xml).toContain(text);
    }
    expect(xml).toContain('=HYPERLINK(&quot;http://example.invalid/x&quot;,&quot;Bấm vào đây&quot;)');
    expect(xml).toContain('@SUM(A1:A9) lý do');
    expect(xml).toContain('w:ascii="Times New Roman"');
  });

  it('0 rows and 1,000 rows', async () => {
    const empty = await documentXml(await appendixDocument(documentContent([], INFO)));
    expect(empty.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    const rows = officeRows(1000);
    const big = await documentXml(await appendixDocument(documentContent(rows, INFO)));
    expect(big.match(/<w:cantSplit\/>/g)).toHaveLength(1001 + 2);
    expect(big.indexOf(rows[999]!.code)).toBeGreaterThan(big.indexOf(rows[0]!.code));
  }, 120_000);
});

describe('the file for the page', () => {
  it('is named like the CSV with its own extension and type', async () => {
    const xlsx = await officeFile('xlsx', officeRows(1), INFO);
    expect(xlsx.fileName).toBe('phu-luc-ho-so-tre-han-uy-ban-nhan-dan-xa-dak-cam-20261127.xlsx');
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const docx = await officeFile('docx', officeRows(1), INFO, 'phu-luc-tong-hop-20261127.csv');
    expect(docx.fileName).toBe('phu-luc-tong-hop-20261127.docx');
  });
});

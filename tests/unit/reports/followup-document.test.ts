import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '@/lib/calendar/working-calendar';
import { createTranslator } from '@/lib/i18n/translate';
import { followupByUnit, followupItems, timeLeft } from '@/lib/reports/followup';
import { followupDocument, followupDocumentName, sheetNames } from '@/lib/reports/followup-document';
import { FOLLOWUP_HEADER_ROW, followupWorkbook } from '@/lib/reports/followup-workbook';
import { followupOfficeFile } from '@/lib/reports/followup-office';
import { stored } from './factory';

const vi = createTranslator('vi');
const calendar = createWorkingCalendar();
const TODAY = '2026-11-26'; // a Thursday
const MINUTES = 9 * 60;

const UNIT_A = 'Phòng Tài nguyên và Môi trường huyện Đăk Hà';
const UNIT_B = 'UBND xã Ngọc Réo';

/** Two units; A has all three kinds (one appointment today with a time), B only an overdue one. */
function units() {
  const dossiers = [
    stored('A-RET', '2026-11-20', null, { unit: UNIT_A, realReturn: '2026-11-20' }),
    stored('A-OVER', '2026-11-24', null, { unit: UNIT_A }),
    stored('A-SOON', '2026-11-27', null, { unit: UNIT_A }),
    stored('A-TODAY', TODAY, null, { unit: UNIT_A, dueTime: '16:30' }),
    stored('A-DONE', '2026-11-20', '2026-11-19', { unit: UNIT_A }),
    stored('B-OVER', '2026-11-23', null, { unit: UNIT_B }),
    stored('B-LATER', '2026-12-20', null, { unit: UNIT_B }),
  ];
  const items = followupItems(dossiers, { day: TODAY, time: '09:00' }, calendar, 1);
  return followupByUnit(items).map(({ unit, items: list }) => ({ unit, rows: list.map((item) => ({ item, left: timeLeft(item, TODAY, MINUTES) })) }));
}

const INFO = { today: TODAY, unitName: 'Bộ phận Một cửa huyện Đăk Hà', parentBody: 'Ủy ban nhân dân huyện Đăk Hà', place: 'Đăk Hà' };

describe('the follow-up document', () => {
  it('has one sheet per unit with the printed page’s groups, numbered on through the groups, and the office heading', () => {
    const content = followupDocument(units(), vi, INFO);
    expect(content.heading.unit).toBe('BỘ PHẬN MỘT CỬA HUYỆN ĐĂK HÀ');
    expect(content.heading.parentBody).toBe('ỦY BAN NHÂN DÂN HUYỆN ĐĂK HÀ');
    expect(content.heading.placeDate).toBe('Đăk Hà, ngày 26 tháng 11 năm 2026');
    expect(content.title).toBe('DANH SÁCH HỒ SƠ CẦN ĐÔN ĐỐC');
    expect(content.headings).toEqual(['STT', 'Mã hồ sơ', 'Thủ tục hành chính', 'Chủ hồ sơ', 'Ngày hẹn trả', 'Còn lại / quá hạn']);
    expect(content.sheets.map((sheet) => sheet.unit)).toEqual([UNIT_A, UNIT_B]);
    const [a, b] = content.sheets;
    expect(a!.unitLine).toBe(`Đơn vị xử lý: ${UNIT_A}`);
    expect(a!.groups.map((group) => [group.kind, group.heading, group.rows.map((row) => [row[0], row[1]])])).toEqual([
      ['returned-not-closed', 'Đã trả kết quả, chưa kết thúc trên Hệ thống (1)', [['1', 'A-RET']]],
      ['overdue', 'Quá hạn, chưa kết thúc (1)', [['2', 'A-OVER']]],
      ['due-soon', 'Sắp đến hạn (2)', [['3', 'A-TODAY'], ['4', 'A-SOON']]],
    ]);
    // Appointment and time left as the page shows them: the time of day where the portal gave one.
    expect(a!.groups[2]!.rows[0]!.slice(4)).toEqual(['26/11/2026 16:30', 'hạn hôm nay, còn 7 giờ 30 phút']);
    expect(a!.groups[1]!.rows[0]!.slice(4)).toEqual(['24/11/2026', 'quá 2 ngày làm việc']);
    expect(a!.total).toBe('Tổng số: 4 hồ sơ');
    expect(b!.groups.map((group) => group.kind)).toEqual(['overdue']);
    expect(b!.total).toBe('Tổng số: 1 hồ sơ');
  });

  it('writes counts in Vietnamese format', () => {
    const many = Array.from({ length: 1_200 }, (_, i) => stored(`M-${i}`, '2026-11-20', null, { unit: UNIT_B }));
    const [unit] = followupByUnit(followupItems(many, { day: TODAY, time: '09:00' }, calendar, 1));
    const content = followupDocument([{ unit: unit!.unit, rows: unit!.items.map((item) => ({ item, left: timeLeft(item, TODAY, MINUTES) })) }], vi, INFO);
    expect(content.sheets[0]!.groups[0]!.heading).toBe('Quá hạn, chưa kết thúc (1.200)');
    expect(content.sheets[0]!.total).toBe('Tổng số: 1.200 hồ sơ');
  });

  it('names the sheets within Excel’s rules: 31 characters, no forbidden character, unique without case', () => {
    const names = sheetNames([UNIT_A, `${UNIT_A} (cũ)`, 'a/b:c*d?e[f]g\\h', '', 'ubnd xã a', 'UBND xã A'], '(không rõ đơn vị)');
    expect(names).toEqual(['Phòng Tài nguyên và Môi trường', 'Phòng Tài nguyên và Môi trư (2)', 'a b c d e f g h', '(không rõ đơn vị)', 'ubnd xã a', 'UBND xã A (2)']);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  it('names the files like the CSV, with the unit’s slug for one unit', () => {
    expect(followupDocumentName(TODAY, UNIT_B, 'xlsx')).toBe('don-doc-ho-so-ubnd-xa-ngoc-reo-20261126.xlsx');
    expect(followupDocumentName(TODAY, null, 'docx')).toBe('don-doc-ho-so-20261126.docx');
    expect(followupDocumentName(TODAY, '', 'docx')).toBe('don-doc-ho-so-khong-ro-don-vi-20261126.docx');
  });
});

describe('the follow-up workbook', () => {
  it('reads back as one sheet per unit: heading, frozen header row, a heading row per kind, codes, a real date cell, the total', async () => {
    const content = followupDocument(units(), vi, INFO);
    const book = new Workbook();
    await book.xlsx.load((await followupWorkbook(content)) as unknown as Parameters<typeof book.xlsx.load>[0]);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Phòng Tài nguyên và Môi trường', 'UBND xã Ngọc Réo']);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe('ỦY BAN NHÂN DÂN HUYỆN ĐĂK HÀ');
    expect(sheet.getCell(2, 1).value).toBe('BỘ PHẬN MỘT CỬA HUYỆN ĐĂK HÀ');
    expect(sheet.getCell(1, 3).value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(sheet.getCell(3, 3).value).toBe('Đăk Hà, ngày 26 tháng 11 năm 2026');
    expect(sheet.getCell(5, 1).value).toBe('DANH SÁCH HỒ SƠ CẦN ĐÔN ĐỐC');
    expect(sheet.getCell(6, 1).value).toBe(`Đơn vị xử lý: ${UNIT_A}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: FOLLOWUP_HEADER_ROW });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, printTitlesRow: `${FOLLOWUP_HEADER_ROW}:${FOLLOWUP_HEADER_ROW}` });
    const column = (n: number) => Array.from({ length: sheet.rowCount - FOLLOWUP_HEADER_ROW + 1 }, (_, i) => sheet.getCell(FOLLOWUP_HEADER_ROW + i, n).value);
    expect(column(1).map(String)).toEqual([
      'STT',
      'Đã trả kết quả, chưa kết thúc trên Hệ thống (1)',
      '1',
      'Quá hạn, chưa kết thúc (1)',
      '2',
      'Sắp đến hạn (2)',
      '3',
      '4',
      'null',
      'Tổng số: 4 hồ sơ',
    ]);
    expect(column(2).slice(2, 8)).toEqual(['A-RET', 'Quá hạn, chưa kết thúc (1)', 'A-OVER', 'Sắp đến hạn (2)', 'A-TODAY', 'A-SOON']);
    // The appointment is a date cell shown day first, with its time where the portal gave one.
    const today = sheet.getCell(FOLLOWUP_HEADER_ROW + 6, 5);
    expect(today.value).toEqual(new Date(Date.UTC(2026, 10, 26, 16, 30)));
    expect(today.numFmt).toBe('dd/mm/yyyy hh:mm;@');
    expect(book.worksheets[1]!.getCell(FOLLOWUP_HEADER_ROW + 2, 2).value).toBe('B-OVER');
  });

  it('keeps a cell that starts like a formula as text', async () => {
    const [first] = units();
    first!.rows[0]!.item.dossier.applicant = '=HYPERLINK("http://x","y")';
    const book = new Workbook();
    await book.xlsx.load((await followupWorkbook(followupDocument([first!], vi, INFO))) as unknown as Parameters<typeof book.xlsx.load>[0]);
    const cell = book.worksheets[0]!.getCell(FOLLOWUP_HEADER_ROW + 2, 4);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe('=HYPERLINK("http://x","y")');
  });
});

describe('the follow-up Word document', () => {
  it('has one section (a new page) per unit, the heading on each, every code in its kind’s group, a repeated header row', async () => {
    const file = await followupOfficeFile('docx', followupDocument(units(), vi, INFO), 'x.docx');
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string');
    // A section ends with its own properties: one per unit.
    expect(xml.match(/<w:sectPr/g)).toHaveLength(2);
    expect(xml.match(/DANH SÁCH HỒ SƠ CẦN ĐÔN ĐỐC/g)).toHaveLength(2);
    expect(xml.match(/Đăk Hà, ngày 26 tháng 11 năm 2026/g)).toHaveLength(2);
    expect(xml).toContain('<w:tblHeader/>');
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toMatch(/Đơn vị xử lý: Phòng Tài nguyên.*Đã trả kết quả.*A-RET.*Quá hạn, chưa kết thúc \(1\).*A-OVER.*Sắp đến hạn \(2\).*A-TODAY.*A-SOON.*Tổng số: 4 hồ sơ.*Đơn vị xử lý: UBND xã Ngọc Réo.*B-OVER/);
    expect(text).not.toContain('B-LATER');
    expect(text).not.toContain('A-DONE');
  });

  it('is the workbook, through the same loader, for kind xlsx', async () => {
    const xlsx = await followupOfficeFile('xlsx', followupDocument(units(), vi, INFO), 'x.xlsx');
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
    expect(book.worksheets).toHaveLength(2);
  });
});

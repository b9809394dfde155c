import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { buildSearchDossiers, vietnamToday } from '../fixtures/portal/dossiers.mjs';
import { expect, openPopup, popupCount, sendFromExtensionPage, test } from './fixtures';

/**
 * The consolidation page with workbooks: an office's edited workbook (a title block above the table, a
 * note typed in, a due date as a real date cell, one bad row) and another office's CSV merge into one
 * appendix; a macro-enabled workbook is refused with its message and costs the other files nothing; the
 * merge exports to .xlsx and .docx, which print the document fields set on the options page. The
 * appendix page makes both files too, and makes the one the popup hands it (an export too long for the
 * popup).
 */

const HEADINGS = ['STT', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Lĩnh vực', 'Tổ chức, cá nhân nộp hồ sơ', 'Ngày tiếp nhận', 'Ngày hẹn trả kết quả', 'Ngày kết thúc trên Hệ thống', 'Tình trạng trên Hệ thống', 'Ngày trả kết quả thực tế', 'Kết quả thực tế', 'Lý do chưa kết thúc hoặc kết thúc muộn trên Hệ thống', 'Cơ quan, đơn vị', 'Ghi chú'];
const HEADER_ROW = 9;

/** One valid appendix row (14 cells). */
function appendixRow(stt: number, code: string, unit: string): string[] {
  return [String(stt), code, 'Đăng ký khai sinh', 'Hộ tịch', 'Lê Thị Hoa', '02/11/2026', '10/11/2026', '', 'Chưa kết thúc', '10/11/2026', 'Đúng hạn', 'Đã trả kết quả cho công dân nhưng chưa kết thúc hồ sơ trên Hệ thống', unit, ''];
}

const OPTIONS = {
  'option-unit': 'Ủy ban nhân dân huyện Mộ Đức',
  'option-parent-body': 'Ủy ban nhân dân tỉnh Quảng Ngãi',
  'option-letter-number': '321/UBND-VP',
  'option-letter-date': '2026-11-05',
  'option-letter-issuer': 'UBND huyện Mộ Đức',
  'option-place': 'Mộ Đức',
  'option-preparer': 'Lê Thị Hoa',
  'option-head-title': 'Chủ tịch',
  'option-head-name': 'Phạm Văn Bình',
};

async function editedWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Phụ lục xã A');
  sheet.addRow(['ỦY BAN NHÂN DÂN XÃ A']);
  sheet.addRow(['DANH SÁCH HỒ SƠ TRỄ HẠN NHƯNG TRẢ ĐÚNG HẠN']);
  sheet.addRow([]);
  sheet.addRow(HEADINGS);
  for (const [i, code] of ['H37.001', 'H37.002', 'H37.003'].entries()) sheet.addRow(appendixRow(i + 1, code, 'UBND xã A'));
  // Row 8: a due date that does not exist.
  sheet.addRow(appendixRow(4, 'H37.009', 'UBND xã A').map((cell, i) => (i === 6 ? '31/02/2026' : cell)));
  sheet.getCell(5, 14).value = 'Đã gọi điện cho công dân';
  sheet.getCell(6, 7).value = new Date(Date.UTC(2026, 10, 10));
  sheet.getCell(6, 7).numFmt = 'dd/mm/yyyy';
  sheet.mergeCells('A1:D1');
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

test('an edited workbook and a CSV consolidate; a .xlsm is refused; the merge exports with the options printed', async ({ context, extensionId }) => {
  test.setTimeout(180_000);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  for (const [testId, value] of Object.entries(OPTIONS)) await options.getByTestId(testId).fill(value);
  await options.getByTestId('option-save').click();
  await expect(options.getByTestId('option-message')).toHaveText('Đã lưu cài đặt.');
  await options.screenshot({ path: 'tests/artifacts/options-document-fields.png', fullPage: true });
  await options.close();

  const xlsx = await editedWorkbook();
  const csv = `\uFEFF${[HEADINGS, appendixRow(1, 'H37.003', 'UBND xã A'), appendixRow(2, 'H37.004', 'UBND xã B')].map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n')}\r\n`;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/consolidate.html`);
  await page.getByTestId('consolidate-files').setInputFiles([
    { name: 'xa-a.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx },
    { name: 'xa-b.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
    { name: 'macro.xlsm', mimeType: 'application/vnd.ms-excel.sheet.macroEnabled.12', buffer: xlsx },
  ]);
  const file = (name: string) => page.locator(`[data-testid="consolidate-file"][data-file="${name}"]`);
  await expect(file('xa-a.xlsx').getByTestId('file-rows')).toHaveText('3 dòng hợp lệ');
  await expect(file('xa-a.xlsx').getByTestId('file-errors')).toHaveText('1 lỗi');
  await expect(file('xa-b.csv').getByTestId('file-rows')).toHaveText('2 dòng hợp lệ');
  await expect(file('macro.xlsm').getByTestId('file-rows')).toHaveText('0 dòng hợp lệ');
  const badRow = page.locator('[data-testid="import-error"][data-file="xa-a.xlsx"]');
  await expect(badRow).toHaveAttribute('data-sheet', 'Phụ lục xã A');
  await expect(badRow).toHaveAttribute('data-line', '8');
  await expect(badRow).toContainText('xa-a.xlsx, trang tính “Phụ lục xã A”, dòng 8');
  await expect(badRow).toContainText('Ngày hẹn trả kết quả');
  await expect(page.locator('[data-testid="import-error"][data-file="macro.xlsm"]')).toContainText('sổ tính có macro (.xlsm), không được nạp');
  await expect(page.getByTestId('unit-summary-total')).toContainText('4');
  await page.screenshot({ path: 'tests/artifacts/consolidate-xlsx.png', fullPage: true });
  // The workbooks were read in the parse worker, which loaded the workbook reader; the page did not.
  // ExcelJS's browser build installs a `regeneratorRuntime` global where it is loaded, and nothing else
  // in the extension does: it marks which of the two ran it.
  const [worker] = page.workers();
  expect(worker).toBeDefined();
  expect(await worker!.evaluate(() => 'regeneratorRuntime' in self)).toBe(true);
  expect(await page.evaluate(() => 'regeneratorRuntime' in self)).toBe(false);

  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-consolidated-xlsx').click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/^phu-luc-tong-hop-\d{8}\.xlsx$/);
  await expect(page.getByTestId('export-message')).toContainText(xlsxDownload.suggestedFilename());
  const merged = new ExcelJS.Workbook();
  await merged.xlsx.load(readFileSync((await xlsxDownload.path())!) as unknown as Parameters<typeof merged.xlsx.load>[0]);
  const out = merged.worksheets[0]!;
  expect([1, 2, 3, 4].map((i) => out.getCell(HEADER_ROW + i, 2).value)).toEqual(['H37.001', 'H37.002', 'H37.003', 'H37.004']);
  expect(out.getCell(HEADER_ROW + 1, 14).value).toBe('Đã gọi điện cho công dân');
  // The due date the office typed as a date cell comes out as one.
  expect(out.getCell(HEADER_ROW + 2, 7).value).toEqual(new Date(Date.UTC(2026, 10, 10)));
  expect(out.getCell(1, 1).value).toBe('ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI');
  expect(out.getCell(2, 1).value).toBe('ỦY BAN NHÂN DÂN HUYỆN MỘ ĐỨC');
  expect(out.getCell(7, 1).value).toBe('(Kèm theo Văn bản số 321/UBND-VP ngày 05 tháng 11 năm 2026 của UBND huyện Mộ Đức)');
  const below: string[] = [];
  for (let r = HEADER_ROW + 5; r <= out.rowCount; r++) out.getRow(r).eachCell((cell) => void below.push(String(cell.value)));
  for (const text of ['Mộ Đức, ngày', 'NGƯỜI LẬP BIỂU', 'Lê Thị Hoa', 'CHỦ TỊCH', 'Phạm Văn Bình']) expect(below.some((cell) => cell.startsWith(text))).toBe(true);

  const [docxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-consolidated-docx').click()]);
  expect(docxDownload.suggestedFilename()).toMatch(/^phu-luc-tong-hop-\d{8}\.docx$/);
  const xml = await (await JSZip.loadAsync(readFileSync((await docxDownload.path())!))).file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  for (const code of ['H37.001', 'H37.002', 'H37.003', 'H37.004']) expect(text).toContain(code);
  for (const expected of ['ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI', '321/UBND-VP ngày 05 tháng 11 năm 2026', 'Lê Thị Hoa', 'CHỦ TỊCH', 'Phạm Văn Bình', 'Đã gọi điện cho công dân']) {
    expect(text).toContain(expected);
  }
});

test('the appendix page makes the workbook and the Word document, and makes the one the popup hands over', async ({ context, extensionId }) => {
  test.setTimeout(180_000);
  // The demo portal's late dossiers, each tagged as returned on its appointment day.
  const late = buildSearchDossiers(vietnamToday()).filter((d) => d.expected.startsWith('late-'));
  const portal = await context.newPage();
  await portal.goto(DEMO_PAGES.find((p) => p.key === 'search')!.url);
  await portal.getByLabel('Số dòng').selectOption('50');
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-late'), { timeout: 30_000 }).toBe(late.length);
  const responses = await sendFromExtensionPage(
    context,
    extensionId,
    late.map((d) => ({ type: 'tag/set', code: d.code, input: { realReturn: d.due.day, reason: '', note: '' } })),
  );
  expect(responses.every((r) => (r as { ok?: boolean }).ok === true)).toBe(true);
  await portal.close();
  await popup.close();

  // As the popup opens it for an appendix too long to make in the popup.
  const page = await context.newPage();
  const [handedOver] = await Promise.all([page.waitForEvent('download'), page.goto(`chrome-extension://${extensionId}/appendix.html?export=docx`)]);
  expect(handedOver.suggestedFilename()).toMatch(/^phu-luc-ho-so-tre-han-.*\d{8}\.docx$/);
  await expect(page.getByTestId('appendix-export-message')).toContainText(handedOver.suggestedFilename());
  // Made once: the address no longer asks for it, so a reload makes nothing.
  expect(new URL(page.url()).searchParams.has('export')).toBe(false);
  const xml = await (await JSZip.loadAsync(readFileSync((await handedOver.path())!))).file('word/document.xml')!.async('string');
  for (const d of late) expect(xml).toContain(d.code);

  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('appendix-export-xlsx').click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await xlsxDownload.path())!) as unknown as Parameters<typeof book.xlsx.load>[0]);
  const codes = new Set<unknown>();
  for (let r = HEADER_ROW + 1; r <= HEADER_ROW + late.length; r++) codes.add(book.worksheets[0]!.getCell(r, 2).value);
  expect(codes).toEqual(new Set(late.map((d) => d.code)));
  await page.screenshot({ path: 'tests/artifacts/appendix-office-export.png' });
});

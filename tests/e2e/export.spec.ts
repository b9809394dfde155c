import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { buildSearchDossiers, vietnamToday } from '../fixtures/portal/dossiers.mjs';
import { expect, listedCodes, openPanel, openPopup, panel, popupCount, test } from './fixtures';

/** The popup's export: a plain download of the appendix CSV (docs/domain.md, "The CSV file"). */

const SEARCH = DEMO_PAGES.find((page) => page.key === 'search')!.url;
const HEADINGS = [
  'STT',
  'Mã hồ sơ',
  'Tên thủ tục hành chính',
  'Lĩnh vực',
  'Tổ chức, cá nhân nộp hồ sơ',
  'Ngày tiếp nhận',
  'Ngày hẹn trả kết quả',
  'Ngày kết thúc trên Hệ thống',
  'Tình trạng trên Hệ thống',
  'Ngày trả kết quả thực tế',
  'Kết quả thực tế',
  'Lý do chưa kết thúc hoặc kết thúc muộn trên Hệ thống',
  'Cơ quan, đơn vị',
  'Ghi chú',
];

test('tagged dossiers export as the appendix CSV with BOM, CRLF, the 14 headings and neutralised formulas', async ({ context, extensionId }) => {
  const all = buildSearchDossiers(vietnamToday());
  const page = await context.newPage();
  await page.goto(SEARCH);
  await openPanel(page);
  await page.getByLabel('Số dòng').selectOption('50');
  await expect.poll(async () => (await listedCodes(page)).length).toBe(all.filter((d: { expected: string }) => d.expected.startsWith('late-')).length);
  const codes = await listedCodes(page);
  // Tag every late dossier with its appointment day (the default): all go to the appendix as "Đúng hạn".
  for (const code of codes) {
    const row = panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`);
    await row.getByTestId('tag-button').click();
    await expect(row).toHaveAttribute('data-tagged', 'true');
  }

  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-appendix')).toBe(codes.length);
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-csv').click()]);
  const today = vietnamToday().replaceAll('-', '');
  expect(download.suggestedFilename()).toBe(`phu-luc-ho-so-tre-han-${today}.csv`);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.split('\r\n').length).toBeGreaterThan(codes.length);
  expect(text.replaceAll('\r\n', '')).not.toContain('\n\n');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.data[0]).toEqual(HEADINGS);
  const rows = parsed.data.slice(1);
  expect(rows.map((row) => row[1]).sort()).toEqual([...codes].sort());
  expect(rows.map((row) => row[0])).toEqual(rows.map((_, index) => String(index + 1)));
  for (const row of rows) {
    expect(row).toHaveLength(14);
    expect(row[10]).toBe('Đúng hạn');
    expect(['Chưa kết thúc', 'Kết thúc muộn']).toContain(row[8]);
    expect(row[11]).not.toBe('');
    for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
    // With ` HH:mm` where the appointment had a time: one click saves the appointment's time.
    expect(row[9]).toMatch(/^\d{2}\/\d{2}\/\d{4}( \d{2}:\d{2})?$/);
  }
  // The hostile procedure name is written with a leading apostrophe.
  expect(rows.some((row) => row[2]!.startsWith(`'=HYPERLINK`))).toBe(true);
  await expect(popup.getByTestId('export-message')).toContainText(String(codes.length));
});

test('with nothing to export the popup says so and starts no download', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-appendix')).toBe(0);
  let downloaded = false;
  popup.on('download', () => (downloaded = true));
  await popup.getByTestId('export-csv').click();
  await expect(popup.getByTestId('export-message')).toContainText('Chưa có hồ sơ nào để xuất');
  expect(downloaded).toBe(false);
});

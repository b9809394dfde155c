import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { expect, listedCodes, openPanel, openPopup, panel, panelCount, popupCount, sendFromExtensionPage, test } from './fixtures';

/** The options page: settings that change what the extension reads, shows and exports; data tools. */

const SEARCH = DEMO_PAGES.find((page) => page.key === 'search')!.url;

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByTestId('option-save')).toBeVisible();
  return page;
}

/** A portal page whose columns use words no built-in synonym knows. */
const ODD_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Sổ theo dõi</title></head><body>
<table><thead><tr><th>Ký hiệu hồ sơ</th><th>Việc</th><th>Hẹn ngày</th><th>Xong ngày</th></tr></thead><tbody>
<tr><td>000.00.23.H34-260101-0001</td><td>Đăng ký khai sinh</td><td>05/01/2026</td><td></td></tr>
<tr><td>000.00.23.H34-260101-0002</td><td>Đăng ký kết hôn</td><td>05/01/2026</td><td>04/01/2026</td></tr>
</tbody></table></body></html>`;

test('extra header synonyms make a differently worded list readable', async ({ context, extensionId }) => {
  const url = 'https://dichvucong.kontum.gov.vn/vi/so-theo-doi';
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: ODD_PAGE }));
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForTimeout(1_000);
  // Not read: the panel's frame is there only to explain the table and offer pointing; it counts nothing.
  await expect.poll(() => panelCount(page)).toBe(0);

  const options = await openOptions(context, extensionId);
  await options.getByTestId('option-synonyms').fill('code: Ký hiệu hồ sơ\ndue: Hẹn ngày\nclosed: Xong ngày\nprocedure: Việc');
  await options.getByTestId('option-save').click();
  await expect(options.getByTestId('option-message')).toContainText('Đã lưu');

  // The open page re-reads with the new words, without a reload.
  await expect.poll(() => panelCount(page)).toBe(1);
  await openPanel(page);
  expect(await listedCodes(page)).toEqual(['000.00.23.H34-260101-0001']);
  await expect(panel(page).getByTestId('unmapped-table')).toHaveCount(0);
});

test('bad settings are refused with clear messages and nothing is saved', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  await options.getByTestId('option-unit').fill('UBND xã Đắk Cấm');
  await options.getByTestId('option-window').fill('45');
  await options.getByTestId('option-overrides').fill('31/02/2026 nghỉ\nngày mai nghỉ');
  await options.getByTestId('option-synonyms').fill('hạn: Ngày hẹn');
  await options.getByTestId('option-save').click();
  await expect(options.getByTestId('option-message')).toContainText('Chưa lưu');
  await expect(options.getByTestId('option-overrides-error')).toContainText('31/02/2026');
  await expect(options.getByText('Số ngày phải là số nguyên từ 0 đến 30.')).toBeVisible();
  await options.reload();
  await expect(options.getByTestId('option-unit')).toHaveValue('');
});

test('unit name, semicolon and English apply to the panel, the popup and the export', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  await options.getByTestId('option-unit').fill('UBND xã Đắk Cấm');
  await options.getByTestId('option-staff').fill('Nguyễn Thị Hoa');
  await options.getByTestId('option-delimiter').selectOption(';');
  await options.getByTestId('option-save').click();
  await expect(options.getByTestId('option-message')).toContainText('Đã lưu');

  const page = await context.newPage();
  await page.goto(SEARCH);
  await openPanel(page);
  const [code] = await listedCodes(page);
  const row = panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`);
  await row.getByTestId('tag-button').click();
  await expect(row).toHaveAttribute('data-tagged', 'true');

  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-appendix')).toBe(1);
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^phu-luc-ho-so-tre-han-ubnd-xa-dak-cam-\d{8}\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const [header, first] = text.slice(1).split('\r\n');
  expect(header!.split(';')).toHaveLength(14);
  expect(first).toContain('UBND xã Đắk Cấm');

  // The tag records who made it.
  const [history] = await sendFromExtensionPage(context, extensionId, [{ type: 'tag/history', code }]);
  expect((history as { history: { by: string }[] }).history.at(-1)!.by).toBe('Nguyễn Thị Hoa');

  await options.getByTestId('option-language').selectOption('en');
  await options.getByTestId('option-save').click();
  await expect(options.getByTestId('option-message')).toContainText('Settings saved');
  await expect(panel(page).getByTestId('panel-count')).toContainText('late');
  await popup.reload();
  await expect(popup.getByTestId('count-late')).toContainText('dossiers late on the system');
});

test('a backup brings the tags back after the store was emptied, saying first what it will do; retention asks first', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(SEARCH);
  await openPanel(page);
  const codes = (await listedCodes(page)).slice(0, 2);
  for (const code of codes) {
    const row = panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`);
    await row.getByTestId('tag-button').click();
    await expect(row).toHaveAttribute('data-tagged', 'true');
  }
  const options = await openOptions(context, extensionId);
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('backup-export').click()]);
  const backupPath = (await download.path())!;
  const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
  expect(backup.format).toBe('motcua-phu-luc-backup');
  const stored = backup.dossiers.length;
  expect(stored).toBeGreaterThan(5);

  // Retention: nothing is older than 30 days here, and nothing is deleted without the confirmation.
  await options.getByTestId('retention-days').fill('30');
  await options.getByTestId('retention-check').click();
  await expect(options.getByTestId('retention-plan')).toContainText('Không có hồ sơ nào');

  // A broken file is refused with a message.
  await options.getByTestId('backup-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"khac"}') });
  await expect(options.getByTestId('data-message')).toContainText('không phải là tệp sao lưu');

  // Wipe the store through retention with a future cut-off. The portal tab still open sends its page
  // again (its dossiers come back, untagged); then the restore brings the tags back from the file.
  await sendFromExtensionPage(context, extensionId, [{ type: 'dossiers/prune', before: Date.now() + 86_400_000, dryRun: false }]);
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-tagged')).toBe(0);
  await expect.poll(() => popupCount(popup, 'count-late')).toBeGreaterThan(0);
  for (const code of codes) {
    await expect(panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`)).not.toHaveAttribute('data-tagged', 'true');
  }
  await options.getByTestId('backup-file').setInputFiles(backupPath);
  await expect(options.getByTestId('restore-plan')).toContainText('lấy ngày trả từ tệp cho 2 hồ sơ');
  expect(stored).toBeGreaterThan(2);
  await options.getByTestId('restore-confirm').click();
  await expect(options.getByTestId('data-message')).toContainText('Đã khôi phục');
  await popup.reload();
  await expect.poll(() => popupCount(popup, 'count-tagged')).toBe(2);
  for (const code of codes) {
    await expect(panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`)).toHaveAttribute('data-tagged', 'true');
  }
});

test('a portal address that is junk or built in is refused with a message', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  await options.getByTestId('extra-origin-input').fill('không phải địa chỉ');
  await options.getByTestId('extra-origin-add').click();
  await expect(options.getByRole('alert')).toContainText('không phải là địa chỉ trang web');
  await options.getByTestId('extra-origin-input').fill('https://motcua.kontum.gov.vn/vi/x');
  await options.getByTestId('extra-origin-add').click();
  await expect(options.getByRole('alert')).toContainText('đã được hỗ trợ sẵn');
  await expect(options.getByTestId('extra-origins').locator('li')).toHaveCount(0);
});

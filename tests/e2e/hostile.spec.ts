import { readFileSync } from 'node:fs';
import { expect, openPopup, panel, popupCount, sendFromExtensionPage, test } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * Hostile input on a portal page: text that looks like markup or formulas, right-to-left and
 * zero-width characters, a 100 KB cell, duplicate codes, a page imitating the panel, and page scripts
 * forging the extension's messages. Everything is shown as text, nothing is lost, nothing is obeyed.
 */

const URL = 'https://motcua.kontum.gov.vn/vi/ho-so/thu-nghiem';
const HUGE = 'Thủ tục '.repeat(13_000); // about 100 KB
const RTL = '\u202Eأحمد\u202C Nguyễn\u200B Văn\u200D A';

function hostilePage(): string {
  // Dates far in the past: every row is late on the system (not closed).
  const rows = [
    ['000.00.23.H34-200101-0001', '<script>window.__pwned=1</script>', RTL, '05/01/2020'],
    ['000.00.23.H34-200101-0002', HUGE, '=cmd|" /C calc"!A0', '06/01/2020'],
    ['000.00.23.H34-200101-0003', 'Đăng ký khai sinh', '@SUM(1+1)', '07/01/2020'],
    ['000.00.23.H34-200101-0003', 'Đăng ký khai sinh (bản khác)', 'Người khác', '08/01/2020'],
  ];
  const cell = (text: string) => `<td>${text.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</td>`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thử nghiệm</title></head><body>
  <motcua-phu-luc-panel><div data-testid="panel-count">999 hồ sơ</div><div data-testid="dossier-row" data-code="GIẢ-MẠO">giả</div></motcua-phu-luc-panel>
  <table><thead><tr><th>Mã hồ sơ</th><th>Thủ tục hành chính</th><th>Chủ hồ sơ</th><th>Ngày hẹn trả</th><th>Ngày kết thúc</th></tr></thead>
  <tbody>${rows.map((r) => `<tr>${cell(r[0]!)}${cell(r[1]!)}${cell(r[2]!)}${cell(r[3]!)}<td></td></tr>`).join('')}</tbody></table>
  <script>
    // Forged messages in every shape a page can send: none may reach the store.
    for (const type of ['tag/set', 'dossiers/upsert', 'backup/restore']) {
      window.postMessage({ type, code: '000.00.23.H34-200101-0001', input: { realReturn: '2020-01-04' } }, '*');
      document.dispatchEvent(new CustomEvent(type, { detail: { code: '000.00.23.H34-200101-0001' } }));
    }
    window.__forgeryDone = typeof chrome === 'undefined' || !chrome.runtime || !chrome.runtime.sendMessage;
  </script></body></html>`;
}

/** Our panel: the extension's frame (the page's imitation is an element of the page itself). */
function ourPanel(page: Page) {
  return panel(page);
}

test('hostile text stays text, long cells are cut, duplicates count once, imitations and forgeries change nothing', async ({ context, extensionId }) => {
  await context.route(URL, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostilePage() }));
  const page = await context.newPage();
  await page.goto(URL);
  const panel = ourPanel(page);
  await expect(panel.getByTestId('panel-count')).toContainText('3');
  await panel.getByTestId('panel-toggle').click();
  const codes = await panel.getByTestId('dossier-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code')));
  expect(codes.sort()).toEqual(['000.00.23.H34-200101-0001', '000.00.23.H34-200101-0002', '000.00.23.H34-200101-0003']);

  const first = panel.locator('[data-code="000.00.23.H34-200101-0001"]');
  await expect(first).toContainText('<script>window.__pwned=1</script>');
  await expect(first).toContainText('أحمد');
  expect(await panel.locator('script, img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // The page itself cannot reach the extension's messaging at all.
  expect(await page.evaluate(() => (window as unknown as { __forgeryDone?: boolean }).__forgeryDone)).toBe(true);
  // Nor can it stop the extension's scripts by announcing newer copies of them (WXT's start event): the
  // panel stays, and the tagging below still works.
  await page.evaluate(() => {
    for (const contentScriptName of ['content', 'panel']) {
      document.dispatchEvent(new CustomEvent('wxt:content-script-started', { detail: { contentScriptName, messageId: 'forged' } }));
      window.postMessage({ type: 'wxt:content-script-started', contentScriptName, messageId: 'forged' }, '*');
    }
  });
  await expect(panel.getByTestId('dossier-row')).toHaveCount(3);

  const second = panel.locator('[data-code="000.00.23.H34-200101-0002"]');
  const procedure = await second.locator('.mcpl-procedure').textContent();
  expect(procedure!.length).toBeLessThanOrEqual(1_000);
  expect(procedure!.endsWith('…')).toBe(true);

  // Everything read is stored, nothing was tagged by the forgeries.
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-late')).toBe(3);
  expect(await popupCount(popup, 'count-tagged')).toBe(0);

  // Tag one and export: formulas are neutralised in the file.
  await first.getByTestId('real-return-date').fill('2020-01-05');
  await first.getByTestId('tag-button').click();
  await expect(first).toHaveAttribute('data-tagged', 'true');
  await second.getByTestId('real-return-date').fill('2020-01-06');
  await second.getByTestId('tag-button').click();
  await expect(second).toHaveAttribute('data-tagged', 'true');
  await popup.reload();
  await expect.poll(() => popupCount(popup, 'count-appendix')).toBe(2);
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-csv').click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain(`'=cmd|`);
  expect(csv).not.toMatch(/(^|[,\r\n])=cmd/);
  const [all] = await sendFromExtensionPage(context, extensionId, [{ type: 'dossiers/all' }]);
  const stored = (all as { dossiers: { code: string; applicant: string }[] }).dossiers;
  expect(stored.find((d) => d.code.endsWith('0003'))!.applicant).toBe('@SUM(1+1)');
});

test('a page imitating the panel is not read as dossiers and gets no panel of its own', async ({ context, extensionId }) => {
  const url = 'https://dichvucong.kontum.gov.vn/vi/gia-mao';
  const body = `<!doctype html><html><body><motcua-phu-luc-panel><span data-testid="panel-count">12</span>
    <div data-testid="dossier-row" data-code="000.00.23.H34-200101-0009">x</div></motcua-phu-luc-panel>
    <div role="grid"><div role="row"><div role="columnheader">Trạng thái</div></div></div></body></html>`;
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForTimeout(1_200);
  await expect(ourPanel(page)).toHaveCount(0);
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-late')).toBe(0);
});

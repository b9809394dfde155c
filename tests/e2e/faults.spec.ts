import { readFileSync } from 'node:fs';
import type { CDPSession } from '@playwright/test';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { expect, listedCodes, openPanel, openPopup, panel, popupCount, sendFromExtensionPage, test } from './fixtures';

/** Faults: a database that cannot open, re-renders during a save, concurrent writers; and privacy. */

const SEARCH = DEMO_PAGES.find((page) => page.key === 'search')!.url;

async function restartServiceWorker(cdp: CDPSession) {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  for (const target of targetInfos) {
    if (target.type === 'service_worker' && target.url.startsWith('chrome-extension://')) {
      await cdp.send('Target.closeTarget', { targetId: target.targetId }).catch(() => {});
    }
  }
}

test('a database that cannot be opened gives a clear message in the panel and the popup', async ({ extension, context, extensionId }) => {
  // Leave a database of a far newer version without the extension's stores behind: the extension's own
  // open then fails. One upgrade that drops every store, not a delete then an open: between those two
  // the running background's connection (closed by the delete, reopened by its next query, such as the
  // badge's recount) could create the stores again, and Dexie opens a newer database that has them.
  await extension.serviceWorker!.evaluate(async () => {
    await new Promise((resolve, reject) => {
      const request = indexedDB.open('motcua-phu-luc', 100_000);
      request.onupgradeneeded = () => {
        for (const name of [...request.result.objectStoreNames]) request.result.deleteObjectStore(name);
      };
      request.onsuccess = () => {
        request.result.close();
        resolve(null);
      };
      request.onerror = () => reject(request.error);
    });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await restartServiceWorker(cdp);

  await page.goto(SEARCH);
  await openPanel(page);
  // The page is still read and listed; the panel says the store is unavailable.
  await expect(panel(page).getByTestId('dossier-row').first()).toBeVisible();
  await expect(panel(page).getByRole('alert').first()).toContainText('Không lưu được');
  // A tag attempt says why it was not saved, and nothing pretends to be saved.
  const [code] = await listedCodes(page);
  const row = panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`);
  await row.getByTestId('tag-button').click();
  await expect(row.getByTestId('tag-error')).toContainText('cơ sở dữ liệu');
  await expect(row).not.toHaveAttribute('data-tagged', 'true');

  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('alert')).toContainText('Không mở được cơ sở dữ liệu');
});

test('the portal re-rendering its table while a tag is being saved loses nothing', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(SEARCH);
  await openPanel(page);
  const [code] = await listedCodes(page);
  const row = panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`);
  // Click, and in the same moment make the portal rewrite its rows (next page), then come back while
  // the save may still be in flight. (DOM clicks: two mouse clicks at once would share one pointer.)
  await row.getByTestId('tag-button').dispatchEvent('click');
  await page.getByRole('button', { name: 'Trang tiếp theo' }).dispatchEvent('click');
  await expect(panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`)).toHaveCount(0);
  await page.getByRole('button', { name: 'Trang trước' }).dispatchEvent('click');
  await expect(panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`)).toHaveAttribute('data-tagged', 'true');
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-tagged')).toBe(1);
});

test('two tabs and an extension page writing at once lose nothing', async ({ context, extensionId }) => {
  const tabs = await Promise.all([context.newPage(), context.newPage()]);
  for (const tab of tabs) {
    await tab.goto(SEARCH);
    await openPanel(tab);
    await tab.getByLabel('Số dòng').selectOption('50');
    await expect.poll(async () => (await listedCodes(tab)).length).toBeGreaterThan(12);
  }
  const codes = await listedCodes(tabs[0]!);
  const viaTabA = codes.slice(0, 4);
  const viaTabB = codes.slice(4, 8);
  const viaPage = codes.slice(8, 12);
  const click = async (tab: (typeof tabs)[number], list: string[]) => {
    for (const code of list) await panel(tab).locator(`[data-testid="dossier-row"][data-code="${code}"]`).getByTestId('tag-button').click();
  };
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  await Promise.all([
    click(tabs[0]!, viaTabA),
    click(tabs[1]!, viaTabB),
    sendFromExtensionPage(
      context,
      extensionId,
      viaPage.map((code) => ({ type: 'tag/set', code, input: { realReturn: today, reason: '', note: '' } })),
    ),
  ]);
  for (const tab of tabs) {
    for (const code of [...viaTabA, ...viaTabB, ...viaPage]) {
      await expect(panel(tab).locator(`[data-testid="dossier-row"][data-code="${code}"]`)).toHaveAttribute('data-tagged', 'true');
    }
  }
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-tagged')).toBe(12);
});

test('the extension makes no network request of its own, and ships a strict manifest', async ({ extension, context, extensionId }) => {
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  await page.goto(SEARCH);
  await openPanel(page);
  const [code] = await listedCodes(page);
  await panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`).getByTestId('tag-button').click();
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-tagged')).toBe(1);
  await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-csv').click()]);
  await page.reload();
  await openPanel(page);

  // Every request is the portal's own (the fixture pages) or the extension's own files.
  // The panel's page is framed at its per-session address (a random id in place of the extension's).
  const panelPage = /^chrome-extension:\/\/[0-9a-f-]{36}\/panel\.html$/;
  const foreign = requests.filter((url) => !/^https?:\/\/(dichvucong|motcua|hanhchinhcong)\.kontum\.gov\.vn\//.test(url) && !url.startsWith(`chrome-extension://${extensionId}/`) && !panelPage.test(url) && !url.startsWith('blob:') && !url.startsWith('data:'));
  expect(foreign).toEqual([]);
  expect(extension.blocked).toEqual([]);
  // The portal pages loaded nothing from the extension but the panel's page (its frame) and that page's files.
  expect(requests.filter((url) => url.startsWith('chrome-extension://') && !/\/(popup|options|panel)\.html|\/chunks\/|\/assets\/|\/icon\//.test(url))).toEqual([]);

  const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8'));
  expect(manifest.permissions.sort()).toEqual(['scripting', 'storage']);
  expect(manifest.permissions).not.toContain('tabs');
  expect(manifest.permissions).not.toContain('downloads');
  expect(manifest.host_permissions.every((pattern: string) => /^https?:\/\/(dichvucong|motcua|hanhchinhcong)\.kontum\.gov\.vn\/\*$/.test(pattern))).toBe(true);
  expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  expect(manifest.content_security_policy.extension_pages).toMatch(/script-src 'self'/);
  expect(manifest.content_security_policy.extension_pages).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  expect(manifest.externally_connectable).toBeUndefined();
  // Only the panel's page is web-accessible, and only at a per-session address.
  expect(manifest.web_accessible_resources).toHaveLength(1);
  expect(manifest.web_accessible_resources[0].resources).toEqual(['panel.html']);
  expect(manifest.web_accessible_resources[0].use_dynamic_url).toBe(true);
});

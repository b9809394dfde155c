import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { buildSearchDossiers, vietnamToday } from '../fixtures/portal/dossiers.mjs';
import { expect, openPanel, panel, sendFromExtensionPage, test } from './fixtures';

/**
 * Saves that failed are not lost when staff page away: the dossiers of the pages shown while the store
 * could not write reach it once it can, without a reload, and meanwhile the panel says it is retrying.
 */

const SEARCH = DEMO_PAGES.find((page) => page.key === 'search')!.url;

async function stored(context: BrowserContext, extensionId: string, codes: string[]): Promise<string[]> {
  const [answer] = (await sendFromExtensionPage(context, extensionId, [{ type: 'dossiers/get', codes }])) as { dossiers: { code: string }[] }[];
  return answer!.dossiers.map((dossier) => dossier.code);
}

/** The codes of the portal rows the page shows now. */
async function pageCodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const codes = new Set<string>();
    for (const cell of document.querySelectorAll('table tbody tr')) {
      const match = /\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4}/.exec(cell.textContent ?? '');
      if (match) codes.add(match[0]);
    }
    return [...codes];
  });
}

test('pages shown while the store cannot write are saved once it can, after staff moved on', async ({ extension, context, extensionId }) => {
  const unreadable = new Set(buildSearchDossiers(vietnamToday()).filter((d) => d.expected === 'unreadable').map((d) => d.code));
  const page = await context.newPage();
  await page.goto(SEARCH);
  await openPanel(page);
  await expect(panel(page).getByTestId('dossier-row').first()).toBeVisible();
  const first = await pageCodes(page);
  await expect.poll(async () => (await stored(context, extensionId, first.filter((c) => !unreadable.has(c)))).length).toBeGreaterThan(0);

  // The browser's storage is full from now on: every write in the background fails.
  await extension.serviceWorker!.evaluate(() => {
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const proto = IDBObjectStore.prototype as unknown as Record<string, unknown>;
    (globalThis as unknown as { __writes: unknown[] }).__writes = [proto.put, proto.add];
    proto.put = full;
    proto.add = full;
  });
  // Two more pages of the list, whose saves fail; the panel says it tries again, not to reload.
  const missed: string[] = [];
  for (let next = 0; next < 2; next++) {
    const before = (await pageCodes(page)).join();
    await page.getByRole('button', { name: 'Trang tiếp theo' }).click();
    await expect.poll(async () => (await pageCodes(page)).join()).not.toBe(before);
    missed.push(...(await pageCodes(page)).filter((code) => !unreadable.has(code) && !first.includes(code)));
  }
  const alert = panel(page).locator('.mcpl-error[role="alert"]');
  await expect(alert).toContainText('Bộ nhớ của trình duyệt đã đầy');
  await expect(alert).toContainText('Đang thử lại');
  await expect(alert).not.toContainText('tải lại');
  await page.screenshot({ path: 'tests/artifacts/resend-retrying.png' });
  expect(missed.length).toBeGreaterThan(10);
  expect(await stored(context, extensionId, missed)).toEqual([]);

  // Room again, staff on another page: the pages they left are saved without a reload.
  await extension.serviceWorker!.evaluate(() => {
    const [put, add] = (globalThis as unknown as { __writes: unknown[] }).__writes;
    const proto = IDBObjectStore.prototype as unknown as Record<string, unknown>;
    proto.put = put;
    proto.add = add;
  });
  await page.getByRole('button', { name: 'Trang tiếp theo' }).click();
  await expect.poll(async () => (await stored(context, extensionId, missed)).length, { timeout: 20_000 }).toBe(missed.length);
  await expect(alert).toHaveCount(0, { timeout: 15_000 });
});

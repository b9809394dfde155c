import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension } from '../support/browser.mjs';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { expect, listedCodes, openPanel, openPopup, panel, popupCount, saveArtifacts, test } from './fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Tagging from the panel: one click, refused dates, persistence, concurrency, a stopped worker. */

const SEARCH = DEMO_PAGES.find((page) => page.key === 'search')!.url;

async function openSearch(context: BrowserContext, pageSize?: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(SEARCH);
  await openPanel(page);
  if (pageSize) {
    await page.getByLabel('Số dòng').selectOption(pageSize);
    await expect.poll(() => page.locator('table tbody tr').count()).toBeGreaterThan(10);
    // All 18 late dossiers of the 48 are listed once the panel has re-read the longer page.
    await expect.poll(async () => (await listedCodes(page)).length).toBeGreaterThan(10);
  }
  await expect(panel(page).getByTestId('dossier-row').first()).toBeVisible();
  return page;
}

function row(page: Page, code: string) {
  return panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`);
}

function isoInVietnam(offsetDays: number): string {
  const shifted = new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}

test('one click saves the default date, says which date, and marks the portal row', async ({ context, extensionId }) => {
  const page = await openSearch(context);
  const [code] = await listedCodes(page);
  const target = row(page, code!);
  const input = target.getByTestId('real-return-date');
  const date = await input.inputValue();
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const [year, month, day] = date.split('-');
  await expect(target.getByTestId('tag-button')).toContainText(`${day}/${month}/${year}`);
  await target.getByTestId('tag-button').click();
  await expect(target).toHaveAttribute('data-tagged', 'true');
  await expect(target.getByTestId('tag-error')).toHaveCount(0);
  // The portal's own row carries a marker attribute, nothing inserted into it.
  const portalRow = page.locator('tr', { hasText: code! }).first();
  await expect(portalRow).toHaveAttribute('data-mcpl-state', 'tagged');

  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-tagged')).toBe(1);
  await expect.poll(() => popupCount(popup, 'count-appendix')).toBe(1);
});

test('a date after today or before the receipt is refused with a message and nothing is saved', async ({ context, extensionId }) => {
  const page = await openSearch(context);
  const [code] = await listedCodes(page);
  const target = row(page, code!);
  await target.getByTestId('real-return-date').fill(isoInVietnam(1));
  await target.getByTestId('tag-button').click();
  await expect(target.getByTestId('tag-error')).toBeVisible();
  await expect(target.getByTestId('tag-error')).toContainText('sau ngày hôm nay');
  await target.getByTestId('real-return-date').fill('2001-01-01');
  await target.getByTestId('tag-button').click();
  await expect(target.getByTestId('tag-error')).toContainText('trước ngày tiếp nhận');
  await expect(target).not.toHaveAttribute('data-tagged', 'true');
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-tagged')).toBe(0);

  await target.getByTestId('real-return-date').fill(isoInVietnam(0));
  await target.getByTestId('tag-button').click();
  await expect(target).toHaveAttribute('data-tagged', 'true');
  await expect(target.getByTestId('tag-error')).toHaveCount(0);
});

test('a tag can be removed and the removal undone', async ({ context }) => {
  const page = await openSearch(context);
  const [code] = await listedCodes(page);
  const target = row(page, code!);
  await target.getByTestId('tag-button').click();
  await expect(target).toHaveAttribute('data-tagged', 'true');
  await target.getByRole('button', { name: 'Bỏ' }).click();
  await expect(target).not.toHaveAttribute('data-tagged', 'true');
  await panel(page).getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(target).toHaveAttribute('data-tagged', 'true');
});

test('several selected rows are tagged with one date in one click', async ({ context, extensionId }) => {
  const page = await openSearch(context, '50');
  const codes = (await listedCodes(page)).slice(0, 4);
  for (const code of codes) await row(page, code).getByRole('checkbox').check();
  await panel(page).getByTestId('bulk-tag-button').click();
  expect(codes).toHaveLength(4);
  for (const code of codes) await expect(row(page, code)).toHaveAttribute('data-tagged', 'true');
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-tagged')).toBe(4);
});

test('a tag made in one tab shows in another without a reload; two tabs tagging at once lose nothing', async ({ context, extensionId }) => {
  const first = await openSearch(context, '50');
  const second = await openSearch(context, '50');
  const codes = await listedCodes(first);
  expect(codes.length).toBeGreaterThanOrEqual(10);
  await row(first, codes[0]!).getByTestId('tag-button').click();
  await expect(row(second, codes[0]!)).toHaveAttribute('data-tagged', 'true');

  const fromFirst = codes.slice(1, 6);
  const fromSecond = codes.slice(6, 11);
  await Promise.all([
    (async () => {
      for (const code of fromFirst) await row(first, code).getByTestId('tag-button').click();
    })(),
    (async () => {
      for (const code of fromSecond) await row(second, code).getByTestId('tag-button').click();
    })(),
  ]);
  for (const code of [...fromFirst, ...fromSecond]) {
    await expect(row(first, code)).toHaveAttribute('data-tagged', 'true');
    await expect(row(second, code)).toHaveAttribute('data-tagged', 'true');
  }
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-tagged')).toBe(11);
});

test('tags survive a page reload and a browser restart with the same profile', async ({}, testInfo) => {
  const profile = mkdtempSync(join(tmpdir(), 'motcua-profile-'));
  let tagged: string[] = [];
  try {
    const first = await launchWithExtension({ userDataDir: profile });
    try {
      const page = await openSearch(first.context);
      tagged = (await listedCodes(page)).slice(0, 2);
      for (const code of tagged) {
        await row(page, code).getByTestId('tag-button').click();
        await expect(row(page, code)).toHaveAttribute('data-tagged', 'true');
      }
      await page.reload();
      await openPanel(page);
      for (const code of tagged) await expect(row(page, code)).toHaveAttribute('data-tagged', 'true');
    } catch (error) {
      await saveArtifacts(first.context, testInfo.outputPath.bind(testInfo));
      throw error;
    } finally {
      await first.close();
    }
    const second = await launchWithExtension({ userDataDir: profile });
    try {
      const page = await openSearch(second.context);
      for (const code of tagged) await expect(row(page, code)).toHaveAttribute('data-tagged', 'true');
      const popup = await openPopup(second.context, second.extensionId);
      await expect.poll(() => popupCount(popup, 'count-tagged')).toBe(2);
    } catch (error) {
      await saveArtifacts(second.context, testInfo.outputPath.bind(testInfo));
      throw error;
    } finally {
      await second.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the service worker stopped in the middle of tagging loses nothing', async ({ context, extensionId }) => {
  const page = await openSearch(context, '50');
  const codes = (await listedCodes(page)).slice(0, 3);
  const cdp = await context.newCDPSession(page);
  for (const code of codes) {
    const click = row(page, code).getByTestId('tag-button').click();
    await stopServiceWorkers(cdp);
    await click;
    await expect(row(page, code)).toHaveAttribute('data-tagged', 'true', { timeout: 15_000 });
  }
  await stopServiceWorkers(cdp);
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-tagged'), { timeout: 15_000 }).toBe(3);
});

async function stopServiceWorkers(cdp: import('@playwright/test').CDPSession) {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  for (const target of targetInfos) {
    if (target.type === 'service_worker' && target.url.startsWith('chrome-extension://')) {
      await cdp.send('Target.closeTarget', { targetId: target.targetId }).catch(() => {});
    }
  }
}

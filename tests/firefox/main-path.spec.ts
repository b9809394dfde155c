import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension } from '../support/firefox.mjs';
import { launchWithExtension } from '../support/browser.mjs';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { buildSearchDossiers, vietnamToday } from '../fixtures/portal/dossiers.mjs';

/**
 * The Firefox build, in Firefox: the main path a user takes on the demo portal. Firefox differs from
 * Chromium in ways the Chromium suite cannot see (an event page instead of a service worker, its own
 * extension origin, downloads, host permissions under Manifest V3); each check here runs the real
 * Firefox build in a real Firefox.
 */

const SEARCH = DEMO_PAGES.find((page) => page.key === 'search')!.url;
type Firefox = Awaited<ReturnType<typeof launchFirefoxWithExtension>>;

function firstNumber(text: string): number {
  const match = /\d[\d.]*/.exec(text);
  if (!match) throw new Error(`No number in "${text}"`);
  return Number(match[0].replaceAll('.', ''));
}

async function testIdNumber(page: Page, testId: string): Promise<number> {
  const text = await page.$eval(`[data-testid="${testId}"]`, (element) => element.textContent ?? '').catch(() => '');
  return text ? firstNumber(text) : Number.NaN;
}

/** The late dossiers the search page's first view (10 rows) shows, from the fixture data. */
function lateOnFirstPage(today: string): string[] {
  return buildSearchDossiers(today)
    .slice(0, 10)
    .filter((dossier: { expected: string }) => dossier.expected.startsWith('late-'))
    .map((dossier: { code: string }) => dossier.code);
}

let firefox: Firefox;
test.beforeEach(async () => {
  firefox = await launchFirefoxWithExtension();
});
test.afterEach(async () => {
  await firefox?.close();
});

test('Firefox: the content script reads the demo portal, the popup counts its late dossiers, and the extension sends nothing', async () => {
  const page = await firefox.portalPage(SEARCH);
  const late = lateOnFirstPage(vietnamToday());
  expect(late.length).toBeGreaterThan(0);

  const popup = await firefox.extensionPage('/popup.html');
  await expect.poll(() => testIdNumber(popup, 'count-late'), { timeout: 15_000 }).toBe(late.length);
  expect(await testIdNumber(popup, 'count-tagged')).toBe(0);
  await page.close();
  await popup.close();
  // The fixture pages load nothing from outside, and the extension asks for nothing at all.
  expect(firefox.blocked).toEqual([]);
  expect(firefox.proxied).toEqual([]);
});

/** Tags every given code with the given day through the background, as the panel does. */
async function tagFromExtensionPage(page: Page | import('@playwright/test').Page, codes: string[], day: string) {
  // Puppeteer's and Playwright's pages both take one argument.
  return (page as Page).evaluate(
    async ({ list, realReturn }: { list: string[]; realReturn: string }) => {
      const api = (globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } });
      const runtime = (api.browser ?? api.chrome).runtime;
      const results: unknown[] = [];
      for (const code of list) results.push(await runtime.sendMessage({ type: 'tag/set', code, input: { realReturn, reason: '', note: '' } }));
      return results;
    },
    { list: codes, realReturn: day },
  );
}

test('Firefox: the CSV export is byte for byte the file Chromium exports for the same data', async () => {
  const today = vietnamToday();
  const late = lateOnFirstPage(today);
  const downloads = firefox.downloads;
  {
    // Firefox: read the page, tag every late dossier with its appointment day, export.
    const page = await firefox.portalPage(SEARCH);
    const popup = await firefox.extensionPage('/popup.html');
    await expect.poll(() => testIdNumber(popup, 'count-late'), { timeout: 15_000 }).toBe(late.length);
    const dueDays = new Map(buildSearchDossiers(today).map((d) => [d.code, d.due.day ?? ""]));
    for (const code of late) {
      const [result] = (await tagFromExtensionPage(popup, [code], dueDays.get(code)!)) as { ok: boolean }[];
      expect(result?.ok).toBe(true);
    }
    await expect.poll(() => testIdNumber(popup, 'count-appendix')).toBe(late.length);
    await popup.click('[data-testid="export-csv"]');
    // Firefox writes `<random>.csv.part` first and renames it when the download is complete.
    await expect.poll(() => readdirSync(downloads), { timeout: 15_000 }).toEqual([expect.stringMatching(/\.csv$/)]);
    const [fileName] = readdirSync(downloads);
    expect(fileName).toBe(`phu-luc-ho-so-tre-han-${today.replaceAll('-', '')}.csv`);
    const fromFirefox = readFileSync(join(downloads, fileName!));
    await page.close();

    // Chromium: the same page, the same tags, the same export.
    const chromium = await launchWithExtension();
    try {
      const portal = await chromium.context.newPage();
      await portal.goto(SEARCH);
      const chromePopup = await chromium.context.newPage();
      await chromePopup.goto(`chrome-extension://${chromium.extensionId}/popup.html`);
      await expect.poll(async () => firstNumber((await chromePopup.getByTestId('count-late').textContent()) ?? ''), { timeout: 15_000 }).toBe(late.length);
      for (const code of late) await tagFromExtensionPage(chromePopup, [code], dueDays.get(code)!);
      await expect.poll(async () => firstNumber((await chromePopup.getByTestId('count-appendix').textContent()) ?? '')).toBe(late.length);
      const [download] = await Promise.all([chromePopup.waitForEvent('download'), chromePopup.getByTestId('export-csv').click()]);
      const fromChromium = readFileSync((await download.path())!);
      expect(fromFirefox.equals(fromChromium)).toBe(true);
      expect([...fromFirefox.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    } finally {
      await chromium.close();
    }
  }
});

/** The panel's frame on a portal tab (re-found after a reload, which loads a new frame). */
async function panelFrameOf(page: Page) {
  const element = await page.waitForSelector('iframe[data-mcpl-panel]', { timeout: 15_000 });
  const frame = await element!.contentFrame();
  if (!frame) throw new Error('The panel frame has no document');
  return frame;
}

async function listedCodes(page: Page): Promise<string[]> {
  const frame = await panelFrameOf(page);
  return frame.$$eval('[data-testid="dossier-row"]', (rows) => rows.map((row) => row.getAttribute('data-code') ?? '')).catch(() => []);
}

async function isTagged(page: Page, code: string): Promise<boolean> {
  const frame = await panelFrameOf(page);
  return frame.$eval(`[data-testid="dossier-row"][data-code="${code}"]`, (row) => row.getAttribute('data-tagged') === 'true').catch(() => false);
}

async function openPanel(page: Page) {
  const frame = await panelFrameOf(page);
  await frame.waitForSelector('[data-testid="panel-toggle"]', { timeout: 15_000 });
  const expanded = await frame.$eval('[data-testid="panel-toggle"]', (toggle) => toggle.getAttribute('aria-expanded'));
  if (expanded !== 'true') await frame.click('[data-testid="panel-toggle"]');
}

function lateBetween(today: string, from: number, to: number): string[] {
  return buildSearchDossiers(today)
    .slice(from, to)
    .filter((dossier: { expected: string }) => dossier.expected.startsWith('late-'))
    .map((dossier: { code: string }) => dossier.code);
}

test("Firefox: the panel's frame lists the page's late dossiers, follows the page's paging, and saves a tag that survives a reload", async () => {
  const today = vietnamToday();
  const firstPage = lateOnFirstPage(today);
  const secondPage = lateBetween(today, 10, 20);
  expect(firstPage.length).toBeGreaterThan(0);
  expect(secondPage.length).toBeGreaterThan(0);
  const page = await firefox.portalPage(SEARCH);
  await openPanel(page);
  await expect.poll(async () => (await listedCodes(page)).sort(), { timeout: 15_000 }).toEqual([...firstPage].sort());

  // One click on a row's tag button saves the default date.
  const code = firstPage[0]!;
  const frame = await panelFrameOf(page);
  await frame.click(`[data-testid="dossier-row"][data-code="${code}"] [data-testid="tag-button"]`);
  await expect.poll(() => isTagged(page, code), { timeout: 10_000 }).toBe(true);
  const popup = await firefox.extensionPage('/popup.html');
  await expect.poll(() => testIdNumber(popup, 'count-tagged'), { timeout: 10_000 }).toBe(1);

  // The page's own paging: the list becomes the next view's late dossiers.
  await page.click('button[aria-label="Trang tiếp theo"]');
  await expect.poll(async () => (await listedCodes(page)).sort(), { timeout: 10_000 }).toEqual([...secondPage].sort());

  // Loading the page again (Puppeteer's reload does not settle over BiDi here) brings back the first
  // view, with its tag read from the store.
  await page.goto(SEARCH, { waitUntil: 'load' });
  await openPanel(page);
  await expect.poll(async () => (await listedCodes(page)).sort(), { timeout: 15_000 }).toEqual([...firstPage].sort());
  await expect.poll(() => isTagged(page, code), { timeout: 10_000 }).toBe(true);
  await popup.close();
  const again = await firefox.extensionPage('/popup.html');
  await expect.poll(() => testIdNumber(again, 'count-tagged'), { timeout: 10_000 }).toBe(1);
  await page.close();
  await again.close();
});

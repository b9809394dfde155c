import { test, expect } from '@playwright/test';
import type { Frame, Page } from 'puppeteer-core';
import { launchFirefoxWithExtension } from '../support/firefox.mjs';
import { buildSearchDossiers, vietnamToday } from '../fixtures/portal/dossiers.mjs';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';

/**
 * An extra portal in Firefox: staff add another province's portal in the options page. Its host
 * permission is asked for at that moment (optional host permissions, granted by the click's user
 * gesture), and the content script is registered there at run time (`scripting`, through
 * webext-dynamic-content-scripts). The registration must outlive the event page, and removing the
 * portal must stop the script there. The fixture portal is served at the extra origin by the harness.
 */

const EXTRA_HOST = 'motcua.quangngai.gov.vn';
const EXTRA_ORIGIN = `https://${EXTRA_HOST}`;
const EXTRA_SEARCH = `${EXTRA_ORIGIN}/vi/dossier/search`;
const SEARCH = DEMO_PAGES.find((page) => page.key === 'search')!.url;
type Firefox = Awaited<ReturnType<typeof launchFirefoxWithExtension>>;

// One Firefox for the file (a launch costs seconds); the tests touch different settings and hosts.
// Prompts off: a permission request in a user gesture is granted without the doorhanger. The event
// page is let go after one idle second instead of thirty, so that the test can see it restart.
let firefox: Firefox;
test.beforeAll(async () => {
  firefox = await launchFirefoxWithExtension({
    prefs: { 'extensions.webextOptionalPermissionPrompts': false, 'extensions.background.idle.timeout': 1_000 },
    portalAliases: { [EXTRA_HOST]: 'dichvucong.kontum.gov.vn' },
  });
});
test.afterAll(async () => {
  await firefox?.close();
});

function lateOnFirstPage(): string[] {
  return buildSearchDossiers(vietnamToday())
    .slice(0, 10)
    .filter((dossier: { expected: string }) => dossier.expected.startsWith('late-'))
    .map((dossier: { code: string }) => dossier.code);
}

async function present(page: Page, selector: string): Promise<boolean> {
  return (await page.$(selector).catch(() => null)) !== null;
}

async function panelFrameOf(page: Page): Promise<Frame> {
  const element = await page.waitForSelector('iframe[data-mcpl-panel]', { timeout: 15_000 });
  const frame = await element!.contentFrame();
  if (!frame) throw new Error('The panel frame has no document');
  return frame;
}

async function listedCodes(page: Page): Promise<string[]> {
  const frame = await panelFrameOf(page);
  return frame.$$eval('[data-testid="dossier-row"]', (rows) => rows.map((row) => row.getAttribute('data-code') ?? '').sort()).catch(() => []);
}

/** Opens the panel (it starts closed; its rows are shown once open). */
async function openPanel(page: Page) {
  const frame = await panelFrameOf(page);
  await frame.waitForSelector('[data-testid="panel-toggle"]', { timeout: 15_000 });
  const expanded = await frame.$eval('[data-testid="panel-toggle"]', (toggle) => toggle.getAttribute('aria-expanded'));
  if (expanded !== 'true') await frame.click('[data-testid="panel-toggle"]');
}

async function extraOrigins(options: Page): Promise<string[]> {
  return options.$$eval('[data-testid="extra-origins"] li > span:first-child', (spans) => spans.map((span) => span.textContent ?? '')).catch(() => []);
}

interface ExtensionGlobal {
  browser: {
    permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
    runtime: { getBackgroundPage(): Promise<Record<string, unknown>> };
  };
}

async function hasHostPermission(page: Page, origin: string): Promise<boolean> {
  return page.evaluate((pattern) => (globalThis as unknown as ExtensionGlobal).browser.permissions.contains({ origins: [pattern] }), `${origin}/*`);
}

/**
 * Marks the running background page, or tells whether the mark is still there. Asking for the page
 * wakes a suspended event page: a fresh one has no mark, which is how the test sees a restart.
 */
async function backgroundMark(page: Page, set: boolean): Promise<boolean> {
  return page.evaluate(async (mark) => {
    const background = await (globalThis as unknown as ExtensionGlobal).browser.runtime.getBackgroundPage();
    if (mark) background.mcplTestMark = true;
    return background.mcplTestMark === true;
  }, set);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

test('Firefox, an extra portal: added and granted in options, its pages get the panel, across a background restart, until it is removed', async () => {
  const late = lateOnFirstPage();
  expect(late.length).toBeGreaterThan(0);

  // Added in options: the click asks for the origin's host permission, the list shows it.
  const options = await firefox.extensionPage('/options.html');
  expect(await hasHostPermission(options, EXTRA_ORIGIN)).toBe(false);
  await options.type('[data-testid="extra-origin-input"]', `${EXTRA_ORIGIN}/vi/`);
  await options.click('[data-testid="extra-origin-add"]');
  await expect.poll(() => extraOrigins(options), { timeout: 10_000 }).toEqual([EXTRA_ORIGIN]);
  expect(await present(options, '[role="alert"]')).toBe(false);
  expect(await hasHostPermission(options, EXTRA_ORIGIN)).toBe(true);

  // A portal page on that origin gets the content script registered at run time: the panel lists.
  const portal = await firefox.portalPage(EXTRA_SEARCH);
  await openPanel(portal);
  await expect.poll(() => listedCodes(portal), { timeout: 15_000 }).toEqual([...late].sort());
  await portal.close();

  // The event page goes idle and is suspended; the registration is the browser's, not the page's.
  expect(await backgroundMark(options, true)).toBe(true);
  await expect.poll(() => backgroundMark(options, false), { timeout: 20_000, intervals: [2_000] }).toBe(false);
  const later = await firefox.portalPage(EXTRA_SEARCH);
  await openPanel(later);
  await expect.poll(() => listedCodes(later), { timeout: 15_000 }).toEqual([...late].sort());
  await later.close();

  // Removed in options (by a background that is not the one that registered it): the permission goes,
  // and a page loaded on that origin afterwards gets no content script.
  expect(await backgroundMark(options, true)).toBe(true);
  await expect.poll(() => backgroundMark(options, false), { timeout: 20_000, intervals: [2_000] }).toBe(false);
  await options.click('[data-testid="extra-origins"] li button');
  await expect.poll(() => extraOrigins(options), { timeout: 10_000 }).toEqual([]);
  await expect.poll(() => hasHostPermission(options, EXTRA_ORIGIN), { timeout: 10_000 }).toBe(false);
  const after = await firefox.portalPage(EXTRA_SEARCH);
  // The fixture page itself renders its table; given the time in which the panel came above (well
  // under 3 s), none comes now.
  await after.waitForSelector('table tbody tr', { timeout: 10_000 });
  await sleep(3_000);
  expect(await present(after, 'iframe[data-mcpl-panel]')).toBe(false);
  await after.close();
  await options.close();
  expect(firefox.blocked).toEqual([]);
  expect(firefox.proxied).toEqual([]);
});

test('Firefox, storage: the language saved in options reaches the open panel and the popup', async () => {
  const portal = await firefox.portalPage(SEARCH);
  await openPanel(portal);
  const panelCount = async () => (await panelFrameOf(portal)).$eval('[data-testid="panel-count"]', (element) => element.textContent ?? '').catch(() => '');
  await expect.poll(panelCount, { timeout: 15_000 }).toContain('trễ');

  const options = await firefox.extensionPage('/options.html');
  await options.select('[data-testid="option-language"]', 'en');
  await options.click('[data-testid="option-save"]');
  await expect
    .poll(() => options.$eval('[data-testid="option-message"]', (element) => element.textContent ?? '').catch(() => ''), { timeout: 10_000 })
    .toContain('Settings saved');
  // The panel, an extension page in the portal's frame, follows the stored settings as they change.
  await expect.poll(panelCount, { timeout: 10_000 }).toContain('late');
  const popup = await firefox.extensionPage('/popup.html');
  await expect
    .poll(() => popup.$eval('[data-testid="count-late"]', (element) => element.textContent ?? '').catch(() => ''), { timeout: 10_000 })
    .toContain('dossiers late on the system');
  expect(await popup.$eval('html', (element) => element.lang).catch(() => '')).toBe('en');
  await popup.close();
  await options.close();
  await portal.close();
  expect(firefox.proxied).toEqual([]);
});

import { test, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension } from '../support/firefox.mjs';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { buildSearchDossiers, vietnamToday } from '../fixtures/portal/dossiers.mjs';

/**
 * Firefox may install a Manifest V3 add-on without its host permissions (older releases did so always,
 * a user may take them back in about:addons, and `extensions.originControls.grantByDefault` set to false
 * installs it that way here). Then the content script never runs on the portal. The popup and the
 * options page must say so and ask; once the user allows it, the portal works.
 *
 * Granting is automated: `extensions.webextOptionalPermissionPrompts` set to false makes
 * `permissions.request` grant without the doorhanger, and a click sent over WebDriver BiDi
 * (`input.performActions`) is a real user gesture, which Firefox requires of `permissions.request`.
 */

const SEARCH = DEMO_PAGES.find((page) => page.key === 'search')!.url;
type Firefox = Awaited<ReturnType<typeof launchFirefoxWithExtension>>;

let firefox: Firefox;
test.beforeEach(async () => {
  firefox = await launchFirefoxWithExtension({
    prefs: { 'extensions.originControls.grantByDefault': false, 'extensions.webextOptionalPermissionPrompts': false },
  });
});
test.afterEach(async () => {
  await firefox?.close();
});

async function attribute(page: Page, selector: string, name: string): Promise<string | null> {
  return page.$eval(selector, (element, attr) => element.getAttribute(attr as string), name).catch(() => null);
}

async function present(page: Page, selector: string): Promise<boolean> {
  return (await page.$(selector).catch(() => null)) !== null;
}

function firstNumber(text: string): number {
  const match = /\d[\d.]*/.exec(text);
  if (!match) throw new Error(`No number in "${text}"`);
  return Number(match[0].replaceAll('.', ''));
}

test('Firefox, host permissions withheld: the portal gets no content script, the popup and the options page say so, and one click grants them', async () => {
  // Withheld: the portal page loads but the content script does not run (no panel frame, nothing stored).
  const portal = await firefox.portalPage(SEARCH);
  const popup = await firefox.extensionPage('/popup.html');
  await expect.poll(() => attribute(popup, '[data-testid="host-access"]', 'data-state'), { timeout: 10_000 }).toBe('missing');
  expect(await present(popup, '[data-testid="host-access-notice"]')).toBe(true);
  const notice = await popup.$eval('[data-testid="host-access-notice"]', (element) => element.textContent ?? '');
  expect(notice).toContain('dichvucong.kontum.gov.vn');
  await popup.setViewport({ width: 420, height: 600 });
  await popup.screenshot({ path: test.info().outputPath('popup-access-notice.png') });
  // Given the time in which a granted portal shows its panel (well under 3 s here), none came.
  await new Promise((done) => setTimeout(done, 3_000));
  expect(await present(portal, 'iframe[data-mcpl-panel]')).toBe(false);
  expect(firstNumber(await popup.$eval('[data-testid="count-late"]', (element) => element.textContent ?? ''))).toBe(0);

  const options = await firefox.extensionPage('/options.html');
  await expect.poll(() => attribute(options, '[data-testid="host-access"]', 'data-state'), { timeout: 10_000 }).toBe('missing');
  expect(await present(options, '[data-testid="host-access-notice"] [data-testid="host-access-grant"]')).toBe(true);

  // The user's click in the popup asks for the portals; Firefox grants them (no doorhanger in this profile).
  await popup.click('[data-testid="host-access-grant"]');
  await expect.poll(() => attribute(popup, '[data-testid="host-access"]', 'data-state'), { timeout: 10_000 }).toBe('granted');
  expect(await present(popup, '[data-testid="host-access-granted"]')).toBe(true);
  expect(await present(popup, '[data-testid="host-access-notice"]')).toBe(false);
  // The options page follows the grant made elsewhere (permissions.onAdded).
  await expect.poll(() => attribute(options, '[data-testid="host-access"]', 'data-state'), { timeout: 10_000 }).toBe('granted');

  // Loaded again, the portal page gets the content script: the panel lists its late dossiers.
  await portal.goto(SEARCH, { waitUntil: 'load' });
  const late = buildSearchDossiers(vietnamToday())
    .slice(0, 10)
    .filter((dossier: { expected: string }) => dossier.expected.startsWith('late-'));
  await expect.poll(() => present(portal, 'iframe[data-mcpl-panel]'), { timeout: 15_000 }).toBe(true);
  await expect
    .poll(async () => firstNumber((await popup.$eval('[data-testid="count-late"]', (element) => element.textContent ?? '').catch(() => '0')) || '0'), {
      timeout: 15_000,
    })
    .toBe(late.length);
  await portal.close();
  expect(firefox.proxied).toEqual([]);
});

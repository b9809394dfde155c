import type { Page } from '@playwright/test';
import { buildAriaDossiers, buildLegacyDossiers, buildSearchDossiers, vietnamToday } from '../fixtures/portal/dossiers.mjs';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { expect, listedCodes, openPanel, openPopup, panel, panelCount, popupCount, test } from './fixtures';

/**
 * The panel on the demo portal: exactly the late dossiers of the page shown now, in every markup,
 * following client-side paging; nothing on a page without a dossier list.
 */

const url = (key: string) => DEMO_PAGES.find((page) => page.key === key)!.url;

type FixtureDossier = { code: string; expected: string; applicant: string; procedure: string };

function lateCodes(dossiers: FixtureDossier[]): Set<string> {
  return new Set(dossiers.filter((d) => d.expected === 'late-closed' || d.expected === 'late-unclosed').map((d) => d.code));
}

/** The dossier codes the portal's own table shows now, read independently of the extension. */
async function codesOnPortalPage(page: Page, all: FixtureDossier[]): Promise<string[]> {
  const text = await page.locator('table').first().innerText();
  return all.map((d) => d.code).filter((code) => text.includes(code));
}

async function expectPanelMatchesPage(page: Page, all: FixtureDossier[]) {
  const late = lateCodes(all);
  await expect
    .poll(async () => {
      const onPage = await codesOnPortalPage(page, all);
      const expected = onPage.filter((code) => late.has(code)).sort();
      return JSON.stringify({ listed: (await listedCodes(page)).sort(), count: await panelCount(page) }) ===
        JSON.stringify({ listed: expected, count: expected.length })
        ? 'match'
        : JSON.stringify({ listed: (await listedCodes(page)).sort(), expected, count: await panelCount(page) });
    })
    .toBe('match');
}

test('the panel lists exactly the late dossiers of each client-side page of the iGate list', async ({ context, extensionId }) => {
  const all: FixtureDossier[] = buildSearchDossiers(vietnamToday());
  const page = await context.newPage();
  await page.goto(url('search'));
  await expect(panel(page).getByTestId('panel-count')).toBeVisible();
  await openPanel(page);
  await expectPanelMatchesPage(page, all);
  const seen = new Set(await listedCodes(page));

  // Client-side paging rewrites the rows; the count follows the new page, not a running total.
  for (let step = 0; step < 4; step++) {
    const before = await codesOnPortalPage(page, all);
    await page.getByRole('button', { name: 'Trang tiếp theo' }).click();
    await expect.poll(async () => (await codesOnPortalPage(page, all)).join()).not.toBe(before.join());
    await expectPanelMatchesPage(page, all);
    for (const code of await listedCodes(page)) seen.add(code);
  }

  // Every late dossier seen across pages is in the store.
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-late')).toBe(seen.size);
  expect(seen.size).toBeGreaterThan(0);
});

test('page size 50 shows every late dossier; the filter narrows the list by code', async ({ context }) => {
  const all: FixtureDossier[] = buildSearchDossiers(vietnamToday());
  const page = await context.newPage();
  await page.goto(url('search'));
  await openPanel(page);
  await page.getByLabel('Số dòng').selectOption('50');
  await expect.poll(async () => (await codesOnPortalPage(page, all)).length).toBe(all.length);
  await expectPanelMatchesPage(page, all);
  expect(await panelCount(page)).toBe(lateCodes(all).size);

  const target = [...lateCodes(all)][3]!;
  const fragment = target.slice(-9);
  await panel(page).getByTestId('panel-filter').fill(fragment);
  await expect.poll(() => listedCodes(page)).toEqual([target]);
  await panel(page).getByTestId('panel-filter').fill('');
  await expect.poll(async () => (await listedCodes(page)).length).toBe(lateCodes(all).size);
});

test('hostile cell text is shown as text, and the impossible date is reported as unreadable', async ({ context }) => {
  const all: FixtureDossier[] = buildSearchDossiers(vietnamToday());
  const page = await context.newPage();
  await page.goto(url('search'));
  await openPanel(page);
  await page.getByLabel('Số dòng').selectOption('50');
  await expectPanelMatchesPage(page, all);
  const hostile = all.find((d) => d.applicant.includes('<img'))!;
  const row = panel(page).locator(`[data-testid="dossier-row"][data-code="${hostile.code}"]`);
  await expect(row).toContainText('<img src=x onerror="window.__pwned=1">');
  expect(await panel(page).locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const unreadable = panel(page).getByTestId('unreadable');
  await expect(unreadable).toContainText('1');
  await unreadable.locator('summary').click();
  await expect(unreadable).toContainText('31/02/2026');
});

test('ARIA grid markup with other headings and the legacy table are read', async ({ context }) => {
  const page = await context.newPage();
  for (const [key, dossiers] of [
    ['aria', buildAriaDossiers(vietnamToday())],
    ['legacy', buildLegacyDossiers(vietnamToday())],
  ] as const) {
    await page.goto(url(key));
    await openPanel(page);
    const expected = [...lateCodes(dossiers as FixtureDossier[])].sort();
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(async () => (await listedCodes(page)).sort()).toEqual(expected);
    expect(await panelCount(page)).toBe(expected.length);
  }
});

test('a portal page without a dossier list shows no panel and stores nothing', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(url('about'));
  await page.waitForLoadState('load');
  await page.waitForTimeout(1_500);
  await expect(panel(page)).toHaveCount(0);
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-late')).toBe(0);
});

test('the panel remembers whether it was open, across reloads and tabs', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(url('search'));
  const toggle = panel(page).getByTestId('panel-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await openPanel(page);
  await page.reload();
  await expect(panel(page).getByTestId('panel-toggle')).toHaveAttribute('aria-expanded', 'true');
  const other = await context.newPage();
  await other.goto(url('aria'));
  await expect(panel(other).getByTestId('panel-toggle')).toHaveAttribute('aria-expanded', 'true');
  await panel(other).getByTestId('panel-toggle').click();
  await page.reload();
  await expect(panel(page).getByTestId('panel-toggle')).toHaveAttribute('aria-expanded', 'false');
  // Open, the page gets room on the right so the panel never covers the portal's list.
  await openPanel(page);
  const docked = await page.evaluate(() => getComputedStyle(document.documentElement).marginRight);
  expect(parseFloat(docked)).toBeGreaterThanOrEqual(380);
});

test('the panel frame is added only where a list is shown, and none of its scripts runs in the portal page', async ({ context }) => {
  const page = await context.newPage();
  // Every script compiled in the portal page's renderer, the content scripts' isolated world included
  // (the panel's frame is a document of the extension's origin, with its own scripts and target).
  const cdp = await context.newCDPSession(page);
  const scripts: string[] = [];
  cdp.on('Debugger.scriptParsed', (event) => {
    if (event.url.startsWith('chrome-extension://')) scripts.push(event.url.split('/').pop()!);
  });
  await cdp.send('Debugger.enable');

  await page.goto(url('about'));
  await page.waitForLoadState('load');
  await page.waitForTimeout(1_500);
  expect(scripts).toEqual(['content.js']);
  await expect(panel(page)).toHaveCount(0);

  await page.goto(url('search'));
  await expect.poll(() => panelCount(page).catch(() => -1)).toBeGreaterThan(0);
  const count = await panelCount(page);
  expect(scripts).toEqual(['content.js', 'content.js']);
  await expect(page.locator('iframe')).toHaveCount(1);
  expect(page.frames().filter((frame) => frame.url().startsWith('chrome-extension://'))).toHaveLength(1);
  await openPanel(page);
  await expect(panel(page).getByTestId('dossier-row')).toHaveCount(count);
});

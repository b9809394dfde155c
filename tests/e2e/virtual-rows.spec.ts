import type { Page } from '@playwright/test';
import { buildGeneratedDossiers, vietnamToday, type FixtureDossier } from '../fixtures/portal/dossiers.mjs';
import { VIRTUAL_GRID_URL } from '../fixtures/portal/routes.mjs';
import { expect, listedCodes, openPanel, openPopup, panel, panelCount, popupCount, test } from './fixtures';

/**
 * A grid that draws only the rows in view (tests/fixtures/portal/virtual.js: 20 of 300 rows, re-drawn as
 * it scrolls, aria-rowcount and aria-rowindex as ARIA grids give them): the list staff look at is the
 * whole list, so the panel keeps every late dossier scrolled past until the list is re-sorted.
 */

const TOTAL = 300;
const DRAWN = 20;
const ROW_HEIGHT = 30;
const isLate = (d: FixtureDossier) => d.expected === 'late-closed' || d.expected === 'late-unclosed';

function lateAmong(list: FixtureDossier[], from: number, to: number): string[] {
  return list.slice(from, to).filter(isLate).map((d) => d.code);
}

/** The grid's drawn window: the body positions [first, last] of its rows (aria-rowindex - 2). */
async function drawnWindow(page: Page): Promise<[number, number]> {
  return page.evaluate(() => {
    const indexes = [...document.querySelectorAll('.vgrid-window [role="row"]')].map((row) => Number(row.getAttribute('aria-rowindex')) - 2);
    return [Math.min(...indexes), Math.max(...indexes)] as [number, number];
  });
}

async function scrollGridTo(page: Page, row: number) {
  await page.locator('[data-viewport]').evaluate((viewport, top) => {
    viewport.scrollTop = top;
  }, row * ROW_HEIGHT);
}

/**
 * Every late code the panel can list, found through its filter one receipt day at a time (the panel
 * renders a long list in steps; the filter renders every match).
 */
async function everyListedCode(page: Page, codes: string[]): Promise<Set<string>> {
  const filter = panel(page).getByTestId('panel-filter');
  const found = new Set<string>();
  for (const fragment of new Set(codes.map((code) => /-\d{6}-/.exec(code)![0]))) {
    const expected = codes.filter((code) => code.includes(fragment)).sort();
    await filter.fill(fragment);
    await expect.poll(async () => (await listedCodes(page)).sort()).toEqual(expected);
    for (const code of await listedCodes(page)) found.add(code);
  }
  await filter.fill('');
  return found;
}

test('scrolling a grid that draws 20 of 300 rows lists every late dossier, the popup counts them all, nothing is stored twice; a re-sort starts the list again', async ({
  context,
  extensionId,
}) => {
  const all = buildGeneratedDossiers(vietnamToday(), TOTAL);
  const allLate = all.filter(isLate).map((d) => d.code);
  const page = await context.newPage();
  await page.goto(VIRTUAL_GRID_URL);
  await expect(page.locator('html')).toHaveAttribute('data-portal-ready', 'true');
  await openPanel(page);
  // An extension page kept open to ask the store what it holds (a trusted sender, as the popup is).
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/popup.html`);
  const storedCodes = async () =>
    extensionPage.evaluate(async () => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } } }).chrome.runtime;
      const answer = (await runtime.sendMessage({ type: 'dossiers/all' })) as { ok: boolean; dossiers?: { code: string }[] };
      return answer.ok ? answer.dossiers!.map((d) => d.code) : [];
    });

  // The first view: the late dossiers of the 20 rows drawn.
  await expect.poll(async () => (await listedCodes(page)).sort()).toEqual(lateAmong(all, 0, DRAWN).sort());

  // Scroll down with the grid's own viewport, 15 rows at a time: the panel keeps what scrolled out.
  for (let top = 15; top <= TOTAL - DRAWN; top += 15) {
    await scrollGridTo(page, top);
    // The grid re-draws on the next animation frame.
    await expect.poll(async () => (await drawnWindow(page))[0]).toBe(top);
    const [, last] = await drawnWindow(page);
    await expect.poll(() => panelCount(page)).toBe(lateAmong(all, 0, last + 1).length);
    // Every row scrolled into view is read and stored (a window shown for less than the page watcher's
    // quiet time may be skipped, as a person scrolling past it faster than that would see it only blurred).
    await expect.poll(async () => (await storedCodes()).length).toBe(last + 1);
  }
  await scrollGridTo(page, TOTAL);
  await expect.poll(async () => (await drawnWindow(page))[0]).toBe(TOTAL - DRAWN);
  await expect.poll(() => panelCount(page)).toBe(allLate.length);
  expect(allLate.length).toBeGreaterThan(100);
  expect([...(await everyListedCode(page, allLate))].sort()).toEqual([...allLate].sort());

  // The store holds each of the 300 dossiers scrolled past, once.
  await expect.poll(async () => (await storedCodes()).length).toBe(TOTAL);
  expect(new Set(await storedCodes())).toEqual(new Set(all.map((d) => d.code)));

  // Scrolling back up adds nothing and loses nothing.
  await page.bringToFront();
  await scrollGridTo(page, 0);
  await expect.poll(async () => (await drawnWindow(page))[0]).toBe(0);
  await page.waitForTimeout(800);
  expect(await panelCount(page)).toBe(allLate.length);

  // The popup counts every late dossier of the list.
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-late')).toBe(allLate.length);
  expect((await storedCodes()).length).toBe(TOTAL);

  // A re-sort is another list: it starts again with the rows drawn.
  await page.bringToFront();
  await page.getByRole('button', { name: 'Mã hồ sơ' }).click();
  await expect(page.getByRole('columnheader', { name: 'Mã hồ sơ' })).toHaveAttribute('aria-sort', 'ascending');
  const sorted = [...all].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  await expect.poll(async () => (await listedCodes(page)).sort()).toEqual(lateAmong(sorted, 0, DRAWN).sort());
  expect(await panelCount(page)).toBe(lateAmong(sorted, 0, DRAWN).length);
  // And it accumulates again from there: a jump keeps the rows seen before it.
  await scrollGridTo(page, 40);
  const seen = [...lateAmong(sorted, 0, DRAWN), ...lateAmong(sorted, 40, 40 + DRAWN)];
  await expect.poll(() => panelCount(page)).toBe(seen.length);
  expect([...(await everyListedCode(page, seen))].sort()).toEqual(seen.sort());
  await page.screenshot({ path: test.info().outputPath('virtual-grid-panel.png') });
});

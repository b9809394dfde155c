import { buildAriaDossiers, buildSearchDossiers, vietnamToday, type FixtureDossier } from '../fixtures/portal/dossiers.mjs';
import { FRAMED_LIST_URL } from '../fixtures/portal/routes.mjs';
import { expect, listedCodes, openPanel, openPopup, panel, panelCount, popupCount, test } from './fixtures';

/**
 * A portal page whose list is inside a frame of its own origin (tests/fixtures/portal/frame.html: the
 * ARIA list in a frame, beside a frame of another portal host): the one panel, in the top page, lists
 * the framed list's late dossiers and tags them; the frame of another origin is not read.
 */

const lateCodes = (dossiers: FixtureDossier[]) => dossiers.filter((d) => d.expected === 'late-closed' || d.expected === 'late-unclosed').map((d) => d.code);

test('a list inside a same-origin frame is listed by the one panel of the top page, and tagging works', async ({ context, extensionId }) => {
  const today = vietnamToday();
  const late = lateCodes(buildAriaDossiers(today));
  const elsewhere = lateCodes(buildSearchDossiers(today));
  expect(late.length).toBeGreaterThan(0);
  expect(elsewhere.length).toBeGreaterThan(0);

  const page = await context.newPage();
  await page.goto(FRAMED_LIST_URL);
  const listFrame = page.frameLocator('iframe.list.main');
  await expect(listFrame.locator('html')).toHaveAttribute('data-portal-ready', 'true');
  await expect(page.frameLocator('iframe.list.other').locator('html')).toHaveAttribute('data-portal-ready', 'true');
  await openPanel(page);

  await expect.poll(async () => (await listedCodes(page)).sort()).toEqual([...late].sort());
  expect(await panelCount(page)).toBe(late.length);
  // One panel, in the top page: none inside either frame.
  await expect(page.locator('iframe[data-mcpl-panel]')).toHaveCount(1);
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || frame.url().startsWith('chrome-extension://')) continue;
    expect(await frame.locator('iframe[data-mcpl-panel]').count()).toBe(0);
  }

  // Tagging from the top page's panel marks the row inside the frame and is stored.
  const code = late[0]!;
  const target = panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`);
  await target.getByTestId('tag-button').click();
  await expect(target).toHaveAttribute('data-tagged', 'true');
  await expect(listFrame.locator('[role="row"]', { hasText: code }).first()).toHaveAttribute('data-mcpl-state', 'tagged');
  await page.screenshot({ path: test.info().outputPath('framed-list-panel.png') });

  // The store holds the framed list's dossiers and nothing of the other origin's frame.
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-late')).toBe(late.length);
  await expect.poll(() => popupCount(popup, 'count-tagged')).toBe(1);

  // The shortcut pressed with the focus inside the framed list closes and opens the top page's panel.
  await page.bringToFront();
  await listFrame.locator('[role="row"]', { hasText: code }).first().click();
  await page.keyboard.press('Alt+Shift+KeyL');
  await expect(panel(page).getByTestId('panel-toggle')).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Alt+Shift+KeyL');
  await expect(panel(page).getByTestId('panel-toggle')).toHaveAttribute('aria-expanded', 'true');

  // After a reload the tag is still shown.
  await page.reload();
  await expect.poll(async () => (await listedCodes(page)).sort()).toEqual([...late].sort());
  await expect(panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`)).toHaveAttribute('data-tagged', 'true');
});

import { buildGeneratedDossiers, vietnamToday, type FixtureDossier } from '../fixtures/portal/dossiers.mjs';
import { SHADOW_LIST_URL } from '../fixtures/portal/routes.mjs';
import { expect, listedCodes, openPanel, test } from './fixtures';

/**
 * A list drawn by a web component in its open shadow root (tests/fixtures/portal/shadow.js), paged by
 * re-drawing that root: the document itself never changes, so only a watch on the shadow root sees a
 * new page. Each page's late dossiers reach the panel without a reload.
 */

const TOTAL = 40;
const PAGE_SIZE = 10;
const isLate = (d: FixtureDossier) => d.expected === 'late-closed' || d.expected === 'late-unclosed';

test('a list in an open shadow root that pages itself is re-read on every page', async ({ context }) => {
  const all = buildGeneratedDossiers(vietnamToday(), TOTAL);
  const pages = Array.from({ length: TOTAL / PAGE_SIZE }, (_, index) => all.slice(index * PAGE_SIZE, (index + 1) * PAGE_SIZE));
  const page = await context.newPage();
  await page.goto(SHADOW_LIST_URL);
  await expect(page.locator('html')).toHaveAttribute('data-portal-ready', 'true');
  await openPanel(page);
  // The page's list is in the component's shadow root, not in the document.
  expect(await page.evaluate(() => document.querySelectorAll('table').length)).toBe(0);

  for (let index = 0; index < pages.length; index++) {
    if (index > 0) {
      await page.getByRole('button', { name: 'Trang tiếp theo' }).click();
      await expect(page.locator('[data-pager-label]')).toHaveText(`Trang ${index + 1}/${pages.length}`);
    }
    const late = pages[index]!.filter(isLate).map((d) => d.code);
    const shown = new Set(pages[index]!.map((d) => d.code));
    // The panel follows the page staff look at: its late dossiers, and none of another page's.
    await expect.poll(async () => (await listedCodes(page)).sort(), { timeout: 10_000 }).toEqual(late.sort());
    expect((await listedCodes(page)).every((code) => shown.has(code))).toBe(true);
  }
  // The fixture gives the later pages late dossiers of their own, so the test sees the re-reads.
  expect(pages.slice(1).some((rows) => rows.some(isLate))).toBe(true);
});

import { mkdirSync } from 'node:fs';
import { READER_PATTERN_PAGES } from '../fixtures/portal/routes.mjs';
import { expect, listedCodes, openPanel, openPopup, panel, popupCount, test } from './fixtures';

/**
 * The reader on hand-written pages with the markup of real systems (tests/fixtures/portal/): the OpenCPS
 * list whose headings hold a tooltip and a sort icon's ligature name, the composite late list
 * ("Thông tin hồ sơ", an overdue-days column, no code or date column), and the register with two header
 * rows. Each page opens with the panel, which lists exactly the late dossiers; a screenshot of each is
 * saved under tests/artifacts/reader-patterns/.
 */

const SHOTS = 'tests/artifacts/reader-patterns';

const CASES = [
  { name: 'opencps', url: READER_PATTERN_PAGES.opencps, late: ['000.00.23.H34-240311-0001', '000.00.23.H34-240312-0003'] },
  {
    name: 'late-list',
    url: READER_PATTERN_PAGES.lateList,
    late: ['000.17.22.H56-240312-0001', 'H56.14-240823-0001', '000.17.22.H56-240901-0007'],
  },
  { name: 'register', url: READER_PATTERN_PAGES.register, late: ['000.17.22.H56-240312-0001', '000.17.22.H56-240313-0003'] },
] as const;

for (const { name, url, late } of CASES) {
  test(`${name}: the panel lists exactly the late dossiers and the popup counts them`, async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 800 });
    await page.goto(url);
    await openPanel(page);
    await expect.poll(async () => (await listedCodes(page)).sort()).toEqual([...late].sort());
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/${name}.png` });

    const popup = await openPopup(context, extensionId);
    await expect.poll(() => popupCount(popup, 'count-late')).toBe(late.length);
  });
}

test('late list: a dossier read with the portal verdict alone shows an empty appointment and can be tagged', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(READER_PATTERN_PAGES.lateList);
  await openPanel(page);
  const row = panel(page).locator('[data-testid="dossier-row"][data-code="000.17.22.H56-240901-0007"]');
  await expect(row).toBeVisible();
  await expect(row).toContainText('Chưa kết thúc');
  // No appointment, so no "late by" either; the appointment of the row above is shown.
  await expect(row).not.toContainText('Hẹn trả');
  await expect(row.getByTestId('late-by')).toHaveCount(0);
  await expect(panel(page).locator('[data-testid="dossier-row"][data-code="000.17.22.H56-240312-0001"]')).toContainText('Hẹn trả 15/03/2024 17:00');
  await row.getByTestId('tag-button').click();
  await expect(row).toHaveAttribute('data-tagged', 'true');
});

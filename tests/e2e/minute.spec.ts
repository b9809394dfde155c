import { buildSameDayDossiers, type SameDayKey } from '../fixtures/portal/dossiers.mjs';
import { SAME_DAY_URL } from '../fixtures/portal/routes.mjs';
import { expect, listedCodes, openPanel, openPopup, panel, popupCount, test } from './fixtures';

/**
 * Lateness to the minute on the demo portal's same-day list, whose times are relative to the moment the
 * page is served (tests/fixtures/portal/dossiers.mjs, buildSameDayDossiers), so that it holds at any hour.
 */

const codeOf = (key: SameDayKey) => buildSameDayDossiers().find((d) => d.key === key)!.code;

test('a dossier closed 40 minutes after its 17:00 appointment and one open past its time today are listed and counted late', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(SAME_DAY_URL);
  await openPanel(page);
  // The row whose status says "Đã quá hạn" is listed too (the portal's own verdict); the look-alike is not.
  const late = [codeOf('closedLate'), codeOf('openPast'), codeOf('portalSaysLate')].sort();
  await expect.poll(async () => (await listedCodes(page)).sort()).toEqual(late);
  const closedLate = panel(page).locator(`[data-testid="dossier-row"][data-code="${codeOf('closedLate')}"]`);
  await expect(closedLate).toContainText('Kết thúc muộn');
  const openPast = panel(page).locator(`[data-testid="dossier-row"][data-code="${codeOf('openPast')}"]`);
  await expect(openPast).toContainText('Chưa kết thúc');

  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-late')).toBe(3);
});

test('a row whose portal text says "Đã quá hạn" while its dates alone would not is listed and marked for checking', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SAME_DAY_URL);
  await openPanel(page);
  const flagged = panel(page).locator(`[data-testid="dossier-row"][data-code="${codeOf('portalSaysLate')}"]`);
  await expect(flagged).toBeVisible();
  await expect(flagged).toContainText('Chưa kết thúc');
  const check = flagged.getByTestId('verdict-check');
  await expect(check).toBeVisible();
  await expect(check).toContainText('cổng ghi trễ hạn');
  await expect(check).toContainText('theo ngày giờ thì không trễ hạn');
  // The rows whose verdict and dates agree carry no mark.
  for (const key of ['closedLate', 'openPast'] as const) {
    await expect(panel(page).locator(`[data-testid="dossier-row"][data-code="${codeOf(key)}"]`).getByTestId('verdict-check')).toHaveCount(0);
  }
  // "Quá hạn bổ sung" is not the dossier's lateness.
  expect(await listedCodes(page)).not.toContain(codeOf('supplementLookAlike'));
});

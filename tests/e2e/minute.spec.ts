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
  const late = [codeOf('closedLate'), codeOf('openPast')].sort();
  await expect.poll(async () => (await listedCodes(page)).sort()).toEqual(late);
  const closedLate = panel(page).locator(`[data-testid="dossier-row"][data-code="${codeOf('closedLate')}"]`);
  await expect(closedLate).toContainText('Kết thúc muộn');
  const openPast = panel(page).locator(`[data-testid="dossier-row"][data-code="${codeOf('openPast')}"]`);
  await expect(openPast).toContainText('Chưa kết thúc');

  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-late')).toBe(2);
});

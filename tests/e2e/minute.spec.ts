import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
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
  await expect(closedLate.getByTestId('late-by')).toHaveText('trễ 40 phút');
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

test('the dossier closed 40 minutes late is tagged "Đúng hạn" in one click and exported with both times', async ({ context, extensionId }) => {
  const dossier = buildSameDayDossiers().find((d) => d.key === 'closedLate')!;
  const page = await context.newPage();
  await page.goto(SAME_DAY_URL);
  await openPanel(page);
  const target = panel(page).locator(`[data-testid="dossier-row"][data-code="${dossier.code}"]`);
  await expect(target).toBeVisible();
  // The return day starts at the appointment day, and its time at the appointment's time.
  await expect(target.getByTestId('real-return-date')).toHaveValue(dossier.due.day);
  await expect(target.getByTestId('real-return-time')).toHaveValue('17:00');
  await target.getByTestId('tag-button').click();
  await expect(target).toHaveAttribute('data-tagged', 'true');
  await expect(target).toContainText('Đúng hạn');

  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-appendix')).toBe(1);
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-csv').click()]);
  const text = readFileSync((await download.path())!).toString('utf8').slice(1);
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.slice(1);
  expect(rows).toHaveLength(1);
  const [day, month, year] = [dossier.due.day.slice(8, 10), dossier.due.day.slice(5, 7), dossier.due.day.slice(0, 4)];
  expect(rows[0]![1]).toBe(dossier.code);
  expect(rows[0]![6]).toBe(`${day}/${month}/${year} 17:00`);
  expect(rows[0]![7]).toBe(`${day}/${month}/${year} 17:40`);
  expect(rows[0]![8]).toBe('Kết thúc muộn');
  expect(rows[0]![9]).toBe(`${day}/${month}/${year} 17:00`);
  expect(rows[0]![10]).toBe('Đúng hạn');
});

test('a return typed after the appointment minute on its day is really late', async ({ context }) => {
  const dossier = buildSameDayDossiers().find((d) => d.key === 'closedLate')!;
  const page = await context.newPage();
  await page.goto(SAME_DAY_URL);
  await openPanel(page);
  const target = panel(page).locator(`[data-testid="dossier-row"][data-code="${dossier.code}"]`);
  await target.getByTestId('real-return-time').fill('17:30');
  await target.getByTestId('tag-button').click();
  await expect(target).toHaveAttribute('data-tagged', 'true');
  await expect(target).toContainText('Quá hạn');
  await expect(target).toContainText('17:30');
});

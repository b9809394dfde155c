import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { buildCompositeDossiers, buildUnknownHeadingDossiers } from '../fixtures/portal/unknown-headings.mjs';
import { COMPOSITE_LABEL_URL, UNKNOWN_HEADINGS_URLS } from '../fixtures/portal/routes.mjs';
import { vietnamToday } from '../fixtures/portal/dossiers.mjs';
import { expect, listedCodes, openPanel, panel, test } from './fixtures';

/**
 * Pointing at columns: a list whose code and appointment headings ("Mã HS", "Thời hạn KQ") no synonym
 * knows is explained in the panel; staff click each heading on the page and choose its field in the
 * panel's frame; the list is then read, and stays read after a reload and on another record's address.
 */

const [URL_A, URL_B] = UNKNOWN_HEADINGS_URLS as [string, string];
const ARTIFACTS = 'tests/artifacts/pointing';

const lateCodes = () =>
  buildUnknownHeadingDossiers(vietnamToday())
    .filter((d) => d.late)
    .map((d) => d.code)
    .sort();

/** A real mouse click at the middle of the page's heading cell (the outline drawn over it takes it). */
async function clickHeading(page: Page, text: string) {
  const box = await page.locator('th', { hasText: text }).boundingBox();
  if (!box) throw new Error(`No heading ${text}`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function mapHeading(page: Page, text: string, field: string) {
  await clickHeading(page, text);
  const frame = panel(page);
  await expect(frame.getByTestId('pointed-heading')).toContainText(text);
  await frame.getByTestId('map-field-select').selectOption(field);
  await frame.getByTestId('map-save').click();
}

async function storedMappings(context: BrowserContext, extensionId: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

test('unknown headings are explained; two headings mapped by clicking are read, after a reload, on another record and in options', async ({
  context,
  extensionId,
}) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const late = lateCodes();
  expect(late.length).toBeGreaterThan(0);
  const page = await context.newPage();
  await page.goto(URL_A);
  await openPanel(page);
  const frame = panel(page);

  // The explanation: the table, the headings seen, what is missing.
  const table = frame.getByTestId('unmapped-table');
  await expect(table).toHaveCount(1);
  await expect(table.getByTestId('unmapped-headings')).toContainText('“Mã HS”');
  await expect(table.getByTestId('unmapped-headings')).toContainText('“Thời hạn KQ”');
  // The codes are found inside the rows (real codes); the appointment is what is missing.
  await expect(table.getByTestId('unmapped-missing')).toContainText('Ngày hẹn trả');
  expect(await listedCodes(page)).toEqual([]);
  await page.screenshot({ path: `${ARTIFACTS}/explained.png` });

  await table.getByTestId('map-columns').click();
  await expect(frame.getByTestId('pointing')).toBeVisible();
  await mapHeading(page, 'Mã HS', 'code');
  await expect(frame.getByTestId('map-message')).toContainText('Mã hồ sơ');
  // One of two: still not a list, the appointment still missing.
  await expect(table.getByTestId('unmapped-missing')).toContainText('Ngày hẹn trả');
  expect(await listedCodes(page)).toEqual([]);
  await clickHeading(page, 'Thời hạn KQ');
  await expect(frame.getByTestId('pointed-heading')).toContainText('Thời hạn KQ');
  await page.screenshot({ path: `${ARTIFACTS}/pointing.png` });
  await frame.getByTestId('map-field-select').selectOption('due');
  await frame.getByTestId('map-save').click();

  // The list is read: the panel lists exactly the late dossiers of the fixture data.
  await expect.poll(async () => (await listedCodes(page)).sort()).toEqual(late);
  await expect(frame.getByTestId('unmapped-table')).toHaveCount(0);
  // The clicks on the headings went to the outline, not to the portal's own sort handler.
  expect(await page.evaluate(() => (window as unknown as { __sorted?: number }).__sorted)).toBeUndefined();
  await page.screenshot({ path: `${ARTIFACTS}/read.png` });

  await page.reload();
  await openPanel(page);
  await expect.poll(async () => (await listedCodes(page)).sort()).toEqual(late);
  await page.goto(URL_B);
  await openPanel(page);
  await expect.poll(async () => (await listedCodes(page)).sort()).toEqual(late);

  const options = await storedMappings(context, extensionId);
  const entry = options.getByTestId('mapping-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toHaveAttribute('data-origin', 'https://dichvucong.kontum.gov.vn');
  await expect(entry).toHaveAttribute('data-pattern', '/vi/dossier/processing/*');
  await expect(entry.locator('[data-testid="mapping-item"][data-key="mã hs"]')).toHaveAttribute('data-field', 'code');
  await expect(entry.locator('[data-testid="mapping-item"][data-key="thời hạn kq"]')).toHaveAttribute('data-field', 'due');
  await options.screenshot({ path: `${ARTIFACTS}/options.png`, fullPage: true });

  // Deleting the mapping in options: the page is no longer read.
  await entry.getByTestId('mapping-remove').click();
  await expect(options.getByTestId('mappings-empty')).toBeVisible();
  await page.bringToFront();
  await expect(panel(page).getByTestId('unmapped-table')).toHaveCount(1);
  expect(await listedCodes(page)).toEqual([]);
});

test('a page script clicking the headings and the outlines cannot propose a heading, choose a field or save a mapping', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(URL_A);
  await openPanel(page);
  const frame = panel(page);
  await frame.getByTestId('map-columns').click();
  await expect(frame.getByTestId('pointing')).toBeVisible();

  // The page's own scripts: .click() on every heading, and on whatever element sits over each one
  // (the outline's host), plus synthetic mouse events.
  const pressed = await page.evaluate(() => {
    let count = 0;
    for (const th of document.querySelectorAll('th')) {
      th.click();
      const rect = th.getBoundingClientRect();
      const over = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      if (over && over !== th) {
        (over as HTMLElement).click();
        over.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: rect.left + 2, clientY: rect.top + 2 }));
        count++;
      }
    }
    return count;
  });
  expect(pressed).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  await expect(frame.getByTestId('pointed-heading')).toHaveCount(0);
  await expect(frame.getByTestId('map-save')).toHaveCount(0);
  // The panel's document is not the page's: the page cannot reach its select or its save button.
  expect(await page.evaluate(() => document.querySelectorAll('[data-testid="map-save"], [data-testid="map-field-select"]').length)).toBe(0);
  const frameReadable = await page.evaluate(() => {
    const iframe = document.querySelector('iframe[data-mcpl-panel]') as HTMLIFrameElement | null;
    try {
      return iframe?.contentDocument !== null && iframe?.contentDocument !== undefined;
    } catch {
      return false;
    }
  });
  expect(frameReadable).toBe(false);

  const options = await storedMappings(context, extensionId);
  await expect(options.getByTestId('mappings-empty')).toBeVisible();
  await expect(options.getByTestId('mapping-entry')).toHaveCount(0);
});

test('a labelled value inside a composite cell is mapped from the panel: "hạn chót" is the appointment, and the list is read', async ({ context }) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const late = buildCompositeDossiers(vietnamToday())
    .filter((d) => d.late)
    .map((d) => d.code)
    .sort();
  expect(late.length).toBeGreaterThan(0);
  const page = await context.newPage();
  await page.goto(COMPOSITE_LABEL_URL);
  await openPanel(page);
  const frame = panel(page);
  const table = frame.getByTestId('unmapped-table');
  await expect(table.getByTestId('unmapped-missing')).toContainText('Ngày hẹn trả');
  await table.locator('details.mcpl-labels summary').click();
  const item = table.locator('[data-testid="labelled-value"][data-label="hạn chót"]');
  await expect(item).toContainText('17:00');
  await page.screenshot({ path: `${ARTIFACTS}/labels.png` });
  await item.getByTestId('map-label-select').selectOption('due');
  await item.getByTestId('map-label-save').click();
  await expect.poll(async () => (await listedCodes(page)).sort()).toEqual(late);
  await page.reload();
  await openPanel(page);
  await expect.poll(async () => (await listedCodes(page)).sort()).toEqual(late);
});

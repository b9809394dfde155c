import type { Page } from '@playwright/test';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { expect, listedCodes, openPopup, panel, popupCount, test } from './fixtures';

/** The panel and the popup from the keyboard alone: open, filter, tag with Enter, close with Esc, export. */

const SEARCH = DEMO_PAGES.find((page) => page.key === 'search')!.url;

/** The frame of the extension's own page inside the portal page (the panel), if any. */
function extensionFrame(page: Page) {
  return page.frames().find((frame) => frame !== page.mainFrame() && frame.url().startsWith('chrome-extension://'));
}

/** The data-testid (or tag name) of the focused element, looking inside the panel's frame when it has focus. */
async function focused(page: Page): Promise<string> {
  const describe = () => {
    const element = document.activeElement;
    return element?.getAttribute('data-testid') ?? element?.tagName.toLowerCase() ?? '';
  };
  const top = await page.evaluate(describe);
  const frame = extensionFrame(page);
  return top === 'iframe' && frame ? frame.evaluate(describe) : top;
}

async function tabUntil(page: Page, testId: string, limit = 40) {
  for (let step = 0; step < limit; step++) {
    if ((await focused(page)) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Focus never reached ${testId}; it is on ${await focused(page)}`);
}

test('a dossier is tagged and the appendix exported without the mouse', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(SEARCH);
  await expect(panel(page).getByTestId('panel-count')).toBeVisible();
  // The shortcut opens the panel and puts focus in the filter.
  await page.keyboard.press('Alt+Shift+KeyL');
  await expect(panel(page).getByTestId('panel-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(() => focused(page)).toBe('panel-filter');
  const [code] = await listedCodes(page);
  await page.keyboard.type(code!.slice(-6));
  await expect.poll(() => listedCodes(page)).toEqual([code]);

  // Tab to the row's date input; Enter saves.
  await tabUntil(page, 'real-return-date');
  // Focus is visible: the focused control draws an outline.
  const outline = await extensionFrame(page)!.evaluate(() => {
    const element = document.activeElement;
    return element ? getComputedStyle(element).outlineStyle : '';
  });
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  const row = panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`);
  await expect(row).toHaveAttribute('data-tagged', 'true');

  // Esc closes the panel and gives focus back to the toggle.
  await page.keyboard.press('Escape');
  await expect(panel(page).getByTestId('panel-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(() => focused(page)).toBe('panel-toggle');

  // The popup: Tab to the export button, Enter downloads.
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-appendix')).toBe(1);
  await tabUntil(popup, 'export-csv');
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^phu-luc-ho-so-tre-han-\d{8}\.csv$/);
});

test('controls have accessible names', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SEARCH);
  await expect(panel(page).getByTestId('panel-count')).toBeVisible();
  await page.keyboard.press('Alt+Shift+KeyL');
  await expect(panel(page).getByTestId('dossier-row').first()).toBeVisible();
  const [code] = await listedCodes(page);
  await expect(panel(page).getByLabel(`Ngày trả kết quả thực tế của ${code}`)).toBeVisible();
  await expect(panel(page).getByRole('searchbox', { name: 'Lọc theo mã hồ sơ' })).toBeVisible();
  await expect(panel(page).getByRole('button', { name: /Đóng bảng/ })).toBeVisible();
  await expect(panel(page).getByRole('checkbox', { name: `Chọn hồ sơ ${code}` })).toBeVisible();
});

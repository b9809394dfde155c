import { test as base, expect, type BrowserContext, type FrameLocator, type Page, type Locator } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { launchWithExtension } from '../support/browser.mjs';

/**
 * Fixtures: a Chromium with the production build loaded and the portal routes installed, the
 * extension's id, and page helpers. On failure every open page is saved as a screenshot and as HTML
 * in the test's output folder (tests/artifacts/e2e/<test>/).
 */
type Extension = Awaited<ReturnType<typeof launchWithExtension>>;

export const test = base.extend<{ extension: Extension; context: BrowserContext; extensionId: string }>({
  extension: async ({}, use, testInfo) => {
    const extension = await launchWithExtension();
    await openPagesInWindows(extension.context);
    await use(extension);
    if (testInfo.status !== testInfo.expectedStatus) await saveArtifacts(extension.context, testInfo.outputPath.bind(testInfo));
    await extension.close();
  },
  context: async ({ extension }, use) => use(extension.context),
  extensionId: async ({ extension }, use) => use(extension.extensionId),
});

export { expect };

/**
 * Every new page of the context opens in a window of its own, as if the user had it in front. The
 * browser does not route input into a frame of a background tab (it draws nothing there to hit-test),
 * and the panel is such a frame: a test that works in two tabs at once needs both in view.
 */
async function openPagesInWindows(context: BrowserContext) {
  const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
  context.newPage = async () => {
    const [page] = await Promise.all([
      context.waitForEvent('page'),
      cdp.send('Target.createTarget', { url: 'about:blank', newWindow: true }),
    ]);
    return page;
  };
}

export async function saveArtifacts(context: BrowserContext, outputPath: (...parts: string[]) => string) {
  let index = 0;
  for (const page of context.pages()) {
    index++;
    try {
      await page.screenshot({ path: outputPath(`page-${index}.png`), fullPage: false });
      writeFileSync(outputPath(`page-${index}.html`), await page.content());
    } catch {
      // A closed or crashed page has nothing to save.
    }
  }
}

/**
 * The panel: the body of the document in the page's frame whose address is the extension's (the
 * content script's `<iframe>` of panel.html). None when the page has no such frame.
 */
export function panel(page: Page): Locator {
  return panelFrame(page).locator('body');
}

/** The panel's frame, as a frame locator (re-resolved on each use, so a re-mounted frame is found). */
export function panelFrame(page: Page): FrameLocator {
  return page.locator('iframe[src^="chrome-extension://"]').contentFrame();
}

/** The count the panel shows now (the first number of `panel-count`). */
export async function panelCount(page: Page): Promise<number> {
  const text = await panel(page).getByTestId('panel-count').textContent();
  return firstNumber(text ?? '');
}

export function firstNumber(text: string): number {
  const match = /\d[\d.]*/.exec(text);
  if (!match) throw new Error(`No number in "${text}"`);
  return Number(match[0].replaceAll('.', ''));
}

export async function openPanel(page: Page) {
  const toggle = panel(page).getByTestId('panel-toggle');
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

/** The codes of the rows the panel lists now. */
export async function listedCodes(page: Page): Promise<string[]> {
  return panel(page)
    .getByTestId('dossier-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code') ?? ''));
}

export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

export async function popupCount(popup: Page, testId: 'count-late' | 'count-tagged' | 'count-appendix'): Promise<number> {
  return firstNumber((await popup.getByTestId(testId).textContent()) ?? '');
}

/**
 * Sends protocol requests from an extension page (a trusted sender), the same path the popup uses;
 * returns the parsed responses. For seeding the store in tests without clicking through the portal.
 */
export async function sendFromExtensionPage(context: BrowserContext, extensionId: string, messages: unknown[]): Promise<unknown[]> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return await page.evaluate(async (list) => {
      const results: unknown[] = [];
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } } }).chrome.runtime;
      for (const message of list) results.push(await runtime.sendMessage(message));
      return results;
    }, messages);
  } finally {
    await page.close();
  }
}

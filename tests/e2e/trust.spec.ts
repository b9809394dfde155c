import type { Page } from '@playwright/test';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { expect, listedCodes, openPanel, openPopup, panel, panelCount, popupCount, sendFromExtensionPage, test } from './fixtures';

/**
 * The trust boundary between the portal page and the panel: a page script can neither read the panel,
 * press it, hear what is typed in it, stop the extension with WXT's start event, toggle it with a
 * synthetic shortcut, nor get rid of it by removing its frame.
 */

const SEARCH = DEMO_PAGES.find((page) => page.key === 'search')!.url;
const SECRET = 'BÍ-MẬT-GHI-CHÚ-7731';

function row(page: Page, code: string) {
  return panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`);
}

function isoInVietnam(offsetDays: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

async function openSearch(page: Page) {
  await page.goto(SEARCH);
  await openPanel(page);
  await expect(panel(page).getByTestId('dossier-row').first()).toBeVisible();
}

/** Everything a page script can reach: its DOM, open shadow roots, frames' documents, inputs' values. */
async function whatThePageSees(page: Page): Promise<{ text: string; errors: string[] }> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const errors: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      parts.push(root instanceof Document ? root.documentElement.outerHTML : root.innerHTML);
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) parts.push(element.value);
        if (element instanceof HTMLIFrameElement) {
          const inner = element.contentDocument;
          if (inner) visit(inner);
        }
      }
    };
    visit(document);
    for (let index = 0; index < window.frames.length; index++) {
      try {
        visit(window.frames[index]!.document);
      } catch (error) {
        errors.push((error as Error).name);
      }
    }
    return { text: parts.join('\n'), errors };
  });
}

test('a page script reads nothing of the panel: not through shadow roots, the frame element, nor window.frames', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openSearch(page);
  const [code] = await listedCodes(page);
  await sendFromExtensionPage(context, extensionId, [
    { type: 'tag/set', code, input: { realReturn: isoInVietnam(0), reason: SECRET, note: SECRET } },
  ]);
  await expect(row(page, code!)).toHaveAttribute('data-tagged', 'true');
  // The panel holds the secret (the row's details show the note)...
  await row(page, code!).locator('summary').click();
  await expect(row(page, code!).locator('.mcpl-details input[type="text"]').last()).toHaveValue(SECRET);
  // ...and the page reaches none of it: the frame is another origin's document.
  const seen = await whatThePageSees(page);
  expect(seen.text).not.toContain(SECRET);
  expect(seen.text).not.toContain('data-testid="dossier-row"');
  expect(seen.errors).toContain('SecurityError');
  // The frame's address the page sees is not the extension's fixed one (nothing to fingerprint).
  const src = await page.evaluate(() => document.querySelector('iframe')?.src ?? '');
  expect(src).toMatch(/^chrome-extension:\/\//);
  expect(src).not.toContain(extensionId);
});

test('a page script presses nothing: setting the date, clicking the tag button, synthetic events', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openSearch(page);
  const codes = await listedCodes(page);
  const outcome = await page.evaluate(() => {
    const reached: string[] = [];
    const roots: (Document | ShadowRoot)[] = [document];
    for (const element of document.querySelectorAll('*')) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
      if (element instanceof HTMLIFrameElement && element.contentDocument) roots.push(element.contentDocument);
    }
    for (const root of roots) {
      for (const input of root.querySelectorAll<HTMLInputElement>('[data-testid="real-return-date"]')) {
        input.value = '2020-01-02';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        reached.push('date');
      }
      for (const button of root.querySelectorAll<HTMLButtonElement>('[data-testid="tag-button"], [data-testid="bulk-tag-button"]')) {
        button.click();
        reached.push('button');
      }
    }
    // Synthetic clicks and keys at the frame element itself: Enter, Space, a click in its middle.
    const frame = document.querySelector('iframe');
    if (frame) {
      const box = frame.getBoundingClientRect();
      for (const type of ['mousedown', 'mouseup', 'click']) {
        frame.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: box.x + box.width / 2, clientY: box.y + 200 }));
      }
      for (const key of ['Enter', ' ']) frame.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }
    return reached;
  });
  expect(outcome).toEqual([]);
  await page.waitForTimeout(1_000);
  for (const code of codes) await expect(row(page, code)).not.toHaveAttribute('data-tagged', 'true');
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-late')).toBe(codes.length);
  expect(await popupCount(popup, 'count-tagged')).toBe(0);
});

test('a page script hears no key typed in the panel, even with capture-phase listeners', async ({ context }) => {
  const page = await context.newPage();
  await openSearch(page);
  await page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { __keys: string[] }).__keys = log;
    const record = (event: Event) => {
      const key = (event as KeyboardEvent).key ?? (event as InputEvent).data ?? '';
      log.push(`${event.type}:${key}`);
    };
    for (const target of [window, document]) {
      for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'compositionend']) {
        target.addEventListener(type, record, true);
        target.addEventListener(type, record, false);
      }
    }
  });
  const [code] = await listedCodes(page);
  const filter = panel(page).getByTestId('panel-filter');
  await filter.click();
  await page.keyboard.type('H34-2611');
  await expect(filter).toHaveValue('H34-2611');
  await filter.fill('');
  const target = row(page, code!);
  await target.locator('summary').click();
  const note = target.locator('.mcpl-details input[type="text"]').last();
  await note.click();
  await page.keyboard.type('ghi chu mat');
  await expect(note).toHaveValue('ghi chu mat');
  expect(await page.evaluate(() => (window as unknown as { __keys: string[] }).__keys)).toEqual([]);
});

test("a page replaying WXT's start event with the extension id stops nothing", async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openSearch(page);
  const before = await listedCodes(page);
  await page.evaluate((id) => {
    for (const entrypoint of ['content', 'panel']) {
      const type = `${id}:${entrypoint}:wxt:content-script-started`;
      for (const contentScriptName of ['content', 'panel']) {
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName, messageId: 'forged' } }));
        window.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName, messageId: 'forged' } }));
        window.postMessage({ type, contentScriptName, messageId: 'forged' }, '*');
      }
    }
  }, extensionId);
  // The content script still follows the page: client-side paging changes the list the panel shows...
  await page.getByRole('button', { name: 'Trang tiếp theo' }).click();
  await expect.poll(async () => (await listedCodes(page)).join()).not.toBe(before.join());
  // ...the frame is still put back if removed, and tagging still marks the portal's row.
  const [code] = await listedCodes(page);
  await row(page, code!).getByTestId('tag-button').click();
  await expect(row(page, code!)).toHaveAttribute('data-tagged', 'true');
  await expect(page.locator('tr', { hasText: code! }).first()).toHaveAttribute('data-mcpl-state', 'tagged');
});

test('a synthetic Alt+Shift+L from the page does not toggle the panel; the real key does', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(SEARCH);
  const toggle = panel(page).getByTestId('panel-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  // One synthetic key at a time (two would toggle twice and look like none), from where a page would.
  for (const target of ['body', 'document', 'window'] as const) {
    await page.evaluate((where) => {
      const event = new KeyboardEvent('keydown', { key: 'L', code: 'KeyL', altKey: true, shiftKey: true, bubbles: true });
      (where === 'body' ? document.body : where === 'document' ? document : window).dispatchEvent(event);
    }, target);
    await page.waitForTimeout(500);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  }
  await page.keyboard.press('Alt+Shift+KeyL');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
});

test('the page removing the panel frame gets it back, working', async ({ context }) => {
  const page = await context.newPage();
  await openSearch(page);
  const count = await panelCount(page);
  for (let round = 0; round < 3; round++) {
    await page.evaluate(() => {
      for (const frame of document.querySelectorAll('iframe')) frame.remove();
    });
    await expect.poll(() => panelCount(page).catch(() => -1)).toBe(count);
  }
  await expect(page.locator('iframe')).toHaveCount(1);
  const [code] = await listedCodes(page);
  await row(page, code!).getByTestId('tag-button').click();
  await expect(row(page, code!)).toHaveAttribute('data-tagged', 'true');
});

test('the same portal over plain http gets no panel and stores nothing: the built-in hosts are https only', async ({ context, extensionId }) => {
  // A network attacker who blocks 443 and answers http at the portal's name serves this page (the test
  // browser does not upgrade http to https: tests/support/browser.mjs).
  const ARIA = DEMO_PAGES.find((demo) => demo.key === 'aria')!.url;
  const page = await context.newPage();
  await page.goto(ARIA.replace('https://', 'http://'));
  expect(page.url()).toMatch(/^http:\/\//);
  await expect(page.getByRole('grid').or(page.getByRole('table')).first()).toBeVisible();
  // The list of another portal page over https gets its panel; give the http page that time, and more.
  const https = await context.newPage();
  await openSearch(https);
  await page.waitForTimeout(1_000);
  expect(await page.locator('iframe[data-mcpl-panel]').count()).toBe(0);
  expect(await page.locator('[data-mcpl-state]').count()).toBe(0);
  // What is stored came from the https page alone: the popup counts what that page lists.
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-late')).toBe(await panelCount(https));
});

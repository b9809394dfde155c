/**
 * Screenshots of the portal page with the panel closed and open (and the toggle focused from the
 * keyboard), at a desktop and a small laptop size, into tests/artifacts/ (git-ignored):
 *
 *   npx wxt build && node tests/support/panel-screenshots.mjs
 */
import { mkdirSync } from 'node:fs';
import { launchWithExtension } from './browser.mjs';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';

const SEARCH = DEMO_PAGES.find((page) => page.key === 'search').url;
const OUT = 'tests/artifacts';
mkdirSync(OUT, { recursive: true });

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1024, height: 640 },
]) {
  const ext = await launchWithExtension({ viewport });
  try {
    const page = await ext.context.newPage();
    await page.goto(SEARCH);
    const panel = page.locator('iframe[src^="chrome-extension://"]').contentFrame();
    const toggle = panel.getByTestId('panel-toggle');
    await toggle.waitFor();
    const name = (state) => `${OUT}/panel-${state}-${viewport.width}.png`;
    await page.screenshot({ path: name('closed') });
    await toggle.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    await page.screenshot({ path: name('closed-focus') });
    await toggle.click();
    await panel.getByTestId('dossier-row').first().waitFor();
    await page.getByLabel('Số dòng').selectOption('50');
    await page.waitForTimeout(1_000);
    await page.screenshot({ path: name('open') });
    await panel.getByTestId('panel-filter').focus();
    await page.keyboard.press('Tab');
    await page.screenshot({ path: name('open-focus') });
    await page.mouse.move(viewport.width - 150, viewport.height / 2);
    await page.mouse.wheel(0, 2_000);
    await page.waitForTimeout(300);
    await page.screenshot({ path: name('open-scrolled') });
  } finally {
    await ext.close();
  }
}
console.log(`screenshots in ${OUT}/`);

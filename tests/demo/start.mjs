#!/usr/bin/env node
/**
 * Demo launcher.
 *   node tests/demo/start.mjs          → headed Chromium with the built extension on the demo home page
 *   node tests/demo/start.mjs --shot   → headless screenshots into tests/artifacts/demo/
 * Options: --extension <dir> (default .output/chrome-mv3, or EXTENSION_DIR).
 * The fixture portal is served at the real portal URLs by Playwright routing; nothing reaches a network.
 */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { launchWithExtension } from '../support/browser.mjs';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';

const argv = process.argv.slice(2);
const shot = argv.includes('--shot');
const extIndex = argv.indexOf('--extension');
const extensionDir = extIndex >= 0 && argv[extIndex + 1] ? argv[extIndex + 1] : process.env.EXTENSION_DIR || '.output/chrome-mv3';
const ARTIFACTS = resolve('tests/artifacts/demo');
const pageUrl = (key) => DEMO_PAGES.find((p) => p.key === key).url;

function fail(message) {
  console.error(`demo: ${message}`);
  process.exit(1);
}

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function openPanel(page) {
  // The content script adds the panel's frame (an extension page); give it time to read the table,
  // then open the panel inside that frame.
  await page.waitForTimeout(1500);
  const panel = page.locator('iframe[src^="chrome-extension://"]').contentFrame();
  const count = panel.locator('[data-testid=panel-count]').first();
  await count.waitFor({ state: 'attached', timeout: 5000 }).catch(() => {
    console.warn('demo: the extension panel (data-testid=panel-count) did not appear; taking the screenshot anyway.');
  });
  const toggle = panel.locator('[data-testid=panel-toggle]').first();
  if ((await toggle.count()) === 0) return;
  // Open only when closed: an open panel shows its late-dossier rows or filter box.
  const open =
    (await panel.locator('[data-testid=panel-filter]').first().isVisible().catch(() => false)) ||
    (await panel.locator('[data-testid=dossier-row]').first().isVisible().catch(() => false));
  const expanded = await toggle.getAttribute('aria-expanded').catch(() => null);
  if (expanded === 'true' || (expanded === null && open)) return;
  await toggle.click({ timeout: 3000 }).catch(() => {});
  await page.waitForTimeout(500);
}

async function takeShots() {
  const started = Date.now();
  const watchdog = setTimeout(() => fail('gave up after 60 s (browser or extension hung).'), 60000);
  watchdog.unref();
  mkdirSync(ARTIFACTS, { recursive: true });
  const session = await launchWithExtension({ extensionDir, headless: true, viewport: { width: 1440, height: 900 } });
  const files = [];
  try {
    const { context, extensionId } = session;
    const page = await context.newPage();
    page.on('pageerror', (e) => console.warn(`demo: page error: ${e.message}`));

    await page.goto(pageUrl('search'), { waitUntil: 'load' });
    await page.locator('table[mat-table] tbody tr').first().waitFor({ timeout: 10000 });
    await openPanel(page);
    files.push(join(ARTIFACTS, 'portal-panel.png'));
    await page.screenshot({ path: files.at(-1) });

    await page.goto(pageUrl('aria'), { waitUntil: 'load' });
    await page.locator('[role=grid] [role=row]').nth(1).waitFor({ timeout: 10000 });
    await openPanel(page);
    files.push(join(ARTIFACTS, 'aria-page.png'));
    await page.screenshot({ path: files.at(-1) });

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    const response = await popup.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'load' });
    if (response && !response.ok()) throw new Error(`popup.html answered ${response.status()}`);
    await popup.waitForTimeout(800);
    files.push(join(ARTIFACTS, 'popup.png'));
    await popup.screenshot({ path: files.at(-1) });
  } finally {
    await session.close();
  }
  for (const f of files) console.log(relative(process.cwd(), f));
  console.log(`demo: ${files.length} screenshots in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function openHeaded() {
  const session = await launchWithExtension({ extensionDir, headless: false, viewport: null, args: ['--start-maximized'] });
  const { context } = session;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(pageUrl('home'));
  console.log('demo: Chromium is open on the demo portal (https://dichvucong.kontum.gov.vn/). Close the window or press Ctrl+C to stop.');
  const stop = async () => {
    await session.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  context.on('close', () => process.exit(0));
}

try {
  if (shot) await takeShots();
  else if (!hasDisplay()) {
    console.log('demo: no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window can open; run `npm run demo:shot` to get screenshots instead.');
    process.exit(0);
  } else await openHeaded();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

/**
 * Shared browser launcher for the demo, the end-to-end tests and the benchmark: the system Chromium
 * with the built extension loaded, and the fixture portal served at the real portal URLs.
 *
 *   const { context, extensionId, close } = await launchWithExtension();
 */
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, accessSync, constants } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { installPortalRoutes } from '../fixtures/portal/routes.mjs';

const CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Path of a Chromium binary: CHROME_PATH first, then the usual Debian / Chrome locations. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to "${fromEnv}" but no executable browser is there; fix CHROME_PATH or unset it.`);
  }
  for (const path of CANDIDATES) if (isExecutable(path)) return path;
  throw new Error(
    'No Chromium found: install it with `apt-get install -y chromium` (Debian/Ubuntu) or set CHROME_PATH to a Chromium or Chrome binary.',
  );
}

/** Flags for a headless Chromium in a closed network: nothing of its own reaches for the internet. */
export const QUIET_CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // HttpsUpgrades: Chromium would try https first for an http address and fall back to http only when
  // https fails to connect; the routed fixture portal answers both, so tests that load a portal over
  // plain http (an attacker's page) turn the upgrade off rather than fake a failed connection.
  '--disable-features=MediaRouter,OptimizationHints,Translate,HttpsUpgrades',
  '--lang=vi-VN',
]);

/** Flags for loading an unpacked extension in a closed network (the test machines have no network). */
export function chromiumArgs(extensionDir) {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...QUIET_CHROMIUM_ARGS];
}

/** The id Chromium gives an unpacked extension: sha256 of its absolute path, first 32 hex digits as a–p. */
export function unpackedExtensionId(extensionDir) {
  const hex = createHash('sha256').update(realpathSync(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

function idFromUrl(url) {
  const m = /^chrome-extension:\/\/([a-p]{32})\//.exec(url);
  return m ? m[1] : null;
}

/**
 * Launches Chromium with the unpacked extension and the fixture portal routes.
 * @param {object} [options]
 * @param {string} [options.extensionDir='.output/chrome-mv3'] the unpacked build (relative to cwd)
 * @param {boolean} [options.headless=true]
 * @param {string} [options.userDataDir] a profile directory; a temporary one (removed on close) when absent
 * @param {{width:number,height:number}|null} [options.viewport={width:1440,height:900}] null = window size
 * @param {boolean} [options.routes=true] install installPortalRoutes on the context
 * @param {string} [options.today] yyyy-MM-dd for server-rendered fixture pages (default: today in Vietnam)
 * @param {number} [options.timeout=15000] how long to wait for the extension's service worker
 * @param {string[]} [options.args] extra Chromium flags
 * @returns {Promise<{context: import('playwright-core').BrowserContext, extensionId: string,
 *   userDataDir: string, blocked: string[], serviceWorker: import('playwright-core').Worker|null,
 *   close: () => Promise<void>}>}
 */
export async function launchWithExtension({
  extensionDir = '.output/chrome-mv3',
  headless = true,
  userDataDir,
  viewport = { width: 1440, height: 900 },
  routes = true,
  today,
  timeout = 15000,
  args = [],
} = {}) {
  const dir = resolve(extensionDir);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No extension build at ${dir} (manifest.json missing): run npm run build first.`);
  }
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${manifestPath}: ${error.message}`);
  }
  const executablePath = findChromium();

  const tempProfile = !userDataDir;
  const profile = userDataDir ? resolve(userDataDir) : mkdtempSync(join(tmpdir(), 'motcua-chromium-'));
  const cleanup = () => {
    if (tempProfile) rmSync(profile, { recursive: true, force: true });
  };

  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless,
      args: [...chromiumArgs(dir), ...args],
      viewport,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      acceptDownloads: true,
    });
  } catch (error) {
    cleanup();
    throw new Error(`Chromium (${executablePath}) failed to start: ${error.message.split('\n')[0]}`);
  }

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => {});
    cleanup();
  };

  try {
    const portal = routes ? await installPortalRoutes(context, { today }) : { blocked: [] };

    let serviceWorker = null;
    let extensionId = null;
    if (manifest.background?.service_worker) {
      const expected = unpackedExtensionId(dir);
      serviceWorker =
        context.serviceWorkers().find((w) => idFromUrl(w.url()) === expected) ??
        context.serviceWorkers().find((w) => idFromUrl(w.url())) ??
        null;
      if (!serviceWorker) {
        serviceWorker = await context
          .waitForEvent('serviceworker', { predicate: (w) => idFromUrl(w.url()) !== null, timeout })
          .catch(() => null);
      }
      if (!serviceWorker) {
        throw new Error(
          `The extension in ${dir} did not start its service worker within ${timeout} ms (check the build and chrome://extensions errors).`,
        );
      }
      extensionId = idFromUrl(serviceWorker.url());
    } else {
      // No background entrypoint → no service worker to read the id from; Chromium derives it from the path.
      extensionId = unpackedExtensionId(dir);
    }

    return { context, extensionId, userDataDir: profile, blocked: portal.blocked, serviceWorker, close };
  } catch (error) {
    await close();
    throw error;
  }
}

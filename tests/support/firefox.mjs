/**
 * Firefox with the extension's Firefox build installed, for the Firefox end-to-end suite.
 *
 * Playwright's own Firefox cannot load extensions, so this drives Debian's `firefox-esr` with
 * puppeteer-core over WebDriver BiDi:
 * - the unpacked build is installed as a temporary add-on (`browser.installExtension`);
 * - the add-on's internal UUID is fixed by a preference, so extension pages have a known address
 *   (`moz-extension://<uuid>/popup.html`); BiDi only navigates to such addresses when the browser is
 *   started with `--remote-allow-system-access`;
 * - portal pages are answered from the fixture portal by request interception, at the real portal URLs;
 * - every request that is not intercepted goes to a proxy on loopback that refuses it and writes it down.
 *   Firefox's own background services are pointed at nothing, so what that proxy sees was asked for by
 *   the extension (the background has no page to intercept): the "no request of its own" check.
 *
 *   const firefox = await launchFirefoxWithExtension();
 *   const page = await firefox.portalPage(url);
 */
import http from 'node:http';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { isPortalUrl, resolvePortalRequest } from '../fixtures/portal/routes.mjs';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox'];

/** The add-on's internal UUID in the test profile (any valid v4 UUID would do). */
export const FIREFOX_EXTENSION_UUID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    accessSync(fromEnv, constants.X_OK);
    return fromEnv;
  }
  for (const path of CANDIDATES) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // try the next one
    }
  }
  throw new Error('No Firefox found: install it with `apt-get install -y firefox-esr` or set FIREFOX_PATH.');
}

/** A proxy on loopback that answers every request with 403 and remembers it. */
async function startRefusingProxy() {
  const seen = [];
  const server = http.createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    response.writeHead(403);
    response.end();
  });
  server.on('connect', (request, socket) => {
    seen.push(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { seen, port: server.address().port, close: () => new Promise((done) => server.close(done)) };
}

/**
 * @param {object} [options]
 * @param {string} [options.extensionDir='.output/firefox-mv3']
 * @param {string} [options.today] yyyy-MM-dd for server-rendered fixture pages
 * @param {Record<string, string | number | boolean>} [options.prefs] more Firefox preferences (a test's
 *   own situation, e.g. host permissions withheld at install)
 * @param {Record<string, string>} [options.portalAliases] more hosts to serve the fixture portal at, each
 *   mapped to the built-in host whose pages it answers with (an extra portal added in options, say)
 */
export async function launchFirefoxWithExtension({ extensionDir = '.output/firefox-mv3', today, prefs = {}, portalAliases = {} } = {}) {
  const dir = resolve(extensionDir);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No Firefox build at ${dir}: run npm run build:firefox first.`);
  const geckoId = JSON.parse(readFileSync(manifestPath, 'utf8')).browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);

  const proxy = await startRefusingProxy();
  const downloads = mkdtempSync(join(tmpdir(), 'motcua-firefox-downloads-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
      args: ['--remote-allow-system-access'],
      // MOZ_REMOTE_SETTINGS_DEVTOOLS lets the profile point remote settings at nothing (below).
      env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh', MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
        'intl.locale.requested': 'vi',
        // Downloads go straight to a folder of the test's, without a dialog.
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        // Firefox's own background fetches go nowhere, so that the proxy only hears the extension.
        'services.settings.server': 'data:,#remote-settings-dummy/v1',
        'network.connectivity-service.enabled': false,
        'network.captive-portal-service.enabled': false,
        'browser.safebrowsing.update.enabled': false,
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.allow_hijacking_localhost': true,
        'network.proxy.no_proxies_on': '',
        ...prefs,
      },
    });
  } catch (error) {
    await proxy.close();
    rmSync(downloads, { recursive: true, force: true });
    throw new Error(`Firefox failed to start: ${String(error?.message ?? error).split('\n')[0]}`);
  }

  const blocked = [];
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await browser.close().catch(() => {});
    await proxy.close();
    rmSync(downloads, { recursive: true, force: true });
  };

  try {
    await browser.installExtension(dir);
  } catch (error) {
    await close();
    throw error;
  }

  /** The URL on the built-in host that a URL on an alias host stands for (else the URL itself). */
  function fixtureUrl(url) {
    try {
      const parsed = new URL(url);
      const host = Object.hasOwn(portalAliases, parsed.hostname) ? portalAliases[parsed.hostname] : undefined;
      if (!host || !/^https?:$/.test(parsed.protocol)) return url;
      parsed.hostname = host;
      return parsed.href;
    } catch {
      return url;
    }
  }

  /** Answers portal URLs from the fixtures and refuses every other web request of the page. */
  async function servePortal(page) {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = fixtureUrl(request.url());
      if (isPortalUrl(url)) {
        const answer = resolvePortalRequest(url, { today });
        void request.respond({ status: answer.status, contentType: answer.contentType, body: answer.body }).catch(() => {});
      } else if (/^(https?|wss?):/.test(url)) {
        blocked.push(url);
        void request.abort('blockedbyclient').catch(() => {});
      } else {
        void request.continue().catch(() => {});
      }
    });
  }

  return {
    browser,
    geckoId,
    extensionOrigin: origin,
    blocked,
    /** The folder Firefox saves downloads in (emptied with the profile on close). */
    downloads,
    /** Requests that reached the refusing proxy (none should: the extension sends nothing). */
    proxied: proxy.seen,
    /** A new tab on a portal URL (built-in or alias host) served from the fixtures. */
    async portalPage(url) {
      const page = await browser.newPage();
      await servePortal(page);
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    /**
     * A new tab on one of the extension's pages (`/popup.html`). Firefox loads an extension page in
     * another process, which Puppeteer reports as a detached frame: wait for the document instead.
     */
    async extensionPage(path) {
      const page = await browser.newPage();
      // Not awaited: the navigation's own promise only settles at its timeout once the frame has moved.
      void page.goto(`${origin}${path}`).catch(() => {});
      // Polled by hand: an evaluation that lands while the tab moves to the extension's process fails
      // with a protocol error (seen as "right-hand side of 'in' should be an object"), which
      // waitForFunction does not retry.
      const deadline = Date.now() + 15_000;
      for (;;) {
        const ready = await page
          .evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete' && document.body?.childElementCount > 0)
          .catch(() => false);
        if (ready) return page;
        if (Date.now() > deadline) throw new Error(`The extension page ${path} did not load within 15 s`);
        await new Promise((done) => setTimeout(done, 100));
      }
    },
    close,
  };
}

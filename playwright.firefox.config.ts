import { defineConfig } from '@playwright/test';

// The Firefox end-to-end suite: Playwright's runner, but the browser is Debian's firefox-esr driven by
// puppeteer-core over WebDriver BiDi (tests/support/firefox.mjs), because Playwright's own Firefox
// cannot load extensions. It tests the Firefox build, .output/firefox-mv3.
export default defineConfig({
  testDir: 'tests/firefox',
  outputDir: 'tests/artifacts/firefox',
  timeout: 90_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
});

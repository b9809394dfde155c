import { defineConfig } from '@playwright/test';

// End-to-end tests drive the production build (.output/chrome-mv3) in the system Chromium on the
// fixture portal served at the real portal URLs. Each test launches its own persistent context
// (tests/e2e/fixtures.ts); failure artifacts land in tests/artifacts/e2e/.
export default defineConfig({
  testDir: 'tests/e2e',
  // The grid fixture pages are bundled from the real grid libraries once per run (fast when up to date).
  globalSetup: './tests/fixtures/grids/global-setup.mjs',
  outputDir: 'tests/artifacts/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
});

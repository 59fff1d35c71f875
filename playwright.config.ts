import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/harness/browser';

// End-to-end tests drive the built renderer (npm run build first) in Debian's Chromium. The Electron smoke
// test runs only where an Electron binary is installed and says why when it is skipped.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/harness/globalSetup.ts',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    viewport: { width: 1360, height: 860 },
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});

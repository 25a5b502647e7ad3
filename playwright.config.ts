import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Device keys of the tests' workspaces (and of the CLI processes they start) in a folder of their own, never among
// the developer's keys in the app-data folder (electron/core/trust/key-store.ts).
process.env.RELEASE_DESK_KEY_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-e2e-keys-'));

/** The machine's Debian Chromium when there is one (no browser downloads here), else Playwright's own. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  // Playwright empties its output folder at start: keep it apart from the unit runner's report and the screenshots.
  outputDir: 'test-results/playwright-artifacts',
  workers: 1,
  retries: 0,
  // list for people reading the log; json for scripts/test-summary.mjs, which prints the closing pass/fail line.
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    timezoneId: 'Europe/Berlin',
    locale: 'en-GB',
    launchOptions: {
      executablePath: fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});

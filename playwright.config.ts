import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// The end-to-end tests drive browser mode (node build/src/web.js) over a fresh, empty data folder,
// so the first screen is always the setup wizard. Workers load this file again; they inherit the
// folder through the environment instead of making another one.
const dataDir = (process.env.BALCAO_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'balcao-e2e-')));
// BALCAO_E2E_PORT lets two checkouts run their end-to-end tests side by side.
const port = process.env.BALCAO_E2E_PORT ?? '5190';
const baseURL = `http://127.0.0.1:${port}`;
const launchOptions = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
};

export default defineConfig({
  testDir: 'testes/e2e',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions,
  },
  // One server and one database for the whole run: the foundation spec starts from the empty data
  // folder (its first step is the setup wizard), so its project is declared, and runs, first.
  projects: [
    {
      name: 'foundation',
      testMatch: /foundation\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      name: 'chromium',
      testIgnore: /foundation\.spec\.ts$/,
      // The device's viewport and user agent, with Debian's Chromium instead of a downloaded one.
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
  webServer: {
    command: 'node build/src/web.js',
    // The shop network on 127.0.0.2 (standing for the shop's Wi-Fi), on the next port: see shop-devices.spec.ts.
    env: { BALCAO_DATA_DIR: dataDir, BALCAO_PORT: port, BALCAO_SHOP_INTERFACES: 'lan-e2e=127.0.0.2', BALCAO_SHOP_PORT: String(Number(port) + 1) },
    url: `${baseURL}/api/contract`,
    reuseExistingServer: false,
    timeout: 60_000,
    stderr: 'pipe',
  },
});

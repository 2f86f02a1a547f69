import { defineConfig, devices } from '@playwright/test';
import { nxE2EPreset } from '@nx/playwright/preset';
import { workspaceRoot } from '@nx/devkit';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The browser tests drive Debian's Chromium (no browser download) against the production build,
 * started as `npm start` starts it but on a throwaway data folder.
 */
const port = Number(process.env['E2E_PORT'] ?? 4310);
const baseURL = `http://127.0.0.1:${port}`;
// One throwaway folder per port, emptied when a run starts (by the runner only: workers load this
// file too, and find the folder already handed down through the environment).
if (!process.env['PROVDASH_E2E_HOME']) {
  const home = join(tmpdir(), `provdash-browser-${port}`);
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  process.env['PROVDASH_E2E_HOME'] = home;
}
const dataDir = join(process.env['PROVDASH_E2E_HOME'], 'postgres');

const chromium = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  ...nxE2EPreset(import.meta.dirname, { testDir: './src' }),
  retries: 0,
  use: { baseURL, trace: 'retain-on-failure', locale: 'th-TH' },
  webServer: {
    command: 'node dist/apps/api/main.js',
    cwd: workspaceRoot,
    url: `${baseURL}/api/health`,
    // Training option: province 96 (Narathiwat) starts without a plan, for the plan-builder journey.
    env: { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', DEMO_PROVINCES_WITHOUT_PLAN: '96' },
    reuseExistingServer: false,
    timeout: 120_000,
    // SIGTERM lets the API stop its embedded PostgreSQL; a kill would orphan it.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions: chromium } },
    // Governors read the dashboard on phones.
    // The year journey builds Narathiwat's plan once, the agreement journey Khon Kaen's next-year agreement;
    // each opens its own phone-sized pages for the phone's steps; Ubon Ratchathani's round is submitted and frozen once.
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], launchOptions: chromium },
      testIgnore: /(year-journey|agreement-journey|agreement-proposal|agreement-evaluation)\.spec\.ts/,
    },
  ],
});

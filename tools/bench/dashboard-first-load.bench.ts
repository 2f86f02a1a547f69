/**
 * The dashboard's first load in headless Chromium (Debian's, as the browser tests use it): a new
 * browser context each time (nothing cached), the production build served by the API (its own
 * process) on the national dataset. For the province view and the comparison view: the time from
 * navigation to the frame that draws the first KPI row, and the JavaScript transferred. The floor,
 * in the same browser and run: a bare page on the same origin that fetches the same JSON the view
 * shows and draws one plain element per row, no framework.
 *
 *   npm run bench -- dashboard-first-load      (BENCH_FIRST_LOAD_RUNS=7)
 *
 * Builds the dashboard (`npx nx build dashboard`) if dist/apps/dashboard is missing, and serves a
 * copy of it, so a rebuild running beside the benchmark cannot change what it measures.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { throwawayDir } from '../../apps/api/src/database/embedded-postgres';
import { NATIONAL_AS_OF, NATIONAL_LATEST_FY } from '../dataset/national-dataset';
import { KPI, PROVINCE } from './reads';
import { nationalDataset, record, round, startServer, stopServer } from './support';

const RUNS = Number(process.env['BENCH_FIRST_LOAD_RUNS'] ?? 7);
const DIST = resolve('dist/apps/dashboard/browser');
/** As apps/dashboard-e2e/playwright.config.mts launches it. */
const CHROMIUM = {
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
const when = `fy=${NATIONAL_LATEST_FY}&asOf=${NATIONAL_AS_OF}`;
const apiWhen = `fiscalYear=${NATIONAL_LATEST_FY}&asOf=${NATIONAL_AS_OF}`;

interface View {
  name: string;
  path: string;
  /** The element that is "a KPI drawn". */
  selector: string;
  expectedRows: number;
  /** The JSON the view shows, and where its rows are in it: what the floor page fetches and draws. */
  api: string;
  rowsKey: string;
}

const VIEWS: View[] = [
  {
    name: 'province view',
    path: `/province/${PROVINCE}?${when}`,
    selector: '[data-testid="kpi-row"]',
    expectedRows: 62,
    api: `/api/org-units/${PROVINCE}/scorecard?${apiWhen}`,
    rowsKey: 'kpis',
  },
  {
    name: 'comparison view',
    path: `/compare?kpi=${KPI}&${when}`,
    selector: '[data-testid="ranking-row"]',
    expectedRows: 77,
    api: `/api/compare/kpis/${KPI}?${apiWhen}`,
    rowsKey: 'rows',
  },
];

/** Marks the frame after the first matching element enters the DOM (rAF, then the task after the paint). */
const observer = (selector: string) => `(() => {
  const seen = () => {
    if (window.__firstDrawn !== undefined || !document.querySelector(${JSON.stringify(selector)})) return false;
    window.__firstDrawn = null;
    requestAnimationFrame(() => setTimeout(() => { window.__firstDrawn = performance.now(); }, 0));
    return true;
  };
  const watch = new MutationObserver(() => { if (seen()) watch.disconnect(); });
  watch.observe(document, { childList: true, subtree: true });
})()`;

const floorPage = (view: View) => `<!doctype html><html><head><meta charset="utf-8"></head><body><main></main><script>
fetch(${JSON.stringify(view.api)}).then((r) => r.json()).then((data) => {
  const main = document.querySelector('main');
  for (const row of data[${JSON.stringify(view.rowsKey)}]) {
    const div = document.createElement('div');
    div.setAttribute('data-bench-row', '');
    div.textContent = row.nameTh + ' ' + (row.actual ?? '') + ' ' + row.status;
    main.appendChild(div);
  }
});
</script></body></html>`;

interface Load {
  firstDrawnMs: number;
  rows: number;
  js: { files: string[]; transferred: number; beforeFirstDrawn: number };
  apiCalls: number;
}

async function loadOnce(
  browser: Browser,
  base: string,
  path: string,
  selector: string,
  floorHtml?: string,
): Promise<Load> {
  const context = await browser.newContext({ locale: 'th-TH', viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    if (floorHtml)
      await page.route(`${base}/bench-floor.html`, (route) =>
        route.fulfill({ contentType: 'text/html', body: floorHtml }),
      );
    await page.addInitScript(observer(selector));
    await page.goto(base + path, { waitUntil: 'commit' });
    // Functions (serialised, so self-contained), not strings: the API's Content-Security-Policy forbids
    // evaluating strings in the page.
    type Marked = { __firstDrawn?: number | null };
    await page.waitForFunction(() => typeof (globalThis as Marked).__firstDrawn === 'number', null, {
      timeout: 60_000,
    });
    const firstDrawnMs = (await page.evaluate(() => (globalThis as Marked).__firstDrawn)) as number;
    await page.waitForLoadState('networkidle');
    const rows = await page.locator(selector).count();
    const entries = await page.evaluate(() =>
      (
        globalThis.performance.getEntriesByType('resource') as unknown as {
          name: string;
          transferSize: number;
          responseEnd: number;
        }[]
      ).map((e) => ({ name: e.name, size: e.transferSize, end: e.responseEnd })),
    );
    const js = entries.filter((e) => new URL(e.name).pathname.endsWith('.js'));
    return {
      firstDrawnMs,
      rows,
      js: {
        files: js.map((e) => new URL(e.name).pathname),
        transferred: js.reduce((a, e) => a + e.size, 0),
        beforeFirstDrawn: js.filter((e) => e.end <= firstDrawnMs).reduce((a, e) => a + e.size, 0),
      },
      apiCalls: entries.filter((e) => new URL(e.name).pathname.startsWith('/api/')).length,
    };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function ensureBuilt(): number | null {
  if (existsSync(join(DIST, 'index.html'))) return null;
  console.log('dist/apps/dashboard is missing: npx nx build dashboard…');
  const started = performance.now();
  const built = spawnSync('npx', ['nx', 'build', 'dashboard', '--output-style=static'], { stdio: 'inherit' });
  if (built.status !== 0 || !existsSync(join(DIST, 'index.html'))) throw new Error('npx nx build dashboard failed');
  return round((performance.now() - started) / 1000, 0);
}

export default async (): Promise<void> => {
  const buildSeconds = ensureBuilt();
  const ds = await nationalDataset(10);
  const copy = throwawayDir('provdash-bench-dashboard-');
  cpSync(DIST, copy, { recursive: true });
  const server = await startServer(['api', ds.databaseUrl], { BENCH_DASHBOARD_DIR: copy });
  const browser = await chromium.launch(CHROMIUM);
  const results = [];
  try {
    for (const view of VIEWS) {
      // One load first: the server's first answers (file reads, a cold statement cache) are not a reader's first load.
      await loadOnce(browser, server.url, view.path, view.selector);
      const loads: Load[] = [];
      const floors: Load[] = [];
      for (let i = 0; i < RUNS; i++) {
        loads.push(await loadOnce(browser, server.url, view.path, view.selector));
        floors.push(await loadOnce(browser, server.url, '/bench-floor.html', '[data-bench-row]', floorPage(view)));
      }
      const last = loads[loads.length - 1];
      if (last.rows !== view.expectedRows)
        throw new Error(`${view.name}: ${last.rows} rows drawn, ${view.expectedRows} expected`);
      const gzip = last.js.files.reduce((a, f) => a + gzipSync(readFileSync(join(copy, f)), { level: 5 }).length, 0);
      results.push({
        view: view.name,
        path: view.path,
        runs: RUNS,
        firstDrawnMs: {
          median: round(median(loads.map((l) => l.firstDrawnMs)), 0),
          max: round(Math.max(...loads.map((l) => l.firstDrawnMs)), 0),
        },
        floorMs: {
          median: round(median(floors.map((l) => l.firstDrawnMs)), 0),
          max: round(Math.max(...floors.map((l) => l.firstDrawnMs)), 0),
        },
        jsFiles: last.js.files.length,
        jsKiB: round(last.js.transferred / 1024, 0),
        jsBeforeFirstDrawnKiB: round(last.js.beforeFirstDrawn / 1024, 0),
        /** What the nginx of docker/ (gzip_comp_level 5) would send instead: the API serves files uncompressed. */
        jsGzipKiB: round(gzip / 1024, 0),
        apiCalls: last.apiCalls,
        rows: last.rows,
      });
    }
  } finally {
    await browser.close();
    await stopServer(server);
    rmSync(copy, { recursive: true, force: true });
  }

  console.log(`\nmedian of ${RUNS} cold loads each (new browser context), Chromium headless, 1280×800`);
  console.log(
    '\n| view | first KPI drawn ms (median / max) | floor ms (median / max) | JS files | JS KiB transferred | of which before the first KPI | gzip-5 KiB | API calls |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results) {
    console.log(
      `| ${r.view} | ${r.firstDrawnMs.median} / ${r.firstDrawnMs.max} | ${r.floorMs.median} / ${r.floorMs.max} | ${r.jsFiles} | ${r.jsKiB} | ${r.jsBeforeFirstDrawnKiB} | ${r.jsGzipKiB} | ${r.apiCalls} |`,
    );
  }
  record('dashboard-first-load', { chromium: CHROMIUM.executablePath, buildSeconds, views: results });
};

/**
 * The dashboard's first load on a provincial phone (issue 23), in headless Chromium (Debian's, as the
 * browser tests use it) throttled to a mid-range phone on slow 4G: 1.6 Mbit/s down, 150 ms round
 * trip, 4× CPU slowdown (CDP Network.emulateNetworkConditions and Emulation.setCPUThrottlingRate),
 * a Pixel 7's screen. The production build is served by the API (its own process, precompressed
 * files) on the national dataset. For the province view, the national overview and the comparison:
 * the time from navigation to the frame that draws the first KPI, cold (a new browser context:
 * nothing cached) and on a repeat visit (the same context again: the HTTP cache warm), the
 * JavaScript transferred and the API requests sent before the first KPI. The floor, in the same
 * browser, throttling and run: a bare page on the same origin that fetches the JSON the view shows
 * and draws one plain element per row, no framework.
 *
 * And from the build itself (dist/apps/dashboard/browser, brotli as served): the initial JavaScript
 * (what every screen loads first) and each screen's own, i.e. its route's chunks with everything they
 * import; chunks a screen imports only on demand (the spreadsheet export, the map's layout engine)
 * are listed apart.
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
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { readBuiltModules } from '../../apps/api/src/common/route-preloads';
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

/** A mid-range phone on slow 4G (the issue's goals are measured on it). */
export const PHONE = {
  downloadKbps: 1600,
  uploadKbps: 750,
  rttMs: 150,
  cpuSlowdown: 4,
  viewport: { width: 412, height: 915 },
};

/** The issue's goals. */
export const FIRST_LOAD_GOALS = {
  coldMs: 2500,
  repeatMs: 1000,
  initialJsKiB: 170,
  screenJsKiB: 350,
};

interface View {
  name: string;
  path: string;
  /** The element that is "a KPI drawn". */
  selector: string;
  /** Rows drawn once everything has come in (null: not counted). */
  expectedRows: number | null;
  /** The JSON the view shows, and where its rows are in it: what the floor page fetches and draws. */
  api: string;
  rowsKey: string;
  /** Whether the issue sets this view a first-paint goal. */
  goal: boolean;
}

const VIEWS: View[] = [
  {
    name: 'province view',
    path: `/province/${PROVINCE}?${when}`,
    selector: '[data-testid="kpi-row"]',
    expectedRows: 62,
    api: `/api/org-units/${PROVINCE}/scorecard?${apiWhen}`,
    rowsKey: 'kpis',
    goal: true,
  },
  {
    name: 'national overview',
    path: `/?${when}`,
    selector: '[data-testid="cluster-status"]',
    expectedRows: null,
    api: `/api/compare/clusters?${apiWhen}`,
    rowsKey: 'clusters',
    goal: true,
  },
  {
    name: 'comparison view',
    path: `/compare?kpi=${KPI}&${when}`,
    selector: '[data-testid="ranking-row"]',
    expectedRows: 77,
    api: `/api/compare/kpis/${KPI}?${apiWhen}`,
    rowsKey: 'rows',
    goal: false,
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
    div.textContent = (row.nameTh ?? '') + ' ' + (row.actual ?? '') + ' ' + (row.status ?? '');
    main.appendChild(div);
  }
});
</script></body></html>`;

interface Load {
  firstDrawnMs: number;
  rows: number;
  js: { files: string[]; transferred: number; beforeFirstDrawn: number };
  apiCalls: number;
  apiBeforeFirstDrawn: string[];
}

async function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    locale: 'th-TH',
    viewport: PHONE.viewport,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2.625,
  });
}

/** One navigation in `context`, throttled as the phone; cold or not is the context's cache. */
async function loadIn(
  context: BrowserContext,
  base: string,
  path: string,
  selector: string,
  floorHtml?: string,
): Promise<Load> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PHONE.rttMs,
      downloadThroughput: (PHONE.downloadKbps * 1000) / 8,
      uploadThroughput: (PHONE.uploadKbps * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
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
      timeout: 120_000,
    });
    const firstDrawnMs = (await page.evaluate(() => (globalThis as Marked).__firstDrawn)) as number;
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    const rows = await page.locator(selector).count();
    const entries = await page.evaluate(() =>
      (
        globalThis.performance.getEntriesByType('resource') as unknown as {
          name: string;
          transferSize: number;
          startTime: number;
          responseEnd: number;
        }[]
      ).map((e) => ({ name: e.name, size: e.transferSize, start: e.startTime, end: e.responseEnd })),
    );
    const js = entries.filter((e) => new URL(e.name).pathname.endsWith('.js'));
    const api = entries.filter((e) => new URL(e.name).pathname.startsWith('/api/'));
    return {
      firstDrawnMs,
      rows,
      js: {
        files: js.map((e) => new URL(e.name).pathname),
        transferred: js.reduce((a, e) => a + e.size, 0),
        beforeFirstDrawn: js.filter((e) => e.end <= firstDrawnMs).reduce((a, e) => a + e.size, 0),
      },
      apiCalls: api.length,
      apiBeforeFirstDrawn: api.filter((e) => e.start <= firstDrawnMs).map((e) => new URL(e.name).pathname),
    };
  } finally {
    await page.close();
  }
}

/** A first visit: a new context, nothing cached. */
async function cold(browser: Browser, base: string, path: string, selector: string, floorHtml?: string) {
  const context = await phoneContext(browser);
  try {
    return await loadIn(context, base, path, selector, floorHtml);
  } finally {
    await context.close();
  }
}

/** A repeat visit: the page once, then again in the same context (its HTTP cache warm). */
async function repeat(browser: Browser, base: string, path: string, selector: string, floorHtml?: string) {
  const context = await phoneContext(browser);
  try {
    await loadIn(context, base, path, selector, floorHtml);
    return await loadIn(context, base, path, selector, floorHtml);
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = (xs: number[]) => ({ median: round(median(xs), 0), max: round(Math.max(...xs), 0) });

function ensureBuilt(): number | null {
  if (existsSync(join(DIST, 'index.html'))) return null;
  console.log('dist/apps/dashboard is missing: npx nx build dashboard…');
  const started = performance.now();
  const built = spawnSync('npx', ['nx', 'build', 'dashboard', '--output-style=static'], { stdio: 'inherit' });
  if (built.status !== 0 || !existsSync(join(DIST, 'index.html'))) throw new Error('npx nx build dashboard failed');
  return round((performance.now() - started) / 1000, 0);
}

/** A chunk's size as the API sends it: its brotli copy (made at build time), else brotli made here. */
function brotliSize(dir: string, file: string): number {
  const br = join(dir, `${file}.br`);
  if (existsSync(br)) return readFileSync(br).length;
  return brotliCompressSync(readFileSync(join(dir, file)), {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  }).length;
}

export interface BuildJs {
  initialKiB: number;
  initialFiles: number;
  /** Each lazy route's own chunks (what it imports statically, beyond the initial ones), largest first. */
  screens: { entry: string; kiB: number; files: number; withInitialKiB: number }[];
  /** Chunks only ever imported on demand from inside a screen (an export, a layout engine). */
  onDemand: { file: string; kiB: number }[];
}

/**
 * The build's JavaScript by what loads it: the initial chunks (main and what it imports), each
 * screen's, and the on-demand ones, from the import statements of the emitted ES modules. A screen
 * is a chunk the router loads (`loadChildren` / `loadComponent: () => import(...)`, at any depth);
 * what it needs is its static closure plus that of the route chunks above it.
 */
export function buildJs(dir: string): BuildJs {
  const built = readBuiltModules(dir);
  const sizes = new Map(built.files.map((f) => [f, brotliSize(dir, f)]));
  const kib = (set: Iterable<string>) => round([...set].reduce((a, f) => a + (sizes.get(f) ?? 0), 0) / 1024, 1);
  const { initial, closure } = built;
  if (!initial.size) throw new Error(`no main-*.js in ${dir}`);
  // Every route chunk with what must have loaded before it (its own closure and its parents').
  const needs = new Map<string, Set<string>>();
  const visit = (entry: string, above: Set<string>) => {
    if (needs.has(entry)) return;
    const need = new Set([...above, ...closure(entry)]);
    needs.set(entry, need);
    for (const f of closure(entry)) for (const r of built.routes(f)) visit(r.chunk, need);
  };
  for (const f of initial) for (const r of built.routes(f)) visit(r.chunk, initial);
  const screens = [...needs].map(([entry, need]) => {
    const own = [...need].filter((f) => !initial.has(f));
    return { entry, kiB: kib(own), files: own.length, withInitialKiB: round(kib(own) + kib(initial), 1) };
  });
  const inScreens = new Set([...needs.values()].flatMap((n) => [...n]));
  const onDemand = new Set<string>();
  for (const f of inScreens) for (const d of built.dynamic(f)) if (!needs.has(d) && !inScreens.has(d)) onDemand.add(d);
  return {
    initialKiB: kib(initial),
    initialFiles: initial.size,
    screens: screens.sort((a, b) => b.kiB - a.kiB),
    onDemand: [...onDemand].map((file) => ({ file, kiB: kib([file]) })).sort((a, b) => b.kiB - a.kiB),
  };
}

export default async (): Promise<void> => {
  const buildSeconds = ensureBuilt();
  const build = buildJs(DIST);
  const ds = await nationalDataset(10);
  const copy = throwawayDir('provdash-bench-dashboard-');
  cpSync(DIST, copy, { recursive: true });
  const server = await startServer(['api', ds.databaseUrl], { BENCH_DASHBOARD_DIR: copy });
  const browser = await chromium.launch(CHROMIUM);
  const results = [];
  try {
    for (const view of VIEWS) {
      // One load first: the server's first answers (file reads, a cold statement cache) are not a reader's first load.
      await cold(browser, server.url, view.path, view.selector);
      const colds: Load[] = [];
      const repeats: Load[] = [];
      const floors: Load[] = [];
      const floorRepeats: Load[] = [];
      const floorHtml = floorPage(view);
      for (let i = 0; i < RUNS; i++) {
        // In turns, so the view and its floor see the same minutes of a shared machine.
        colds.push(await cold(browser, server.url, view.path, view.selector));
        floors.push(await cold(browser, server.url, '/bench-floor.html', '[data-bench-row]', floorHtml));
        if (view.goal) {
          repeats.push(await repeat(browser, server.url, view.path, view.selector));
          floorRepeats.push(await repeat(browser, server.url, '/bench-floor.html', '[data-bench-row]', floorHtml));
        }
      }
      const last = colds[colds.length - 1];
      if (view.expectedRows !== null && last.rows !== view.expectedRows)
        throw new Error(`${view.name}: ${last.rows} rows drawn, ${view.expectedRows} expected`);
      const cold_ = stats(colds.map((l) => l.firstDrawnMs));
      const repeat_ = repeats.length ? stats(repeats.map((l) => l.firstDrawnMs)) : null;
      results.push({
        view: view.name,
        path: view.path,
        runs: RUNS,
        firstDrawnMs: cold_,
        repeatFirstDrawnMs: repeat_,
        floorMs: stats(floors.map((l) => l.firstDrawnMs)),
        floorRepeatMs: floorRepeats.length ? stats(floorRepeats.map((l) => l.firstDrawnMs)) : null,
        jsFiles: last.js.files.length,
        /** As transferred: the API sends the build's brotli copies. */
        jsKiB: round(last.js.transferred / 1024, 0),
        jsBeforeFirstDrawnKiB: round(last.js.beforeFirstDrawn / 1024, 0),
        repeatJsKiB: repeats.length ? round(repeats[repeats.length - 1].js.transferred / 1024, 0) : null,
        apiCalls: last.apiCalls,
        apiBeforeFirstDrawn: last.apiBeforeFirstDrawn,
        rows: last.rows,
        goal: view.goal
          ? {
              cold: cold_.median <= FIRST_LOAD_GOALS.coldMs,
              repeat: !!repeat_ && repeat_.median <= FIRST_LOAD_GOALS.repeatMs,
            }
          : null,
      });
    }
  } finally {
    await browser.close();
    await stopServer(server);
    rmSync(copy, { recursive: true, force: true });
  }

  const largest = build.screens[0];
  const js = {
    initialKiB: build.initialKiB,
    initialFiles: build.initialFiles,
    largestScreen: largest ?? null,
    screens: build.screens,
    onDemand: build.onDemand,
    met: {
      initial: build.initialKiB <= FIRST_LOAD_GOALS.initialJsKiB,
      screens: !largest || largest.withInitialKiB <= FIRST_LOAD_GOALS.screenJsKiB,
    },
  };

  console.log(
    `\nmedian of ${RUNS} loads each, Chromium headless as a phone: ${PHONE.downloadKbps / 1000} Mbit/s down, ${PHONE.rttMs} ms RTT, ${PHONE.cpuSlowdown}× CPU`,
  );
  console.log(
    '\n| view | first KPI drawn ms, cold (median / max) | floor | repeat visit | floor | JS KiB transferred | API calls before the first KPI |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const r of results) {
    console.log(
      `| ${r.view} | ${r.firstDrawnMs.median} / ${r.firstDrawnMs.max} | ${r.floorMs.median} | ${r.repeatFirstDrawnMs?.median ?? '–'} | ${r.floorRepeatMs?.median ?? '–'} | ${r.jsKiB} | ${r.apiBeforeFirstDrawn.length}: ${r.apiBeforeFirstDrawn.join(', ')} |`,
    );
  }
  console.log(
    `\ninitial JS ${js.initialKiB} KiB brotli (${js.initialFiles} files); largest screen ${largest?.entry} ${largest?.kiB} KiB own, ${largest?.withInitialKiB} KiB with the initial; on demand: ${build.onDemand.map((o) => `${o.file} ${o.kiB} KiB`).join(', ')}`,
  );
  record('dashboard-first-load', {
    chromium: CHROMIUM.executablePath,
    phone: PHONE,
    goals: FIRST_LOAD_GOALS,
    buildSeconds,
    views: results,
    js,
  });
};

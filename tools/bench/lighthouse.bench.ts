/**
 * Lighthouse (the npm package, pinned to 12.2.3: 13.x wants Node 22) driving Debian's Chromium
 * through chrome-launcher, with its mobile defaults (a Moto G Power-class phone, simulated slow 4G
 * and 4× CPU): performance and accessibility of the overview, the province view, the comparison and
 * the open dashboard, with each page's top opportunities and failed accessibility audits.
 * Goals (issue 23): performance ≥ 90 and accessibility ≥ 95 on each page.
 *
 * Inside a full `npm run bench` it measures the API on the national dataset (the run's own); run
 * alone (`npm run bench -- lighthouse`) it starts the production build on a throwaway demo
 * (embedded PostgreSQL, the demo seed), which takes a minute instead of the dataset's ten.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { throwawayDir } from '../../apps/api/src/database/embedded-postgres';
import { NATIONAL_AS_OF, NATIONAL_LATEST_FY } from '../dataset/national-dataset';
import { KPI, PROVINCE } from './reads';
import { nationalDatasetIfBuilt, record, startServer, stopServer } from './support';

export const LIGHTHOUSE_GOALS = { performance: 90, accessibility: 95 };
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const DIST = resolve('dist/apps/dashboard/browser');

/** lighthouse and chrome-launcher are ES modules only: imported as such from this CommonJS run. */
const importModule = new Function('m', 'return import(m)') as (m: string) => Promise<any>;

interface Target {
  name: string;
  path: (dataset: boolean) => string;
}

const TARGETS: Target[] = [
  { name: 'overview', path: (d) => (d ? `/?fy=${NATIONAL_LATEST_FY}&asOf=${NATIONAL_AS_OF}` : '/') },
  {
    name: 'province',
    path: (d) => `/province/${PROVINCE}${d ? `?fy=${NATIONAL_LATEST_FY}&asOf=${NATIONAL_AS_OF}` : ''}`,
  },
  {
    name: 'compare',
    path: (d) => `/compare?kpi=${KPI}${d ? `&fy=${NATIONAL_LATEST_FY}&asOf=${NATIONAL_AS_OF}` : ''}`,
  },
  { name: 'public', path: () => '/public' },
];

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
    srv.on('error', rej);
  });
}

/** The production build on a throwaway demo, as `npm start` runs it. */
async function demoServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (!existsSync('dist/apps/api/main.js')) throw new Error('dist/apps/api/main.js is missing: npx nx build api');
  const port = await freePort();
  const dataDir = throwawayDir('provdash-bench-lighthouse-');
  const child: ChildProcess = spawn('node', ['dist/apps/api/main.js'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/api/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`the demo server exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          done();
        });
        // SIGTERM: the API stops its embedded PostgreSQL cleanly.
        child.kill('SIGTERM');
      }),
  };
}

interface PageScore {
  page: string;
  path: string;
  performance: number;
  accessibility: number;
  metrics: Record<string, number>;
  opportunities: { id: string; title: string; savingsMs: number }[];
  accessibilityFailures: { id: string; title: string }[];
}

export default async (): Promise<void> => {
  const { default: lighthouse } = await importModule('lighthouse');
  const chromeLauncher = await importModule('chrome-launcher');
  const ds = nationalDatasetIfBuilt();
  let url: string;
  let stop: () => Promise<void>;
  let copy: string | null = null;
  if (ds) {
    copy = throwawayDir('provdash-bench-lighthouse-dist-');
    cpSync(DIST, copy, { recursive: true });
    const server = await startServer(['api', ds.databaseUrl], { BENCH_DASHBOARD_DIR: copy });
    url = server.url;
    stop = () => stopServer(server);
  } else {
    ({ url, stop } = await demoServer());
  }
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
  const pages: PageScore[] = [];
  try {
    for (const target of TARGETS) {
      const path = target.path(!!ds);
      // One load first: the server's first answers are not a reader's.
      await fetch(url + path);
      const result = await lighthouse(url + path, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const lhr = result.lhr;
      const audits = lhr.audits as Record<string, any>;
      const opportunities = Object.values(audits)
        .filter((a) => a.details?.type === 'opportunity' && (a.details.overallSavingsMs ?? 0) > 0)
        .map((a) => ({ id: a.id, title: a.title, savingsMs: Math.round(a.details.overallSavingsMs) }))
        .sort((a, b) => b.savingsMs - a.savingsMs)
        .slice(0, 3);
      const accessibilityFailures = (lhr.categories.accessibility.auditRefs as { id: string; weight: number }[])
        .filter((ref) => ref.weight > 0 && audits[ref.id]?.score === 0)
        .map((ref) => ({ id: ref.id, title: audits[ref.id].title }));
      const metric = (id: string) => Math.round(audits[id]?.numericValue ?? 0);
      pages.push({
        page: target.name,
        path,
        performance: Math.round(lhr.categories.performance.score * 100),
        accessibility: Math.round(lhr.categories.accessibility.score * 100),
        metrics: {
          fcpMs: metric('first-contentful-paint'),
          lcpMs: metric('largest-contentful-paint'),
          tbtMs: metric('total-blocking-time'),
          cls1000: Math.round((audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000),
          speedIndexMs: metric('speed-index'),
        },
        opportunities,
        accessibilityFailures,
      });
      console.log(
        `${target.name}: performance ${pages[pages.length - 1].performance}, accessibility ${pages[pages.length - 1].accessibility}`,
      );
    }
  } finally {
    await chrome.kill();
    await stop();
    if (copy) rmSync(copy, { recursive: true, force: true });
  }
  record('lighthouse', {
    lighthouse: '12.2.3',
    chromium: CHROMIUM,
    data: ds ? 'national dataset' : 'demo',
    goals: LIGHTHOUSE_GOALS,
    pages,
    met: pages.every(
      (p) => p.performance >= LIGHTHOUSE_GOALS.performance && p.accessibility >= LIGHTHOUSE_GOALS.accessibility,
    ),
  });
};

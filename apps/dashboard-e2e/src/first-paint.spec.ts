import { expect, Page, test } from '@playwright/test';
import { newPage } from './support';

/*
 * Fast on a provincial phone (issue 23), read-only: a signed-out visitor's pages make no noise (no
 * console error, no failed request, no refused session refresh), and a screen's first paint waits
 * for one API request, the screen's composed answer.
 */

interface Noise {
  problems: string[];
  /** API paths requested, in order. */
  api: string[];
  /** Requests under way (the live connection's long poll aside). */
  pending: Set<unknown>;
  /** When a request last started or ended (ms since the epoch). */
  lastChange: number;
}

const isSocket = (url: string) => new URL(url).pathname.startsWith('/socket.io/');

function listen(page: Page): Noise {
  const noise: Noise = { problems: [], api: [], pending: new Set(), lastChange: Date.now() };
  page.on('console', (m) => {
    if (m.type() === 'error') noise.problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => noise.problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) noise.api.push(url.pathname + url.search);
    if (!isSocket(r.url())) noise.pending.add(r);
    noise.lastChange = Date.now();
  });
  page.on('requestfinished', (r) => {
    noise.pending.delete(r);
    noise.lastChange = Date.now();
  });
  page.on('requestfailed', (r) => {
    noise.pending.delete(r);
    noise.lastChange = Date.now();
    // A live connection's long poll is cut when the page goes: not a failure the visitor sees.
    if (!isSocket(r.url())) noise.problems.push(`failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) noise.problems.push(`${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return noise;
}

/** How long the network must stay quiet before a page counts as settled (Playwright's own "network idle"). */
const QUIET_MS = 500;

/**
 * Everything the page asked for has been answered: its live rooms are joined (a join can ask for a
 * reload, when the room heard something while the screen loaded) and no request started or ended
 * for a while, so leaving the page cancels nothing.
 */
async function settled(page: Page, noise: Noise): Promise<void> {
  const indicator = page.getByTestId('live-indicator');
  if (await indicator.count()) await expect(indicator).toHaveAttribute('data-status', 'live', { timeout: 30_000 });
  await expect
    .poll(() => noise.pending.size === 0 && Date.now() - noise.lastChange >= QUIET_MS, { timeout: 30_000 })
    .toBe(true);
}

/**
 * Opens `path` and returns the API requests sent before the screen's composed answer (`answer`)
 * had arrived, with the time (in the page) the first `selector` was drawn and the answer's end:
 * what the first paint can have waited for.
 */
async function firstPaint(page: Page, path: string, selector: string, answer: RegExp) {
  await page.addInitScript((sel: string) => {
    const w = window as unknown as { __firstDrawn?: number };
    const watch = new MutationObserver(() => {
      if (w.__firstDrawn === undefined && document.querySelector(sel)) {
        w.__firstDrawn = performance.now();
        watch.disconnect();
      }
    });
    watch.observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(path);
  await page.waitForFunction(() => typeof (window as { __firstDrawn?: number }).__firstDrawn === 'number', null, {
    timeout: 60_000,
  });
  const entries = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => new URL(e.name).pathname.startsWith('/api/'))
      .map((e) => ({
        path: new URL(e.name).pathname + new URL(e.name).search,
        start: e.startTime,
        end: e.responseEnd,
      })),
  );
  const drawn = await page.evaluate(() => (window as { __firstDrawn?: number }).__firstDrawn as number);
  const composed = entries.find((e) => answer.test(e.path));
  expect(composed, `the screen asks for ${answer}`).toBeDefined();
  return {
    before: entries.filter((e) => e.start <= (composed?.end ?? Infinity)).map((e) => e.path),
    drawnAfterAnswer: drawn >= (composed?.end ?? Infinity),
  };
}

test.describe('signed out, on a slow phone: quiet pages, one request for the first paint', () => {
  // Each waits until everything its screens asked for has come in, on a shared, busy machine.
  test.describe.configure({ timeout: 120_000 });
  let page: Page;
  let noise: Noise;

  test.beforeEach(async ({ browser }) => {
    page = await newPage(browser, test.info().project.name);
    noise = listen(page);
  });

  test.afterEach(async () => {
    await page.context().close();
  });

  test('the overview, the open dashboard and a province log no error and fail no request, and ask for no session', async () => {
    await page.goto('/');
    await expect(page.getByTestId('cluster-status').first()).toBeVisible({ timeout: 30_000 });
    await settled(page, noise);
    await page.goto('/public');
    await expect(page.getByTestId('province-row')).toHaveCount(77, { timeout: 30_000 });
    await settled(page, noise);
    await page.goto('/public/province/50');
    await expect(page.getByTestId('kpi-row').first()).toBeVisible({ timeout: 30_000 });
    await settled(page, noise);
    await page.goto('/province/50');
    await expect(page.getByTestId('kpi-row').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('province-title')).toContainText('เชียงใหม่');
    // Everything below the fold has come in too.
    await expect(page.getByTestId('issue').first()).toContainText(/\S+ · \S+/);
    await settled(page, noise);
    expect(noise.problems).toEqual([]);
    // Nobody signed in: no refresh that could only be refused.
    expect(noise.api.filter((p) => p.startsWith('/api/auth/'))).toEqual([]);
  });

  test('the province view draws its first KPI from one request, then loads the rest', async () => {
    const paint = await firstPaint(page, '/province/50', '[data-testid="kpi-row"]', /^\/api\/screens\/province\/50/);
    expect(paint.before).toEqual([expect.stringMatching(/^\/api\/screens\/province\/50(\?|$)/)]);
    expect(paint.drawnAfterAnswer).toBe(true);
    // The title from the answer's names, then below the fold the plan's names of issues and goals.
    await expect(page.getByTestId('province-title')).toContainText('เชียงใหม่');
    await expect(page.getByTestId('issue').first()).toContainText(/\S+ · \S+/);
    await settled(page, noise);
    expect(noise.problems).toEqual([]);
  });

  test('the national overview draws its clusters from one request', async () => {
    const paint = await firstPaint(page, '/', '[data-testid="cluster-status"]', /^\/api\/screens\/overview/);
    expect(paint.before).toEqual([expect.stringMatching(/^\/api\/screens\/overview(\?|$)/)]);
    expect(paint.drawnAfterAnswer).toBe(true);
    await expect(page.getByTestId('disbursement-ranking')).toBeVisible();
    await settled(page, noise);
    expect(noise.problems).toEqual([]);
  });

  test("a screen's page names the screen's own scripts for the browser to fetch with the initial ones", async () => {
    const preloads = async (path: string) =>
      [...(await (await page.request.get(path)).text()).matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(
        (m) => m[1],
      );
    const shell = await preloads('/index.html');
    const province = await preloads('/province/50');
    // The initial ones first, as the build wrote them, then the province view's route and page.
    expect(province.slice(0, shell.length)).toEqual(shell);
    expect(province.length).toBeGreaterThan(shell.length);
    for (const chunk of province.slice(shell.length)) expect((await page.request.get(`/${chunk}`)).status()).toBe(200);
    // Each named script is fetched once: the preload and the router's import are one module.
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname.slice(1));
    });
    await page.goto('/province/50');
    await expect(page.getByTestId('kpi-row').first()).toBeVisible({ timeout: 30_000 });
    for (const chunk of province)
      expect(
        scripts.filter((f) => f === chunk),
        chunk,
      ).toHaveLength(1);
    await settled(page, noise);
    expect(noise.problems).toEqual([]);
  });
});

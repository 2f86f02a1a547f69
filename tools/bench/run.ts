/**
 * `npm run bench -- <name>` runs tools/bench/<name>.bench.ts; with no name, every benchmark in turn.
 * Results are merged into tools/bench/results/latest.json (a single benchmark replaces only its own
 * entries) and rendered into docs/benchmarks.md and the README between their markers.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_SEED } from '../dataset/national-dataset';
import { DOCS_MARKERS, README_MARKERS, renderDocs, renderReadme, Results, writeBetween } from './report';
import { closeNationalDataset, loadNow, machine, nationalDatasetIfBuilt, suite, takeRecorded } from './support';

/**
 * One at a time: two benchmarks sharing two cores would measure each other. Growth first: the
 * shared dataset only grows (1 → 5 → 10 fiscal years); the reads at ten years follow it.
 */
const ORDER = [
  'growth',
  'compare-kpi',
  'cluster-view',
  'province-scorecard',
  'disbursement-ranking',
  'agreement-ranking',
  'completeness',
  'explorer',
  'forecast',
  'scorecard-throughput',
  'dashboard-first-load',
  'gfmis-import',
  'live-update',
  'notifications',
];
const RESULTS = resolve(__dirname, 'results', 'latest.json');
const DOCS = resolve(__dirname, '..', '..', 'docs', 'benchmarks.md');
const README = resolve(__dirname, '..', '..', 'README.md');

const wanted = process.argv[2];
const all = readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
const chosen = wanted ? all.filter((n) => n === wanted) : all;
if (!chosen.length) {
  console.error(`No benchmark "${wanted}". Available: ${all.join(', ')}`);
  process.exit(2);
}

function readResults(): Results {
  if (!existsSync(RESULTS)) return { benchmarks: {} };
  return JSON.parse(readFileSync(RESULTS, 'utf8')) as Results;
}

async function main(): Promise<boolean> {
  suite.all = !wanted;
  // A full run starts afresh, so nothing of an older run (or another machine) lingers in the docs.
  const results: Results = wanted ? readResults() : { benchmarks: {} };
  const started = performance.now();
  const startLoad = loadNow();
  let ok = true;
  try {
    for (const name of chosen) {
      console.log(`\n## ${name}\n`);
      const before = loadNow();
      const t0 = performance.now();
      let error: string | undefined;
      try {
        const bench = require(join(__dirname, `${name}.bench.ts`)) as { default: () => Promise<void> };
        await bench.default();
      } catch (e) {
        ok = false;
        error = e instanceof Error ? e.message : String(e);
        console.error(e);
      }
      const stamp = {
        ranAt: new Date().toISOString(),
        seconds: Math.round((performance.now() - t0) / 1000),
        load: { before, after: loadNow() },
      };
      for (const [key, entry] of takeRecorded())
        results.benchmarks[key] = { ...stamp, ...entry.stamp, result: entry.result };
      if (error) results.benchmarks[name] = { ...(results.benchmarks[name] ?? { result: null }), ...stamp, error };
      else if (results.benchmarks[name]?.error) delete results.benchmarks[name].error;
    }
    const ds = nationalDatasetIfBuilt();
    if (ds && !ds.external) {
      results.benchmarks['dataset'] = {
        ranAt: new Date().toISOString(),
        seconds: Math.round(ds.loadSeconds),
        load: { before: startLoad, after: loadNow() },
        result: {
          years: ds.years,
          seed: DEFAULT_SEED,
          loadSeconds: Math.round(ds.loadSeconds),
          counts: ds.counts,
          postgres: ds.postgres,
        },
      };
    }
  } finally {
    await closeNationalDataset();
  }
  const seconds = Math.round((performance.now() - started) / 1000);
  results.machine = machine();
  if (!wanted)
    results.suite = { ranAt: new Date().toISOString(), seconds, load: { before: startLoad, after: loadNow() } };

  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
  const docs = renderDocs(results);
  console.log(`\n## Results\n\n${docs}\n`);
  const wroteDocs = await writeBetween(DOCS, DOCS_MARKERS, docs);
  const wroteReadme = await writeBetween(README, README_MARKERS, renderReadme(results));
  console.log(
    `${chosen.length} benchmark(s) in ${Math.floor(seconds / 60)} min ${seconds % 60} s; results in ${RESULTS}` +
      `${wroteDocs ? ', docs/benchmarks.md' : ''}${wroteReadme ? ', README.md' : ''}`,
  );
  return ok;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

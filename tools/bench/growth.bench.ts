/**
 * How the five screen reads grow with the data: each measured (API and floor) on the national
 * dataset holding the newest 1, then 5, then 10 fiscal years (2569; 2565–2569; 2560–2569), the
 * same database grown in place. Every read asks for FY 2569, so a query bounded by the period it
 * asks for should stay flat; one that grows scans history it does not show. Next to the latencies,
 * which move with the machine's load, the pages each statement touches (EXPLAIN BUFFERS), which
 * do not.
 *
 *   npm run bench -- growth        (BENCH_GROWTH_RUNS=100)
 *
 * In a full `npm run bench` this runs first (the dataset only grows) and stops at 5 years: the
 * 10-year point is the read benchmarks' own measurement, which follows.
 */
import { measureRead, READS, statementWork } from './reads';
import { performance } from 'node:perf_hooks';
import { loadNow, nationalDataset, record, suite } from './support';

const RUNS = Number(process.env['BENCH_GROWTH_RUNS'] ?? 100);
export const GROWTH_SIZES = [1, 5, 10];

export default async (): Promise<void> => {
  const sizes = suite.all ? GROWTH_SIZES.filter((n) => n < 10) : GROWTH_SIZES;
  const rows: string[] = [];
  for (const years of sizes) {
    const ds = await nationalDataset(years);
    if (ds.years !== years) throw new Error(`the dataset already holds ${ds.years} fiscal years: run growth first`);
    for (const def of READS) {
      const before = loadNow();
      const started = performance.now();
      const f = await measureRead(def, ds, RUNS);
      const work = await statementWork(def, ds.pg);
      record(
        `growth:${def.name}:${years}`,
        { floor: f.floor, api: f.api, work },
        {
          ranAt: new Date().toISOString(),
          seconds: Math.round((performance.now() - started) / 1000),
          load: { before, after: loadNow() },
        },
      );
      rows.push(`| ${def.name} | ${years} | ${f.floor.p50} | ${f.floor.p95} | ${f.api.p50} | ${f.api.p95} |`);
      console.log(
        `${years} year(s), ${def.name}: API p95 ${f.api.p95} ms, floor p95 ${f.floor.p95} ms, statement touches ${work.pages} pages`,
      );
    }
  }
  console.log(
    `\n| read | fiscal years | floor p50 ms | floor p95 ms | API p50 ms | API p95 ms |\n| --- | ---: | ---: | ---: | ---: | ---: |\n${rows.join('\n')}`,
  );
};

/**
 * The explorer (issue 22 item 3): achievement of one KPI group (a goal's KPIs) for 77 provinces ×
 * 12 months of FY 2569, through the API next to the floor (the same statement run directly with
 * `pg`, in turns, in the same run). Goals: p95 under 150 ms at ten fiscal years, and the cost flat
 * from one to ten years: the pages the statement touches (EXPLAIN BUFFERS, which the machine's
 * load does not move) at ten years at most 1.5× those at one year for ten times the data. What
 * may grow is logarithmic: a B-tree one level deeper on each of the KPIs' index probes; a scan of
 * the years kept would grow tenfold.
 *
 * Run alone on a fresh dataset it measures one year, grows the dataset to ten and measures again;
 * in a full `npm run bench` the growth benchmark has measured the smaller sizes (the explorer is
 * one of its reads) and this measures ten years.
 *
 *   npm run bench -- explorer
 */
import { measureRead, printRead, readNamed, statementWork, type ReadFigures, type StatementWork } from './reads';
import { explain, nationalDataset, record, round, suite } from './support';

export const EXPLORER_GOALS = { p95Ms: 150, pagesGrowth: 1.5 };

export default async (): Promise<void> => {
  const def = readNamed('explorer');
  const points: { years: number; figures: ReadFigures; work: StatementWork }[] = [];
  const sizes = suite.all ? [10] : [1, 10];
  for (const years of sizes) {
    const ds = await nationalDataset(years);
    console.log(`${def.title}: GET ${def.path} vs ${def.statement} (${ds.years} fiscal years of data)`);
    const figures = await measureRead(def, ds);
    printRead(figures);
    const work = await statementWork(def, ds.pg);
    console.log(`the statement touches ${work.pages} pages at ${ds.years} years`);
    points.push({ years: ds.years, figures, work });
    record(`growth:explorer:${ds.years}`, { floor: figures.floor, api: figures.api, work });
  }
  const ds = await nationalDataset(10);
  const { sql, params } = await def.plan(ds.pg);
  const plan = await explain(ds.pg, sql, params);
  console.log(`\nquery plan:\n${plan.join('\n')}`);
  const ten = points[points.length - 1];
  const one = points.length > 1 ? points[0] : null;
  const pagesGrowth = one ? round(ten.work.pages / one.work.pages) : null;
  record('explorer', {
    ...ten.figures,
    title: def.title,
    path: def.path,
    statement: def.statement,
    years: ten.years,
    plan,
    goals: EXPLORER_GOALS,
    pagesGrowth,
    met: {
      p95: ten.figures.api.p95 < EXPLORER_GOALS.p95Ms,
      flat: pagesGrowth === null ? null : pagesGrowth <= EXPLORER_GOALS.pagesGrowth,
    },
  });
};

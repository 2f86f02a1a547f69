/**
 * The national screen reads: each API route next to its floor, the same SQL statements the
 * service sends, run directly with `pg` in the same order. The difference is what the API adds:
 * HTTP, validation, guards, interceptors, parsing the rows, the domain library's evaluation, JSON.
 * All read FY 2569 as it stood on NATIONAL_AS_OF, the year every dataset size (1, 5, 10) has.
 */
import type { Client } from 'pg';
import { PROVINCES_JOIN, SCORING_SQL } from '../../apps/api/src/modules/agreements/agreement-scoring.sql';
import { DISBURSEMENT_RANKING_SQL } from '../../apps/api/src/modules/projects/disbursement-read-models.service';
import { KPI_SQL } from '../../apps/api/src/modules/scorecards/scorecards.service';
import { explorerSql } from '../../apps/api/src/modules/analysis/explorer-queries';
import { NATIONAL_AS_OF, NATIONAL_LATEST_FY } from '../dataset/national-dataset';
import { explain, getOk, NationalDataset, record, round, timeInTurns, Timing } from './support';

const FY = NATIONAL_LATEST_FY;
const AS_OF = NATIONAL_AS_OF;
export const PROVINCE = '50';
/** A five-province cluster (the largest there are): the widest cluster view. */
export const CLUSTER = 'C03';
export const KPI = 'K1.2.1';
/** A KPI group: the KPIs of one goal of the catalogue (the demo's plus six monthly ones). */
export const KPI_GROUP = 'G1.1';
export const GOALS = { p95Ms: 50, ratio: 1.5 };

export interface ReadDefinition {
  name: string;
  title: string;
  path: string;
  /** Names the statement in the API's source, for the docs. */
  statement: string;
  floor(pg: Client): Promise<unknown>;
  /** The main statement with its parameters resolved, for EXPLAIN ANALYZE. */
  plan(pg: Client): Promise<{ sql: string; params: unknown[] }>;
  /** Goals and a section of its own (explorer.bench.ts), not the screen reads' 50 ms: it grows with the rest, though. */
  ownSection?: true;
}

const unitId = async (pg: Client, sql: string, code: string): Promise<string> =>
  (await pg.query(sql, [code])).rows[0].id;
const PROVINCE_SQL = `SELECT id FROM org_unit WHERE code = $1`;
const CLUSTER_SQL = `SELECT id FROM org_unit WHERE code = $1 AND type = 'cluster'`;
const SCORECARD_SQL = KPI_SQL('k.org_unit_id = $1');
const CLUSTER_VIEW_SQL = KPI_SQL(`u.parent_id = $1 AND u.type = 'province'`, { trend: false });
const COMPARE_SQL = KPI_SQL(`k.code = $1 AND u.type = 'province'`, { trend: false });
const AGREEMENTS_SQL = SCORING_SQL(PROVINCES_JOIN, `u.type = 'province' AND true`, false);
const DISBURSEMENT_PARAMS = [FY, AS_OF, 'province', 'capital'];
const when = `fiscalYear=${FY}&asOf=${AS_OF}`;
const EXPLORER_SQL = explorerSql('achievement', 'province', 'period');
const EXPLORER_PARAMS = [[FY], null, null, null, null, KPI_GROUP, null];

export const READS: ReadDefinition[] = [
  {
    name: 'compare-kpi',
    title: `one KPI (${KPI}) across 77 provinces`,
    path: `/api/compare/kpis/${KPI}?${when}`,
    statement: 'KPI_SQL (scorecards.service.ts)',
    floor: (pg) => pg.query(COMPARE_SQL, [KPI, FY, String(FY)]),
    plan: async () => ({ sql: COMPARE_SQL, params: [KPI, FY, String(FY)] }),
  },
  {
    name: 'cluster-view',
    title: `a cluster's provinces × their KPIs (${CLUSTER}, 5 provinces)`,
    path: `/api/org-units/${CLUSTER}/cluster-view?${when}`,
    statement: 'the cluster lookup, then KPI_SQL (scorecards.service.ts)',
    floor: async (pg) => pg.query(CLUSTER_VIEW_SQL, [await unitId(pg, CLUSTER_SQL, CLUSTER), FY, String(FY)]),
    plan: async (pg) => ({ sql: CLUSTER_VIEW_SQL, params: [await unitId(pg, CLUSTER_SQL, CLUSTER), FY, String(FY)] }),
  },
  {
    name: 'province-scorecard',
    title: `one province's scorecard (${PROVINCE}, 62 KPIs)`,
    path: `/api/org-units/${PROVINCE}/scorecard?${when}`,
    statement: 'the unit lookup, then KPI_SQL (scorecards.service.ts)',
    floor: async (pg) => pg.query(SCORECARD_SQL, [await unitId(pg, PROVINCE_SQL, PROVINCE), FY, String(FY)]),
    plan: async (pg) => ({ sql: SCORECARD_SQL, params: [await unitId(pg, PROVINCE_SQL, PROVINCE), FY, String(FY)] }),
  },
  {
    name: 'disbursement-ranking',
    title: '77 provinces by capital disbursement rate',
    path: `/api/disbursement/ranking?level=province&budgetType=capital&${when}`,
    statement: 'DISBURSEMENT_RANKING_SQL (disbursement-read-models.service.ts)',
    floor: (pg) => pg.query(DISBURSEMENT_RANKING_SQL, DISBURSEMENT_PARAMS),
    plan: async () => ({ sql: DISBURSEMENT_RANKING_SQL, params: DISBURSEMENT_PARAMS }),
  },
  {
    name: 'agreement-ranking',
    title: "77 provinces' performance agreements, live score and last round",
    path: `/api/compare/agreements?${when}`,
    statement: 'SCORING_SQL (agreement-scoring.sql.ts)',
    floor: (pg) => pg.query(AGREEMENTS_SQL, [FY]),
    plan: async () => ({ sql: AGREEMENTS_SQL, params: [FY] }),
  },
  {
    name: 'explorer',
    title: `the explorer: achievement, 77 provinces × 12 months, one KPI group (goal ${KPI_GROUP})`,
    path: `/api/analysis/explorer?measure=achievement&rows=province&cols=period&years=${FY}&goal=${KPI_GROUP}`,
    statement: 'explorerSql (explorer-queries.ts)',
    ownSection: true,
    floor: (pg) => pg.query(EXPLORER_SQL, EXPLORER_PARAMS),
    plan: async () => ({ sql: EXPLORER_SQL, params: EXPLORER_PARAMS }),
  },
];

export const readNamed = (name: string): ReadDefinition => {
  const found = READS.find((r) => r.name === name);
  if (!found) throw new Error(`no read benchmark ${name}`);
  return found;
};

export interface ReadFigures {
  floor: Timing;
  api: Timing;
  /** API p95 / floor p95. */
  ratio: number;
  responseBytes: number;
  met: { under50ms: boolean; ratio: boolean };
}

/** The floor, then the API, one request at a time. */
export async function measureRead(def: ReadDefinition, ds: NationalDataset, runs?: number): Promise<ReadFigures> {
  const responseBytes = await getOk(ds.baseUrl + def.path);
  const [floor, api] = await timeInTurns(
    { label: 'SQL alone (pg)', fn: () => def.floor(ds.pg) },
    { label: `GET ${def.path.split('?')[0]}`, fn: () => getOk(ds.baseUrl + def.path) },
    runs,
  );
  const ratio = round(api.p95 / floor.p95);
  return { floor, api, ratio, responseBytes, met: { under50ms: api.p95 < GOALS.p95Ms, ratio: ratio <= GOALS.ratio } };
}

/** What a statement touches, whatever the load: 8 kB pages (shared buffers hit or read) and rows out. */
export interface StatementWork {
  pages: number;
  /** Of those, read from outside PostgreSQL's shared buffers (the OS cache or the disk). */
  pagesRead: number;
  executionMs: number;
}

export async function statementWork(def: ReadDefinition, pg: Client): Promise<StatementWork> {
  const { sql, params } = await def.plan(pg);
  await pg.query(sql, params);
  const [
    {
      'QUERY PLAN': [plan],
    },
  ] = (await pg.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params)).rows;
  const top = plan.Plan as Record<string, number>;
  return {
    pages: top['Shared Hit Blocks'] + top['Shared Read Blocks'],
    pagesRead: top['Shared Read Blocks'],
    executionMs: round(plan['Execution Time']),
  };
}

export function printRead(f: ReadFigures): void {
  console.log('\n| measurement | p50 ms | p95 ms |\n| --- | ---: | ---: |');
  for (const r of [f.floor, f.api]) console.log(`| ${r.label} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} |`);
  console.log(`\nAPI p95 < ${GOALS.p95Ms} ms: ${f.met.under50ms ? 'met' : 'NOT met'} (${f.api.p95.toFixed(1)} ms)`);
  console.log(
    `API p95 / floor p95 = ${f.ratio.toFixed(2)} (goal ≤ ${GOALS.ratio}: ${f.met.ratio ? 'met' : 'NOT met'})`,
  );
  console.log(`response: ${(f.responseBytes / 1024).toFixed(1)} KiB of JSON`);
}

/** A read benchmark at ten fiscal years: figures, the query plan, and its point on the growth curve. */
export async function readBenchmark(name: string, dataset: () => Promise<NationalDataset>): Promise<void> {
  const def = readNamed(name);
  const ds = await dataset();
  console.log(`${def.title}: GET ${def.path} vs ${def.statement} (${ds.years} fiscal years of data)`);
  const figures = await measureRead(def, ds);
  printRead(figures);
  const { sql, params } = await def.plan(ds.pg);
  const plan = await explain(ds.pg, sql, params);
  console.log(`\nquery plan:\n${plan.join('\n')}`);
  record(name, { ...figures, title: def.title, path: def.path, statement: def.statement, years: ds.years, plan });
  record(`growth:${name}:${ds.years}`, {
    floor: figures.floor,
    api: figures.api,
    work: await statementWork(def, ds.pg),
  });
}

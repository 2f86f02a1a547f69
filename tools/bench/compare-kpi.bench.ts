/**
 * National comparison of one KPI across 77 provinces at ten fiscal years of monthly results:
 * p50/p95 through the API (HTTP, validation, access guard, SQL, domain evaluation, JSON) next to
 * the floor — the same SQL statement run directly with `pg` — in the same run.
 *
 *   npm run bench -- compare-kpi
 */
import { KPI_SQL } from '../../apps/api/src/modules/scorecards/scorecards.service';
import { getOk, report, time, withNationalDataset } from './support';

export default (): Promise<void> =>
  withNationalDataset(async ({ baseUrl, pg }) => {
    const sql = KPI_SQL(`k.code = $1 AND u.type = 'province'`);
    const params = ['K1.2.1', 2569, '2569'];
    const floor = await time('SQL alone (pg)', () => pg.query(sql, params));
    const api = await time('GET /api/compare/kpis/K1.2.1', () =>
      getOk(`${baseUrl}/api/compare/kpis/K1.2.1?fiscalYear=2569&asOf=2026-09-30`),
    );
    report(floor, api);
    const plan = await pg.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
    console.log('\nquery plan:\n' + plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  });

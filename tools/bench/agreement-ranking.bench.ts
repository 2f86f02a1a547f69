/**
 * National ranking of the 77 provinces' performance agreements (live score and last round, with
 * cluster means) at ten fiscal years of data, next to its SQL statement run directly with `pg`.
 *
 *   npm run bench -- agreement-ranking
 */
import { PROVINCES_JOIN, SCORING_SQL } from '../../apps/api/src/modules/agreements/agreement-scoring.sql';
import { getOk, report, time, withNationalDataset } from './support';

export default (): Promise<void> =>
  withNationalDataset(async ({ baseUrl, pg }) => {
    const sql = SCORING_SQL(PROVINCES_JOIN, `u.type = 'province' AND true`, false);
    const floor = await time('SQL alone (pg)', () => pg.query(sql, [2568]));
    const api = await time('GET /api/compare/agreements', () =>
      getOk(`${baseUrl}/api/compare/agreements?fiscalYear=2568&asOf=2025-09-30`),
    );
    report(floor, api);
    const plan = await pg.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, [2568]);
    console.log('\nquery plan:\n' + plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  });

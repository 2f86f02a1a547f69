/**
 * Ranking of the 77 provinces by disbursement rate (capital) with the gap to the Cabinet's target,
 * at ten fiscal years of monthly disbursement, next to its SQL statement run directly with `pg`.
 *
 *   npm run bench -- disbursement-ranking
 */
import { DISBURSEMENT_RANKING_SQL } from '../../apps/api/src/modules/projects/disbursement-read-models.service';
import { getOk, report, time, withNationalDataset } from './support';

export default (): Promise<void> =>
  withNationalDataset(async ({ baseUrl, pg }) => {
    const params = [2568, '2025-06-30', 'province', 'capital'];
    const floor = await time('SQL alone (pg)', () => pg.query(DISBURSEMENT_RANKING_SQL, params));
    const api = await time('GET /api/disbursement/ranking', () =>
      getOk(`${baseUrl}/api/disbursement/ranking?level=province&budgetType=capital&fiscalYear=2568&asOf=2025-06-30`),
    );
    report(floor, api);
    const plan = await pg.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${DISBURSEMENT_RANKING_SQL}`, params);
    console.log('\nquery plan:\n' + plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  });

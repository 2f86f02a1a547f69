/**
 * Reporting completeness and timeliness for the whole country for a fiscal year (issue 22): every
 * province's due, reported, on-time, late, approved and returned results with the cluster, region
 * and country sums, at ten fiscal years of the national dataset. The API (signed in as the
 * dataset's central analyst) next to the floor: the same statement run directly with `pg`, in the
 * same run. Goals: p95 under 100 ms and at most 1.5× the floor.
 *
 *   npm run bench -- completeness
 */
import { randomUUID } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { COMPLETENESS_SQL, completenessParams } from '../../apps/api/src/modules/analysis/completeness-queries';
import { NATIONAL_AS_OF, NATIONAL_LATEST_FY } from '../dataset/national-dataset';
import { BENCH_JWT_SECRET, explain, getOk, nationalDataset, record, round, timeInTurns } from './support';

export const COMPLETENESS_GOALS = { p95Ms: 100, ratio: 1.5 };
const DEADLINE_DAYS = 15;

export default async (): Promise<void> => {
  const ds = await nationalDataset(10);
  const path = `/api/analysis/completeness?fiscalYear=${NATIONAL_LATEST_FY}&asOf=${NATIONAL_AS_OF}`;
  // The dataset's central analyst, with a session of its own (the API checks a token's session is live).
  const [analyst] = (
    await ds.pg.query(
      `SELECT u.id, o.path, o.code FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.role = 'central_analyst' ORDER BY u.email LIMIT 1`,
    )
  ).rows;
  const sid = randomUUID();
  await ds.pg.query(
    `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at)
     VALUES ($1, $2::uuid, encode(sha256(convert_to($3::text, 'UTF8')), 'hex'), now() + interval '1 day')`,
    [analyst.id, sid, sid],
  );
  const token = sign(
    { sub: analyst.id, role: 'central_analyst', scope: analyst.path, scopeCode: analyst.code, sid },
    BENCH_JWT_SECRET,
    {
      algorithm: 'HS256',
      expiresIn: 3600,
    },
  );
  const headers = { authorization: `Bearer ${token}` };
  const params = completenessParams(NATIONAL_LATEST_FY, NATIONAL_AS_OF, null, DEADLINE_DAYS);
  console.log(
    `the whole country's reporting completeness, FY ${NATIONAL_LATEST_FY}: GET ${path} vs COMPLETENESS_SQL (${ds.years} fiscal years of data)`,
  );
  const responseBytes = await getOk(ds.baseUrl + path, headers);
  const [floor, api] = await timeInTurns(
    { label: 'SQL alone (pg)', fn: () => ds.pg.query(COMPLETENESS_SQL, params) },
    { label: 'GET /api/analysis/completeness', fn: () => getOk(ds.baseUrl + path, headers) },
  );
  const ratio = round(api.p95 / floor.p95);
  const met = { p95: api.p95 < COMPLETENESS_GOALS.p95Ms, ratio: ratio <= COMPLETENESS_GOALS.ratio };
  const plan = await explain(ds.pg, COMPLETENESS_SQL, params);
  const rows = (await ds.pg.query(COMPLETENESS_SQL, params)).rows.filter((r: { level: number }) => r.level === 7)[0];
  console.log(
    `floor p95 ${floor.p95.toFixed(1)} ms, API p95 ${api.p95.toFixed(1)} ms (${ratio}×); the country: ${JSON.stringify(rows)}`,
  );
  console.log(`\nquery plan:\n${plan.join('\n')}`);
  record('completeness', {
    floor,
    api,
    ratio,
    responseBytes,
    met,
    goals: COMPLETENESS_GOALS,
    years: ds.years,
    path,
    country: rows,
    plan,
  });
};

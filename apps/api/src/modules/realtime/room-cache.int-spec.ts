import type { DisbursementRankingDto, KpiComparisonDto, ScorecardDto } from '@provdash/shared/contracts';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';
import { DisbursementReadModelsService } from '../projects/disbursement-read-models.service';
import { ScorecardsService } from '../scorecards/scorecards.service';

const FY = 2570;
const PERIOD = '2570-M01';

/**
 * Answers kept in memory against a room's counter (RoomCache), on a real database: the province
 * scorecard (its room), the national comparison of a KPI and the disbursement ranking (the national
 * room). Answered from memory while the counter stands still, and anew after each kind of change
 * that moves it: an approval, a KPI definition edit, a goal edit, a project edit.
 */
describe('read answers kept per room counter (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  let kpiId: string;
  let kpiCode: string;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    const [k] = await t.dataSource.query(
      `SELECT k.id, k.code FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id
       WHERE u.code = '50' AND k.frequency = 'monthly' AND k.rollup = 'sum' AND k.retired_at IS NULL
       ORDER BY k.code LIMIT 1`,
    );
    kpiId = k.id;
    kpiCode = k.code;
    await t.dataSource.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND period = $2`, [kpiId, PERIOD]);
  });

  afterAll(() => t.close());

  const officer = () => as(t, f.tokens.officer50);
  const approver = () => as(t, f.tokens.approver50);

  async function card(): Promise<ScorecardDto> {
    const res = await as(t, null).get(`/api/org-units/50/scorecard?fiscalYear=${FY}`);
    expect(res.status).toBe(200);
    return res.body;
  }
  function line(c: ScorecardDto) {
    const found = c.kpis.find((k) => k.kpiId === kpiId);
    if (!found) throw new Error(`KPI ${kpiId} is missing from the scorecard`);
    return found;
  }

  /** The same scorecard computed inside a transaction, which never uses the memory. */
  const computed = () =>
    t.dataSource.transaction((m) => t.app.get(ScorecardsService).scorecard('50', FY, undefined, m));

  async function events(entity: string): Promise<string[]> {
    const rows: { room: string }[] = await t.dataSource.query(
      `SELECT room FROM realtime_event
       WHERE event = 'target.changed' AND payload->>'kind' = 'definition'
         AND payload->>'entity' = $1 AND payload->>'orgUnitCode' = '50'
       ORDER BY room`,
      [entity],
    );
    return rows.map((r) => r.room);
  }

  it('answers from memory while nothing is published to the province room', async () => {
    const first = await card();
    // A write that publishes nothing (here straight SQL, which no service does) is not seen...
    await t.dataSource.query(`UPDATE kpi SET name_en = 'Changed behind the API' WHERE id = $1`, [kpiId]);
    const second = await card();
    expect(line(second).nameEn).toBe(line(first).nameEn);
    expect(line(await computed())).toMatchObject({ nameEn: 'Changed behind the API' });
    // ...and another province's room moving does not touch this answer either.
    await t.dataSource.query(
      `INSERT INTO realtime_room (room, seq) VALUES ('province:52', 1) ON CONFLICT (room) DO UPDATE SET seq = realtime_room.seq + 1`,
    );
    expect(line(await card()).nameEn).toBe(line(first).nameEn);
  });

  it('answers anew after a KPI definition edit, which publishes to every room of the province', async () => {
    const [{ version }] = await t.dataSource.query(`SELECT version FROM kpi WHERE id = $1`, [kpiId]);
    const edited = await officer().patch(`/api/kpis/${kpiId}`).send({ version, nameEn: 'Tourism income, renamed' });
    expect(edited.status).toBe(200);
    expect(line(await card()).nameEn).toBe('Tourism income, renamed');
    expect(await events('kpi')).toEqual(['cluster:C15', 'national', 'province:50', 'public']);

    // A refused edit (stale version) publishes nothing and the answer stays.
    const stale = await officer().patch(`/api/kpis/${kpiId}`).send({ version, nameEn: 'Never written' });
    expect(stale.status).toBe(409);
    expect(await events('kpi')).toHaveLength(4);
    expect(line(await card()).nameEn).toBe('Tourism income, renamed');
  });

  it('answers anew after a goal is renamed', async () => {
    const [goal] = await t.dataSource.query(
      `SELECT g.id, g.version, g.code FROM goal g JOIN kpi k ON k.goal_id = g.id WHERE k.id = $1`,
      [kpiId],
    );
    const res = await officer()
      .patch(`/api/goals/${goal.id}`)
      .send({ version: goal.version, nameTh: 'เป้าประสงค์ใหม่' });
    expect(res.status).toBe(200);
    expect(await events('goal')).toEqual(['cluster:C15', 'national', 'province:50', 'public']);
    const now = await card();
    expect(now).toEqual(await computed());
  });

  async function comparison(): Promise<KpiComparisonDto> {
    const res = await as(t, null).get(`/api/compare/kpis/${kpiCode}?fiscalYear=${FY}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  it('answers anew after an approval, the same as a fresh computation, the national comparison too', async () => {
    const compared = await comparison();
    const clusterView = async () => (await as(t, null).get(`/api/org-units/C15/cluster-view?fiscalYear=${FY}`)).body;
    const viewed = await clusterView();
    const before = line(await card());
    expect(before.trend.some((p) => p.period === PERIOD)).toBe(false);
    const drafted = await officer().put(`/api/kpis/${kpiId}/results/${PERIOD}`).send({ value: '123' });
    expect(drafted.status).toBe(200);
    // A draft is not on the scorecard (and publishes only to the workspace room): same answer.
    expect(line(await card())).toEqual(before);
    const submitted = await officer()
      .post(`/api/kpis/${kpiId}/results/${PERIOD}/submit`)
      .send({ version: drafted.body.version });
    const approved = await approver()
      .post(`/api/kpis/${kpiId}/results/${PERIOD}/approve`)
      .send({ version: submitted.body.version });
    expect(approved.status).toBe(200);
    const after = await card();
    expect(line(after).trend).toContainEqual({ period: PERIOD, value: 123 });
    expect(after).toEqual(await computed());
    const row = (c: KpiComparisonDto) => c.rows.find((r) => r.orgUnitCode === '50');
    expect(row(await comparison())?.actual).toBe(line(after).actual);
    expect(row(await comparison())?.actual).not.toBe(row(compared)?.actual);
    // The cluster's screen, kept against the cluster's room, which the approval reached too.
    expect(await clusterView()).not.toEqual(viewed);
  });

  it('keeps the disbursement ranking until a project edit, which publishes to the national room', async () => {
    const url = '/api/disbursement/ranking?level=province&budgetType=overall&fiscalYear=2569&asOf=2026-09-30';
    const ranking = async (): Promise<DisbursementRankingDto> => (await as(t, null).get(url)).body;
    const of50 = (r: DisbursementRankingDto) => r.rows.find((x) => x.code === '50')?.allocated;
    const first = await ranking();
    const [p] = await t.dataSource.query(
      `SELECT p.id, p.version, p.allocated::text AS allocated FROM project p JOIN org_unit u ON u.id = p.org_unit_id
       WHERE u.code = '50' AND p.fiscal_year = 2569 AND p.status NOT IN ('cancelled', 'completed') ORDER BY p.code LIMIT 1`,
    );
    // Behind the API's back: not seen, the answer is memory.
    await t.dataSource.query(`UPDATE project SET allocated = allocated + 1 WHERE id = $1`, [p.id]);
    expect(of50(await ranking())).toBe(of50(first));

    const res = await officer()
      .patch(`/api/projects/${p.id}`)
      .send({ version: p.version, allocated: (Number(p.allocated) + 1000).toFixed(2) });
    expect(res.status).toBe(200);
    const now = await ranking();
    expect(of50(now)).not.toBe(of50(first));
    const fresh = await t.dataSource.transaction((m) =>
      t.app
        .get(DisbursementReadModelsService)
        .ranking('province', 'overall', { fiscalYear: 2569, asOf: '2026-09-30' }, m),
    );
    expect(now).toEqual(fresh);
  });
});

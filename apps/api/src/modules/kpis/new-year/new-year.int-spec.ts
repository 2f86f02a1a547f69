import type { NewYearDto, ScorecardDto } from '@provdash/shared/contracts';
import { as, Fixture, seedFixture } from '../../../testing/fixtures';
import { bootTestApp, TestApp } from '../../../testing/test-app';

/*
 * The new fiscal year (issue 18.3) on a real database: the roll-over copies FY 2570's targets and
 * trajectories of Chiang Mai's KPIs into FY 2571 exactly, as drafts; twice copies nothing; drafts
 * count on no shared or public read until the approver publishes; and the refusals by scope, role
 * and plan period. The demo plan ends in 2570, so the spec first extends it (as the plan builder would).
 */
const FROM = 2570;
const TO = 2571;

describe('new fiscal year roll-over (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  const officer = () => as(t, f.tokens.officer50);
  const rollover = (token = f.tokens.officer50, code = '50') =>
    as(t, token).post(`/api/org-units/${code}/new-year/rollover`).set('Accept-Language', 'en').send({ fiscalYear: TO });
  const targetsOf = (fy: number) =>
    t.dataSource.query(
      `SELECT t.kpi_id, t.period, t.target, t.state FROM kpi_target t JOIN kpi k ON k.id = t.kpi_id
         JOIN org_unit u ON u.id = k.org_unit_id WHERE u.code = '50' AND t.fiscal_year = $1 ORDER BY t.kpi_id, t.period`,
      [fy],
    );

  it('explains that a new plan is built in the plan builder when the plan has ended, and refuses other provinces and readers', async () => {
    const ended = await rollover();
    expect(ended.status).toBe(422);
    expect(ended.body.message).toMatch(/plan builder/);
    expect((await rollover(f.tokens.officer52)).status).toBe(403);
    expect((await rollover(f.tokens.governor50)).status).toBe(403);
    expect((await as(t, null).get(`/api/org-units/50/new-year?fiscalYear=${TO}`)).status).toBe(401);
  });

  it('copies last year exactly as drafts, twice copies nothing, and drafts count nowhere shared until published', async () => {
    await t.dataSource.query(`UPDATE plan SET end_fy = $1 WHERE org_unit_id = (SELECT id FROM org_unit WHERE code = '50')`, [TO]);
    const last: { kpi_id: string; period: string; target: string }[] = await targetsOf(FROM);
    const kpisWithTarget = new Set(last.filter((r) => r.period === String(FROM)).map((r) => r.kpi_id));
    expect(kpisWithTarget.size).toBeGreaterThan(5);
    const auditsBefore = (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity = 'kpi_target'`))[0].n;

    const first = await rollover();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ fiscalYear: TO, copied: kpisWithTarget.size });
    const copied: { kpi_id: string; period: string; target: string; state: string }[] = await targetsOf(TO);
    expect(copied.map((r) => `${r.kpi_id}|${r.period.replace(String(TO), 'FY')}|${r.target}`).sort()).toEqual(
      last
        .filter((r) => kpisWithTarget.has(r.kpi_id))
        .map((r) => `${r.kpi_id}|${r.period.replace(String(FROM), 'FY')}|${r.target}`)
        .sort(),
    );
    expect(new Set(copied.map((r) => r.state))).toEqual(new Set(['draft']));
    const auditsAfter = (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity = 'kpi_target'`))[0].n;
    expect(auditsAfter - auditsBefore).toBe(copied.length);
    const [who] = await t.dataSource.query(
      `SELECT action, user_id FROM audit_event WHERE entity = 'kpi_target' ORDER BY id DESC LIMIT 1`,
    );
    expect(who).toEqual({ action: 'insert', user_id: f.userIds.officer50 });

    const again = await rollover();
    expect(again.body).toMatchObject({ copied: 0 });
    expect(await targetsOf(TO)).toEqual(copied);

    // The review lists the drafts beside last year's targets.
    const review = await officer().get(`/api/org-units/50/new-year?fiscalYear=${TO}`);
    expect(review.status).toBe(200);
    const tourism = (review.body as NewYearDto).kpis.find((k) => k.kpiId === f.kpis['50/K1.2.1']);
    expect(tourism).toMatchObject({ state: 'draft' });
    expect(tourism?.target).toBe(tourism?.lastYearTarget);

    // Drafts count nowhere shared: the scorecard, the public KPI and the open-data targets.
    const card = async () =>
      ((await as(t, null).get(`/api/org-units/50/scorecard?fiscalYear=${TO}`)).body as ScorecardDto).kpis.find(
        (k) => k.kpiId === f.kpis['50/K1.2.1'],
      );
    expect((await card())?.target).toBeNull();
    const pub = await as(t, null).get(`/api/kpis/${f.kpis['50/K1.2.1']}`);
    expect(pub.body.targets.map((y: { fiscalYear: number }) => y.fiscalYear)).not.toContain(TO);

    // The office edits a drafted target: it stays a draft, its new trajectory too.
    const def = await officer().get(`/api/kpis/${f.kpis['50/K1.2.1']}/setup`);
    const year = def.body.kpis
      .find((k: { id: string }) => k.id === f.kpis['50/K1.2.1'])
      .targets.find((y: { fiscalYear: number }) => y.fiscalYear === TO);
    expect(year.state).toBe('draft');
    const edit = await officer()
      .put(`/api/kpis/${f.kpis['50/K1.2.1']}/targets/${TO}`)
      .send({ target: '15000', version: year.version, trajectory: [{ period: `${TO}-M06`, target: '7000' }] });
    expect(edit.status).toBe(200);
    const states = await t.dataSource.query(`SELECT DISTINCT state FROM kpi_target WHERE kpi_id = $1 AND fiscal_year = $2`, [
      f.kpis['50/K1.2.1'],
      TO,
    ]);
    expect(states).toEqual([{ state: 'draft' }]);

    // Publishing is the approver's: the officer is refused, the approver publishes, and it counts.
    expect((await officer().post(`/api/org-units/50/new-year/publish`).send({ fiscalYear: TO })).status).toBe(403);
    const published = await as(t, f.tokens.approver50).post(`/api/org-units/50/new-year/publish`).send({ fiscalYear: TO });
    expect(published.status).toBe(200);
    expect(published.body.copied).toBe(kpisWithTarget.size);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM kpi_target WHERE state = 'draft'`))[0].n).toBe(0);
    expect((await card())?.target).toBe(15000);
  });
});

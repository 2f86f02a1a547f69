import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/*
 * The cluster office runs its own year (issue 18, "plan builder (strategy office, cluster office)"):
 * on a real database the officer of cluster C15 builds the cluster's next plan (issue, goals, an
 * arrow, a strategy), defines a cluster KPI with a target, publishes the plan, rolls the targets
 * over into the next year and publishes those drafts (a cluster has no approver: its office
 * publishes, as canPublishPlan says), and registers a cluster-budget project that the cluster's
 * disbursement summary and the cluster ranking count, checked against SQL sums. Everything of a
 * province, even one of its own cluster, is refused.
 */
const START = 2571;

describe('cluster office (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  const cluster = () => as(t, f.tokens.clusterC15);
  const ids = { plan: '', issue: '', goal: '', effect: '', strategy: '', kpi: '' };

  it('builds the cluster plan, defines a cluster KPI with its target and publishes the plan', async () => {
    const plan = await cluster()
      .post('/api/plans')
      .send({
        orgUnitCode: 'C15',
        nameTh: 'แผนพัฒนากลุ่มจังหวัด พ.ศ. 2571–2574',
        nameEn: 'Cluster development plan 2571–2574',
        visionTh: 'ศูนย์กลางการค้าและการท่องเที่ยวที่ยั่งยืน',
        visionEn: 'A sustainable hub of trade and tourism',
        startFy: START,
        endFy: START + 3,
      });
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({ orgUnitCode: 'C15', status: 'draft' });
    ids.plan = plan.body.id;
    const issue = await cluster()
      .post(`/api/plans/${ids.plan}/issues`)
      .send({ code: 'CI9', nameTh: 'การค้าชายแดน', nameEn: 'Border trade' });
    expect(issue.status).toBe(201);
    ids.issue = issue.body.id;
    for (const [key, code, nameTh, nameEn] of [
      ['goal', 'CG9.1', 'ผู้ประกอบการเข้าถึงตลาดใหม่', 'Firms reach new markets'],
      ['effect', 'CG9.2', 'มูลค่าการค้าชายแดนเพิ่มขึ้น', 'Border trade grows'],
    ] as const) {
      const goal = await cluster()
        .post(`/api/issues/${ids.issue}/goals`)
        .send({ code, nameTh, nameEn, nationalPillar: 2 });
      expect(goal.status).toBe(201);
      ids[key] = goal.body.id;
    }
    const link = await cluster().post(`/api/goals/${ids.goal}/links`).send({ effectGoalId: ids.effect });
    expect(link.status).toBeLessThan(300);
    const strategy = await cluster()
      .post(`/api/goals/${ids.goal}/strategies`)
      .send({ code: 'CS9.1.1', nameTh: 'ตลาดออนไลน์ของกลุ่มจังหวัด', nameEn: 'Cluster online market' });
    expect(strategy.status).toBe(201);
    ids.strategy = strategy.body.id;

    const kpi = await cluster()
      .post(`/api/goals/${ids.goal}/kpis`)
      .send({
        code: 'CK9.1',
        nameTh: 'จำนวนผู้ประกอบการที่ขายผ่านตลาดออนไลน์',
        nameEn: 'Firms selling online',
        unitTh: 'ราย',
        unitEn: 'firms',
        direction: 'higher_better',
        frequency: 'quarterly',
        rollup: 'sum',
        ownerAgencyTh: 'สำนักบริหารยุทธศาสตร์กลุ่มจังหวัด',
        dataSource: 'ทะเบียนผู้ประกอบการ',
      });
    expect(kpi.status).toBe(201);
    ids.kpi = kpi.body.id;
    const target = await cluster()
      .put(`/api/kpis/${ids.kpi}/targets/${START}`)
      .send({ target: '120', trajectory: [{ period: `${START}-Q2`, target: '50' }] });
    expect(target.status).toBe(200);

    const version = (await t.dataSource.query(`SELECT version FROM plan WHERE id = $1`, [ids.plan]))[0].version;
    const published = await cluster().post(`/api/plans/${ids.plan}/publish`).send({ version });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');

    const [row] = await t.dataSource.query(
      `SELECT u.code AS unit, p.status, (SELECT count(*)::int FROM goal_link l WHERE l.cause_goal_id = $2) AS links,
              (SELECT count(*)::int FROM kpi_target kt WHERE kt.kpi_id = $3 AND kt.fiscal_year = $4) AS targets,
              (SELECT count(*)::int FROM audit_event a WHERE a.entity = 'plan' AND a.entity_id = p.id::text AND a.user_id = $5) AS audits
         FROM plan p JOIN org_unit u ON u.id = p.org_unit_id WHERE p.id = $1`,
      [ids.plan, ids.goal, ids.kpi, START, f.userIds.clusterC15],
    );
    expect(row).toEqual({ unit: 'C15', status: 'published', links: 1, targets: 2, audits: 2 });
  });

  it("rolls the cluster's targets into the next year as drafts and publishes them (the cluster office is the cluster's approver)", async () => {
    const next = START + 1;
    const roll = await cluster().post('/api/org-units/C15/new-year/rollover').send({ fiscalYear: next });
    expect(roll.status).toBe(200);
    expect(roll.body).toMatchObject({ copied: 1 });
    const states = () =>
      t.dataSource.query(`SELECT period, state FROM kpi_target WHERE kpi_id = $1 AND fiscal_year = $2 ORDER BY period`, [
        ids.kpi,
        next,
      ]);
    expect(await states()).toEqual([
      { period: String(next), state: 'draft' },
      { period: `${next}-Q2`, state: 'draft' },
    ]);
    const published = await cluster().post('/api/org-units/C15/new-year/publish').send({ fiscalYear: next });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ copied: 1 });
    expect(await states()).toEqual([
      { period: String(next), state: 'published' },
      { period: `${next}-Q2`, state: 'published' },
    ]);
    // A province's officer still may not publish its own drafts: that is its approver's.
    expect((await as(t, f.tokens.officer50).post('/api/org-units/50/new-year/publish').send({ fiscalYear: next })).status).toBe(403);
  });

  it("cannot touch a province's plan, KPIs, targets or year, even of its own cluster", async () => {
    const [goal] = await t.dataSource.query(
      `SELECT g.id, g.version FROM goal g JOIN strategic_issue i ON i.id = g.issue_id JOIN plan p ON p.id = i.plan_id
         JOIN org_unit u ON u.id = p.org_unit_id WHERE u.code = '50' ORDER BY g.code LIMIT 1`,
    );
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`))[0].n;
    const attempts = [
      cluster().post('/api/plans').send({ orgUnitCode: '50', nameTh: 'x', nameEn: 'x', visionTh: 'x', visionEn: 'x', startFy: 2575, endFy: 2578 }),
      cluster().patch(`/api/goals/${goal.id}`).send({ version: goal.version, nameTh: 'เปลี่ยนโดยกลุ่มจังหวัด' }),
      cluster().post(`/api/goals/${goal.id}/strategies`).send({ code: 'X1', nameTh: 'x', nameEn: 'x' }),
      cluster().post(`/api/goals/${goal.id}/kpis`).send({ code: 'X1', nameTh: 'x', nameEn: 'x', unitTh: 'ราย', unitEn: 'x', direction: 'higher_better', frequency: 'yearly', rollup: 'sum' }),
      cluster().put(`/api/kpis/${f.kpis['50/K1.2.1']}/targets/2570`).send({ target: '1' }),
      cluster().post('/api/org-units/50/new-year/rollover').send({ fiscalYear: 2571 }),
      cluster().post('/api/org-units/50/new-year/publish').send({ fiscalYear: 2571 }),
      cluster().post(`/api/org-units/50/plan-import?fiscalYear=2570&dryRun=true`).attach('file', Buffer.from('x'), 'plan.csv'),
    ];
    for (const res of await Promise.all(attempts)) expect(res.status).toBe(403);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`))[0].n).toBe(before);
  });

  it("counts the cluster's own project (cluster budget) in the cluster's disbursement summary and the cluster ranking, not in a province's", async () => {
    const made = await cluster()
      .post('/api/projects')
      .send({
        orgUnitCode: 'C15',
        strategyId: ids.strategy,
        code: 'C-9001',
        nameTh: 'ตลาดออนไลน์ของกลุ่มจังหวัด',
        nameEn: 'Cluster online market',
        ownerAgencyTh: 'สำนักบริหารยุทธศาสตร์กลุ่มจังหวัด',
        responsiblePerson: 'หัวหน้าสำนักงาน',
        fiscalYear: START,
        budgetSource: 'cluster',
        budgetType: 'capital',
        allocated: '2500000.00',
        startDate: '2027-10-01',
        endDate: '2028-09-30',
      });
    expect(made.status).toBe(201);

    // By hand: the cluster's own projects and its provinces' of the year.
    const hand = async (where: string) =>
      (
        await t.dataSource.query(
          `SELECT COALESCE(SUM(p.allocated), 0)::text AS allocated FROM project p JOIN org_unit u ON u.id = p.org_unit_id
             LEFT JOIN org_unit c ON c.id = u.parent_id
            WHERE ${where} AND p.fiscal_year = $1 AND p.status <> 'cancelled'`,
          [START],
        )
      )[0].allocated as string;
    const clusterSum = await hand(`(u.code = 'C15' OR (u.type = 'province' AND c.code = 'C15'))`);
    expect(Number(clusterSum)).toBeGreaterThanOrEqual(2_500_000);

    const summary = await as(t, null).get(`/api/org-units/C15/disbursement?fiscalYear=${START}&asOf=2027-12-31`);
    expect(summary.status).toBe(200);
    expect(Number(summary.body.total.allocated)).toBe(Number(clusterSum));
    expect(summary.body.bySource).toContainEqual(expect.objectContaining({ budgetSource: 'cluster' }));

    const ranking = await as(t, null).get(`/api/disbursement/ranking?fiscalYear=${START}&asOf=2027-12-31&level=cluster`);
    expect(ranking.status).toBe(200);
    const c15 = ranking.body.rows.find((r: { code: string }) => r.code === 'C15');
    expect(Number(c15.allocated)).toBe(Number(clusterSum));

    // A province of the cluster does not count the cluster's project.
    const province = await as(t, null).get(`/api/org-units/50/disbursement?fiscalYear=${START}&asOf=2027-12-31`);
    expect(Number(province.body.total.allocated)).toBe(Number(await hand(`u.code = '50'`)));
  });
});

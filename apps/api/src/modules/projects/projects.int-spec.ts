import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

describe('projects, progress, targets and risks (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  const officer = () => as(t, f.tokens.officer50);
  const approver = () => as(t, f.tokens.approver50);
  const analyst = () => as(t, f.tokens.analyst);
  const anyone = () => as(t, null);
  const one = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0];
  const cmStrategy = () =>
    one(
      `SELECT s.id FROM strategy s JOIN goal g ON g.id = s.goal_id JOIN strategic_issue i ON i.id = g.issue_id
       JOIN plan p ON p.id = i.plan_id JOIN org_unit u ON u.id = p.org_unit_id WHERE u.code = '50' ORDER BY s.code LIMIT 1`,
    );
  const lpStrategy = () =>
    one(
      `SELECT s.id FROM strategy s JOIN goal g ON g.id = s.goal_id JOIN strategic_issue i ON i.id = g.issue_id
       JOIN plan p ON p.id = i.plan_id JOIN org_unit u ON u.id = p.org_unit_id WHERE u.code = '52' ORDER BY s.code LIMIT 1`,
    );
  const newProject = async (code: string, extra: Record<string, unknown> = {}) =>
    officer()
      .post('/api/projects')
      .send({
        orgUnitCode: '50',
        strategyId: (await cmStrategy()).id,
        code,
        nameTh: 'โครงการก่อสร้างถนน',
        nameEn: 'Road construction',
        ownerAgencyTh: 'แขวงทางหลวงชนบทเชียงใหม่',
        fiscalYear: 2569,
        budgetSource: 'province',
        budgetType: 'capital',
        allocated: '2500000.50',
        startDate: '2025-10-01',
        endDate: '2026-09-30',
        ...extra,
      });

  describe('projects', () => {
    it('creates a project with its KPIs, audited', async () => {
      const res = await newProject('T-001', { kpiIds: [f.kpis['50/K1.2.1']] });
      expect(res.status).toBe(201);
      expect(res.body).toEqual(
        expect.objectContaining({
          orgUnitCode: '50',
          code: 'T-001',
          allocated: '2500000.50',
          status: 'not_started',
          kpiIds: [f.kpis['50/K1.2.1']],
          version: 1,
        }),
      );
      const audit = await t.dataSource.query(
        `SELECT entity FROM audit_event WHERE entity_id = $1 OR entity_id LIKE $2 ORDER BY entity`,
        [res.body.id, `%${res.body.id}%`],
      );
      expect(audit.map((a: { entity: string }) => a.entity)).toContain('project');
      const public_ = await anyone().get(`/api/projects/${res.body.id}`);
      expect(public_.body.code).toBe('T-001');
    });

    it.each<[string, Record<string, unknown>, number]>([
      ['a strategy of another province', { strategyId: 'lp' }, 422],
      ['a KPI of another province', { kpiIds: ['lp'] }, 422],
      ['an end before the start', { startDate: '2026-09-30', endDate: '2025-10-01' }, 422],
      ['an amount with three decimals', { allocated: '10.005' }, 400],
      ['a negative amount', { allocated: '-1' }, 400],
      ['an unknown budget source', { budgetSource: 'lottery' }, 400],
      ['an unknown field', { colour: 'red' }, 400],
    ])('refuses %s', async (_name, extra, status) => {
      const patch = { ...extra };
      if (patch['strategyId'] === 'lp') patch['strategyId'] = (await lpStrategy()).id;
      if (Array.isArray(patch['kpiIds'])) patch['kpiIds'] = [f.kpis['52/K1.2.1']];
      const res = await newProject('T-BAD', patch);
      expect(res.status).toBe(status);
      expect(await one(`SELECT count(*)::int AS n FROM project WHERE code = 'T-BAD'`)).toEqual({ n: 0 });
    });

    it('refuses a duplicate code in the same year with 409', async () => {
      await newProject('T-DUP');
      expect((await newProject('T-DUP')).status).toBe(409);
    });

    it('updates with the version read, 409 on a stale one; cancelling retires it for good', async () => {
      const created = (await newProject('T-002')).body;
      const ok = await officer().patch(`/api/projects/${created.id}`).send({ version: 1, status: 'on_schedule' });
      expect(ok.status).toBe(200);
      expect(ok.body.version).toBe(2);
      const stale = await officer().patch(`/api/projects/${created.id}`).send({ version: 1, nameEn: 'x' });
      expect(stale.status).toBe(409);
      const cancelled = await officer().patch(`/api/projects/${created.id}`).send({ version: 2, status: 'cancelled' });
      expect(cancelled.body.status).toBe('cancelled');
      const again = await officer().patch(`/api/projects/${created.id}`).send({ version: 3, status: 'on_schedule' });
      expect(again.status).toBe(409);
      expect(await one(`SELECT count(*)::int AS n FROM project WHERE id = $1`, [created.id])).toEqual({ n: 1 });
    });
  });

  describe('registration (issue 18 item 4)', () => {
    it('keeps the person responsible; a cluster officer registers a cluster project under the cluster plan', async () => {
      const res = await newProject('T-PER', { responsiblePerson: 'นายสมชาย ใจดี' });
      expect(res.status).toBe(201);
      expect(res.body.responsiblePerson).toBe('นายสมชาย ใจดี');
      // The demo's cluster plans have goals but no strategies: one is added to a C15 goal.
      const cluster = await one(
        `INSERT INTO strategy (goal_id, code, seq, name_th, name_en)
         SELECT g.id, 'CS1', 1, 'กลยุทธ์กลุ่มจังหวัด', 'Cluster strategy' FROM goal g
         JOIN strategic_issue i ON i.id = g.issue_id JOIN plan p ON p.id = i.plan_id JOIN org_unit u ON u.id = p.org_unit_id
         WHERE u.code = 'C15' ORDER BY g.code LIMIT 1 RETURNING id`,
      );
      const body = {
        orgUnitCode: 'C15',
        strategyId: cluster.id,
        code: 'C-001',
        nameTh: 'โครงการของกลุ่มจังหวัด',
        nameEn: 'Cluster project',
        ownerAgencyTh: 'สำนักบริหารยุทธศาสตร์กลุ่มจังหวัด',
        responsiblePerson: 'หัวหน้าสำนักงาน',
        fiscalYear: 2569,
        budgetSource: 'cluster',
        budgetType: 'capital',
        allocated: '1000000.00',
        startDate: '2025-10-01',
        endDate: '2026-09-30',
      };
      // The province officer may not write on the cluster; the cluster officer may.
      expect((await officer().post('/api/projects').send(body)).status).toBe(403);
      const made = await as(t, f.tokens.clusterC15).post('/api/projects').send(body);
      expect(made.status).toBe(201);
      expect(made.body).toEqual(expect.objectContaining({ orgUnitCode: 'C15', budgetSource: 'cluster' }));
      // A province's strategy is outside the cluster's plans.
      const wrong = await as(t, f.tokens.clusterC15)
        .post('/api/projects')
        .send({ ...body, code: 'C-002', strategyId: (await cmStrategy()).id });
      expect(wrong.status).toBe(422);
    });
  });

  describe('the project page (one request)', () => {
    it('gives progress, the monthly curve against the type target, KPI lights and risks, as the reader may see them', async () => {
      const p = await one(
        `SELECT p.id, p.allocated::text AS allocated FROM project p JOIN org_unit u ON u.id = p.org_unit_id
         WHERE u.code = '50' AND p.fiscal_year = 2569 AND p.budget_type = 'capital'
           AND EXISTS (SELECT 1 FROM project_kpi k WHERE k.project_id = p.id) ORDER BY p.code LIMIT 1`,
      );
      // The demo keeps risks open on the current year's projects only: this one gets its own.
      const risk = await officer().post(`/api/projects/${p.id}/risks`).send({
        description: 'ผู้รับจ้างส่งมอบงานล่าช้า',
        likelihood: 3,
        impact: 3,
        response: 'treat',
        owner: 'โยธาธิการจังหวัด',
      });
      expect(risk.status).toBe(201);
      const asOf = '2026-04-15';
      const officerPage = await officer().get(`/api/projects/${p.id}/page?asOf=${asOf}`);
      expect(officerPage.status).toBe(200);
      const page = officerPage.body;
      expect(page.unit.code).toBe('50');
      expect(page.project.allocated).toBe(p.allocated);
      expect(page.curve.map((c: { month: string }) => c.month)).toEqual([
        '2025-10',
        '2025-11',
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
      ]);
      const sum = await one(
        `SELECT COALESCE(SUM(disbursed), 0)::text AS d FROM disbursement WHERE project_id = $1 AND month <= $2::date`,
        [p.id, asOf],
      );
      expect(Number(page.curve.at(-1).cumulativeDisbursed)).toBeCloseTo(Number(sum.d), 2);
      expect(page.figures.disbursed).toBe(page.curve.at(-1).cumulativeDisbursed);
      // The demo's capital targets (step rule): Q1's 20 % from January on, Q2's 40 % once March is over.
      const at = (m: string) => page.curve.find((c: { month: string }) => c.month === m).target;
      expect([at('2025-12'), at('2026-01'), at('2026-03'), at('2026-04')]).toEqual([20, 20, 40, 40]);
      expect(page.figures.target).toBe(40);
      expect(page.kpis.length).toBeGreaterThan(0);
      const card = (await anyone().get(`/api/org-units/50/scorecard?fiscalYear=2569&asOf=${asOf}`)).body;
      for (const k of page.kpis)
        expect(k.status).toBe(card.kpis.find((x: { kpiId: string }) => x.kpiId === k.id).status);
      expect(page.risks.length).toBeGreaterThan(0);
      expect(page.risks[0]).toEqual(expect.objectContaining({ projectId: p.id, band: expect.any(String) }));

      // The public: the same project, approved progress without names, and no risk register.
      const open = (await anyone().get(`/api/projects/${p.id}/page?asOf=${asOf}`)).body;
      expect(open.risks).toBeNull();
      expect(
        open.progress.every(
          (r: { status: string; submittedBy: unknown }) => r.status === 'approved' && r.submittedBy === null,
        ),
      ).toBe(true);
      expect((await anyone().get('/api/projects/00000000-0000-4000-8000-000000000000/page')).status).toBe(404);
    });
  });

  describe('progress workflow', () => {
    it('create → progress → submit → approve, then locked; the public sees it only once approved', async () => {
      const { id } = (await newProject('T-010')).body;
      const url = `/api/projects/${id}/progress/2569-M03`;
      const draft = await officer().put(url).send({ percent: 35.5, milestoneNote: 'เริ่มงานดิน' });
      expect(draft.status).toBe(200);
      expect(draft.body).toEqual(expect.objectContaining({ percent: 35.5, status: 'draft', version: 1 }));
      expect((await anyone().get(`/api/projects/${id}/progress`)).body).toEqual([]);

      expect((await officer().put(url).send({ percent: 40, version: 9 })).status).toBe(409);
      const edited = await officer().put(url).send({ percent: 40, version: 1 });
      expect(edited.body.version).toBe(2);

      const submitted = await officer().post(`${url}/submit`).send({ version: 2 });
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('submitted');
      expect((await officer().put(url).send({ percent: 41, version: 3 })).status).toBe(409);

      expect((await approver().post(`${url}/approve`).send({ version: 2 })).status).toBe(409);
      const approved = await approver().post(`${url}/approve`).send({ version: 3 });
      expect(approved.status).toBe(200);
      expect(approved.body).toEqual(expect.objectContaining({ status: 'approved', approvedBy: f.userIds.approver50 }));

      const seen = (await anyone().get(`/api/projects/${id}/progress`)).body;
      expect(seen).toEqual([expect.objectContaining({ period: '2569-M03', percent: 40, submittedBy: null })]);
      expect((await officer().put(url).send({ percent: 50, version: 4 })).status).toBe(409);
    });

    it('refuses self-approval, a non-monthly period and a percent above 100', async () => {
      const { id } = (await newProject('T-011')).body;
      const url = `/api/projects/${id}/progress/2569-M04`;
      await approver().put(url).send({ percent: 10 });
      await approver().post(`${url}/submit`).send({ version: 1 });
      expect((await approver().post(`${url}/approve`).send({ version: 2 })).status).toBe(403);
      expect((await officer().put(`/api/projects/${id}/progress/2569-Q1`).send({ percent: 1 })).status).toBe(400);
      expect((await officer().put(`/api/projects/${id}/progress/2569-M05`).send({ percent: 100.5 })).status).toBe(400);
      expect((await officer().put(`/api/projects/${id}/progress/2599-M01`).send({ percent: 1 })).status).toBe(422);
    });
  });

  describe('disbursement targets', () => {
    it('are set by central staff only, validated, versioned, and public to read', async () => {
      const url = '/api/disbursement-targets/2572/overall';
      expect((await officer().put(url).send({ q1: 30, q2: 52, q3: 75, q4: 100 })).status).toBe(403);
      const decreasing = await analyst().put(url).send({ q1: 30, q2: 25, q3: 75, q4: 100 });
      expect(decreasing.status).toBe(422);
      // Named per quarter, so the form can put the refusal next to Q2.
      expect(decreasing.body.details).toEqual([{ field: 'q2', messages: [expect.any(String)] }]);
      expect((await analyst().put(url).send({ q1: 30, q2: 52, q3: 75, q4: 101 })).status).toBe(422);
      expect(
        (await analyst().put('/api/disbursement-targets/2572/misc').send({ q1: 1, q2: 2, q3: 3, q4: 4 })).status,
      ).toBe(400);
      const created = await analyst().put(url).send({ q1: 30, q2: 52, q3: 75, q4: 100 });
      expect(created.status).toBe(200);
      expect(created.body).toEqual({
        fiscalYear: 2572,
        budgetType: 'overall',
        q1: 30,
        q2: 52,
        q3: 75,
        q4: 100,
        version: 1,
      });
      expect((await analyst().put(url).send({ q1: 31, q2: 52, q3: 75, q4: 100 })).status).toBe(409);
      expect((await analyst().put(url).send({ q1: 31, q2: 52, q3: 75, q4: 100, version: 1 })).body.version).toBe(2);
      const listed = await anyone().get('/api/disbursement-targets?fiscalYear=2572');
      expect(listed.body).toEqual([expect.objectContaining({ q1: 31, version: 2 })]);
    });
  });

  describe('risks', () => {
    it('creates, lists, updates (409 when stale) and closes risks on projects and KPIs', async () => {
      const { id } = (await newProject('T-020')).body;
      const body = { description: 'ฝนตกชุก', likelihood: 4, impact: 4, response: 'treat', owner: 'โยธาจังหวัด' };
      const created = await officer().post(`/api/projects/${id}/risks`).send(body);
      expect(created.status).toBe(201);
      expect(created.body).toEqual(expect.objectContaining({ projectId: id, kpiId: null, score: 16, band: 'extreme' }));
      const onKpi = await officer()
        .post(`/api/kpis/${f.kpis['50/K1.2.1']}/risks`)
        .send({ ...body, likelihood: 1, impact: 3, response: 'take' });
      expect(onKpi.body).toEqual(expect.objectContaining({ kpiId: f.kpis['50/K1.2.1'], score: 3, band: 'low' }));
      expect(
        (
          await officer()
            .post(`/api/projects/${id}/risks`)
            .send({ ...body, impact: 6 })
        ).status,
      ).toBe(400);
      expect(
        (
          await officer()
            .post(`/api/projects/${id}/risks`)
            .send({ ...body, response: 'tolerate' })
        ).status,
      ).toBe(400);

      const stale = await officer().patch(`/api/risks/${created.body.id}`).send({ version: 2, impact: 2 });
      expect(stale.status).toBe(409);
      const changed = await officer().patch(`/api/risks/${created.body.id}`).send({ version: 1, impact: 2 });
      expect(changed.body).toEqual(expect.objectContaining({ score: 8, band: 'medium', version: 2 }));
      const closed = await officer().patch(`/api/risks/${created.body.id}`).send({ version: 2, status: 'closed' });
      expect(closed.body.status).toBe('closed');

      const list = await as(t, f.tokens.governor50).get('/api/risks?unit=50');
      const ids = list.body.map((r: { id: string }) => r.id);
      expect(ids).toEqual(expect.arrayContaining([created.body.id, onKpi.body.id]));
      expect((await as(t, f.tokens.officer52).patch(`/api/risks/${created.body.id}`).send({ version: 3 })).status).toBe(
        403,
      );
    });
  });

  describe('read models (numbers checked against hand sums in SQL)', () => {
    const AS_OF = '2026-03-31';

    it('sums a province by type and source, with a monthly cumulative curve against the target', async () => {
      const res = await anyone().get(`/api/org-units/50/disbursement?fiscalYear=2569&asOf=${AS_OF}`);
      expect(res.status).toBe(200);
      const hand = await one(
        `SELECT SUM(p.allocated)::text AS allocated,
                (SELECT SUM(d.disbursed) FROM disbursement d JOIN project x ON x.id = d.project_id JOIN org_unit u ON u.id = x.org_unit_id
                 WHERE u.code = '50' AND x.fiscal_year = 2569 AND x.status <> 'cancelled' AND d.month <= $1)::text AS disbursed,
                (SELECT SUM(d.committed) FROM disbursement d JOIN project x ON x.id = d.project_id JOIN org_unit u ON u.id = x.org_unit_id
                 WHERE u.code = '50' AND x.fiscal_year = 2569 AND x.status <> 'cancelled' AND d.month <= $1)::text AS committed
         FROM project p JOIN org_unit u ON u.id = p.org_unit_id WHERE u.code = '50' AND p.fiscal_year = 2569 AND p.status <> 'cancelled'`,
        [AS_OF],
      );
      expect(res.body.total).toEqual(expect.objectContaining(hand));
      const rate = Math.round((Number(hand.disbursed) / Number(hand.allocated)) * 10000) / 100;
      expect(res.body.total.rate).toBeCloseTo(rate, 2);
      // On 31 March Q2 is still running (its figure applies from 1 April): the Q1 target, 30 %.
      expect(res.body.total.target).toBe(30);
      expect(res.body.total.gap).toBeCloseTo(rate - 30, 2);

      const capital = await one(
        `SELECT SUM(p.allocated)::text AS allocated FROM project p JOIN org_unit u ON u.id = p.org_unit_id
         WHERE u.code = '50' AND p.fiscal_year = 2569 AND p.status <> 'cancelled' AND p.budget_type = 'capital'`,
      );
      expect(res.body.byType.find((x: { budgetType: string }) => x.budgetType === 'capital')).toEqual(
        expect.objectContaining({ allocated: capital.allocated, target: 20 }),
      );
      const sources = res.body.bySource.map((s: { allocated: string }) => Number(s.allocated));
      expect(sources.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(Number(hand.allocated), 2);

      expect(res.body.curve.map((c: { month: string }) => c.month)).toEqual([
        '2025-10',
        '2025-11',
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
      ]);
      expect(res.body.curve[5].cumulativeDisbursed).toBe(hand.disbursed);
      expect(res.body.curve.map((c: { target: number }) => c.target)).toEqual([0, 0, 30, 30, 30, 30]);
      const linear = await anyone().get(
        `/api/org-units/50/disbursement?fiscalYear=2569&asOf=${AS_OF}&interpolation=linear`,
      );
      expect(linear.body.curve[0].target).toBe(10.11);

      // The same curve per budget type, against that type's own target; the types add up to the total.
      const capitalHand = await one(
        `SELECT SUM(d.disbursed)::text AS disbursed FROM disbursement d JOIN project x ON x.id = d.project_id
         JOIN org_unit u ON u.id = x.org_unit_id
         WHERE u.code = '50' AND x.fiscal_year = 2569 AND x.status <> 'cancelled' AND x.budget_type = 'capital' AND d.month <= $1`,
        [AS_OF],
      );
      type Point = { budgetType: string; cumulativeDisbursed: string; rate: number; target: number };
      const capitalCurve = res.body.curve.map((c: { byType: Point[] }) =>
        c.byType.find((x) => x.budgetType === 'capital'),
      );
      expect(capitalCurve.map((c: Point) => c.target)).toEqual([0, 0, 20, 20, 20, 20]);
      expect(capitalCurve[5].cumulativeDisbursed).toBe(capitalHand.disbursed);
      expect(capitalCurve[5].rate).toBeCloseTo((Number(capitalHand.disbursed) / Number(capital.allocated)) * 100, 2);
      for (const point of res.body.curve as { cumulativeDisbursed: string; byType: Point[] }[]) {
        const sum = point.byType.reduce((a, x) => a + Number(x.cumulativeDisbursed), 0);
        expect(sum).toBeCloseTo(Number(point.cumulativeDisbursed), 2);
      }
    });

    it('ranks the 77 provinces and the 18 clusters, rates matching the SQL sums', async () => {
      const provinces = await anyone().get(
        `/api/disbursement/ranking?fiscalYear=2569&asOf=${AS_OF}&budgetType=capital`,
      );
      expect(provinces.body.rows).toHaveLength(77);
      expect(provinces.body.target).toBe(20);
      const first = provinces.body.rows[0];
      expect(first.rank).toBe(1);
      const hand = await one(
        `SELECT SUM(d.disbursed) / (SELECT SUM(allocated) FROM project x JOIN org_unit v ON v.id = x.org_unit_id
                                   WHERE v.code = $2 AND x.fiscal_year = 2569 AND x.budget_type = 'capital' AND x.status <> 'cancelled') * 100 AS rate
         FROM disbursement d JOIN project p ON p.id = d.project_id JOIN org_unit u ON u.id = p.org_unit_id
         WHERE u.code = $2 AND p.fiscal_year = 2569 AND p.budget_type = 'capital' AND p.status <> 'cancelled' AND d.month <= $1`,
        [AS_OF, first.code],
      );
      expect(first.rate).toBeCloseTo(Number(hand.rate), 2);
      expect(first.gap).toBeCloseTo(first.rate - 20, 2);
      const rates = provinces.body.rows.map((r: { rate: number }) => r.rate);
      expect([...rates].sort((a, b) => b - a)).toEqual(rates);

      const clusters = await anyone().get(`/api/disbursement/ranking?fiscalYear=2569&asOf=${AS_OF}&level=cluster`);
      expect(clusters.body.rows).toHaveLength(18);
      const c15 = clusters.body.rows.find((r: { code: string }) => r.code === 'C15');
      // A cluster counts its provinces' projects and its own (the cluster project registered above).
      const c15Hand = await one(
        `SELECT SUM(p.allocated)::text AS allocated FROM project p JOIN org_unit u ON u.id = p.org_unit_id
         LEFT JOIN org_unit c ON c.id = u.parent_id
         WHERE (u.code = 'C15' OR (u.type = 'province' AND c.code = 'C15')) AND p.fiscal_year = 2569 AND p.status <> 'cancelled'`,
      );
      expect(c15.allocated).toBe(c15Hand.allocated);
    });

    it('lists the slowest projects of a province with owner and last update', async () => {
      const res = await anyone().get(`/api/org-units/50/slowest-projects?fiscalYear=2569&asOf=${AS_OF}&limit=5`);
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(5);
      const rates = res.body.map((r: { rate: number }) => r.rate);
      expect([...rates].sort((a, b) => a - b)).toEqual(rates);
      const [slowest] = await t.dataSource.query(
        `SELECT p.code FROM project p JOIN org_unit u ON u.id = p.org_unit_id
         WHERE u.code = '50' AND p.fiscal_year = 2569 AND p.status <> 'cancelled' AND p.allocated > 0
         ORDER BY COALESCE((SELECT SUM(disbursed) FROM disbursement d WHERE d.project_id = p.id AND d.month <= $1), 0) / p.allocated,
                  p.allocated DESC, p.code LIMIT 1`,
        [AS_OF],
      );
      expect(res.body[0].code).toBe(slowest.code);
      expect(res.body[0].ownerAgencyTh).toEqual(expect.any(String));
      // The demo's last figures are March's, and its progress of 2569-M03 was approved on 31 March.
      const all = await anyone().get(`/api/org-units/50/slowest-projects?fiscalYear=2569&asOf=${AS_OF}&limit=100`);
      const seeded = all.body.find((r: { code: string }) => r.code.startsWith('P69-'));
      expect(seeded).toEqual(expect.objectContaining({ lastUpdate: '2026-03-31', progress: expect.any(Number) }));
    });

    it('counts open risks per likelihood × impact cell', async () => {
      const res = await anyone().get('/api/org-units/50/risk-matrix?fiscalYear=2569');
      const hand = await one(
        `SELECT count(*)::int AS n FROM risk r LEFT JOIN project p ON p.id = r.project_id LEFT JOIN kpi k ON k.id = r.kpi_id
         JOIN org_unit u ON u.id = COALESCE(p.org_unit_id, k.org_unit_id)
         WHERE u.code = '50' AND r.status = 'open' AND (r.project_id IS NULL OR p.fiscal_year = 2569)`,
      );
      const total = res.body.cells.flat().reduce((a: number, b: number) => a + b, 0);
      expect(total).toBe(hand.n);
      expect(Object.values(res.body.byBand).reduce((a, b) => (a as number) + (b as number), 0)).toBe(hand.n);
      expect((await anyone().get('/api/org-units/XX/risk-matrix')).status).toBe(404);
    });
  });
});

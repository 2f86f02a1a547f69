import request from 'supertest';
import { DEMO_PASSWORD } from '../../database/seeds/demo/demo-users.seed';
import { as, auditCount, DemoActor, Fixture, seedFixture } from '../../testing/fixtures';
import { listRoutes } from '../../testing/routes';
import { bootTestApp, TestApp } from '../../testing/test-app';

type Who = DemoActor | 'anonymous';
const WHO: Who[] = [
  'anonymous',
  'admin',
  'analyst',
  'evaluator',
  'clusterC15',
  'governor50',
  'officer50',
  'approver50',
  'officer52',
];

const CM = '50/K1.2.1'; // Chiang Mai, tourism revenue (monthly)
const LP = '52/K1.2.1'; // Lampang, same KPI
const PERIOD = '2570-M01';

type State = 'absent' | 'draft' | 'submitted' | 'approved';

interface Case {
  name: string;
  /** The route this case exercises, as listRoutes names it. */
  route: string;
  /** The result row the call touches, put into `state` before each call. */
  target?: { kpi: string; state: State; submittedBy?: DemoActor };
  call: (who: Who, ctx: { version: number; f: Fixture }) => Promise<{ status: number; body: unknown }>;
  expect: Record<Who, number>;
  /** Puts other rows into the state the call expects, before each call. */
  before?: () => Promise<void>;
  /** Audit rows a successful write leaves: one per row it changes (default 1). */
  writes?: number;
}

/** Everyone refused, with 401 for the anonymous caller: the common shape of a protected write. */
const only = (allowed: Partial<Record<Who, number>>): Record<Who, number> => ({
  anonymous: 401,
  admin: 403,
  analyst: 403,
  evaluator: 403,
  clusterC15: 403,
  governor50: 403,
  officer50: 403,
  approver50: 403,
  officer52: 403,
  ...allowed,
});

/** Any signed-in user gets `status`; the anonymous caller 401. */
const signedIn = (status: number): Record<Who, number> => ({
  anonymous: 401,
  admin: status,
  analyst: status,
  evaluator: status,
  clusterC15: status,
  governor50: status,
  officer50: status,
  approver50: status,
  officer52: status,
});

describe('access matrix: every role × every route × own and other scopes (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  const client = (who: Who) => as(t, who === 'anonymous' ? null : f.tokens[who]);
  const results = (kpi: string) => `/api/kpis/${f.kpis[kpi]}/results`;

  async function arrange(target: NonNullable<Case['target']>): Promise<number> {
    const kpiId = f.kpis[target.kpi];
    await t.dataSource.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND period = $2`, [kpiId, PERIOD]);
    if (target.state === 'absent') return 0;
    const submitter = target.submittedBy ? f.userIds[target.submittedBy] : f.userIds.officer50;
    const [row] = await t.dataSource.query(
      `INSERT INTO kpi_result (kpi_id, fiscal_year, period, value, status, submitted_by, submitted_at, approved_by, approved_at)
       VALUES ($1, 2570, $2, 100, $3, $4, $5, $6, $7) RETURNING version`,
      [
        kpiId,
        PERIOD,
        target.state,
        target.state === 'draft' ? null : submitter,
        target.state === 'draft' ? null : new Date(),
        target.state === 'approved' ? f.userIds.approver50 : null,
        target.state === 'approved' ? new Date() : null,
      ],
    );
    return row.version;
  }

  const snapshot = async (kpi: string) =>
    t.dataSource.query(
      `SELECT status, value, version, return_reason FROM kpi_result WHERE kpi_id = $1 AND period = $2`,
      [f.kpis[kpi], PERIOD],
    );

  /** Ids and versions of Chiang Mai's demo strategy map, looked up when a case runs. */
  const one = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0];
  const cmPlan = () =>
    one(
      `SELECT p.id, p.version FROM plan p JOIN org_unit u ON u.id = p.org_unit_id WHERE u.code = '50' ORDER BY p.created_at LIMIT 1`,
    );
  const cmNode = (table: 'strategic_issue' | 'goal' | 'strategy', code: string) =>
    one(
      `SELECT x.id, x.version FROM ${table} x
       JOIN ${table === 'strategy' ? 'goal g ON g.id = x.goal_id JOIN strategic_issue i ON i.id = g.issue_id' : table === 'goal' ? 'strategic_issue i ON i.id = x.issue_id' : 'strategic_issue i ON i.id = x.id'}
       JOIN plan p ON p.id = i.plan_id JOIN org_unit u ON u.id = p.org_unit_id WHERE u.code = '50' AND x.code = $1`,
      [code],
    );
  const cmKpi = () => one(`SELECT id, version FROM kpi WHERE id = $1`, [f.kpis[CM]]);
  const write = only({ admin: 200, officer50: 200, approver50: 200 });
  const create = only({ admin: 201, officer50: 201, approver50: 201 });
  const tag = (who: Who) => `Z-${who}`.slice(0, 16);

  /** A plan for a unit: the same body, refused or allowed by the unit's level. */
  const planCase = (name: string, orgUnitCode: string, expect: Record<Who, number>): Case => ({
    name,
    route: 'POST /api/plans',
    call: (who) =>
      client(who)
        .post('/api/plans')
        .send({ orgUnitCode, nameTh: 'แผน', nameEn: 'Plan', visionTh: '-', visionEn: '-', startFy: 2571, endFy: 2575 }),
    expect,
  });
  /** A new child node (issue, goal, strategy) under a Chiang Mai parent found when the case runs. */
  const addCase = (name: string, route: string, url: () => Promise<string>, nameTh: string): Case => ({
    name,
    route,
    call: async (who) =>
      client(who)
        .post(await url())
        .send({ code: tag(who), nameTh, nameEn: 'Node' }),
    expect: create,
  });
  /** Renaming a versioned Chiang Mai row: its current version is read when the case runs. */
  const renameCase = (
    name: string,
    route: string,
    row: () => Promise<{ id: string; version: number }>,
    url: (id: string) => string,
  ): Case => ({
    name,
    route,
    call: async (who) => {
      const r = await row();
      return client(who)
        .patch(url(r.id))
        .send({ version: r.version, nameEn: `Renamed by ${who}` });
    },
    expect: write,
  });

  const strategyCases: Case[] = [
    planCase('create a Chiang Mai plan', '50', create),
    planCase('create a cluster plan for C15', 'C15', only({ admin: 201, clusterC15: 201 })),
    planCase('create a national plan', 'TH', only({ admin: 201, analyst: 201 })),
    renameCase("rename Chiang Mai's plan", 'PATCH /api/plans/:planId', cmPlan, (id) => `/api/plans/${id}`),
    addCase(
      "add an issue to Chiang Mai's plan",
      'POST /api/plans/:planId/issues',
      async () => `/api/plans/${(await cmPlan()).id}/issues`,
      'ประเด็น',
    ),
    renameCase(
      'rename a Chiang Mai issue',
      'PATCH /api/issues/:issueId',
      () => cmNode('strategic_issue', 'I1'),
      (id) => `/api/issues/${id}`,
    ),
    addCase(
      'add a goal to a Chiang Mai issue',
      'POST /api/issues/:issueId/goals',
      async () => `/api/issues/${(await cmNode('strategic_issue', 'I1')).id}/goals`,
      'เป้าประสงค์',
    ),
    renameCase(
      'rename a Chiang Mai goal',
      'PATCH /api/goals/:goalId',
      () => cmNode('goal', 'G1.1'),
      (id) => `/api/goals/${id}`,
    ),
    addCase(
      'add a strategy to a Chiang Mai goal',
      'POST /api/goals/:goalId/strategies',
      async () => `/api/goals/${(await cmNode('goal', 'G1.1')).id}/strategies`,
      'กลยุทธ์',
    ),
    renameCase(
      'rename a Chiang Mai strategy',
      'PATCH /api/strategies/:strategyId',
      () => cmNode('strategy', 'S1.1.1'),
      (id) => `/api/strategies/${id}`,
    ),
    {
      name: 'draw a cause → effect arrow between Chiang Mai goals',
      route: 'POST /api/goals/:goalId/links',
      before: async () => {
        const [cause, effect] = [await cmNode('goal', 'G1.1'), await cmNode('goal', 'G4.1')];
        await t.dataSource.query(`DELETE FROM goal_link WHERE cause_goal_id = $1 AND effect_goal_id = $2`, [
          cause.id,
          effect.id,
        ]);
      },
      call: async (who) =>
        client(who)
          .post(`/api/goals/${(await cmNode('goal', 'G1.1')).id}/links`)
          .send({ effectGoalId: (await cmNode('goal', 'G4.1')).id }),
      expect: create,
    },
    {
      name: 'remove a cause → effect arrow',
      route: 'DELETE /api/goals/:goalId/links/:effectGoalId',
      before: async () => {
        const [cause, effect] = [await cmNode('goal', 'G1.1'), await cmNode('goal', 'G4.1')];
        await t.dataSource.query(
          `INSERT INTO goal_link (cause_goal_id, effect_goal_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [cause.id, effect.id],
        );
      },
      call: async (who) =>
        client(who).delete(
          `/api/goals/${(await cmNode('goal', 'G1.1')).id}/links/${(await cmNode('goal', 'G4.1')).id}`,
        ),
      expect: only({ admin: 204, officer50: 204, approver50: 204 }),
    },
    {
      name: 'add a KPI to a Chiang Mai goal',
      route: 'POST /api/goals/:goalId/kpis',
      call: async (who) =>
        client(who)
          .post(`/api/goals/${(await cmNode('goal', 'G1.1')).id}/kpis`)
          .send({
            code: tag(who),
            nameTh: 'ตัวชี้วัด',
            nameEn: 'KPI',
            unitTh: 'ครั้ง',
            unitEn: 'times',
            direction: 'higher_better',
            frequency: 'quarterly',
            rollup: 'sum',
          }),
      expect: create,
    },
    {
      name: "edit a Chiang Mai KPI's definition",
      route: 'PATCH /api/kpis/:kpiId',
      call: async (who) => {
        const k = await cmKpi();
        return client(who)
          .patch(`/api/kpis/${k.id}`)
          .send({ version: k.version, definitionTh: `นิยาม ${who}` });
      },
      expect: write,
    },
    {
      name: "set a Chiang Mai KPI's target for FY 2571",
      route: 'PUT /api/kpis/:kpiId/targets/:fiscalYear',
      before: async () => {
        await t.dataSource.query(`DELETE FROM kpi_target WHERE kpi_id = $1 AND fiscal_year = 2571`, [f.kpis[CM]]);
      },
      call: (who) => client(who).put(`/api/kpis/${f.kpis[CM]}/targets/2571`).send({ target: '1500' }),
      expect: write,
    },
    {
      name: "read a Chiang Mai goal's KPI set-up (owners by name: its writers only)",
      route: 'GET /api/goals/:goalId/kpi-setup',
      call: async (who) => client(who).get(`/api/goals/${(await cmNode('goal', 'G1.1')).id}/kpi-setup`),
      expect: write,
    },
    {
      name: "read a Chiang Mai KPI's set-up",
      route: 'GET /api/kpis/:kpiId/setup',
      call: (who) => client(who).get(`/api/kpis/${f.kpis[CM]}/setup`),
      expect: write,
    },
    {
      name: 'import a plan sheet into Chiang Mai (an empty file: refused at the file, nothing written)',
      route: 'POST /api/org-units/:code/plan-import',
      call: (who) =>
        client(who)
          .post('/api/org-units/50/plan-import?fiscalYear=2570&dryRun=true')
          .attach('file', Buffer.from(''), { filename: 'plan.csv', contentType: 'text/csv' }),
      expect: only({ admin: 400, officer50: 400, approver50: 400 }),
    },
    {
      name: "review Chiang Mai's targets for FY 2570 (drafts are on it: its writers only)",
      route: 'GET /api/org-units/:code/new-year',
      call: (who) => client(who).get('/api/org-units/50/new-year?fiscalYear=2570'),
      expect: write,
    },
    {
      name: 'roll Chiang Mai over into FY 2590 (no plan reaches it: refused, nothing written)',
      route: 'POST /api/org-units/:code/new-year/rollover',
      call: (who) => client(who).post('/api/org-units/50/new-year/rollover').send({ fiscalYear: 2590 }),
      expect: only({ admin: 422, officer50: 422, approver50: 422 }),
    },
    {
      name: "publish Chiang Mai's drafted targets of FY 2571 (approvers only; none drafted: nothing written)",
      route: 'POST /api/org-units/:code/new-year/publish',
      call: (who) => client(who).post('/api/org-units/50/new-year/publish').send({ fiscalYear: 2571 }),
      expect: only({ admin: 200, approver50: 200 }),
      writes: 0,
    },
    {
      name: "publish Chiang Mai's plan (already published: refused after the gate, nothing written)",
      route: 'POST /api/plans/:planId/publish',
      call: async (who) => {
        const plan = await cmPlan();
        return client(who).post(`/api/plans/${plan.id}/publish`).send({ version: plan.version });
      },
      // The officer writes the plan but does not publish it (canPublishPlan).
      expect: only({ admin: 409, approver50: 409 }),
    },
    {
      name: 'set the KPI status thresholds of FY 2570 (amber above green: refused, nothing written)',
      route: 'PUT /api/kpi-status-thresholds/:fiscalYear',
      call: (who) => client(who).put('/api/kpi-status-thresholds/2570').send({ green: 80, amber: 90 }),
      expect: only({ admin: 422, analyst: 422 }),
    },
  ];

  /**
   * Performance agreements. Rows are put in place by SQL (unseen by the audit trail). Deriving an
   * agreement (1 + one row per indicator), adding an indicator (it and the re-weighted ones) and
   * evaluating a round (the round and the agreement's status) write several rows, so their cases
   * prove the gate with a call the service refuses after it: allowed callers get 409/422.
   */
  const agreementSql = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0];
  const INDICATOR_COLUMNS = `code, name_th, name_en, unit_th, unit_en, direction, kind, weight, l1, l2, l3, l4, l5, seq`;
  const INDICATOR_VALUES = `'M1', 'ตัวชี้วัด', 'Indicator', 'ร้อยละ', '%', 'higher_better', 'scale', 100, 1, 2, 3, 4, 5, 1`;
  const newTemplate = () =>
    agreementSql(
      `INSERT INTO agreement_template (fiscal_year, name_th, name_en) VALUES (2571, 'แม่แบบทดสอบ', 'matrix') RETURNING id, version`,
    );
  const draftTemplate = async () =>
    (await agreementSql(`SELECT id, version FROM agreement_template WHERE name_en = 'matrix draft'`)) ??
    agreementSql(
      `INSERT INTO agreement_template (fiscal_year, name_th, name_en) VALUES (2571, 'แม่แบบทดสอบ', 'matrix draft') RETURNING id, version`,
    );
  const draftTemplateIndicator = async () => {
    const template = await draftTemplate();
    await t.dataSource.query(
      `INSERT INTO agreement_template_indicator (template_id, ${INDICATOR_COLUMNS}) VALUES ($1, ${INDICATOR_VALUES}) ON CONFLICT DO NOTHING`,
      [template.id],
    );
    const indicator = await agreementSql(
      `SELECT id, version, l1::text FROM agreement_template_indicator WHERE template_id = $1 AND code = 'M1'`,
      [template.id],
    );
    return { template, indicator };
  };
  /** Chiang Mai's agreement: FY 2569 from the demo (signed, 6-month round evaluated), FY 2571 a draft made here. */
  const cmAgreement = (fy: number) =>
    agreementSql(
      `SELECT a.id, a.version FROM agreement a JOIN org_unit u ON u.id = a.org_unit_id WHERE u.code = '50' AND a.fiscal_year = $1`,
      [fy],
    );
  const cmDraftAgreement = async () => {
    const template = await draftTemplate();
    await t.dataSource.query(
      `INSERT INTO agreement (org_unit_id, fiscal_year, template_id) SELECT id, 2571, $1 FROM org_unit WHERE code = '50'
       ON CONFLICT DO NOTHING`,
      [template.id],
    );
    const a = await cmAgreement(2571);
    await t.dataSource.query(`UPDATE agreement SET status = 'draft' WHERE id = $1`, [a.id]);
    await t.dataSource.query(
      `INSERT INTO agreement_indicator (agreement_id, ${INDICATOR_COLUMNS}) VALUES ($1, ${INDICATOR_VALUES}) ON CONFLICT DO NOTHING`,
      [a.id],
    );
  };
  /** Chiang Mai's FY 2571 agreement put in a lifecycle state: no signed version, every indicator with its reason. */
  const cmAgreementIn = async (status: 'draft' | 'proposed' | 'accepted') => {
    await cmDraftAgreement();
    const a = await cmAgreement(2571);
    await t.dataSource.transaction(async (m) => {
      await m.query(`ALTER TABLE agreement_version DISABLE TRIGGER agreement_version_frozen`);
      await m.query(`DELETE FROM agreement_version WHERE agreement_id = $1`, [a.id]);
      await m.query(`ALTER TABLE agreement_version ENABLE TRIGGER agreement_version_frozen`);
      await m.query(`UPDATE agreement SET status = $2, signed_at = NULL, signed_by = NULL WHERE id = $1`, [
        a.id,
        status,
      ]);
      await m.query(`UPDATE agreement_indicator SET change_reason = 'matrix' WHERE agreement_id = $1`, [a.id]);
    });
  };
  /**
   * Chiang Mai's FY 2569 agreement taken back to signed with no round (the demo evaluated both),
   * then, for the evaluator's routes, its 6-month self-assessment submitted with every line pending
   * or accepted. A frozen review refuses DELETE by trigger: the reset (as the table's owner) sets it aside inside its own transaction.
   */
  const cmRound = async (review: 'none' | 'pending' | 'decided') => {
    const a = await cmAgreement(2569);
    await t.dataSource.transaction(async (m) => {
      await m.query(`ALTER TABLE agreement_round_review DISABLE TRIGGER agreement_round_review_frozen`);
      await m.query(`DELETE FROM agreement_round_review WHERE agreement_id = $1`, [a.id]);
      await m.query(`ALTER TABLE agreement_round_review ENABLE TRIGGER agreement_round_review_frozen`);
      await m.query(`DELETE FROM agreement_round WHERE agreement_id = $1`, [a.id]);
      await m.query(`UPDATE agreement SET status = 'agreed' WHERE id = $1`, [a.id]);
    });
    if (review === 'none') return;
    await t.dataSource.query(
      `INSERT INTO agreement_round_review (agreement_id, round, status, as_of, lines, submitted_by, submitted_at)
       SELECT $1, 6, 'submitted', '2026-04-01', jsonb_agg(jsonb_build_object(
         'indicatorId', i.id, 'code', i.code, 'selfActual', 1, 'narrativeTh', '', 'evidence', '[]'::jsonb,
         'decision', $2::text, 'evaluatedActual', NULL, 'evaluatedStep', NULL, 'reason', NULL,
         'decidedBy', NULL, 'decidedAt', NULL) ORDER BY i.seq, i.code), $3, now()
       FROM agreement_indicator i WHERE i.agreement_id = $1`,
      [a.id, review === 'pending' ? 'pending' : 'accepted', f.userIds.officer50],
    );
  };
  const cmStandalone = () =>
    agreementSql(
      `SELECT i.id FROM agreement_indicator i JOIN agreement a ON a.id = i.agreement_id JOIN org_unit u ON u.id = a.org_unit_id
       WHERE u.code = '50' AND a.fiscal_year = 2569 AND i.code = 'PA4'`,
    );
  const national = only({ admin: 201, analyst: 201 });

  const agreementCases: Case[] = [
    {
      name: 'create an agreement template',
      route: 'POST /api/agreement-templates',
      call: (who) =>
        client(who)
          .post('/api/agreement-templates')
          .send({ fiscalYear: 2571, nameTh: 'แม่แบบ', nameEn: `Template ${who}` }),
      expect: national,
    },
    {
      name: 'add an indicator to a draft template',
      route: 'POST /api/agreement-templates/:templateId/indicators',
      call: async (who) =>
        client(who)
          .post(`/api/agreement-templates/${(await draftTemplate()).id}/indicators`)
          .send({
            code: tag(who),
            nameTh: 'ตัวชี้วัด',
            nameEn: 'Indicator',
            unitTh: 'ร้อยละ',
            unitEn: '%',
            direction: 'higher_better',
            kind: 'scale',
            weight: 10,
            levels: [60, 65, 70, 75, 80],
          }),
      expect: national,
    },
    {
      name: "change a draft template indicator's levels",
      route: 'PATCH /api/agreement-templates/:templateId/indicators/:indicatorId',
      call: async (who) => {
        const { template, indicator } = await draftTemplateIndicator();
        return client(who)
          .patch(`/api/agreement-templates/${template.id}/indicators/${indicator.id}`)
          .send({ version: indicator.version, levels: indicator.l1 === '1' ? [0, 2, 3, 4, 5] : [1, 2, 3, 4, 5] });
      },
      expect: only({ admin: 200, analyst: 200 }),
    },
    {
      name: 'publish a template',
      route: 'POST /api/agreement-templates/:templateId/publish',
      call: async (who) => {
        const template = await newTemplate();
        await t.dataSource.query(
          `INSERT INTO agreement_template_indicator (template_id, ${INDICATOR_COLUMNS}) VALUES ($1, ${INDICATOR_VALUES})`,
          [template.id],
        );
        return client(who).post(`/api/agreement-templates/${template.id}/publish`).send({ version: template.version });
      },
      expect: only({ admin: 200, analyst: 200 }),
    },
    {
      name: "derive Chiang Mai's agreement from a published template",
      route: 'POST /api/agreements',
      // A published one-indicator template for FY 2572, and no Chiang Mai agreement for that year yet.
      before: async () => {
        await t.dataSource.query(
          `DELETE FROM agreement_indicator WHERE agreement_id IN (
             SELECT a.id FROM agreement a JOIN org_unit u ON u.id = a.org_unit_id WHERE u.code = '50' AND a.fiscal_year = 2572)`,
        );
        await t.dataSource.query(
          `DELETE FROM agreement WHERE fiscal_year = 2572 AND org_unit_id = (SELECT id FROM org_unit WHERE code = '50')`,
        );
        const existing = await agreementSql(`SELECT id FROM agreement_template WHERE fiscal_year = 2572`);
        if (existing) return;
        const template = await agreementSql(
          `INSERT INTO agreement_template (fiscal_year, name_th, name_en, status) VALUES (2572, 'แม่แบบ 2572', 'FY 2572', 'published')
           RETURNING id`,
        );
        await t.dataSource.query(
          `INSERT INTO agreement_template_indicator (template_id, ${INDICATOR_COLUMNS}) VALUES ($1, ${INDICATOR_VALUES})`,
          [template.id],
        );
      },
      call: async (who) => {
        const template = await agreementSql(`SELECT id FROM agreement_template WHERE fiscal_year = 2572`);
        return client(who).post('/api/agreements').send({ orgUnitCode: '50', templateId: template.id });
      },
      expect: create,
      // The agreement and its one indicator.
      writes: 2,
    },
    {
      name: "add an indicator to Chiang Mai's draft agreement, re-weighting the other",
      route: 'POST /api/agreements/:agreementId/indicators',
      before: async () => {
        await cmDraftAgreement();
        const a = await cmAgreement(2571);
        await t.dataSource.query(`DELETE FROM agreement_indicator WHERE agreement_id = $1 AND code <> 'M1'`, [a.id]);
        await t.dataSource.query(`UPDATE agreement_indicator SET weight = 100 WHERE agreement_id = $1`, [a.id]);
      },
      call: async (who) => {
        const a = await cmAgreement(2571);
        const m1 = await agreementSql(
          `SELECT id, version FROM agreement_indicator WHERE agreement_id = $1 AND code = 'M1'`,
          [a.id],
        );
        return client(who)
          .post(`/api/agreements/${a.id}/indicators`)
          .send({
            indicator: {
              code: 'CM1',
              nameTh: 'ตัวชี้วัดเฉพาะจังหวัด',
              nameEn: 'Province-specific',
              unitTh: 'ร้อยละ',
              unitEn: '%',
              direction: 'higher_better',
              kind: 'scale',
              weight: 10,
              levels: [60, 65, 70, 75, 80],
            },
            weights: [{ id: m1.id, version: m1.version, weight: 90 }],
          });
      },
      expect: create,
      // The new indicator and the re-weighted one.
      writes: 2,
    },
    {
      name: "change the levels of Chiang Mai's draft agreement",
      route: 'PATCH /api/agreements/:agreementId/indicators',
      before: cmDraftAgreement,
      call: async (who) => {
        const a = await cmAgreement(2571);
        const i = await agreementSql(`SELECT id, version, l1::text FROM agreement_indicator WHERE agreement_id = $1`, [
          a.id,
        ]);
        return client(who)
          .patch(`/api/agreements/${a.id}/indicators`)
          .send({
            indicators: [{ id: i.id, version: i.version, levels: i.l1 === '1' ? [0, 2, 3, 4, 5] : [1, 2, 3, 4, 5] }],
          });
      },
      expect: write,
    },
    {
      name: "propose Chiang Mai's draft agreement to the ministry",
      route: 'POST /api/agreements/:agreementId/propose',
      before: () => cmAgreementIn('draft'),
      call: async (who) => {
        const a = await cmAgreement(2571);
        return client(who).post(`/api/agreements/${a.id}/propose`).send({ version: a.version });
      },
      // The province proposes; the governor signs later but does not propose.
      expect: write,
    },
    {
      name: "accept Chiang Mai's proposed agreement",
      route: 'POST /api/agreements/:agreementId/decision',
      before: () => cmAgreementIn('proposed'),
      call: async (who) => {
        const a = await cmAgreement(2571);
        return client(who).post(`/api/agreements/${a.id}/decision`).send({ version: a.version, decision: 'accept' });
      },
      // The ministry decides: never the province itself, nor the evaluator.
      expect: only({ admin: 200, analyst: 200 }),
    },
    {
      name: 'list the proposals and amendments waiting for the ministry',
      route: 'GET /api/agreements/queue',
      call: (who) => client(who).get('/api/agreements/queue'),
      expect: only({ admin: 200, analyst: 200 }),
      writes: 0,
    },
    {
      name: "sign Chiang Mai's accepted agreement",
      route: 'POST /api/agreements/:agreementId/sign',
      before: () => cmAgreementIn('accepted'),
      call: async (who) => {
        const a = await cmAgreement(2571);
        return client(who).post(`/api/agreements/${a.id}/sign`).send({
          version: a.version,
          signedByGovernor: 'ผู้ว่าราชการจังหวัดเชียงใหม่',
          signedByMinistry: 'ปลัดกระทรวงมหาดไทย',
          signedAt: '2026-10-20',
        });
      },
      // The governor alone signs: the approver no longer does.
      expect: only({ admin: 200, governor50: 200 }),
      // The agreement and its signed version 1.
      writes: 2,
    },
    {
      name: "approve a pending amendment of Chiang Mai's signed agreement",
      route: 'POST /api/agreements/:agreementId/amendments/:amendmentId/decision',
      before: async () => {
        await cmRound('none');
        const a = await cmAgreement(2569);
        await t.dataSource.query(`DELETE FROM agreement_amendment WHERE agreement_id = $1 AND status = 'pending'`, [
          a.id,
        ]);
        await t.dataSource.query(
          `INSERT INTO agreement_amendment (agreement_id, reason, made_by, changes, status)
           SELECT $1, 'matrix', $2, jsonb_build_array(jsonb_build_object(
             'indicatorId', i.id, 'code', i.code, 'action', 'update', 'before', NULL,
             'after', jsonb_build_object('nameTh', i.name_th, 'nameEn', 'Amended ' || substr(md5(random()::text), 1, 8),
               'unitTh', i.unit_th, 'unitEn', i.unit_en, 'weight', i.weight::text, 'kpiId', i.kpi_id,
               'levels', jsonb_build_array(i.l1::text, i.l2::text, i.l3::text, i.l4::text, i.l5::text)))),
             'pending'
           FROM agreement_indicator i WHERE i.agreement_id = $1 AND i.kind = 'scale' ORDER BY i.seq LIMIT 1`,
          [a.id, f.userIds.officer50],
        );
      },
      call: async (who) => {
        const a = await cmAgreement(2569);
        const am = await agreementSql(
          `SELECT id, version FROM agreement_amendment WHERE agreement_id = $1 AND status = 'pending'`,
          [a.id],
        );
        return client(who)
          .post(`/api/agreements/${a.id}/amendments/${am.id}/decision`)
          .send({ version: am.version, decision: 'approve' });
      },
      expect: only({ admin: 200, analyst: 200 }),
      // The changed indicator, the amendment and the new signed version.
      writes: 3,
    },
    {
      name: "submit Chiang Mai's 6-month self-assessment",
      route: 'POST /api/agreements/:agreementId/rounds/:round/submit',
      before: () => cmRound('none'),
      call: async (who) => {
        const a = await cmAgreement(2569);
        return client(who).post(`/api/agreements/${a.id}/rounds/6/submit`).send({ version: a.version, indicators: [] });
      },
      // The province submits; the evaluator and the governor do not.
      expect: only({ admin: 200, officer50: 200, approver50: 200 }),
    },
    {
      name: "decide one indicator of Chiang Mai's submitted 6-month round",
      route: 'PUT /api/agreements/:agreementId/rounds/:round/indicators/:indicatorId',
      before: () => cmRound('pending'),
      call: async (who) => {
        const a = await cmAgreement(2569);
        const [review] = await t.dataSource.query(
          `SELECT version, lines->0->>'indicatorId' AS "indicatorId" FROM agreement_round_review WHERE agreement_id = $1 AND round = 6`,
          [a.id],
        );
        return client(who)
          .put(`/api/agreements/${a.id}/rounds/6/indicators/${review.indicatorId}`)
          .send({ version: review.version, decision: 'accepted' });
      },
      // The centre evaluates: never the province's own approver.
      expect: only({ admin: 200, evaluator: 200 }),
    },
    {
      name: "freeze Chiang Mai's evaluated 6-month round",
      route: 'POST /api/agreements/:agreementId/rounds/:round/freeze',
      before: () => cmRound('decided'),
      call: async (who) => {
        const a = await cmAgreement(2569);
        const [review] = await t.dataSource.query(
          `SELECT version FROM agreement_round_review WHERE agreement_id = $1 AND round = 6`,
          [a.id],
        );
        return client(who).post(`/api/agreements/${a.id}/rounds/6/freeze`).send({ version: review.version });
      },
      expect: only({ admin: 200, evaluator: 200 }),
      // The frozen round, the frozen review and the agreement's new status.
      writes: 3,
    },
    {
      name: 'enter a result of a Chiang Mai standalone indicator',
      route: 'PUT /api/agreement-indicators/:indicatorId/results/:period',
      before: async () => {
        await t.dataSource.query(
          `DELETE FROM agreement_indicator_result WHERE indicator_id = $1 AND period = '2569-Q1'`,
          [(await cmStandalone()).id],
        );
      },
      call: async (who) =>
        client(who)
          .put(`/api/agreement-indicators/${(await cmStandalone()).id}/results/2569-Q1`)
          .send({ value: '85' }),
      expect: write,
    },
    {
      name: "approve an officer's result of a Chiang Mai standalone indicator",
      route: 'POST /api/agreement-indicators/:indicatorId/results/:period/approve',
      before: async () => {
        const { id } = await cmStandalone();
        await t.dataSource.query(
          `DELETE FROM agreement_indicator_result WHERE indicator_id = $1 AND period = '2569-Q2'`,
          [id],
        );
        await t.dataSource.query(
          `INSERT INTO agreement_indicator_result (indicator_id, period, value, entered_by) VALUES ($1, '2569-Q2', 86, $2)`,
          [id, f.userIds.officer50],
        );
      },
      call: async (who) =>
        client(who)
          .post(`/api/agreement-indicators/${(await cmStandalone()).id}/results/2569-Q2/approve`)
          .send({ version: 1 }),
      expect: only({ admin: 200, approver50: 200 }),
    },
    {
      name: "read the ministry's agreement ranking (a province's or cluster's people are refused)",
      route: 'GET /api/ministry/agreement-ranking',
      call: (who) => client(who).get('/api/ministry/agreement-ranking?fiscalYear=2569&round=6'),
      expect: only({ admin: 200, analyst: 200, evaluator: 200 }),
    },
    {
      name: "download the ministry's agreement ranking as XLSX",
      route: 'GET /api/ministry/agreement-ranking.xlsx',
      call: (who) => client(who).get('/api/ministry/agreement-ranking.xlsx?fiscalYear=2569&round=live'),
      expect: only({ admin: 200, analyst: 200, evaluator: 200 }),
    },
    {
      name: "read the country's reporting completeness (drafts and returns count: central staff only)",
      route: 'GET /api/analysis/completeness',
      call: (who) => client(who).get('/api/analysis/completeness?fiscalYear=2569'),
      expect: only({ admin: 200, analyst: 200, evaluator: 200 }),
    },
    {
      name: "read a province's owed results KPI by KPI",
      route: 'GET /api/analysis/completeness/:unitCode',
      call: (who) => client(who).get('/api/analysis/completeness/50?fiscalYear=2569'),
      expect: only({ admin: 200, analyst: 200, evaluator: 200 }),
    },
    {
      name: "list the explorer's saved views (the ministry's shared list)",
      route: 'GET /api/analysis/explorer/views',
      call: (who) => client(who).get('/api/analysis/explorer/views'),
      expect: only({ admin: 200, analyst: 200, evaluator: 200 }),
    },
    {
      name: 'save an explorer view',
      route: 'POST /api/analysis/explorer/views',
      call: (who) =>
        client(who)
          .post('/api/analysis/explorer/views')
          .send({ name: `view of ${who}`, query: { measure: 'status', rows: 'region', years: '2569' } }),
      expect: only({ admin: 201, analyst: 201, evaluator: 201 }),
    },
    {
      name: "remove an analyst's saved view (its owner or an admin)",
      route: 'DELETE /api/analysis/explorer/views/:id',
      before: async () => {
        await t.dataSource.query(
          `INSERT INTO explorer_view (id, owner_id, name, query) VALUES ('5e1f0000-0000-4000-8000-000000000001', $1, 'ภาค', '{}')
           ON CONFLICT (id) DO NOTHING`,
          [f.userIds.analyst],
        );
      },
      call: (who) => client(who).delete('/api/analysis/explorer/views/5e1f0000-0000-4000-8000-000000000001'),
      expect: only({ admin: 204, analyst: 204 }),
    },
    {
      name: "read the country's data-quality findings by province (submissions, reopens and officers' names: central staff only)",
      route: 'GET /api/analysis/quality',
      call: (who) => client(who).get('/api/analysis/quality?fiscalYear=2569'),
      expect: only({ admin: 200, analyst: 200, evaluator: 200 }),
    },
    {
      name: "read a province's data-quality findings",
      route: 'GET /api/analysis/quality/:unitCode',
      call: (who) => client(who).get('/api/analysis/quality/50?fiscalYear=2569'),
      expect: only({ admin: 200, analyst: 200, evaluator: 200 }),
    },
  ];

  /** A Chiang Mai project of the demo (FY 2569) and one of its progress months, put into a state. */
  const cmProject = () =>
    one(
      `SELECT p.id, p.version FROM project p JOIN org_unit u ON u.id = p.org_unit_id
       WHERE u.code = '50' AND p.fiscal_year = 2569 AND p.code = 'P69-001'`,
    );
  const cmRisk = () =>
    one(
      `SELECT r.id, r.version FROM risk r JOIN project p ON p.id = r.project_id JOIN org_unit u ON u.id = p.org_unit_id
       WHERE u.code = '50' ORDER BY r.id LIMIT 1`,
    );
  /** A fresh Chiang Mai directive given to officer50 by governor50, in `state`, before each call. */
  let directiveId = '';
  const directiveIn = (state: string) => async () => {
    const [row] = await t.dataSource.query(
      `INSERT INTO directive (org_unit_id, title, owner_user_id, due_date, source, state, issued_by)
       SELECT u.id, 'เร่งรัดการเบิกจ่าย', $1, '2099-12-31', 'none', $2, $3 FROM org_unit u WHERE u.code = '50'
       RETURNING id`,
      [f.userIds.officer50, state, f.userIds.governor50],
    );
    directiveId = row.id;
  };
  /**
   * A fresh Chiang Mai meeting in `state` (chaired by governor50) with one agenda item (a KPI) and
   * one decision on it, before each call. Dated after every other case's meeting unless told, so no
   * case's agenda carries another's directives.
   */
  let meetingId = '';
  let decisionId = '';
  const meetingIn =
    (state: 'draft' | 'held' | 'closed', date = '2027-01-01', withItem = true) =>
    async () => {
      const [m] = await t.dataSource.query(
        `INSERT INTO meeting (org_unit_id, meeting_date, title, state, chair_user_id, created_by)
         SELECT u.id, $1, 'ประชุมหัวหน้าส่วนราชการ', $2, $3, $3 FROM org_unit u WHERE u.code = '50' RETURNING id`,
        [date, state, f.userIds.governor50],
      );
      meetingId = m.id;
      if (!withItem) return;
      const [item] = await t.dataSource.query(
        `INSERT INTO meeting_agenda_item (meeting_id, seq, kind, kpi_id, title_th, title_en)
         VALUES ($1, 1, 'red_kpi', $2, 'K1.2.1', 'K1.2.1') RETURNING id`,
        [meetingId, f.kpis[CM]],
      );
      const [d] = await t.dataSource.query(
        `INSERT INTO meeting_decision (meeting_id, agenda_item_id, text, recorded_by) VALUES ($1, $2, 'เร่งรัด', $3)
         RETURNING id`,
        [meetingId, item.id, f.userIds.officer50],
      );
      decisionId = d.id;
    };
  /** The province's secretary (officer, approver), its governor and admins; nobody else. */
  const meetingRunners = (status: number) =>
    only({ admin: status, governor50: status, officer50: status, approver50: status });
  const directiveReaders = { ...only({}), admin: 200, governor50: 200, officer50: 200, approver50: 200 };
  const owner = only({ admin: 200, officer50: 200 });
  const issuer = only({ admin: 200, governor50: 200 });
  const progressIn =
    (state: State, submittedBy: DemoActor = 'officer50') =>
    async () => {
      const { id } = await cmProject();
      await t.dataSource.query(`DELETE FROM project_progress WHERE project_id = $1 AND period = '2569-M02'`, [id]);
      if (state === 'absent') return;
      await t.dataSource.query(
        `INSERT INTO project_progress (project_id, period, percent, status, submitted_by, submitted_at)
       VALUES ($1, '2569-M02', 10, $2, $3, $4)`,
        [id, state, state === 'draft' ? null : f.userIds[submittedBy], state === 'draft' ? null : new Date()],
      );
    };
  const progressVersion = async () =>
    (
      await one(`SELECT version FROM project_progress WHERE project_id = $1 AND period = '2569-M02'`, [
        (await cmProject()).id,
      ])
    ).version;

  let batchToRollBack = '';
  const projectCases: Case[] = [
    {
      name: 'create a Chiang Mai project',
      route: 'POST /api/projects',
      call: async (who) =>
        client(who)
          .post('/api/projects')
          .send({
            orgUnitCode: '50',
            strategyId: (await cmNode('strategy', 'S1.1.1')).id,
            code: tag(who),
            nameTh: 'โครงการทดสอบ',
            nameEn: 'Test project',
            ownerAgencyTh: 'สำนักงานจังหวัด',
            fiscalYear: 2570,
            budgetSource: 'province',
            budgetType: 'capital',
            allocated: '1000000.00',
            startDate: '2025-10-01',
            endDate: '2026-09-30',
          }),
      expect: create,
    },
    {
      name: 'rename a Chiang Mai project',
      route: 'PATCH /api/projects/:projectId',
      call: async (who) => {
        const { id, version } = await cmProject();
        return client(who)
          .patch(`/api/projects/${id}`)
          .send({ version, nameEn: `Renamed by ${who}` });
      },
      expect: write,
    },
    {
      name: 'enter progress of a Chiang Mai project',
      route: 'PUT /api/projects/:projectId/progress/:period',
      before: progressIn('absent'),
      call: async (who) =>
        client(who)
          .put(`/api/projects/${(await cmProject()).id}/progress/2569-M02`)
          .send({ percent: 12.5 }),
      expect: write,
    },
    {
      name: 'submit progress of a Chiang Mai project',
      route: 'POST /api/projects/:projectId/progress/:period/submit',
      before: progressIn('draft'),
      call: async (who) =>
        client(who)
          .post(`/api/projects/${(await cmProject()).id}/progress/2569-M02/submit`)
          .send({ version: await progressVersion() }),
      expect: write,
    },
    {
      name: "approve an officer's progress of a Chiang Mai project",
      route: 'POST /api/projects/:projectId/progress/:period/approve',
      before: progressIn('submitted'),
      call: async (who) =>
        client(who)
          .post(`/api/projects/${(await cmProject()).id}/progress/2569-M02/approve`)
          .send({ version: await progressVersion() }),
      expect: only({ admin: 200, approver50: 200 }),
    },
    {
      name: "approve one's own progress submission",
      route: 'POST /api/projects/:projectId/progress/:period/approve',
      before: progressIn('submitted', 'approver50'),
      call: async (who) =>
        client(who)
          .post(`/api/projects/${(await cmProject()).id}/progress/2569-M02/approve`)
          .send({ version: await progressVersion() }),
      expect: only({ admin: 200, approver50: 403 }),
    },
    {
      name: 'return progress of a Chiang Mai project',
      route: 'POST /api/projects/:projectId/progress/:period/return',
      before: progressIn('submitted'),
      call: async (who) =>
        client(who)
          .post(`/api/projects/${(await cmProject()).id}/progress/2569-M02/return`)
          .send({ version: await progressVersion(), reason: 'ไม่มีหลักฐาน' }),
      expect: only({ admin: 200, approver50: 200 }),
    },
    {
      name: 'set the FY 2571 capital disbursement targets',
      route: 'PUT /api/disbursement-targets/:fiscalYear/:budgetType',
      call: async (who) => {
        const row = await one(
          `SELECT version FROM disbursement_target WHERE fiscal_year = 2571 AND budget_type = 'capital'`,
        );
        return (
          client(who)
            .put('/api/disbursement-targets/2571/capital')
            // A different Q1 per caller, so every allowed call changes the row.
            .send({ q1: WHO.indexOf(who), q2: 40, q3: 60, q4: 80, version: row?.version })
        );
      },
      // National settings: central staff and admins only.
      expect: only({ admin: 200, analyst: 200 }),
    },
    {
      name: "read Chiang Mai's risk register",
      route: 'GET /api/risks',
      call: (who) => client(who).get('/api/risks?unit=50'),
      expect: {
        ...only({}),
        admin: 200,
        analyst: 200,
        evaluator: 200,
        clusterC15: 200,
        governor50: 200,
        officer50: 200,
        approver50: 200,
      },
    },
    {
      name: 'add a risk to a Chiang Mai project',
      route: 'POST /api/projects/:projectId/risks',
      call: async (who) =>
        client(who)
          .post(`/api/projects/${(await cmProject()).id}/risks`)
          .send({ description: 'ผู้รับจ้างล่าช้า', likelihood: 3, impact: 4, response: 'treat', owner: 'โยธาจังหวัด' }),
      expect: create,
      // The risk and its first kept assessment.
      writes: 2,
    },
    {
      name: 'add a risk to a Chiang Mai KPI',
      route: 'POST /api/kpis/:kpiId/risks',
      call: (who) =>
        client(who).post(`/api/kpis/${f.kpis[CM]}/risks`).send({
          description: 'ข้อมูลนักท่องเที่ยวล่าช้า',
          likelihood: 2,
          impact: 2,
          response: 'take',
          owner: 'ท่องเที่ยวจังหวัด',
        }),
      expect: create,
      writes: 2,
    },
    {
      name: 'change a Chiang Mai risk',
      route: 'PATCH /api/risks/:riskId',
      call: async (who) => {
        const { id, version } = await cmRisk();
        return client(who)
          .patch(`/api/risks/${id}`)
          .send({ version, mitigation: `ติดตามโดย ${who}` });
      },
      expect: write,
    },
    {
      name: 'add an organisation-level risk to Chiang Mai',
      route: 'POST /api/units/:unitCode/risks',
      call: (who) =>
        client(who)
          .post('/api/units/50/risks')
          .send({ description: 'ภัยแล้งยาวนาน', likelihood: 3, impact: 5, response: 'treat', owner: 'ปภ.จังหวัด' }),
      expect: create,
      // The risk and its first kept assessment.
      writes: 2,
    },
    {
      name: 'read a Chiang Mai risk with its assessments',
      route: 'GET /api/risks/:riskId',
      call: async (who) => client(who).get(`/api/risks/${(await cmRisk()).id}`),
      expect: {
        ...only({}),
        admin: 200,
        analyst: 200,
        evaluator: 200,
        clusterC15: 200,
        governor50: 200,
        officer50: 200,
        approver50: 200,
      },
    },
    {
      name: 'reassess a Chiang Mai risk',
      route: 'POST /api/risks/:riskId/assessments',
      call: async (who) => {
        const { id, version } = await cmRisk();
        return client(who)
          .post(`/api/risks/${id}/assessments`)
          .send({ version, likelihood: 3, impact: 3, response: 'treat', residualLikelihood: 2, residualImpact: 2 });
      },
      expect: write,
      // The risk (its version moves even when the values repeat) and the kept assessment.
      writes: 2,
    },
    {
      name: 'read whether Chiang Mai publishes its follow-up',
      route: 'GET /api/units/:unitCode/follow-up-publication',
      call: (who) => client(who).get('/api/units/50/follow-up-publication'),
      expect: {
        ...only({}),
        admin: 200,
        analyst: 200,
        evaluator: 200,
        clusterC15: 200,
        governor50: 200,
        officer50: 200,
        approver50: 200,
      },
    },
    {
      name: "turn Chiang Mai's public follow-up on or off",
      route: 'PUT /api/units/:unitCode/follow-up-publication',
      call: async (who) => {
        const [row] = await t.dataSource.query(
          `SELECT p.public, p.version FROM follow_up_publication p JOIN org_unit u ON u.id = p.org_unit_id WHERE u.code = '50'`,
        );
        return client(who)
          .put('/api/units/50/follow-up-publication')
          .send({ public: !(row?.public ?? false), version: row?.version ?? 0 });
      },
      // The province's own call: its governor, or an admin.
      expect: only({ admin: 200, governor50: 200 }),
    },
    {
      name: "read Chiang Mai's directives page",
      route: 'GET /api/directives',
      call: (who) => client(who).get('/api/directives?unit=50'),
      // The province's internal follow-up: its own people and admins, not ministry or cluster staff.
      expect: directiveReaders,
    },
    {
      name: 'read a Chiang Mai directive',
      route: 'GET /api/directives/:directiveId',
      before: directiveIn('issued'),
      call: (who) => client(who).get(`/api/directives/${directiveId}`),
      expect: directiveReaders,
    },
    {
      name: 'issue a Chiang Mai directive',
      route: 'POST /api/directives',
      call: (who) =>
        client(who).post('/api/directives').send({
          orgUnitCode: '50',
          title: 'ติดตามรายได้การท่องเที่ยว',
          ownerAgency: 'ท่องเที่ยวจังหวัด',
          dueDate: '2099-12-31',
        }),
      expect: only({ admin: 201, governor50: 201 }),
    },
    {
      name: 'acknowledge a directive given to officer50',
      route: 'POST /api/directives/:directiveId/acknowledge',
      before: directiveIn('issued'),
      call: (who) => client(who).post(`/api/directives/${directiveId}/acknowledge`).send({ version: 1 }),
      expect: owner,
    },
    {
      name: 'post progress on a directive given to officer50',
      route: 'POST /api/directives/:directiveId/progress',
      before: directiveIn('acknowledged'),
      call: (who) =>
        client(who)
          .post(`/api/directives/${directiveId}/progress`)
          .send({ version: 1, note: 'ดำเนินการแล้ว', percent: 50 }),
      expect: owner,
      // The post and the directive's new state.
      writes: 2,
    },
    {
      name: 'ask to close a directive given to officer50',
      route: 'POST /api/directives/:directiveId/request-close',
      before: directiveIn('in_progress'),
      call: (who) => client(who).post(`/api/directives/${directiveId}/request-close`).send({ version: 1 }),
      expect: owner,
    },
    {
      name: 'close a Chiang Mai directive',
      route: 'POST /api/directives/:directiveId/close',
      before: directiveIn('close_requested'),
      call: (who) => client(who).post(`/api/directives/${directiveId}/close`).send({ version: 1 }),
      expect: issuer,
    },
    {
      name: 'return a Chiang Mai directive',
      route: 'POST /api/directives/:directiveId/return',
      before: directiveIn('close_requested'),
      call: (who) => client(who).post(`/api/directives/${directiveId}/return`).send({ version: 1, note: 'ยังไม่ครบ' }),
      expect: issuer,
    },
    {
      name: "list Chiang Mai's meetings",
      route: 'GET /api/meetings',
      before: meetingIn('closed'),
      call: (who) => client(who).get('/api/meetings?unit=50'),
      // The province's internal business: never the public, ministry or cluster staff.
      expect: meetingRunners(200),
    },
    {
      name: 'read a Chiang Mai meeting',
      route: 'GET /api/meetings/:meetingId',
      before: meetingIn('held'),
      call: (who) => client(who).get(`/api/meetings/${meetingId}`),
      expect: meetingRunners(200),
    },
    {
      name: 'open a Chiang Mai meeting',
      route: 'POST /api/meetings',
      // Before every other case's meeting: nothing to carry, so the meeting is the one row written.
      call: (who) =>
        client(who)
          .post('/api/meetings')
          .send({ orgUnitCode: '50', meetingDate: '2020-01-01', title: 'ประชุมประจำเดือน' }),
      expect: meetingRunners(201),
    },
    {
      name: "build a Chiang Mai meeting's agenda",
      route: 'POST /api/meetings/:meetingId/agenda',
      // Mid-March 2026 (FY 2569): the demo's one red KPI of Chiang Mai then (K3.1.1) goes on it. The
      // risk cases above left high risks open in Chiang Mai (each would be an item too): closed here,
      // so the count below does not depend on which of those cases ran.
      before: async () => {
        await t.dataSource.query(`UPDATE risk SET status = 'closed' WHERE status = 'open'
          AND COALESCE(org_unit_id, (SELECT org_unit_id FROM project WHERE id = project_id),
                       (SELECT org_unit_id FROM kpi WHERE id = kpi_id)) = (SELECT id FROM org_unit WHERE code = '50')`);
        await meetingIn('draft', '2026-03-15', false)();
      },
      call: (who) => client(who).post(`/api/meetings/${meetingId}/agenda`).send({ version: 1 }),
      expect: meetingRunners(200),
      // The agenda item and the meeting's new version.
      writes: 2,
    },
    {
      name: 'hold a Chiang Mai meeting',
      route: 'POST /api/meetings/:meetingId/hold',
      before: meetingIn('draft'),
      call: (who) => client(who).post(`/api/meetings/${meetingId}/hold`).send({ version: 1 }),
      expect: meetingRunners(200),
    },
    {
      name: "close a Chiang Mai meeting's minutes",
      route: 'POST /api/meetings/:meetingId/close',
      before: meetingIn('held'),
      call: (who) => client(who).post(`/api/meetings/${meetingId}/close`).send({ version: 1 }),
      expect: meetingRunners(200),
    },
    {
      name: 'record a decision at a Chiang Mai meeting',
      route: 'POST /api/meetings/:meetingId/decisions',
      before: meetingIn('held'),
      call: async (who) => {
        const [item] = await t.dataSource.query(`SELECT id FROM meeting_agenda_item WHERE meeting_id = $1`, [
          meetingId,
        ]);
        return client(who)
          .post(`/api/meetings/${meetingId}/decisions`)
          .send({ agendaItemId: item.id, text: 'มอบหมายให้เร่งรัด' });
      },
      expect: meetingRunners(201),
    },
    {
      name: "turn a Chiang Mai meeting's decision into a directive",
      route: 'POST /api/meetings/:meetingId/decisions/:decisionId/directive',
      before: meetingIn('held'),
      call: (who) =>
        client(who)
          .post(`/api/meetings/${meetingId}/decisions/${decisionId}/directive`)
          .send({ version: 1, ownerAgency: 'ท่องเที่ยวจังหวัด', dueDate: '2099-12-31' }),
      expect: meetingRunners(201),
      // The directive and the decision that now points to it.
      writes: 2,
    },
    {
      name: "download a Chiang Mai meeting's minutes",
      route: 'GET /api/meetings/:meetingId/minutes/:format',
      before: meetingIn('closed'),
      call: (who) => client(who).get(`/api/meetings/${meetingId}/minutes/xlsx`),
      expect: meetingRunners(200),
    },
    {
      name: 'import a one-line Chiang Mai GFMIS file',
      route: 'POST /api/provinces/:code/disbursement-imports',
      // A document of its own per caller: the same file twice would change nothing (and audit nothing).
      call: (who) =>
        client(who)
          .post('/api/provinces/50/disbursement-imports?fiscalYear=2569')
          .attach(
            'file',
            Buffer.from(
              `รหัสโครงการ,เดือน,เลขที่เอกสาร,ก่อหนี้ผูกพัน (PO),เบิกจ่าย\r\nP69-001,2569-M02,MX-${who},100.00,50.00\r\n`,
            ),
            'gfmis.csv',
          ),
      // One audit row: the batch (the disbursement rows are written by COPY and an upsert).
      expect: write,
    },
    {
      name: "list Chiang Mai's GFMIS import batches",
      route: 'GET /api/provinces/:code/disbursement-imports',
      call: (who) => client(who).get('/api/provinces/50/disbursement-imports'),
      expect: {
        ...only({
          admin: 200,
          analyst: 200,
          evaluator: 200,
          clusterC15: 200,
          governor50: 200,
          officer50: 200,
          approver50: 200,
        }),
      },
    },
    {
      name: 'roll back a Chiang Mai GFMIS import batch',
      route: 'POST /api/disbursement-imports/:batchId/rollback',
      before: async () => {
        await t.dataSource.query(`DELETE FROM disbursement WHERE source_document = 'MX-ROLLBACK'`);
        const [{ id }] = await t.dataSource.query(
          `INSERT INTO disbursement_batch (org_unit_id, fiscal_year, file_name, checksum, rows, total_committed, total_disbursed)
           SELECT id, 2569, 'm.csv', repeat('0', 64), 1, 1, 1 FROM org_unit WHERE code = '50' RETURNING id`,
        );
        await t.dataSource.query(
          `INSERT INTO disbursement (project_id, month, committed, disbursed, source_batch_id, source_document, source_line)
           VALUES ($1, '2025-11-01', 1, 1, $2, 'MX-ROLLBACK', 1)`,
          [(await cmProject()).id, id],
        );
        batchToRollBack = id;
      },
      call: (who) => client(who).post(`/api/disbursement-imports/${batchToRollBack}/rollback`),
      // One audit row: the batch marked rolled back (its rows go in one DELETE).
      expect: write,
    },
  ];

  /** Chiang Mai's monthly report of October 2026, put in place by SQL (one small file per format). */
  const cmReport = async () => {
    await t.dataSource.query(
      `INSERT INTO monthly_report (org_unit_id, month, fiscal_year, as_of, generated_at, trigger, pdf_bytes, xlsx_bytes)
       SELECT id, '2026-10-01', 2570, '2026-10-31', now(), 'schedule', 4, 4 FROM org_unit WHERE code = '50'
       ON CONFLICT DO NOTHING`,
    );
    const r = await one(
      `SELECT r.id FROM monthly_report r JOIN org_unit u ON u.id = r.org_unit_id WHERE u.code = '50' AND r.month = '2026-10-01'`,
    );
    await t.dataSource.query(
      `INSERT INTO monthly_report_file (report_id, format, content) VALUES ($1, 'pdf', '%PDF'::bytea) ON CONFLICT DO NOTHING`,
      [r.id],
    );
    return r.id as string;
  };
  const readers = only({
    admin: 200,
    analyst: 200,
    evaluator: 200,
    clusterC15: 200,
    governor50: 200,
    officer50: 200,
    approver50: 200,
  });
  const reportCases: Case[] = [
    {
      name: "list Chiang Mai's monthly reports",
      route: 'GET /api/provinces/:code/monthly-reports',
      call: (who) => client(who).get('/api/provinces/50/monthly-reports'),
      expect: readers,
    },
    {
      name: 'download a Chiang Mai monthly report',
      route: 'GET /api/monthly-reports/:reportId/:format',
      call: async (who) => client(who).get(`/api/monthly-reports/${await cmReport()}/pdf`),
      expect: readers,
    },
    {
      name: "make Chiang Mai's monthly report now",
      route: 'POST /api/provinces/:code/monthly-reports',
      call: (who) => client(who).post('/api/provinces/50/monthly-reports').send({ month: '2026-09' }),
      // The report row (its files are not audited: bytes, not a business change).
      expect: create,
    },
  ];

  /** A citizen's comment on Chiang Mai's tourism KPI, put back to pending before each call. */
  let commentId = '';
  const pendingComment = async () => {
    if (!commentId) {
      const [row] = await t.dataSource.query(
        `INSERT INTO kpi_comment (kpi_id, org_unit_id, body) SELECT id, org_unit_id, 'ความเห็น' FROM kpi WHERE id = $1 RETURNING id`,
        [f.kpis[CM]],
      );
      commentId = row.id;
    }
    await t.dataSource.query(`UPDATE kpi_comment SET status = 'pending' WHERE id = $1`, [commentId]);
  };
  const commentVersion = async () => (await one(`SELECT version FROM kpi_comment WHERE id = $1`, [commentId])).version;
  const moderators = only({ admin: 200, approver50: 200 });
  const commentCases: Case[] = [
    {
      name: "read Chiang Mai's comment moderation queue",
      route: 'GET /api/provinces/:code/kpi-comments',
      call: (who) => client(who).get('/api/provinces/50/kpi-comments'),
      expect: moderators,
    },
    {
      name: "approve a citizen's comment on a Chiang Mai KPI",
      route: 'POST /api/kpi-comments/:commentId/approve',
      before: pendingComment,
      call: async (who) =>
        client(who)
          .post(`/api/kpi-comments/${commentId}/approve`)
          .send({ version: await commentVersion() }),
      expect: moderators,
    },
    {
      name: "hide a citizen's comment on a Chiang Mai KPI",
      route: 'POST /api/kpi-comments/:commentId/hide',
      before: pendingComment,
      call: async (who) =>
        client(who)
          .post(`/api/kpi-comments/${commentId}/hide`)
          .send({ version: await commentVersion() }),
      expect: moderators,
    },
  ];

  // The central evaluator reads everywhere, like the analyst.
  const readAll = { admin: 200, analyst: 200, evaluator: 200 };
  const liveCases: Case[] = [
    {
      name: "today's changes in Chiang Mai",
      route: 'GET /api/org-units/:code/live/today',
      call: (who) => client(who).get('/api/org-units/50/live/today'),
      expect: only({ ...readAll, clusterC15: 200, governor50: 200, officer50: 200, approver50: 200 }),
    },
    {
      name: "today's changes in cluster C15",
      route: 'GET /api/org-units/:code/live/today',
      call: (who) => client(who).get('/api/org-units/C15/live/today'),
      expect: only({ ...readAll, clusterC15: 200 }),
    },
    {
      name: "today's changes in the whole country",
      route: 'GET /api/org-units/:code/live/today',
      call: (who) => client(who).get('/api/org-units/TH/live/today'),
      expect: only(readAll),
    },
  ];

  const cases: Case[] = [
    ...strategyCases,
    ...liveCases,
    ...agreementCases,
    ...projectCases,
    ...reportCases,
    ...commentCases,
    {
      name: 'enter a Chiang Mai result',
      route: 'PUT /api/kpis/:kpiId/results/:period',
      target: { kpi: CM, state: 'absent' },
      call: (who) =>
        client(who)
          .put(`${results(CM)}/${PERIOD}`)
          .send({ value: '123.45' }),
      expect: only({ admin: 200, officer50: 200, approver50: 200 }),
    },
    {
      name: 'enter a Lampang result',
      route: 'PUT /api/kpis/:kpiId/results/:period',
      target: { kpi: LP, state: 'absent' },
      call: (who) =>
        client(who)
          .put(`${results(LP)}/${PERIOD}`)
          .send({ value: '123.45' }),
      expect: only({ admin: 200, officer52: 200 }),
    },
    {
      name: 'submit a Chiang Mai draft',
      route: 'POST /api/kpis/:kpiId/results/:period/submit',
      target: { kpi: CM, state: 'draft' },
      call: (who, { version }) =>
        client(who)
          .post(`${results(CM)}/${PERIOD}/submit`)
          .send({ version }),
      expect: only({ admin: 200, officer50: 200, approver50: 200 }),
    },
    {
      name: 'approve a Chiang Mai submission (by the officer)',
      route: 'POST /api/kpis/:kpiId/results/:period/approve',
      target: { kpi: CM, state: 'submitted', submittedBy: 'officer50' },
      call: (who, { version }) =>
        client(who)
          .post(`${results(CM)}/${PERIOD}/approve`)
          .send({ version }),
      expect: only({ admin: 200, approver50: 200 }),
    },
    {
      name: "approve one's own submission",
      route: 'POST /api/kpis/:kpiId/results/:period/approve',
      target: { kpi: CM, state: 'submitted', submittedBy: 'approver50' },
      call: (who, { version }) =>
        client(who)
          .post(`${results(CM)}/${PERIOD}/approve`)
          .send({ version }),
      // The approver submitted it himself: refused, though approving is his job.
      expect: only({ admin: 200, approver50: 403 }),
    },
    {
      name: 'return a Chiang Mai submission',
      route: 'POST /api/kpis/:kpiId/results/:period/return',
      target: { kpi: CM, state: 'submitted' },
      call: (who, { version }) =>
        client(who)
          .post(`${results(CM)}/${PERIOD}/return`)
          .send({ version, reason: 'ตัวเลขไม่ตรงกับรายงาน' }),
      expect: only({ admin: 200, approver50: 200 }),
    },
    {
      name: 'reopen an approved Chiang Mai period',
      route: 'POST /api/kpis/:kpiId/results/:period/reopen',
      target: { kpi: CM, state: 'approved' },
      call: (who, { version }) =>
        client(who)
          .post(`${results(CM)}/${PERIOD}/reopen`)
          .send({ version, reason: 'แก้ไขข้อมูล' }),
      expect: only({ admin: 200, approver50: 200 }),
    },
    {
      name: "download Chiang Mai's results template",
      route: 'GET /api/provinces/:code/results-template',
      call: (who) => client(who).get('/api/provinces/50/results-template?fiscalYear=2570&format=csv'),
      // It carries the province's drafts, and is for those who enter results.
      expect: only({ admin: 200, officer50: 200, approver50: 200 }),
    },
    {
      name: 'import a one-row Chiang Mai results file',
      route: 'POST /api/provinces/:code/results-import',
      target: { kpi: CM, state: 'absent' },
      call: (who) =>
        client(who)
          .post('/api/provinces/50/results-import?fiscalYear=2570')
          .attach('file', Buffer.from(`รหัสตัวชี้วัด,งวด,ค่า\r\nK1.2.1,${PERIOD},123.45\r\n`), 'results.csv'),
      expect: only({ admin: 200, officer50: 200, approver50: 200 }),
    },
    {
      name: "read Chiang Mai's workspace",
      route: 'GET /api/workspace/:code',
      call: (who) => client(who).get('/api/workspace/50?fiscalYear=2570'),
      // Drafts and officers' names: the province's own people and admins, not ministry or cluster staff.
      expect: only({ admin: 200, governor50: 200, officer50: 200, approver50: 200 }),
    },
    {
      name: "read Lampang's workspace",
      route: 'GET /api/workspace/:code',
      call: (who) => client(who).get('/api/workspace/52?fiscalYear=2570'),
      expect: only({ admin: 200, officer52: 200 }),
    },
    {
      name: "read Chiang Mai's audit trail",
      route: 'GET /api/audit',
      call: (who) => client(who).get('/api/audit?unit=50'),
      expect: only({ admin: 200, approver50: 200 }),
    },
    {
      name: "read Lampang's audit trail",
      route: 'GET /api/audit',
      call: (who) => client(who).get('/api/audit?unit=52'),
      expect: only({ admin: 200 }),
    },
    {
      name: 'list users',
      route: 'GET /api/users',
      call: (who) => client(who).get('/api/users'),
      expect: only({ admin: 200 }),
    },
    {
      name: 'create a Chiang Mai officer',
      route: 'POST /api/users',
      call: (who) =>
        client(who)
          .post('/api/users')
          .send({
            email: `new.${who}@demo.go.th`,
            displayName: 'เจ้าหน้าที่ใหม่',
            role: 'province_officer',
            orgUnitCode: '50',
            password: 'a-long-enough-password',
          }),
      expect: only({ admin: 201 }),
    },
    {
      name: 'rename the Lampang officer',
      route: 'PATCH /api/users/:id',
      call: async (who) => {
        const [{ version }] = await t.dataSource.query(`SELECT version FROM app_user WHERE id = $1`, [
          f.userIds.officer52,
        ]);
        return client(who)
          .patch(`/api/users/${f.userIds.officer52}`)
          .send({ displayName: 'เจ้าหน้าที่ ลำปาง', version });
      },
      expect: only({ admin: 200 }),
    },
    {
      name: "reset the invited officer's password",
      route: 'POST /api/users/:id/password-reset',
      call: async (who) => {
        // The officer the admin created above (a demo user's reset would end the session its token names).
        const [user] = await t.dataSource.query(
          `SELECT id, version FROM app_user WHERE email = 'new.admin@demo.go.th'`,
        );
        return client(who).post(`/api/users/${user.id}/password-reset`).send({ version: user.version });
      },
      expect: only({ admin: 200 }),
    },
    {
      name: "export Chiang Mai's audit trail",
      route: 'GET /api/audit/export',
      call: (who) => client(who).get('/api/audit/export?unit=50'),
      expect: only({ admin: 200, approver50: 200 }),
    },
    {
      name: 'change my own password (the current one mistyped: refused at the field, nothing written)',
      route: 'POST /api/auth/password',
      call: async (who) => {
        const body = { currentPassword: 'not-my-password', newPassword: 'violet-harbour-juniper-41' };
        if (who === 'anonymous') return client(who).post('/api/auth/password').send(body);
        // A real sign-in, as the screen has one: five tries a minute count per session (its cookie).
        const [{ email }] = await t.dataSource.query(`SELECT email FROM app_user WHERE id = $1`, [f.userIds[who]]);
        const login = await request(t.app.getHttpServer())
          .post('/api/auth/login')
          .send({ email, password: DEMO_PASSWORD });
        const cookie = ([] as string[])
          .concat(login.headers['set-cookie'] ?? [])
          .find((c) => c.startsWith('pd_refresh='));
        return as(t, login.body.accessToken)
          .post('/api/auth/password')
          .set('Cookie', String(cookie).split(';')[0])
          .send(body);
      },
      expect: signedIn(400),
    },
    {
      name: 'list my own sessions',
      route: 'GET /api/auth/sessions',
      call: (who) => client(who).get('/api/auth/sessions'),
      expect: signedIn(200),
    },
    {
      name: 'sign out a session that is not mine (or no longer live)',
      route: 'DELETE /api/auth/sessions/:id',
      call: (who) => client(who).delete('/api/auth/sessions/7f1a2b3c-0000-4000-8000-000000000000'),
      expect: signedIn(404),
    },
    {
      name: 'sign out my other sessions',
      route: 'POST /api/auth/sessions/sign-out-others',
      call: (who) => client(who).post('/api/auth/sessions/sign-out-others'),
      expect: signedIn(200),
      // Session tokens are not audited rows.
      writes: 0,
    },
    {
      name: 'read my own profile',
      route: 'GET /api/auth/me',
      call: (who) => client(who).get('/api/auth/me'),
      expect: {
        anonymous: 401,
        admin: 200,
        analyst: 200,
        evaluator: 200,
        clusterC15: 200,
        governor50: 200,
        officer50: 200,
        approver50: 200,
        officer52: 200,
      },
    },
    // Notifications (issue 21): always the caller's own; the scheduler's failures: admins only.
    {
      name: 'read my own notifications',
      route: 'GET /api/me/notifications',
      call: (who) => client(who).get('/api/me/notifications'),
      expect: signedIn(200),
    },
    {
      name: 'mark all my notifications read',
      route: 'POST /api/me/notifications/read',
      call: (who) => client(who).post('/api/me/notifications/read').send({ all: true }),
      expect: signedIn(200),
      // Read marks are not business changes: not in the trail.
      writes: 0,
    },
    {
      name: 'read my notification settings',
      route: 'GET /api/me/notification-settings',
      call: (who) => client(who).get('/api/me/notification-settings'),
      expect: signedIn(200),
    },
    {
      name: 'save my notification settings from a stale version (409, nothing written)',
      route: 'PUT /api/me/notification-settings',
      call: (who) =>
        client(who)
          .put('/api/me/notification-settings')
          .send({ version: 999, preferences: {}, dailyDigest: true, locale: 'en' }),
      expect: signedIn(409),
    },
    {
      name: 'read the Web Push public key',
      route: 'GET /api/me/push-key',
      call: (who) => client(who).get('/api/me/push-key'),
      expect: signedIn(200),
    },
    {
      name: 'enable push with no subscription (400)',
      route: 'POST /api/me/push-subscriptions',
      call: (who) => client(who).post('/api/me/push-subscriptions').send({}),
      expect: signedIn(400),
    },
    {
      name: 'disable push on a device I never enabled',
      route: 'DELETE /api/me/push-subscriptions',
      call: (who) => client(who).delete('/api/me/push-subscriptions?endpoint=https://push.invalid/none'),
      expect: signedIn(200),
      writes: 0,
    },
    {
      name: 'get a code to link my LINE account',
      route: 'POST /api/me/line-link',
      call: (who) => client(who).post('/api/me/line-link'),
      expect: signedIn(201),
    },
    {
      name: 'unlink my LINE account',
      route: 'DELETE /api/me/line-link',
      call: (who) => client(who).delete('/api/me/line-link'),
      expect: signedIn(200),
    },
    {
      name: "list the scheduler's failed jobs",
      route: 'GET /api/jobs/failed',
      call: (who) => client(who).get('/api/jobs/failed'),
      expect: only({ admin: 200 }),
    },
  ];

  const rows = cases.flatMap((c) => WHO.map((who) => [c.name, who, c.expect[who], c] as const));

  it.each(rows)('%s as %s → %i', async (_name, who, status, c) => {
    await c.before?.();
    const version = c.target ? await arrange(c.target) : 0;
    const before = c.target ? await snapshot(c.target.kpi) : null;
    const audits = await auditCount(t);

    const res = await c.call(who, { version, f });

    expect(res.status).toBe(status);
    if (status >= 400) {
      // Refused: a uniform error body, and nothing written — neither the row nor the trail.
      expect(res.body).toEqual(expect.objectContaining({ statusCode: status, message: expect.any(String) }));
      if (c.target) expect(await snapshot(c.target.kpi)).toEqual(before);
      expect(await auditCount(t)).toBe(audits);
    } else if (c.route.startsWith('GET')) {
      expect(await auditCount(t)).toBe(audits);
    } else {
      // Every row a write changes appears once in the audit trail.
      expect(await auditCount(t)).toBe(audits + (c.writes ?? 1));
    }
  });

  it('covers every protected route, and every route declares an access rule', () => {
    const routes = listRoutes(t.app);
    const undeclared = routes.filter((r) => !r.rule).map((r) => r.handler);
    expect(undeclared).toEqual([]);
    const tested = new Set(cases.map((c) => c.route));
    const untested = routes.filter((r) => r.rule?.kind !== 'public' && !tested.has(r.key)).map((r) => r.key);
    expect(untested).toEqual([]);
  });
});

describe('reading results: the public and other provinces see only approved data', () => {
  let t: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    // One result in each state for Chiang Mai's tourism KPI, FY 2570.
    const kpiId = f.kpis[CM];
    await t.dataSource.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND fiscal_year = 2570`, [kpiId]);
    await t.dataSource.query(
      `INSERT INTO kpi_result (kpi_id, fiscal_year, period, value, status, submitted_by, return_reason)
       VALUES ($1, 2570, '2570-M01', 1, 'approved', $2, NULL), ($1, 2570, '2570-M02', 2, 'draft', NULL, NULL),
              ($1, 2570, '2570-M03', 3, 'submitted', $2, NULL), ($1, 2570, '2570-M04', 4, 'returned', $2, 'ทบทวน')`,
      [kpiId, f.userIds.officer50],
    );
  });

  afterAll(() => t.close());

  it.each<[Who, string[]]>([
    ['anonymous', ['approved']],
    ['analyst', ['approved']],
    ['clusterC15', ['approved']],
    ['officer52', ['approved']],
    ['governor50', ['approved', 'draft', 'submitted', 'returned']],
    ['officer50', ['approved', 'draft', 'submitted', 'returned']],
    ['approver50', ['approved', 'draft', 'submitted', 'returned']],
    ['admin', ['approved', 'draft', 'submitted', 'returned']],
  ])('%s sees %j', async (who, statuses) => {
    const res = await as(t, who === 'anonymous' ? null : f.tokens[who]).get(
      `/api/kpis/${f.kpis[CM]}/results?fiscalYear=2570`,
    );
    expect(res.status).toBe(200);
    expect(res.body.map((r: { status: string }) => r.status)).toEqual(statuses);
    // Officers' identities stay inside the province.
    const insider = statuses.length > 1;
    expect(res.body[0].submittedBy).toBe(insider ? f.userIds.officer50 : null);
  });
});

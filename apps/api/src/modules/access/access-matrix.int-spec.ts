import { as, auditCount, DemoActor, Fixture, seedFixture } from '../../testing/fixtures';
import { listRoutes } from '../../testing/routes';
import { bootTestApp, TestApp } from '../../testing/test-app';

type Who = DemoActor | 'anonymous';
const WHO: Who[] = [
  'anonymous',
  'admin',
  'analyst',
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
}

/** Everyone refused, with 401 for the anonymous caller: the common shape of a protected write. */
const only = (allowed: Partial<Record<Who, number>>): Record<Who, number> => ({
  anonymous: 401,
  admin: 403,
  analyst: 403,
  clusterC15: 403,
  governor50: 403,
  officer50: 403,
  approver50: 403,
  officer52: 403,
  ...allowed,
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

  const cases: Case[] = [
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
      name: 'read my own profile',
      route: 'GET /api/auth/me',
      call: (who) => client(who).get('/api/auth/me'),
      expect: {
        anonymous: 401,
        admin: 200,
        analyst: 200,
        clusterC15: 200,
        governor50: 200,
        officer50: 200,
        approver50: 200,
        officer52: 200,
      },
    },
  ];

  const rows = cases.flatMap((c) => WHO.map((who) => [c.name, who, c.expect[who], c] as const));

  it.each(rows)('%s as %s → %i', async (_name, who, status, c) => {
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
      // Every write appears once in the audit trail.
      expect(await auditCount(t)).toBe(audits + 1);
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

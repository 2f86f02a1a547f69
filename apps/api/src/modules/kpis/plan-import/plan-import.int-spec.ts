import { as, Fixture, seedFixture } from '../../../testing/fixtures';
import { bootTestApp, TestApp } from '../../../testing/test-app';
import { planTemplateWorkbook, SAMPLE_ROWS } from './plan-template';

/*
 * The plan import (issue 18.2) on a real database: the documented sample imports into the demo
 * plan of province 50 (FY 2566–2570), a dry run writes nothing, the same file twice changes
 * nothing, a changed target updates in place, and every kind of row/column error is reported
 * with nothing written.
 */
const FY = 2570;
type Row = (string | number | null)[];

const xlsx = async (rows: Row[]) => Buffer.from(await planTemplateWorkbook(rows).xlsx.writeBuffer());
/** The sample with one cell changed (column by its position in PLAN_COLUMNS). */
const withCell = (rows: Row[], row: number, col: number, value: string | number | null): Row[] =>
  rows.map((r, i) => (i === row ? r.map((c, j) => (j === col ? value : c)) : [...r]));
const C = { issueCode: 0, issueName: 1, goalCode: 2, goalName: 3, pillar: 4, kpiCode: 5, nameTh: 6, unitTh: 8, direction: 10, bandMin: 11, frequency: 13, rollup: 14, numerator: 15, baselineFy: 18, hardMin: 19, hardMax: 20, target: 23, trajectory: 24 };

describe('plan import (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  const upload = (file: Buffer, opts: { dryRun?: boolean; token?: string; code?: string; fy?: number; lang?: string } = {}) =>
    as(t, opts.token ?? f.tokens.officer50)
      .post(`/api/org-units/${opts.code ?? '50'}/plan-import?fiscalYear=${opts.fy ?? FY}&dryRun=${opts.dryRun ?? false}`)
      .set('Accept-Language', opts.lang ?? 'en')
      .attach('file', file, 'plan.xlsx');
  const counts = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*)::int FROM kpi) AS kpis, (SELECT count(*)::int FROM goal) AS goals,
                (SELECT count(*)::int FROM strategic_issue) AS issues, (SELECT count(*)::int FROM kpi_target) AS targets,
                (SELECT count(*)::int FROM audit_event) AS audits, (SELECT coalesce(sum(version), 0)::int FROM kpi) AS versions`,
      )
    )[0];

  it('reports every row and column error of a broken file, each kind with its message, and writes nothing', async () => {
    const before = await counts();
    let rows: Row[] = SAMPLE_ROWS.map((r) => [...r]);
    const extra = (over: Partial<Record<keyof typeof C, string | number | null>>): Row => {
      const r: Row = [...SAMPLE_ROWS[1]];
      r[C.issueCode] = '5';
      r[C.goalCode] = '5.1';
      for (const [k, v] of Object.entries(over)) r[C[k as keyof typeof C]] = v;
      return r;
    };
    rows = withCell(rows, 0, C.pillar, 9); // row 3
    rows = withCell(rows, 1, C.direction, 'sideways'); // row 4
    rows = withCell(rows, 2, C.bandMin, null); // row 5: a band without its lower edge
    rows = withCell(rows, 3, C.trajectory, '3500'); // row 6: one value for two halves
    rows.push(
      extra({ kpiCode: 'K5.1.1' }), // row 7: twice in the file
      extra({ kpiCode: 'K 5/9' }), // row 8
      extra({ kpiCode: 'K5.1.9', nameTh: null, unitTh: null }), // row 9
      extra({ kpiCode: 'K5.1.10', rollup: 'อัตราส่วน', numerator: null }), // row 10
      extra({ kpiCode: 'K5.1.11', hardMin: 50, hardMax: 10 }), // row 11
      extra({ kpiCode: 'K5.1.12', unitTh: 'ร้อยละ', target: 150, trajectory: null }), // row 12
      extra({ kpiCode: 'K5.1.13', target: null, trajectory: '1;2;3;4' }), // row 13
      extra({ kpiCode: 'K5.1.14', baselineFy: 68, target: 'many' }), // row 14
      extra({ kpiCode: 'K1.2.1' }), // row 15: a demo KPI of goal 1.2, not 5.1
      extra({ issueCode: '6', issueName: null, goalCode: '6.1', goalName: 'เป้าใหม่', kpiCode: 'K6.1.1' }), // row 16
      extra({ issueCode: '5', issueName: 'ชื่ออื่น', kpiCode: 'K5.1.15' }), // row 17
      extra({ kpiCode: 'K5.1.16', frequency: null }), // row 18
    );
    const res = await upload(await xlsx(rows), { dryRun: true });
    expect(res.status).toBe(422);
    const errs = (res.body.errors as { row: number; column: string; message: string }[]).map(
      (e) => `${e.row}|${e.column}|${e.message}`,
    );
    expect(errs).toEqual(
      expect.arrayContaining([
        '3|national strategy pillar|The national pillar is a number from 1 to 6.',
        expect.stringMatching(/^4\|direction\|Unknown word/),
        '5|band min|A band KPI needs a lower and an upper edge (lower not above upper).',
        expect.stringMatching(/^6\|trajectory\|The trajectory needs one number per period/),
        '7|KPI code|This KPI already appears on an earlier row of the file.',
        '8|KPI code|A code has letters, digits, dots, dashes and underscores only.',
        '9|KPI name (Thai)|Enter the name.',
        '9|unit (Thai)|Enter the name.',
        '10|numerator|A ratio KPI says what its numerator and its denominator count.',
        "11|hard min|A KPI's lower hard limit must not be above its upper hard limit.",
        "12|target|The target is outside the KPI's hard limits (impossible).",
        '13|target|A trajectory needs the yearly target too.',
        '14|baseline year|The year is a 4-digit B.E. year, e.g. 2568.',
        expect.stringMatching(/^14\|target\|/),
        '15|KPI code|This KPI code is already under another goal; the import does not move KPIs between goals.',
        '16|strategic issue|Enter the name.',
        '17|strategic issue|The same code has another name or issue on another row of the file.',
        '18|frequency|Enter a value.',
      ]),
    );
    // The same file for real: refused whole, nothing written.
    expect((await upload(await xlsx(rows))).status).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it('refuses an existing KPI whose frequency the file changes, a file without the header, a unit without a plan, and other provinces', async () => {
    const [{ frequency }] = await t.dataSource.query(`SELECT frequency FROM kpi WHERE id = $1`, [f.kpis['50/K1.2.1']]);
    expect(frequency).toBe('monthly');
    const [{ issue, goal }] = await t.dataSource.query(
      `SELECT i.code AS issue, g.code AS goal FROM kpi k JOIN goal g ON g.id = k.goal_id JOIN strategic_issue i ON i.id = g.issue_id WHERE k.id = $1`,
      [f.kpis['50/K1.2.1']],
    );
    const row: Row = [...SAMPLE_ROWS[1]];
    Object.assign(row, { [C.issueCode]: issue, [C.goalCode]: goal, [C.kpiCode]: 'K1.2.1', [C.frequency]: 'yearly', [C.trajectory]: null });
    const fixed = await upload(await xlsx([row]), { dryRun: true });
    expect(fixed.status).toBe(422);
    expect(fixed.body.errors).toContainEqual({
      row: 3,
      column: 'frequency',
      message: "An existing KPI's direction, frequency and roll-up cannot change.",
    });

    const noHeader = await as(t, f.tokens.officer50)
      .post(`/api/org-units/50/plan-import?fiscalYear=${FY}&dryRun=true`)
      .set('Accept-Language', 'en')
      .attach('file', Buffer.from('a,b,c\n1,2,3\n'), 'plan.csv');
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.message).toMatch(/No plan header row/);

    const noPlan = await upload(await xlsx(SAMPLE_ROWS), { fy: 2575 });
    expect(noPlan.status).toBe(422);
    expect(noPlan.body.message).toMatch(/plan builder/);

    expect((await upload(await xlsx(SAMPLE_ROWS), { token: f.tokens.officer52 })).status).toBe(403);
    expect((await upload(await xlsx(SAMPLE_ROWS), { token: f.tokens.governor50 })).status).toBe(403);
  });

  it('imports the sample after a dry run that writes nothing; the same file twice changes nothing; a changed target updates in place', async () => {
    const sample = await xlsx(SAMPLE_ROWS);
    const before = await counts();
    const dry = await upload(sample, { dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      rows: 4,
      accepted: 4,
      skipped: 0,
      created: { issues: 1, goals: 2, kpis: 4, targets: 4 },
      errors: [],
    });
    expect(await counts()).toEqual(before);

    const first = await upload(sample);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ dryRun: false, accepted: 4, created: { issues: 1, goals: 2, kpis: 4, targets: 4 } });
    const after = await counts();
    expect(after).toMatchObject({ issues: before.issues + 1, goals: before.goals + 2, kpis: before.kpis + 4 });
    // 4 yearly targets + 4 + 4 + 2 trajectory points (the yearly K5.2.1 has none).
    expect(after.targets).toBe(before.targets + 14);
    expect(after.audits).toBeGreaterThan(before.audits);
    const [screening] = await t.dataSource.query(
      `SELECT k.id, k.rollup, k.numerator_th, k.frequency, g.code AS goal, g.national_pillar AS pillar
         FROM kpi k JOIN goal g ON g.id = k.goal_id JOIN org_unit u ON u.id = k.org_unit_id
        WHERE u.code = '50' AND k.code = 'K5.1.1'`,
    );
    expect(screening).toMatchObject({ rollup: 'ratio', numerator_th: 'ผู้สูงอายุที่ได้รับการคัดกรอง', frequency: 'quarterly', goal: '5.1', pillar: 3 });
    const points = await t.dataSource.query(
      `SELECT period, target FROM kpi_target WHERE kpi_id = $1 ORDER BY period`,
      [screening.id],
    );
    expect(points).toEqual([
      { period: '2570', target: '90' },
      { period: '2570-Q1', target: '20' },
      { period: '2570-Q2', target: '45' },
      { period: '2570-Q3', target: '70' },
      { period: '2570-Q4', target: '90' },
    ]);
    const [audit] = await t.dataSource.query(
      `SELECT user_id FROM audit_event WHERE entity = 'kpi' AND entity_id = $1 AND action = 'insert'`,
      [screening.id],
    );
    expect(audit.user_id).toBe(f.userIds.officer50);

    const again = await upload(sample);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ accepted: 0, skipped: 4, created: { issues: 0, goals: 0, kpis: 0, targets: 0 }, updated: { issues: 0, goals: 0, kpis: 0, targets: 0 } });
    expect(await counts()).toEqual(after);

    const changed = await upload(await xlsx(withCell(SAMPLE_ROWS, 0, C.target, 92)));
    expect(changed.body).toMatchObject({ accepted: 1, skipped: 3, updated: { targets: 1, kpis: 0 } });
    const [{ id, target }] = await t.dataSource.query(
      `SELECT k.id, t.target FROM kpi_target t JOIN kpi k ON k.id = t.kpi_id WHERE k.code = 'K5.1.1' AND t.period = '2570'`,
    );
    expect({ id, target }).toEqual({ id: screening.id, target: '92' });
  });
});

import { as, Fixture, seedFixture } from '../../../testing/fixtures';
import { bootTestApp, TestApp } from '../../../testing/test-app';
import { PLAN_COLUMNS } from './plan-sheet';
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
const C = { issueCode: 0, issueName: 1, goalCode: 2, goalName: 3, pillar: 4, kpiCode: 5, nameTh: 6, unitTh: 8, direction: 10, bandMin: 11, frequency: 13, rollup: 14, numerator: 15, baselineFy: 18, hardMin: 19, hardMax: 20, target: 23, trajectory: 24, issueNameEn: 25, goalNameEn: 26, clusterGoal: 27, leadsTo: 28, strategyCode: 29, strategyName: 30, strategyNameEn: 31 };

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
  /** Rows as Excel copies them to the clipboard: tab-separated lines, blank cells empty. */
  const tsv = (rows: Row[]) => rows.map((r) => r.map((c) => (c === null ? '' : String(c))).join('\t')).join('\r\n');
  const paste = (rows: Row[] | string, dryRun = false) =>
    as(t, f.tokens.officer50)
      .post(`/api/org-units/50/plan-import?fiscalYear=${FY}&dryRun=${dryRun}&pasted=true`)
      .set('Accept-Language', 'en')
      .attach('file', Buffer.from(typeof rows === 'string' ? rows : tsv(rows), 'utf8'), 'pasted.tsv');
  const counts = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*)::int FROM kpi) AS kpis, (SELECT count(*)::int FROM goal) AS goals,
                (SELECT count(*)::int FROM strategic_issue) AS issues, (SELECT count(*)::int FROM kpi_target) AS targets,
                (SELECT count(*)::int FROM audit_event) AS audits, (SELECT coalesce(sum(version), 0)::int FROM kpi) AS versions,
                (SELECT count(*)::int FROM strategy) AS strategies, (SELECT count(*)::int FROM goal_link) AS links,
                (SELECT coalesce(sum(version), 0)::int FROM goal) AS goal_versions`,
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

  it('reports every error of the strategies, arrows and upward links, and a new item without its English name, writing nothing', async () => {
    const before = await counts();
    let rows: Row[] = SAMPLE_ROWS.map((r) => [...r]);
    rows = withCell(rows, 0, C.issueNameEn, null); // row 3: a new issue without its English name
    rows = withCell(rows, 1, C.leadsTo, '9.9'); // row 4: an arrow to no goal
    rows = withCell(rows, 2, C.clusterGoal, 'CG9.9'); // row 5: no such goal in the cluster's plan
    rows = withCell(rows, 3, C.strategyCode, 'S5.1.1'); // row 6: a strategy code of goal 5.1 under 5.2
    rows = withCell(rows, 3, C.strategyName, 'อื่น');
    const goalRow = (over: Partial<Record<keyof typeof C, string | number | null>>): Row => {
      const r: Row = SAMPLE_ROWS[0].map(() => null);
      for (const [k, v] of Object.entries(over)) r[C[k as keyof typeof C]] = v;
      return r;
    };
    rows.push(
      goalRow({ issueCode: '5', goalCode: '5.1', leadsTo: '5.1' }), // row 7: a goal leading to itself
      goalRow({ issueCode: '5', goalCode: '5.2', leadsTo: '5.1' }), // row 8: closes the loop 5.1 → 5.2 → 5.1
      goalRow({ issueCode: '5', goalCode: '5.3', goalName: 'เป้าที่สาม', strategyCode: 'S5.3.1', strategyName: 'กลยุทธ์' }), // row 9
      goalRow({ issueCode: '5', goalCode: '5.2', target: 10 }), // row 10: a KPI value without a KPI code
      goalRow({ issueCode: '5', goalCode: '5.2', strategyName: 'ไม่มีรหัส' }), // row 11
    );
    const res = await upload(await xlsx(rows), { dryRun: true });
    expect(res.status).toBe(422);
    const errs = (res.body.errors as { row: number; column: string; message: string }[]).map(
      (e) => `${e.row}|${e.column}|${e.message}`,
    );
    expect(errs).toEqual([
      '3|strategic issue (English)|Enter the English name (a new item needs one, as in the plan builder).',
      '4|leads to goals|No goal with this code in the plan or the file.',
      "5|cluster goal|No goal with this code in the plan of the province's cluster covering this fiscal year.",
      '6|strategy code|This strategy code is already used for another goal or name (in the file or the plan).',
      '7|leads to goals|A goal cannot lead to itself.',
      '8|leads to goals|This arrow would close a loop (the effect leads back to the cause).',
      '9|goal (English)|Enter the English name (a new item needs one, as in the plan builder).',
      '9|strategy (English)|Enter the English name (a new item needs one, as in the plan builder).',
      '10|KPI code|This row has KPI values but no KPI code (a row with only a strategy or arrows needs none).',
      '11|strategy code|Enter the code.',
    ]);
    // Thai messages name the Thai headers.
    const th = await upload(await xlsx(rows), { dryRun: true, lang: 'th' });
    expect(th.body.errors[0]).toEqual({ row: 3, column: 'ประเด็นยุทธศาสตร์ (อังกฤษ)', message: expect.stringMatching(/ภาษาอังกฤษ/) });
    expect((await upload(await xlsx(rows))).status).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it('refuses a cluster goal of another cluster: the upward link goes to the province’s own cluster only', async () => {
    // Province 50's cluster has CG2.1; a goal code of no plan above it is refused even if another cluster has it.
    const [{ other }] = await t.dataSource.query(
      `SELECT count(*)::int AS other FROM goal g JOIN strategic_issue i ON i.id = g.issue_id JOIN plan p ON p.id = i.plan_id
         JOIN org_unit c ON c.id = p.org_unit_id WHERE c.type = 'cluster' AND g.code = 'CG2.1'`,
    );
    expect(other).toBeGreaterThan(1);
    const res = await upload(await xlsx(SAMPLE_ROWS), { dryRun: true, code: '10', token: f.tokens.admin });
    // Bangkok (10) is in no cluster: CG2.1 is no goal above it.
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual({
      row: 3,
      column: 'cluster goal',
      message: "No goal with this code in the plan of the province's cluster covering this fiscal year.",
    });
  });

  it('reads pasted rows, with or without the header rows, through the same checks: errors name the pasted line', async () => {
    const before = await counts();
    // Excel on Windows copies CRLF lines, a browser's text area gives LF: both read every line.
    const lf = await paste(tsv(withCell(SAMPLE_ROWS, 1, C.pillar, 7)).replace(/\r\n/g, '\n'), true);
    expect(lf.body).toMatchObject({ rows: 4, errors: [{ row: 2, column: 'national strategy pillar' }] });
    const withoutHeader = await paste(withCell(SAMPLE_ROWS, 1, C.pillar, 7), true);
    expect(withoutHeader.status).toBe(422);
    expect(withoutHeader.body.errors).toEqual([
      { row: 2, column: 'national strategy pillar', message: 'The national pillar is a number from 1 to 6.' },
    ]);
    // Copied with the template's two header rows: the rows are numbered as Excel shows them.
    const header = [PLAN_COLUMNS.map((c) => c.th), PLAN_COLUMNS.map((c) => c.en)] as Row[];
    const withHeader = await paste([...header, ...SAMPLE_ROWS], true);
    expect(withHeader.status).toBe(200);
    expect(withHeader.body).toMatchObject({ dryRun: true, rows: 4, created: { issues: 1, goals: 2, kpis: 4, strategies: 3, links: 1 } });
    // Nothing but a line break: no rows, nothing to write (the screen keeps its buttons off for an empty paste).
    const noRows = await paste('\r\n', true);
    expect(noRows.body).toMatchObject({ rows: 0, accepted: 0, errors: [] });
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
      created: { issues: 1, goals: 2, kpis: 4, targets: 4, strategies: 3, links: 1 },
      errors: [],
    });
    expect(await counts()).toEqual(before);

    const first = await upload(sample);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      dryRun: false,
      accepted: 4,
      created: { issues: 1, goals: 2, kpis: 4, targets: 4, strategies: 3, links: 1 },
    });
    const after = await counts();
    expect(after).toMatchObject({
      issues: before.issues + 1,
      goals: before.goals + 2,
      kpis: before.kpis + 4,
      strategies: before.strategies + 3,
      links: before.links + 1,
    });
    // English names, the upward links to the own cluster's goal, the arrow and the strategies, as the plan builder would save them.
    const map = await t.dataSource.query(
      `SELECT i.name_en AS issue_en, g.code, g.name_en, pu.path LIKE cu.path || '/%' AS own_cluster,
              cg.code AS cluster_goal,
              (SELECT string_agg(e.code, ',') FROM goal_link l JOIN goal e ON e.id = l.effect_goal_id WHERE l.cause_goal_id = g.id) AS leads_to,
              (SELECT string_agg(s.code || '=' || s.name_en, ',' ORDER BY s.seq) FROM strategy s WHERE s.goal_id = g.id) AS strategies
         FROM goal g JOIN strategic_issue i ON i.id = g.issue_id JOIN plan p ON p.id = i.plan_id JOIN org_unit pu ON pu.id = p.org_unit_id
         JOIN goal cg ON cg.id = g.contributes_to_goal_id JOIN strategic_issue ci ON ci.id = cg.issue_id JOIN plan cp ON cp.id = ci.plan_id
         JOIN org_unit cu ON cu.id = cp.org_unit_id
        WHERE pu.code = '50' AND i.code = '5' AND $1 BETWEEN p.start_fy AND p.end_fy ORDER BY g.code`,
      [FY],
    );
    expect(map).toEqual([
      {
        issue_en: 'Quality of life of the elderly',
        code: '5.1',
        name_en: 'The elderly are healthy',
        own_cluster: true,
        cluster_goal: 'CG2.1',
        leads_to: '5.2',
        strategies: 'S5.1.1=Proactive health screening in communities,S5.1.2=Fall prevention in elderly homes',
      },
      {
        issue_en: 'Quality of life of the elderly',
        code: '5.2',
        name_en: 'The elderly have a secure income',
        own_cluster: true,
        cluster_goal: 'CG2.1',
        leads_to: null,
        strategies: 'S5.2.1=Support elderly occupation groups',
      },
    ]);
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
    expect(again.body).toMatchObject({
      accepted: 0,
      skipped: 4,
      created: { issues: 0, goals: 0, kpis: 0, targets: 0, strategies: 0, links: 0 },
      updated: { issues: 0, goals: 0, kpis: 0, targets: 0, strategies: 0, links: 0 },
    });
    expect(await counts()).toEqual(after);

    // Pasted from the template's sheet (tab-separated, no header): the same rows, the same pipeline, nothing new.
    const pasted = await paste(SAMPLE_ROWS);
    expect(pasted.status).toBe(200);
    expect(pasted.body).toMatchObject({ rows: 4, accepted: 0, skipped: 4 });
    expect(await counts()).toEqual(after);

    const changed = await upload(await xlsx(withCell(SAMPLE_ROWS, 0, C.target, 92)));
    expect(changed.body).toMatchObject({ accepted: 1, skipped: 3, updated: { targets: 1, kpis: 0 } });
    const [{ id, target }] = await t.dataSource.query(
      `SELECT k.id, t.target FROM kpi_target t JOIN kpi k ON k.id = t.kpi_id WHERE k.code = 'K5.1.1' AND t.period = '2570'`,
    );
    expect({ id, target }).toEqual({ id: screening.id, target: '92' });
  });
});

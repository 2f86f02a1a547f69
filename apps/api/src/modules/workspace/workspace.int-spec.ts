import type { WorkspaceDto, WorkspaceKpiDto } from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf } from '@provdash/shared/domain';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';
import { calendarOf } from './workspace.service';

/*
 * Chiang Mai's desk on 15 Dec 2026 (FY 2570): October is past, November is due, December is running;
 * the first quarter, the first half and the year are running. The demo's FY 2570 results of Chiang
 * Mai are cleared and replaced by a handful of known ones, and its demo projects of the year set
 * aside (cancelled), so every count below is exact.
 */
const AS_OF = '2026-12-15';
const URL = `/api/workspace/50?fiscalYear=2570&asOf=${AS_OF}`;

describe('the strategy office workspace (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  let monthly: string[];
  let projectId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
    await q(
      `DELETE FROM kpi_result WHERE fiscal_year = 2570
         AND kpi_id IN (SELECT k.id FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id WHERE u.code = '50')`,
    );
    await q(
      `UPDATE project SET status = 'cancelled' WHERE fiscal_year = 2570
         AND org_unit_id = (SELECT id FROM org_unit WHERE code = '50')`,
    );
    monthly = (
      await q(
        `SELECT k.code FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id
         WHERE u.code = '50' AND k.frequency = 'monthly' AND k.retired_at IS NULL ORDER BY k.code`,
      )
    ).map((r: { code: string }) => r.code);
    const result = (kpi: string, period: string, status: string, extra: Record<string, unknown> = {}) =>
      q(
        `INSERT INTO kpi_result (kpi_id, fiscal_year, period, value, status, submitted_by, submitted_at, return_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          f.kpis[`50/${kpi}`],
          Number(period.slice(0, 4)),
          period,
          extra['value'] ?? 100,
          status,
          extra['submittedBy'] ?? null,
          extra['submittedAt'] ?? null,
          extra['returnReason'] ?? null,
        ],
      );
    await result('K1.2.1', '2570-M01', 'draft');
    await result('K1.2.1', '2570-M02', 'submitted', {
      submittedBy: f.userIds.officer50,
      submittedAt: '2026-12-10T03:00:00Z',
    });
    await result('K2.1.1', '2570-M02', 'returned', {
      submittedBy: f.userIds.officer50,
      submittedAt: '2026-12-05T03:00:00Z',
      returnReason: 'กรุณาแนบหลักฐาน',
    });
    // Last year's December, still waiting: the queue spans every year, oldest first.
    await q(
      `UPDATE kpi_result SET status = 'submitted', submitted_by = $2, submitted_at = '2026-10-05T02:00:00Z',
              approved_by = NULL, approved_at = NULL
       WHERE kpi_id = $1 AND period = '2569-M12'`,
      [f.kpis['50/K3.1.1'], f.userIds.approver50],
    );
    const [strategy] = await q(
      `SELECT s.id FROM strategy s JOIN goal g ON g.id = s.goal_id JOIN strategic_issue i ON i.id = g.issue_id
       JOIN plan p ON p.id = i.plan_id JOIN org_unit u ON u.id = p.org_unit_id WHERE u.code = '50' ORDER BY s.code LIMIT 1`,
    );
    const project = async (code: string, status: string) =>
      (
        await q(
          `INSERT INTO project (org_unit_id, strategy_id, code, name_th, name_en, owner_agency_th, fiscal_year,
                                budget_source, budget_type, allocated, start_date, end_date, status)
           SELECT id, $1, $2, 'โครงการทดสอบ', 'Test project', 'สำนักงานจังหวัด', 2570, 'province', 'capital', 1000000,
                  '2026-11-01', '2027-06-30', $3 FROM org_unit WHERE code = '50' RETURNING id`,
          [strategy.id, code, status],
        )
      )[0].id as string;
    projectId = await project('W70-001', 'on_schedule');
    const cancelled = await project('W70-002', 'cancelled');
    for (const id of [projectId, cancelled]) {
      await q(
        `INSERT INTO project_progress (project_id, period, percent, milestone_note, status, submitted_by, submitted_at)
         VALUES ($1, '2570-M02', 12.5, 'เริ่มงานแล้ว', 'submitted', $2, '2026-12-01T02:00:00Z')`,
        [id, f.userIds.officer50],
      );
    }
  });

  afterAll(() => t.close());

  const officer = () => as(t, f.tokens.officer50);
  const approver = () => as(t, f.tokens.approver50);
  const kpi = (w: WorkspaceDto, code: string): WorkspaceKpiDto => {
    const found = w.kpis.find((k) => k.code === code);
    if (!found) throw new Error(`${code} not on the desk`);
    return found;
  };

  it('lists every KPI of the plan with its expected periods, their timing and entry status', async () => {
    const res = await officer().get(URL);
    expect(res.status).toBe(200);
    const w: WorkspaceDto = res.body;
    expect(w).toMatchObject({ orgUnitCode: '50', nameTh: 'เชียงใหม่', fiscalYear: 2570, asOf: AS_OF });
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id WHERE u.code = '50' AND k.retired_at IS NULL`,
    );
    expect(w.kpis).toHaveLength(n);

    const tourism = kpi(w, 'K1.2.1');
    expect(tourism).toMatchObject({ frequency: 'monthly', rollup: 'sum', unitTh: expect.any(String) });
    expect(tourism.target).toMatch(/^\d+(\.\d+)?$/);
    expect(tourism.entries.map((e) => [e.period, e.timing, e.status, e.late])).toEqual([
      ['2570-M01', 'past', 'draft', true],
      ['2570-M02', 'due', 'submitted', false],
      ['2570-M03', 'running', 'missing', false],
    ]);
    expect(tourism.entries[0]).toMatchObject({ startsOn: '2026-10-01', endsOn: '2026-10-31', value: '100' });
    expect(tourism.entries[0].version).toBe(1);
    expect(tourism.entries[1]).toMatchObject({
      submittedBy: f.userIds.officer50,
      submittedAt: '2026-12-10T03:00:00.000Z',
    });
    expect(tourism.entries[2]).toMatchObject({ id: null, version: null, value: null, narrativeTh: '', evidence: [] });

    expect(kpi(w, 'K2.1.1').entries[1]).toMatchObject({ status: 'returned', returnReason: 'กรุณาแนบหลักฐาน' });
    // A quarterly ratio KPI: its first quarter is running, nothing entered.
    const ratio = kpi(w, 'K2.1.2');
    expect(ratio.rollup).toBe('ratio');
    expect(ratio.entries.map((e) => [e.period, e.timing, e.status])).toEqual([['2570-Q1', 'running', 'missing']]);
    expect(kpi(w, 'K4.2.1').entries.map((e) => e.period)).toEqual(['2570-H1']);
    expect(kpi(w, 'K1.1.1').entries.map((e) => [e.period, e.timing])).toEqual([['2570', 'running']]);
  });

  it("lists the year's projects with the months they run, and leaves cancelled ones out", async () => {
    const w: WorkspaceDto = (await officer().get(URL)).body;
    expect(w.projects.map((p) => p.code)).toEqual(['W70-001']);
    expect(w.projects[0]).toMatchObject({ projectId, startDate: '2026-11-01', endDate: '2027-06-30' });
    // October is before the project starts: not expected.
    expect(w.projects[0].entries.map((e) => [e.period, e.timing, e.status, e.percent])).toEqual([
      ['2570-M02', 'due', 'submitted', 12.5],
      ['2570-M03', 'running', 'missing', null],
    ]);
  });

  it('counts what is due, late and returned, and the whole queue', async () => {
    const w: WorkspaceDto = (await officer().get(URL)).body;
    // Every monthly KPI's October is past and still with the office (K1.2.1's a draft, the rest missing);
    // November is due for all but K1.2.1 (submitted), K2.1.1's returned one included.
    expect(w.counts).toEqual({ due: monthly.length - 1, late: monthly.length, returned: 1, awaitingApproval: 3 });
    const late = w.kpis.flatMap((k) => k.entries.filter((e) => e.late).map((e) => `${k.code} ${e.period}`));
    expect(late.sort()).toEqual(monthly.map((c) => `${c} 2570-M01`));
  });

  it('queues the submissions of every year, oldest first, with who submitted and when', async () => {
    const w: WorkspaceDto = (await approver().get(URL)).body;
    expect(w.queue.map((q) => [q.kind, q.code, q.period])).toEqual([
      ['kpi-result', 'K3.1.1', '2569-M12'],
      ['project-progress', 'W70-001', '2570-M02'],
      ['kpi-result', 'K1.2.1', '2570-M02'],
    ]);
    expect(w.queue[0]).toMatchObject({
      fiscalYear: 2569,
      parentId: f.kpis['50/K3.1.1'],
      submittedBy: { id: f.userIds.approver50, displayName: expect.any(String) },
      submittedAt: '2026-10-05T02:00:00.000Z',
      percent: null,
    });
    expect(w.queue[1]).toMatchObject({
      parentId: projectId,
      percent: 12.5,
      note: 'เริ่มงานแล้ว',
      unitTh: null,
      value: null,
      version: 1,
    });
    expect(w.queue[2]).toMatchObject({ value: '100', submittedBy: { id: f.userIds.officer50 } });
    const names = new Map(w.people.map((p) => [p.id, p.displayName]));
    expect(names.get(f.userIds.officer50)).toBe('เจ้าหน้าที่ยุทธศาสตร์ จ.เชียงใหม่');
    expect(names.has(f.userIds.approver50)).toBe(true);
  });

  it('says what the caller may do there, by the rule table', async () => {
    const roles = await Promise.all(
      (['officer50', 'approver50', 'governor50', 'admin'] as const).map(async (who) => {
        const res = await as(t, f.tokens[who]).get(URL);
        return [who, res.status, res.body.can];
      }),
    );
    expect(roles).toEqual([
      ['officer50', 200, { write: true, approve: false }],
      ['approver50', 200, { write: true, approve: true }],
      ['governor50', 200, { write: false, approve: false }],
      ['admin', 200, { write: true, approve: true }],
    ]);
  });

  it('follows the workflow: an approval leaves the queue and shows who approved', async () => {
    const before: WorkspaceDto = (await approver().get(URL)).body;
    const [item] = before.queue.filter((q) => q.code === 'K1.2.1');
    const approve = await approver()
      .post(`/api/kpis/${item.parentId}/results/${item.period}/approve`)
      .send({ version: item.version });
    expect(approve.status).toBe(200);

    const after: WorkspaceDto = (await officer().get(URL)).body;
    expect(after.queue.map((q) => q.code)).not.toContain('K1.2.1');
    expect(after.counts.awaitingApproval).toBe(before.counts.awaitingApproval - 1);
    const entry = kpi(after, 'K1.2.1').entries[1];
    expect(entry).toMatchObject({ status: 'approved', approvedBy: f.userIds.approver50, version: item.version + 1 });
    expect(entry.approvedAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);

    // The officer corrects October's draft through the form's route; the desk shows the new draft.
    const october = kpi(after, 'K1.2.1').entries[0];
    const save = await officer()
      .put(`/api/kpis/${item.parentId}/results/2570-M01`)
      .send({ value: '250.5', version: october.version });
    expect(save.status).toBe(200);
    const again: WorkspaceDto = (await officer().get(URL)).body;
    expect(kpi(again, 'K1.2.1').entries[0]).toMatchObject({ status: 'draft', value: '250.5', version: 2 });
  });

  it('builds the whole desk with one SQL statement', async () => {
    const spy = jest.spyOn(t.dataSource, 'query');
    try {
      expect((await officer().get(URL)).status).toBe(200);
      const reads = spy.mock.calls.filter(([sql]) => /kpi_result|project_progress/.test(String(sql)));
      expect(reads).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('defaults to the current fiscal year and today in Bangkok', async () => {
    const res = await officer().get('/api/workspace/50');
    expect(res.status).toBe(200);
    const today = bangkokDateOf(new Date());
    expect(res.body).toMatchObject({ fiscalYear: fiscalYearOf(today), asOf: today });
  });

  it('lists nothing for a year that has not started', async () => {
    const w: WorkspaceDto = (await officer().get('/api/workspace/50?fiscalYear=2572&asOf=2026-12-15')).body;
    expect(w.kpis.every((k) => k.entries.length === 0)).toBe(true);
    expect(w.counts).toMatchObject({ due: 0, late: 0 });
  });

  it.each<[string, string | null, string, number]>([
    ['a cluster officer (drafts are not theirs to see)', 'clusterC15', URL, 403],
    ['a central analyst', 'analyst', URL, 403],
    ['another province', 'officer52', URL, 403],
    ['the public', null, URL, 401],
    ['a cluster code', 'admin', '/api/workspace/C15', 404],
    ['an unknown code', 'admin', '/api/workspace/99', 404],
    ['a Gregorian year', 'officer50', '/api/workspace/50?fiscalYear=2026', 400],
    ['a malformed day', 'officer50', '/api/workspace/50?asOf=15-12-2026', 400],
  ])('refuses %s', async (_name, who, url, status) => {
    const res = await as(t, who ? f.tokens[who as keyof Fixture['tokens']] : null).get(url);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ statusCode: status, message: expect.any(String) });
  });

  it('has a calendar of started periods: due is the latest ended one of each frequency', () => {
    const cal = calendarOf(2570, '2027-01-10');
    const pick = (frequency: string) => cal.filter((c) => c.frequency === frequency).map((c) => [c.period, c.timing]);
    expect(pick('monthly')).toEqual([
      ['2570-M01', 'past'],
      ['2570-M02', 'past'],
      ['2570-M03', 'due'],
      ['2570-M04', 'running'],
    ]);
    expect(pick('quarterly')).toEqual([
      ['2570-Q1', 'due'],
      ['2570-Q2', 'running'],
    ]);
    expect(pick('yearly')).toEqual([['2570', 'running']]);
    // On a period's last day it is still running.
    expect(calendarOf(2570, '2026-10-31').filter((c) => c.frequency === 'monthly')).toEqual([
      { frequency: 'monthly', period: '2570-M01', startsOn: '2026-10-01', endsOn: '2026-10-31', timing: 'running' },
    ]);
  });
});

import { addDays, bangkokDateOf } from '@provdash/shared/domain';
import { Workbook } from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { as, auditCount, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** pdftotext (Debian's poppler-utils); a missing one fails the test, never skips it. */
function pdftotext(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'provdash-minutes-'));
  try {
    const file = join(dir, 'minutes.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (run.error) throw new Error(`pdftotext failed (apt-get install poppler-utils): ${run.error.message}`);
    if (run.status !== 0) throw new Error(`pdftotext exited ${run.status}:\n${run.stderr}`);
    return run.stdout.normalize('NFKC');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

interface AgendaItem {
  id: string;
  kind: string;
  subject: { kind: string; id: string };
  titleTh: string;
  decisions: { id: string; text: string; version: number; directive: { id: string } | null }[];
}

/**
 * The monthly meeting on a real PostgreSQL: the agenda is composed of every kind of item (red KPI,
 * project at lapse risk, overdue directive, high risk) and nothing that is not; the next meeting
 * opens with the previous one's still-open directives; a decision becomes a directive through the
 * directive service (audited, live); every refusal (role, scope, state, stale version) changes
 * nothing; the minutes come out as a Thai PDF and a workbook.
 */
describe('monthly meetings (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  const client = (who: keyof Fixture['tokens'] | null) => as(t, who ? f.tokens[who] : null);
  // A March meeting of FY 2569: the agenda is judged as of its day (K3.1.1 is red then in the demo).
  const MARCH = '2026-03-15';
  const APRIL = '2026-04-15';
  const due = addDays(bangkokDateOf(new Date()), 30);
  const ids = {
    lapseProject: '',
    highRisk: '',
    orgRisk: '',
    mediumRisk: '',
    closedRisk: '',
    overdue: '',
    notYetDue: '',
  };

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    // A FY 2569 project of Chiang Mai with its money untouched: by mid-March (45 % of the year) it is
    // far behind time, at high lapse risk.
    const [p] = await t.dataSource.query(
      `INSERT INTO project (org_unit_id, strategy_id, code, name_th, name_en, owner_agency_th, fiscal_year, budget_source,
                            budget_type, allocated, start_date, end_date)
       SELECT org_unit_id, strategy_id, 'P-MEET-1', 'ก่อสร้างฝายชะลอน้ำ', 'Check dams', owner_agency_th, 2569,
              budget_source, 'capital', 5000000, '2025-10-01', '2026-09-30'
       FROM project WHERE org_unit_id = (SELECT id FROM org_unit WHERE code = '50') LIMIT 1 RETURNING id`,
    );
    ids.lapseProject = p.id;
    const risk = async (likelihood: number, impact: number, description: string, status = 'open') =>
      (
        await t.dataSource.query(
          `INSERT INTO risk (project_id, description, likelihood, impact, response, owner, status)
           VALUES ($1, $2, $3, $4, 'treat', 'สำนักงานโยธาธิการและผังเมือง', $5) RETURNING id`,
          [p.id, description, likelihood, impact, status],
        )
      )[0].id;
    ids.highRisk = await risk(4, 4, 'ผู้รับจ้างทิ้งงาน');
    ids.mediumRisk = await risk(3, 3, 'ฝนตกชุกกว่าปกติ');
    ids.closedRisk = await risk(5, 5, 'ที่ดินยังไม่ได้รับอนุญาต', 'closed');
    // An organisation-level risk of the province (no project nor KPI) is on the agenda as well.
    ids.orgRisk = (
      await t.dataSource.query(
        `INSERT INTO risk (org_unit_id, description, likelihood, impact, response, owner, status)
         SELECT id, 'ภัยแล้งยาวนาน', 3, 5, 'treat', 'ปภ.จังหวัด', 'open' FROM org_unit WHERE code = '50' RETURNING id`,
      )
    )[0].id;
    const directive = async (title: string, dueDate: string) =>
      (
        await t.dataSource.query(
          `INSERT INTO directive (org_unit_id, title, owner_agency, due_date, source, state, issued_by)
           SELECT id, $1, 'สำนักงานพาณิชย์จังหวัด', $2, 'none', 'acknowledged', $3 FROM org_unit WHERE code = '50'
           RETURNING id`,
          [title, dueDate, f.userIds.governor50],
        )
      )[0].id;
    ids.overdue = await directive('จัดทำแผนส่งเสริมการขายสินค้าเกษตร', '2026-03-01');
    ids.notYetDue = await directive('สำรวจตลาดสินค้าชุมชน', '2026-03-31');
  });

  afterAll(() => t.close());

  const open = async (date: string, who: keyof Fixture['tokens'] = 'officer50') =>
    (
      await client(who)
        .post('/api/meetings')
        .send({ orgUnitCode: '50', meetingDate: date, title: `การประชุมหัวหน้าส่วนราชการ ${date}` })
        .expect(201)
    ).body;

  const audits = (entity: string, entityId: string) =>
    t.dataSource.query(`SELECT action, user_id AS "userId" FROM audit_event WHERE entity = $1 AND entity_id = $2`, [
      entity,
      entityId,
    ]);

  let march: { id: string; version: number; agenda: AgendaItem[] };
  let decisionDirectiveId = '';

  it('builds the agenda from every kind of item that needs attention, each linked to its object, and nothing else', async () => {
    march = await open(MARCH);
    expect(march).toMatchObject({ state: 'draft', agenda: [], chairUserId: f.userIds.governor50, version: 1 });
    expect(await audits('meeting', march.id)).toEqual([{ action: 'insert', userId: f.userIds.officer50 }]);

    const built = await client('officer50').post(`/api/meetings/${march.id}/agenda`).send({ version: 1 }).expect(200);
    const agenda: AgendaItem[] = built.body.agenda;
    const of = (kind: string) => agenda.filter((a) => a.kind === kind);
    expect(of('red_kpi').map((a) => a.subject)).toEqual([{ kind: 'kpi', id: f.kpis['50/K3.1.1'] }]);
    expect(of('red_kpi')[0].titleTh).toContain('K3.1.1');
    expect(of('lapse_project').map((a) => a.subject)).toContainEqual({ kind: 'project', id: ids.lapseProject });
    expect(of('overdue_directive').map((a) => a.subject)).toEqual([{ kind: 'directive', id: ids.overdue }]);
    expect(of('high_risk').map((a) => a.subject)).toEqual(
      expect.arrayContaining([
        { kind: 'risk', id: ids.highRisk },
        { kind: 'risk', id: ids.orgRisk },
      ]),
    );
    expect(of('high_risk')).toHaveLength(2);
    // Overdue first (no previous meeting to carry from), then KPIs, projects, risks.
    expect([...new Set(agenda.map((a) => a.kind))]).toEqual([
      'overdue_directive',
      'red_kpi',
      'lapse_project',
      'high_risk',
    ]);
    // Every item is audited; the meeting moved on (a stale build is refused below).
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event a JOIN meeting_agenda_item i ON i.id::text = a.entity_id
       WHERE a.entity = 'meeting_agenda_item' AND a.action = 'insert' AND i.meeting_id = $1`,
      [march.id],
    );
    expect(n).toBe(agenda.length);
    expect(built.body.version).toBe(2);

    // Building again adds nothing that is already there.
    const again = await client('governor50').post(`/api/meetings/${march.id}/agenda`).send({ version: 2 }).expect(200);
    expect(again.body.agenda.map((a: AgendaItem) => a.id)).toEqual(agenda.map((a) => a.id));
    march = again.body;
  });

  it('refuses the wrong role, province, state and a stale version, changing nothing', async () => {
    const before = await auditCount(t);
    await client(null).get('/api/meetings?unit=50').expect(401);
    for (const who of ['analyst', 'evaluator', 'clusterC15', 'officer52'] as const) {
      await client(who).get('/api/meetings?unit=50').expect(403);
      await client(who).get(`/api/meetings/${march.id}`).expect(403);
      await client(who)
        .post('/api/meetings')
        .send({ orgUnitCode: '50', meetingDate: MARCH, title: 'ประชุมแทรก' })
        .expect(403);
      await client(who).post(`/api/meetings/${march.id}/hold`).send({ version: march.version }).expect(403);
      await client(who).get(`/api/meetings/${march.id}/minutes/pdf`).expect(403);
    }
    // A stale version (someone else built or held it): 409 with the reload message.
    const stale = await client('officer50').post(`/api/meetings/${march.id}/hold`).send({ version: 1 }).expect(409);
    expect(stale.body.message).toEqual(expect.any(String));
    // Wrong state: no closing a draft, no decisions before it is held.
    await client('officer50').post(`/api/meetings/${march.id}/close`).send({ version: march.version }).expect(409);
    await client('officer50')
      .post(`/api/meetings/${march.id}/decisions`)
      .send({ agendaItemId: march.agenda[0].id, text: 'มอบหมายให้เร่งรัด' })
      .expect(409);
    // Bad input: field-level 400s; a meeting of a cluster: 422.
    await client('officer50')
      .post('/api/meetings')
      .send({ orgUnitCode: '50', meetingDate: '2569-03-15', title: 'x' })
      .expect(400);
    await client('admin')
      .post('/api/meetings')
      .send({ orgUnitCode: 'C15', meetingDate: MARCH, title: 'ประชุมกลุ่ม' })
      .expect(422);
    expect(await auditCount(t)).toBe(before);
  });

  it('records decisions while held; one becomes a directive issued in the chair’s name, audited and live', async () => {
    const held = await client('approver50')
      .post(`/api/meetings/${march.id}/hold`)
      .send({ version: march.version })
      .expect(200);
    expect(held.body).toMatchObject({ state: 'held', heldAt: expect.any(String) });
    await client('officer50').post(`/api/meetings/${march.id}/agenda`).send({ version: held.body.version }).expect(409);

    const red = march.agenda.find((a) => a.kind === 'red_kpi') as AgendaItem;
    const risk = march.agenda.find((a) => a.kind === 'high_risk') as AgendaItem;
    const recorded = await client('officer50')
      .post(`/api/meetings/${march.id}/decisions`)
      .send({ agendaItemId: red.id, text: 'มอบสำนักงานทรัพยากรธรรมชาติฯ เร่งรัดการควบคุมการเผาในที่โล่ง' })
      .expect(201);
    await client('officer50')
      .post(`/api/meetings/${march.id}/decisions`)
      .send({ agendaItemId: risk.id, text: 'รับทราบ ให้ติดตามผู้รับจ้างทุกสัปดาห์' })
      .expect(201);
    const decision = recorded.body.agenda.find((a: AgendaItem) => a.id === red.id).decisions[0];
    expect(decision).toMatchObject({ directive: null, version: 1 });
    expect(await audits('meeting_decision', decision.id)).toEqual([{ action: 'insert', userId: f.userIds.officer50 }]);

    // An agenda item of another meeting is refused next to nothing: 422.
    const other = await open('2026-03-20', 'governor50');
    await client('governor50').post(`/api/meetings/${other.id}/agenda`).send({ version: 1 }).expect(200);
    const [otherItem] = await t.dataSource.query(`SELECT id FROM meeting_agenda_item WHERE meeting_id = $1 LIMIT 1`, [
      other.id,
    ]);
    await client('officer50')
      .post(`/api/meetings/${march.id}/decisions`)
      .send({ agendaItemId: otherItem.id, text: 'มติผิดการประชุม' })
      .expect(422);

    // The secretary turns it into a directive: issued by the chair (the governor), linked to the KPI.
    const before = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM realtime_event WHERE event = 'directive.changed'`,
    );
    const turned = await client('officer50')
      .post(`/api/meetings/${march.id}/decisions/${decision.id}/directive`)
      .send({
        version: 1,
        ownerUserId: f.userIds.officer50,
        ownerAgency: 'สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด',
        dueDate: due,
      })
      .expect(201);
    const made = turned.body.agenda.find((a: AgendaItem) => a.id === red.id).decisions[0];
    expect(made.directive).toMatchObject({ state: 'issued', dueDate: due, overdue: false });
    decisionDirectiveId = made.directive.id;
    const [d] = await t.dataSource.query(
      `SELECT source, kpi_id AS "kpiId", issued_by AS "issuedBy", owner_user_id AS "ownerUserId" FROM directive WHERE id = $1`,
      [decisionDirectiveId],
    );
    expect(d).toEqual({
      source: 'meeting',
      kpiId: f.kpis['50/K3.1.1'],
      issuedBy: f.userIds.governor50,
      ownerUserId: f.userIds.officer50,
    });
    expect(turned.body.openDirectives.map((x: { id: string }) => x.id)).toContain(decisionDirectiveId);
    expect(await audits('directive', decisionDirectiveId)).toEqual([{ action: 'insert', userId: f.userIds.officer50 }]);
    expect((await audits('meeting_decision', decision.id)).map((a: { action: string }) => a.action)).toEqual([
      'insert',
      'update',
    ]);
    const after = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM realtime_event WHERE event = 'directive.changed'`,
    );
    expect(after[0].n).toBeGreaterThan(before[0].n);
    // It shows on the province's directives page too.
    const board = await client('governor50').get('/api/directives?unit=50&show=open').expect(200);
    expect(board.body.directives.find((x: { id: string }) => x.id === decisionDirectiveId)).toMatchObject({
      source: { kind: 'meeting', id: f.kpis['50/K3.1.1'], code: 'K3.1.1' },
    });

    // Once only, and a stale decision version is refused.
    await client('officer50')
      .post(`/api/meetings/${march.id}/decisions/${decision.id}/directive`)
      .send({ version: 2, ownerAgency: 'x', dueDate: due })
      .expect(409);
    await client('officer50')
      .post(`/api/meetings/${march.id}/decisions/${decision.id}/directive`)
      .send({ version: 1, ownerAgency: 'x', dueDate: due })
      .expect(409);
    // A directive's own rules still hold: an owner is required, no due day in the past.
    const second = turned.body.agenda.find((a: AgendaItem) => a.id === risk.id).decisions[0];
    const noOwner = await client('officer50')
      .post(`/api/meetings/${march.id}/decisions/${second.id}/directive`)
      .send({ version: 1, dueDate: due })
      .expect(422);
    expect(noOwner.body.details[0].field).toBe('ownerAgency');
    await client('officer50')
      .post(`/api/meetings/${march.id}/decisions/${second.id}/directive`)
      .send({ version: 1, ownerAgency: 'โยธาธิการ', dueDate: '2020-01-01' })
      .expect(422);

    const closed = await client('governor50')
      .post(`/api/meetings/${march.id}/close`)
      .send({ version: turned.body.version })
      .expect(200);
    expect(closed.body).toMatchObject({ state: 'closed', closedAt: expect.any(String) });
    await client('officer50')
      .post(`/api/meetings/${march.id}/decisions`)
      .send({ agendaItemId: risk.id, text: 'มติหลังปิดรายงาน' })
      .expect(409);
    expect((await audits('meeting', march.id)).map((a: { action: string }) => a.action)).toEqual([
      'insert',
      'update', // built
      'update', // built again (nothing added, the version moves)
      'update', // held
      'update', // closed
    ]);
  });

  it('lists meetings with their decisions, and opens the next one with the previous one’s still-open directives', async () => {
    const list = await client('governor50').get('/api/meetings?unit=50').expect(200);
    const m = list.body.meetings.find((x: { id: string }) => x.id === march.id);
    expect(m).toMatchObject({ state: 'closed', meetingDate: MARCH });
    expect(m.decisions.map((d: { directiveId: string | null }) => d.directiveId)).toContain(decisionDirectiveId);

    const april = await open(APRIL);
    expect(april.agenda.map((a: AgendaItem) => [a.kind, a.subject.id])).toEqual([
      ['carried_directive', decisionDirectiveId],
    ]);
    // Built, the carried directive stays once; the rest follows.
    const built = await client('officer50').post(`/api/meetings/${april.id}/agenda`).send({ version: 1 }).expect(200);
    expect(built.body.agenda[0]).toMatchObject({ kind: 'carried_directive', subject: { id: decisionDirectiveId } });
    expect(built.body.agenda.filter((a: AgendaItem) => a.subject.id === decisionDirectiveId)).toHaveLength(1);
    // By mid-April the directive due 31 March is overdue too.
    expect(
      built.body.agenda.filter((a: AgendaItem) => a.kind === 'overdue_directive').map((a: AgendaItem) => a.subject.id),
    ).toEqual(expect.arrayContaining([ids.overdue, ids.notYetDue]));

    // A closed directive is not carried.
    await t.dataSource.query(`UPDATE directive SET state = 'closed', closed_at = now() WHERE id = $1`, [
      decisionDirectiveId,
    ]);
    const may = await open('2026-05-15');
    expect(may.agenda.filter((a: AgendaItem) => a.kind === 'carried_directive')).toEqual([]);
    await t.dataSource.query(`UPDATE directive SET state = 'issued', closed_at = NULL WHERE id = $1`, [
      decisionDirectiveId,
    ]);
  });

  it('prints the minutes as a Thai PDF and a workbook', async () => {
    const pdf = await client('governor50')
      .get(`/api/meetings/${march.id}/minutes/pdf`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = squash(pdftotext(pdf.body as Buffer));
    for (const s of [
      'รายงานการประชุม',
      'วาระและมติ',
      'จำนวนจุดความร้อนสะสม',
      'K3.1.1',
      'มอบสำนักงานทรัพยากรธรรมชาติฯเร่งรัดการควบคุมการเผาในที่โล่ง',
      'ผู้ว่าราชการจังหวัดเชียงใหม่',
      '15มี.ค.2569',
    ])
      expect(text).toContain(squash(s));

    const xlsx = await client('officer50')
      .get(`/api/meetings/${march.id}/minutes/xlsx`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const wb = new Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['การประชุม', 'วาระและมติ', 'ข้อสั่งการค้าง']);
    const rows = (wb.getWorksheet('วาระและมติ')?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows[0]).toContain('มติที่ประชุม');
    const decided = rows.find((r) => r.includes('มอบสำนักงานทรัพยากรธรรมชาติฯ เร่งรัดการควบคุมการเผาในที่โล่ง'));
    expect(decided).toBeDefined();
    expect(decided).toContain('ตัวชี้วัดที่ต่ำกว่าเป้าหมาย');
    expect(decided).toContain(due);
    await client('analyst').get(`/api/meetings/${march.id}/minutes/xlsx`).expect(403);
  });
});

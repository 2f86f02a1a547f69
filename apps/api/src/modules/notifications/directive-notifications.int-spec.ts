import { addDays, bangkokDateOf } from '@provdash/shared/domain';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';
import { waitFor } from '../../testing/wait-for';
import type { ActorClaims } from '../access/actor';
import { DirectivesService } from '../follow-up/directives.service';
import { Jobs } from '../jobs/jobs.service';
import { DirectiveRemindersService } from './directive-reminders.service';

/**
 * Directive notifications on the real parts (PostgreSQL, the domain event bus after commit, the
 * pg-boss job queue): a new directive tells its owner; the daily overdue job tells the owner of each
 * overdue open directive exactly once per directive per day, and nobody of a closed one.
 */
describe('directive notifications (real PostgreSQL and job queue)', () => {
  let t: TestApp;
  let f: Fixture;
  const client = (who: keyof Fixture['tokens'] | null) => as(t, who ? f.tokens[who] : null);
  const today = bangkokDateOf(new Date());

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  const notes = async (kind: string, key: string) =>
    t.dataSource.query(
      `SELECT user_id AS "userId", title_th AS "titleTh", link FROM notification WHERE kind = $1 AND dedupe_key = $2 ORDER BY user_id`,
      [kind, key],
    );

  it('tells the named owner of a new directive, and only them', async () => {
    const issued = await client('governor50')
      .post('/api/directives')
      .send({
        orgUnitCode: '50',
        title: 'ทบทวนแผนรับมือหมอกควัน',
        ownerUserId: f.userIds.officer50,
        dueDate: addDays(today, 14),
      })
      .expect(201);
    const key = `directive.issued:${issued.body.id}`;
    await waitFor(
      async () => (await notes('directive.issued', key)).length > 0,
      20_000,
      'the new-directive notification',
    );
    expect(await notes('directive.issued', key)).toEqual([
      {
        userId: f.userIds.officer50,
        titleTh: 'ข้อสั่งการใหม่: ทบทวนแผนรับมือหมอกควัน',
        link: `/follow-up/${issued.body.id}`,
      },
    ]);
    // In the owner's bell.
    const bell = await client('officer50').get('/api/me/notifications').expect(200);
    expect(
      bell.body.items.some(
        (n: { kind: string; link: string }) =>
          n.kind === 'directive.issued' && n.link === `/follow-up/${issued.body.id}`,
      ),
    ).toBe(true);
    // A later step is no new directive.
    await client('officer50').post(`/api/directives/${issued.body.id}/acknowledge`).send({ version: 1 }).expect(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(
      await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'directive.issued'`),
    ).toEqual([{ n: 1 }]);
  });

  it("tells the province's writers of a directive given to an agency only, never another province", async () => {
    const issued = await client('governor50')
      .post('/api/directives')
      .send({
        orgUnitCode: '50',
        title: 'เร่งรัดการเบิกจ่าย',
        ownerAgency: 'สำนักงานโยธาธิการจังหวัด',
        dueDate: addDays(today, 7),
      })
      .expect(201);
    const key = `directive.issued:${issued.body.id}`;
    await waitFor(async () => (await notes('directive.issued', key)).length >= 2, 20_000, 'the agency notification');
    const told = (await notes('directive.issued', key)).map((n: { userId: string }) => n.userId);
    expect(told).toEqual(expect.arrayContaining([f.userIds.officer50, f.userIds.approver50]));
    expect(told).not.toContain(f.userIds.officer52);
    expect(told).not.toContain(f.userIds.governor50);
  });

  it('tells the owner of an overdue directive once per day through the daily job, and not of a closed one', async () => {
    // Issued weeks ago (the API refuses a due day in the past, so the clock is turned back in the row).
    const [overdue] = await t.dataSource.query(
      `INSERT INTO directive (org_unit_id, title, owner_user_id, due_date, source, issued_by)
       SELECT id, 'ส่งรายงานผลกระทบภัยแล้ง', $1, $2::date, 'none', $3 FROM org_unit WHERE code = '50' RETURNING id`,
      [f.userIds.officer50, addDays(today, -3), f.userIds.governor50],
    );
    const [closed] = await t.dataSource.query(
      `INSERT INTO directive (org_unit_id, title, owner_user_id, due_date, source, issued_by, state, closed_at, closed_by)
       SELECT id, 'ปิดแล้ว', $1, $2::date, 'none', $3, 'closed', now(), $3 FROM org_unit WHERE code = '50' RETURNING id`,
      [f.userIds.officer50, addDays(today, -3), f.userIds.governor50],
    );
    const concerns = await t.app.get(DirectiveRemindersService).due(today);
    expect(concerns.map((c) => c.dedupeKey)).toContain(`directive.overdue:${overdue.id}:${today}`);
    expect(concerns.some((c) => c.dedupeKey.includes(closed.id))).toBe(false);
    expect(concerns.find((c) => c.dedupeKey.includes(overdue.id))?.titleTh).toBe(
      'ข้อสั่งการเลยกำหนด 3 วัน: ส่งรายงานผลกระทบภัยแล้ง',
    );

    // The job sent twice the same day (a retry, a second scheduler's tick): one notification.
    const jobs = t.app.get(Jobs);
    const runs = [await jobs.send('directives.overdue', { today }), await jobs.send('directives.overdue', { today })];
    await waitFor(
      async () =>
        (await Promise.all(runs.map((r) => jobs.state('directives.overdue', String(r))))).every(
          (s) => s === 'completed',
        ),
      60_000,
      'both overdue runs',
    );
    const key = `directive.overdue:${overdue.id}:${today}`;
    expect(await notes('directive.overdue', key)).toEqual([
      {
        userId: f.userIds.officer50,
        titleTh: 'ข้อสั่งการเลยกำหนด 3 วัน: ส่งรายงานผลกระทบภัยแล้ง',
        link: `/follow-up/${overdue.id}`,
      },
    ]);
    // The next day tells again, once.
    const tomorrow = addDays(today, 1);
    await t.app.get(DirectiveRemindersService).run(tomorrow);
    await t.app.get(DirectiveRemindersService).run(tomorrow);
    const perDay = await t.dataSource.query(
      `SELECT dedupe_key AS key, count(*)::int AS n FROM notification WHERE kind = 'directive.overdue' AND dedupe_key LIKE $1
       GROUP BY dedupe_key ORDER BY dedupe_key`,
      [`directive.overdue:${overdue.id}:%`],
    );
    expect(perDay).toEqual([
      { key: `directive.overdue:${overdue.id}:${today}`, n: 1 },
      { key: `directive.overdue:${overdue.id}:${tomorrow}`, n: 1 },
    ]);
    expect(
      await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE dedupe_key LIKE $1`, [
        `%${closed.id}%`,
      ]),
    ).toEqual([{ n: 0 }]);
  });

  it('counts overdue in Bangkok days across the fiscal-year boundary: due on 30 Sep 2026 (FY 2569), overdue on 1 Oct (FY 2570)', async () => {
    const [d] = await t.dataSource.query(
      `INSERT INTO directive (org_unit_id, title, owner_user_id, due_date, source, issued_by)
       SELECT id, 'สรุปผลการใช้จ่ายปีงบประมาณ 2569', $1, '2026-09-30', 'none', $2 FROM org_unit WHERE code = '50' RETURNING id`,
      [f.userIds.officer50, f.userIds.governor50],
    );
    // The daily job: nothing on the due day itself, one day overdue on the first day of the new year.
    const reminders = t.app.get(DirectiveRemindersService);
    expect((await reminders.due('2026-09-30')).some((c) => c.dedupeKey.includes(d.id))).toBe(false);
    expect((await reminders.due('2026-10-01')).find((c) => c.dedupeKey.includes(d.id))).toMatchObject({
      dedupeKey: `directive.overdue:${d.id}:2026-10-01`,
      titleTh: 'ข้อสั่งการเลยกำหนด 1 วัน: สรุปผลการใช้จ่ายปีงบประมาณ 2569',
    });
    // The province's board as the governor reads it: 23:59 on 30 Sep in Bangkok is still on time;
    // midnight (17:00 UTC) starts FY 2570 and the directive is overdue by one day, in the overdue list.
    const claims = JSON.parse(Buffer.from(f.tokens.governor50.split('.')[1], 'base64url').toString()) as ActorClaims;
    const directives = t.app.get(DirectivesService);
    const at = async (iso: string) =>
      (await directives.board({ unit: '50', show: 'overdue' }, claims, new Date(iso))).directives.find(
        (x) => x.id === d.id,
      );
    expect(await at('2026-09-30T16:59:00Z')).toBeUndefined();
    expect(await at('2026-09-30T17:00:00Z')).toMatchObject({ overdue: true, daysOverdue: 1 });
    expect((await directives.detail(d.id, claims, new Date('2026-09-30T16:59:00Z'))).overdue).toBe(false);
  });

  it("offers the directive kinds in the person's preferences", async () => {
    const settings = await client('officer50').get('/api/me/notification-settings').expect(200);
    expect(settings.body.preferences['directive.issued']).toEqual({ email: true, push: true, line: true });
    expect(settings.body.preferences['directive.overdue']).toEqual({ email: true, push: true, line: true });
  });
});

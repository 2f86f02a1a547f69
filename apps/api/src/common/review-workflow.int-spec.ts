import { as, Fixture, seedFixture } from '../testing/fixtures';
import { bootTestApp, TestApp } from '../testing/test-app';

/**
 * Four eyes over the shared review workflow (KPI results and project progress): an approver who typed
 * the value must not approve it, even when an officer was the one who submitted it.
 */
describe('four eyes on the review workflow (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  const officer = () => as(t, f.tokens.officer50);
  const approver = () => as(t, f.tokens.approver50);
  const admin = () => as(t, f.tokens.admin);

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  it('a KPI result: the approver enters, an officer submits, the approver may not approve; someone else may', async () => {
    const [kpi]: { id: string }[] = await t.dataSource.query(
      `SELECT k.id FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id
        WHERE u.code = '50' AND k.frequency = 'monthly' AND k.rollup <> 'ratio' AND k.retired_at IS NULL
        ORDER BY k.code LIMIT 1`,
    );
    const url = `/api/kpis/${kpi.id}/results/2570-M01`;
    await t.dataSource.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND period = '2570-M01'`, [kpi.id]);

    const entered = await approver().put(url).send({ value: '12' });
    expect(entered.status).toBe(200);
    const submitted = await officer().post(`${url}/submit`).send({ version: entered.body.version });
    expect(submitted.status).toBe(200);

    const refused = await approver()
      .post(`${url}/approve`)
      .set('Accept-Language', 'en')
      .send({ version: submitted.body.version });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'access.ownEntryApproval',
      message: 'You entered or changed this value since it was last approved, so another approver must approve it.',
    });
    const [row] = await t.dataSource.query(`SELECT status FROM kpi_result WHERE kpi_id = $1 AND period = '2570-M01'`, [
      kpi.id,
    ]);
    expect(row.status).toBe('submitted');

    const approved = await admin().post(`${url}/approve`).send({ version: submitted.body.version });
    expect(approved.status).toBe(200);

    // After that approval the slate is clean: reopened, corrected and submitted by the officer, the
    // approver may approve (returning and reopening are reviews, not entries).
    const reopened = await approver().post(`${url}/reopen`).send({ version: approved.body.version, reason: 'ตรวจทาน' });
    expect(reopened.status).toBe(200);
    const corrected = await officer().put(url).send({ value: '13', version: reopened.body.version });
    const resubmitted = await officer().post(`${url}/submit`).send({ version: corrected.body.version });
    const second = await approver().post(`${url}/approve`).send({ version: resubmitted.body.version });
    expect(second.status).toBe(200);
  });

  it('project progress: an approver who changed the percent may not approve what an officer submitted', async () => {
    const [project]: { id: string }[] = await t.dataSource.query(
      `SELECT p.id FROM project p JOIN org_unit u ON u.id = p.org_unit_id
        WHERE u.code = '50' AND p.status <> 'cancelled' ORDER BY p.code LIMIT 1`,
    );
    const url = `/api/projects/${project.id}/progress/2570-M01`;
    await t.dataSource.query(`DELETE FROM project_progress WHERE project_id = $1 AND period = '2570-M01'`, [
      project.id,
    ]);

    const first = await officer().put(url).send({ percent: 20 });
    expect(first.status).toBe(200);
    const changed = await approver().put(url).send({ percent: 25, version: first.body.version });
    expect(changed.status).toBe(200);
    const submitted = await officer().post(`${url}/submit`).send({ version: changed.body.version });
    expect(submitted.status).toBe(200);

    const refused = await approver().post(`${url}/approve`).send({ version: submitted.body.version });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('access.ownEntryApproval');
    expect(refused.body.message).toMatch(/ไม่สามารถอนุมัติผลที่ตนเองบันทึกหรือแก้ไข/);
  });
});

import { seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';
import { DisbursementReadModelsService } from './disbursement-read-models.service';

const FY = 2569;
const AS_OF = '2026-09-30';

/** The monthly totals, recomputed from every GFMIS line: what the triggers must always equal. */
const FROM_LINES = `
  SELECT p.fiscal_year, p.budget_type, u.code, to_char(d.month, 'YYYY-MM') AS month,
         SUM(d.committed)::text AS committed, SUM(d.disbursed)::text AS disbursed
  FROM disbursement d JOIN project p ON p.id = d.project_id JOIN org_unit u ON u.id = p.org_unit_id
  WHERE p.status <> 'cancelled'
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
/** The kept totals; a month whose lines all went away stays as a zero row. */
const KEPT = `
  SELECT m.fiscal_year, m.budget_type, u.code, to_char(m.month, 'YYYY-MM') AS month,
         m.committed::text AS committed, m.disbursed::text AS disbursed
  FROM disbursement_month_total m JOIN org_unit u ON u.id = m.org_unit_id
  WHERE m.committed <> 0 OR m.disbursed <> 0
  ORDER BY 1, 2, 3, 4`;

/**
 * disbursement_month_total (migration 1763700870000) against a real database: after every kind of
 * write to GFMIS lines and projects, it equals the sums of the lines, and so does the ranking.
 */
describe('monthly disbursement totals kept by triggers (real PostgreSQL)', () => {
  let t: TestApp;
  let project: { id: string; org_unit_id: string; budget_type: string; status: string };

  beforeAll(async () => {
    t = await bootTestApp();
    await seedFixture(t);
    [project] = await t.dataSource.query(
      `SELECT p.id, p.org_unit_id, p.budget_type, p.status FROM project p JOIN org_unit u ON u.id = p.org_unit_id
       WHERE u.code = '50' AND p.fiscal_year = $1 AND p.status <> 'cancelled'
         AND EXISTS (SELECT 1 FROM disbursement d WHERE d.project_id = p.id)
       ORDER BY p.code LIMIT 1`,
      [FY],
    );
  });

  afterAll(() => t.close());

  async function expectKeptEqualsLines(): Promise<void> {
    const lines = await t.dataSource.query(FROM_LINES);
    expect(lines.length).toBeGreaterThan(0);
    expect(await t.dataSource.query(KEPT)).toEqual(lines);
  }

  /** Chiang Mai's line of the ranking, next to the same figure summed from its GFMIS lines. */
  async function rankingOf50(budgetType: 'overall' | 'capital' | 'current') {
    // Inside a transaction: the ranking's statement itself, not an answer kept against the national
    // room (these writes are straight SQL, which publishes nothing).
    const ranking = await t.dataSource.transaction((m) =>
      t.app.get(DisbursementReadModelsService).ranking('province', budgetType, { fiscalYear: FY, asOf: AS_OF }, m),
    );
    const row = ranking.rows.find((r) => r.code === '50');
    if (!row) throw new Error('Chiang Mai is missing from the ranking');
    const [lines] = await t.dataSource.query(
      `SELECT COALESCE(SUM(d.disbursed), 0)::numeric(18,2)::text AS disbursed, COALESCE(SUM(d.committed), 0)::numeric(18,2)::text AS committed
       FROM disbursement d JOIN project p ON p.id = d.project_id JOIN org_unit u ON u.id = p.org_unit_id
       WHERE u.code = '50' AND p.fiscal_year = $1 AND p.status <> 'cancelled' AND d.month <= $2::date
         AND ($3 = 'overall' OR p.budget_type = $3)`,
      [FY, AS_OF, budgetType],
    );
    return { row, lines };
  }

  it('starts equal to the demo data loaded through the seeds', async () => {
    await expectKeptEqualsLines();
    for (const type of ['overall', 'capital', 'current'] as const) {
      const { row, lines } = await rankingOf50(type);
      expect({ disbursed: row.disbursed, committed: row.committed }).toEqual(lines);
    }
  });

  it('follows lines inserted, changed and deleted, one or many per statement', async () => {
    await t.dataSource.query(
      `INSERT INTO disbursement (project_id, month, committed, disbursed, source_document, source_line)
       VALUES ($1, '2026-03-01', 1000.25, 500.50, 'TEST-1', 1), ($1, '2026-03-01', 10, 5, 'TEST-1', 2),
              ($1, '2026-04-01', 7, 3, 'TEST-1', 3)`,
      [project.id],
    );
    await expectKeptEqualsLines();
    await t.dataSource.query(`UPDATE disbursement SET disbursed = disbursed + 1.11 WHERE source_document = 'TEST-1'`);
    await expectKeptEqualsLines();
    await t.dataSource.query(
      `UPDATE disbursement SET month = '2026-05-01' WHERE source_document = 'TEST-1' AND source_line = 3`,
    );
    await expectKeptEqualsLines();
    const before = (await rankingOf50('overall')).row.disbursed;
    await t.dataSource.query(`DELETE FROM disbursement WHERE source_document = 'TEST-1'`);
    await expectKeptEqualsLines();
    const { row, lines } = await rankingOf50('overall');
    expect(row.disbursed).toBe(lines.disbursed);
    expect(row.disbursed).not.toBe(before);
  });

  it('takes a project money along when it is cancelled, restored, retyped or moved', async () => {
    const ranking = () => rankingOf50('overall');
    const start = await ranking();
    await t.dataSource.query(`UPDATE project SET status = 'cancelled' WHERE id = $1`, [project.id]);
    await expectKeptEqualsLines();
    const cancelled = await ranking();
    expect(cancelled.row.disbursed).toBe(cancelled.lines.disbursed);
    expect(cancelled.row.disbursed).not.toBe(start.row.disbursed);

    await t.dataSource.query(`UPDATE project SET status = $2 WHERE id = $1`, [project.id, project.status]);
    await expectKeptEqualsLines();
    expect((await ranking()).row.disbursed).toBe(start.row.disbursed);

    const other = project.budget_type === 'capital' ? 'current' : 'capital';
    await t.dataSource.query(`UPDATE project SET budget_type = $2 WHERE id = $1`, [project.id, other]);
    await expectKeptEqualsLines();
    const [lampang] = await t.dataSource.query(`SELECT id FROM org_unit WHERE code = '52'`);
    // (A code of its own there: Lampang has a project of the same code.)
    await t.dataSource.query(`UPDATE project SET org_unit_id = $2, code = code || '-M' WHERE id = $1`, [
      project.id,
      lampang.id,
    ]);
    await expectKeptEqualsLines();
    await t.dataSource.query(
      `UPDATE project SET org_unit_id = $2, budget_type = $3, code = left(code, -2) WHERE id = $1`,
      [project.id, project.org_unit_id, project.budget_type],
    );
    await expectKeptEqualsLines();
    expect((await ranking()).row.disbursed).toBe(start.row.disbursed);
  });

  it('rebuilds to the same totals from the lines', async () => {
    const kept = await t.dataSource.query(KEPT);
    await t.dataSource.query(`SELECT disbursement_month_total_rebuild()`);
    expect(await t.dataSource.query(KEPT)).toEqual(kept);
  });
});

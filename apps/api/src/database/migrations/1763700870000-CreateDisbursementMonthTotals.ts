import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each province has committed and disbursed per month, fiscal year and budget type, over the
 * projects that are not cancelled: the disbursement ranking reads about a thousand of these rows
 * for a year instead of summing its 280,000 GFMIS lines (docs/benchmarks.md).
 *
 * Kept by triggers, so every writer (the GFMIS import, its rollback, a project cancelled, moved or
 * retyped, a restore, psql) keeps it true in its own transaction: statement-level triggers with
 * transition tables add each statement's rows in one aggregate, in key order so two imports of one
 * province queue rather than deadlock. `disbursement_month_total_rebuild()` recomputes it all, for a
 * bulk load that ran without triggers (session_replication_role = replica).
 */
export class CreateDisbursementMonthTotals1763700870000 implements MigrationInterface {
  name = 'CreateDisbursementMonthTotals1763700870000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "disbursement_month_total" (
        "fiscal_year" smallint NOT NULL,
        "budget_type" varchar(16) NOT NULL,
        "org_unit_id" uuid NOT NULL,
        "month" date NOT NULL,
        "committed" numeric(18,2) NOT NULL,
        "disbursed" numeric(18,2) NOT NULL,
        CONSTRAINT "disbursement_month_total_pkey" PRIMARY KEY ("fiscal_year", "budget_type", "org_unit_id", "month"),
        CONSTRAINT "disbursement_month_total_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT
      )`);

    // The statement's rows, signed (+ inserted, − deleted; an update is both), added to the totals.
    await q.query(`
      CREATE FUNCTION disbursement_month_total_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        added text := 'SELECT project_id, month, committed, disbursed, 1 AS sign FROM new_rows';
        removed text := 'SELECT project_id, month, committed, disbursed, -1 AS sign FROM old_rows';
      BEGIN
        -- Dynamic, because a trigger without an old (or new) table cannot name it even in a branch not taken.
        EXECUTE format($q$
          INSERT INTO disbursement_month_total AS t (fiscal_year, budget_type, org_unit_id, month, committed, disbursed)
          SELECT p.fiscal_year, p.budget_type, p.org_unit_id, r.month, SUM(r.sign * r.committed), SUM(r.sign * r.disbursed)
          FROM (%s) r JOIN project p ON p.id = r.project_id
          WHERE p.status <> 'cancelled'
          GROUP BY p.fiscal_year, p.budget_type, p.org_unit_id, r.month
          ORDER BY p.fiscal_year, p.budget_type, p.org_unit_id, r.month
          ON CONFLICT (fiscal_year, budget_type, org_unit_id, month)
          DO UPDATE SET committed = t.committed + excluded.committed, disbursed = t.disbursed + excluded.disbursed
          $q$,
          CASE TG_OP WHEN 'INSERT' THEN added WHEN 'DELETE' THEN removed ELSE added || ' UNION ALL ' || removed END);
        RETURN NULL;
      END $$`);
    // Transition tables allow one event per trigger.
    await q.query(`
      CREATE TRIGGER disbursement_month_total_insert AFTER INSERT ON disbursement
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION disbursement_month_total_on_change()`);
    await q.query(`
      CREATE TRIGGER disbursement_month_total_update AFTER UPDATE ON disbursement
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION disbursement_month_total_on_change()`);
    await q.query(`
      CREATE TRIGGER disbursement_month_total_delete AFTER DELETE ON disbursement
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION disbursement_month_total_on_change()`);

    // A project cancelled or restored, moved to another unit, year or budget type takes its money along.
    await q.query(`
      CREATE FUNCTION disbursement_month_total_on_project() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO disbursement_month_total AS t (fiscal_year, budget_type, org_unit_id, month, committed, disbursed)
        SELECT k.fiscal_year, k.budget_type, k.org_unit_id, d.month, SUM(k.sign * d.committed), SUM(k.sign * d.disbursed)
        FROM disbursement d,
             (SELECT OLD.fiscal_year, OLD.budget_type, OLD.org_unit_id, -1 AS sign WHERE OLD.status <> 'cancelled'
              UNION ALL
              SELECT NEW.fiscal_year, NEW.budget_type, NEW.org_unit_id, 1 WHERE NEW.status <> 'cancelled') k
        WHERE d.project_id = NEW.id
        GROUP BY k.fiscal_year, k.budget_type, k.org_unit_id, d.month
        ORDER BY k.fiscal_year, k.budget_type, k.org_unit_id, d.month
        ON CONFLICT (fiscal_year, budget_type, org_unit_id, month)
        DO UPDATE SET committed = t.committed + excluded.committed, disbursed = t.disbursed + excluded.disbursed;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER disbursement_month_total_project AFTER UPDATE ON project FOR EACH ROW
      WHEN ((OLD.status = 'cancelled') IS DISTINCT FROM (NEW.status = 'cancelled')
            OR OLD.fiscal_year IS DISTINCT FROM NEW.fiscal_year OR OLD.budget_type IS DISTINCT FROM NEW.budget_type
            OR OLD.org_unit_id IS DISTINCT FROM NEW.org_unit_id)
      EXECUTE FUNCTION disbursement_month_total_on_project()`);

    await q.query(`
      CREATE FUNCTION disbursement_month_total_rebuild() RETURNS void LANGUAGE sql AS $$
        DELETE FROM disbursement_month_total;
        INSERT INTO disbursement_month_total (fiscal_year, budget_type, org_unit_id, month, committed, disbursed)
        SELECT p.fiscal_year, p.budget_type, p.org_unit_id, d.month, SUM(d.committed), SUM(d.disbursed)
        FROM disbursement d JOIN project p ON p.id = d.project_id
        WHERE p.status <> 'cancelled'
        GROUP BY p.fiscal_year, p.budget_type, p.org_unit_id, d.month;
      $$`);
    await q.query(`SELECT disbursement_month_total_rebuild()`);
    // The ranking's allocation: one index-only range per year and budget type.
    await q.query(
      `CREATE INDEX "project_fiscal_year_budget_idx" ON "project" ("fiscal_year", "budget_type", "org_unit_id") INCLUDE ("status", "allocated")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "project_fiscal_year_budget_idx"`);
    await q.query(`DROP TRIGGER disbursement_month_total_project ON project`);
    await q.query(`DROP TRIGGER disbursement_month_total_delete ON disbursement`);
    await q.query(`DROP TRIGGER disbursement_month_total_update ON disbursement`);
    await q.query(`DROP TRIGGER disbursement_month_total_insert ON disbursement`);
    await q.query(`DROP FUNCTION disbursement_month_total_rebuild()`);
    await q.query(`DROP FUNCTION disbursement_month_total_on_project()`);
    await q.query(`DROP FUNCTION disbursement_month_total_on_change()`);
    await q.query(`DROP TABLE "disbursement_month_total"`);
  }
}

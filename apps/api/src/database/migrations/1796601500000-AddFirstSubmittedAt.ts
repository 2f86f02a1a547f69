import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22 item 1 (reporting completeness and timeliness): "on time" means *first* sent for
 * approval by the deadline, and `submitted_at` moves with every resubmission after a return. Each
 * reviewed entry (KPI results, project progress) keeps its first submission. Existing rows take it
 * from the audit trail (the first write that left the row submitted), else their last submission.
 * The country's completeness reads a fiscal year's results with their state and first submission:
 * an index that answers it alone (an index-only scan of one year, not the ten years' table).
 */
export class AddFirstSubmittedAt1796601500000 implements MigrationInterface {
  name = 'AddFirstSubmittedAt1796601500000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['kpi_result', 'project_progress']) {
      await q.query(`ALTER TABLE "${table}" ADD "first_submitted_at" timestamptz`);
      await q.query(
        `UPDATE "${table}" r SET first_submitted_at = COALESCE(
           (SELECT min(e.at) FROM audit_event e
             WHERE e.entity = '${table}' AND e.entity_id = r.id::text AND e.after->>'status' = 'submitted'),
           r.submitted_at)
         WHERE r.submitted_at IS NOT NULL`,
      );
    }
    await q.query(
      `CREATE INDEX "kpi_result_fy_reporting_idx" ON "kpi_result" ("fiscal_year", "kpi_id", "period") INCLUDE ("status", "first_submitted_at", "submitted_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "kpi_result_fy_reporting_idx"`);
    for (const table of ['kpi_result', 'project_progress']) await q.query(`ALTER TABLE "${table}" DROP COLUMN "first_submitted_at"`);
  }
}

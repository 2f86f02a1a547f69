import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A KPI's hard limits: values that cannot be true (negative revenue, a reservoir at 500 % of
 * capacity) are refused, not confirmed like outliers. Null on a side takes the default by unit
 * from the domain library (`effectiveHardLimits`): 0–100 for a percentage, never negative otherwise.
 */
export class AddKpiHardLimits1796588259661 implements MigrationInterface {
  name = 'AddKpiHardLimits1796588259661';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "kpi" ADD "hard_min" numeric, ADD "hard_max" numeric`);
    await q.query(
      `ALTER TABLE "kpi" ADD CONSTRAINT "kpi_hard_limits_check" CHECK ("hard_min" IS NULL OR "hard_max" IS NULL OR "hard_min" <= "hard_max")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "kpi" DROP CONSTRAINT "kpi_hard_limits_check"`);
    await q.query(`ALTER TABLE "kpi" DROP COLUMN "hard_max", DROP COLUMN "hard_min"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How one KPI adds up across provinces to a cluster and the nation: counts and money sum, ratios
 * pool their parts, and some (a growth rate, a rate per 100,000 without populations) must not be
 * combined at all. Existing KPIs get 'none' until their owner decides.
 */
export class AddKpiAggregation1763700300000 implements MigrationInterface {
  name = 'AddKpiAggregation1763700300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "kpi" ADD "aggregation" varchar(16) NOT NULL DEFAULT 'none'`);
    await q.query(
      `ALTER TABLE "kpi" ADD CONSTRAINT "kpi_aggregation_check" CHECK ("aggregation" IN ('sum', 'weighted_ratio', 'weighted_mean', 'none'))`,
    );
    // The national comparison looks KPIs up by code across provinces.
    await q.query(`CREATE INDEX "kpi_code_idx" ON "kpi" ("code")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "kpi_code_idx"`);
    await q.query(`ALTER TABLE "kpi" DROP CONSTRAINT "kpi_aggregation_check", DROP COLUMN "aggregation"`);
  }
}

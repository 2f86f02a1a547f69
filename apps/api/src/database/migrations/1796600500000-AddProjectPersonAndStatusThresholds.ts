import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18 items 4 and 5. A project names the person responsible beside the agency, and may belong
 * to a cluster (its plan, its KPIs) as well as to a province. The KPI status thresholds become a
 * per-fiscal-year setting of the ministry; a year without a row uses the defaults (green 100,
 * amber 80), so nothing changes until someone sets one.
 */
export class AddProjectPersonAndStatusThresholds1796600500000 implements MigrationInterface {
  name = 'AddProjectPersonAndStatusThresholds1796600500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "project" ADD "responsible_person" character varying(200) NOT NULL DEFAULT ''`);
    await q.query(`CREATE TABLE "kpi_status_threshold" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "version" integer NOT NULL DEFAULT 1,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "fiscal_year" smallint NOT NULL,
      "green" numeric(6,2) NOT NULL,
      "amber" numeric(6,2) NOT NULL,
      CONSTRAINT "kpi_status_threshold_range_check" CHECK ("amber" >= 0 AND "amber" <= "green" AND "green" <= 1000),
      CONSTRAINT "kpi_status_threshold_pkey" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE UNIQUE INDEX "kpi_status_threshold_fiscal_year_key" ON "kpi_status_threshold" ("fiscal_year")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "kpi_status_threshold"`);
    await q.query(`ALTER TABLE "project" DROP COLUMN "responsible_person"`);
  }
}

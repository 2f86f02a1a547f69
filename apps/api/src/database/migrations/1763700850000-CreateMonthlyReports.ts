import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly reports of the provinces, kept for download. The files live in the database (bytea):
 * every API instance reads the same ones without a shared disk, and the backup (pg_dump) keeps them
 * with the data they describe. A report is a few hundred kB: 77 provinces × 12 months is a few
 * hundred MB a year at most.
 */
export class CreateMonthlyReports1763700850000 implements MigrationInterface {
  name = 'CreateMonthlyReports1763700850000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "monthly_report" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_unit_id" uuid NOT NULL,
        "month" date NOT NULL,
        "fiscal_year" smallint NOT NULL,
        "as_of" date NOT NULL,
        "generated_at" timestamptz NOT NULL,
        "trigger" varchar(16) NOT NULL,
        "pdf_bytes" integer NOT NULL,
        "xlsx_bytes" integer NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "monthly_report_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "monthly_report_month_check" CHECK (EXTRACT(DAY FROM "month") = 1),
        CONSTRAINT "monthly_report_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "monthly_report_org_unit_month_key" ON "monthly_report" ("org_unit_id", "month")`,
    );
    await q.query(`
      CREATE TABLE "monthly_report_file" (
        "report_id" uuid NOT NULL,
        "format" varchar(8) NOT NULL,
        "content" bytea NOT NULL,
        CONSTRAINT "monthly_report_file_pkey" PRIMARY KEY ("report_id", "format"),
        CONSTRAINT "monthly_report_file_format_check" CHECK ("format" IN ('pdf', 'xlsx')),
        CONSTRAINT "monthly_report_file_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "monthly_report"("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "monthly_report_file"`);
    await q.query(`DROP TABLE "monthly_report"`);
  }
}

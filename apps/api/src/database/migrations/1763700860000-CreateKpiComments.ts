import { MigrationInterface, QueryRunner } from 'typeorm';

/** People's Audit: citizens' comments on public KPIs, moderated by the province. */
export class CreateKpiComments1763700860000 implements MigrationInterface {
  name = 'CreateKpiComments1763700860000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "kpi_comment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kpi_id" uuid NOT NULL,
        "org_unit_id" uuid NOT NULL,
        "period" varchar(12),
        "author_name" varchar(80),
        "body" text NOT NULL,
        "status" varchar(12) NOT NULL DEFAULT 'pending',
        "moderated_by" uuid,
        "moderated_at" timestamptz,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "kpi_comment_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "kpi_comment_status_check" CHECK ("status" IN ('pending', 'approved', 'hidden')),
        CONSTRAINT "kpi_comment_kpi_id_fkey" FOREIGN KEY ("kpi_id") REFERENCES "kpi"("id") ON DELETE RESTRICT,
        CONSTRAINT "kpi_comment_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT,
        CONSTRAINT "kpi_comment_moderated_by_fkey" FOREIGN KEY ("moderated_by") REFERENCES "app_user"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "kpi_comment_kpi_status_idx" ON "kpi_comment" ("kpi_id", "status", "created_at")`);
    await q.query(
      `CREATE INDEX "kpi_comment_org_unit_status_idx" ON "kpi_comment" ("org_unit_id", "status", "created_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "kpi_comment"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Directives (ข้อสั่งการ, issue 20): the governor's orders with an owner, a due day and the object
 * they came from, and the owner's progress posts.
 */
export class CreateDirectives1796600800000 implements MigrationInterface {
  name = 'CreateDirectives1796600800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "directive" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_unit_id" uuid NOT NULL,
        "title" varchar(500) NOT NULL,
        "detail" text NOT NULL DEFAULT '',
        "owner_user_id" uuid,
        "owner_agency" varchar(200) NOT NULL DEFAULT '',
        "due_date" date NOT NULL,
        "source" varchar(16) NOT NULL,
        "kpi_id" uuid,
        "project_id" uuid,
        "risk_id" uuid,
        "state" varchar(16) NOT NULL DEFAULT 'issued',
        "percent" smallint NOT NULL DEFAULT 0,
        "issued_by" uuid NOT NULL,
        "acknowledged_at" timestamptz,
        "close_requested_at" timestamptz,
        "closed_at" timestamptz,
        "closed_by" uuid,
        "issuer_note" text NOT NULL DEFAULT '',
        "close_request_note" text NOT NULL DEFAULT '',
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "directive_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "directive_state_check" CHECK ("state" IN ('issued', 'acknowledged', 'in_progress', 'close_requested', 'closed', 'returned')),
        CONSTRAINT "directive_source_check" CHECK ("source" IN ('kpi', 'project', 'risk', 'meeting', 'none')),
        CONSTRAINT "directive_owner_check" CHECK ("owner_user_id" IS NOT NULL OR "owner_agency" <> ''),
        CONSTRAINT "directive_subject_check" CHECK (num_nonnulls("kpi_id", "project_id", "risk_id") <= 1),
        CONSTRAINT "directive_percent_check" CHECK ("percent" BETWEEN 0 AND 100),
        CONSTRAINT "directive_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT,
        CONSTRAINT "directive_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT,
        CONSTRAINT "directive_kpi_id_fkey" FOREIGN KEY ("kpi_id") REFERENCES "kpi"("id") ON DELETE RESTRICT,
        CONSTRAINT "directive_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT,
        CONSTRAINT "directive_risk_id_fkey" FOREIGN KEY ("risk_id") REFERENCES "risk"("id") ON DELETE RESTRICT,
        CONSTRAINT "directive_issued_by_fkey" FOREIGN KEY ("issued_by") REFERENCES "app_user"("id") ON DELETE RESTRICT,
        CONSTRAINT "directive_closed_by_fkey" FOREIGN KEY ("closed_by") REFERENCES "app_user"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "directive_org_unit_state_idx" ON "directive" ("org_unit_id", "state", "due_date")`);
    await q.query(`CREATE INDEX "directive_owner_user_id_idx" ON "directive" ("owner_user_id")`);
    await q.query(`CREATE INDEX "directive_kpi_id_idx" ON "directive" ("kpi_id")`);
    await q.query(`CREATE INDEX "directive_project_id_idx" ON "directive" ("project_id")`);
    await q.query(`CREATE INDEX "directive_risk_id_idx" ON "directive" ("risk_id")`);
    await q.query(`
      CREATE TABLE "directive_progress" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "directive_id" uuid NOT NULL,
        "note" text NOT NULL,
        "percent" smallint NOT NULL,
        "evidence" jsonb NOT NULL DEFAULT '[]',
        "posted_by" uuid NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "directive_progress_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "directive_progress_percent_check" CHECK ("percent" BETWEEN 0 AND 100),
        CONSTRAINT "directive_progress_directive_id_fkey" FOREIGN KEY ("directive_id") REFERENCES "directive"("id") ON DELETE RESTRICT,
        CONSTRAINT "directive_progress_posted_by_fkey" FOREIGN KEY ("posted_by") REFERENCES "app_user"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE INDEX "directive_progress_directive_idx" ON "directive_progress" ("directive_id", "created_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "directive_progress"`);
    await q.query(`DROP TABLE "directive"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projects (โครงการ) under a province's strategies with their KPIs, monthly progress, monthly GFMIS
 * disbursement (keyed for an idempotent import), the Cabinet's quarterly targets and 4T risks.
 */
export class CreateProjectsAndDisbursement1763700500000 implements MigrationInterface {
  name = 'CreateProjectsAndDisbursement1763700500000';

  async up(q: QueryRunner): Promise<void> {
    const audited = `
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()`;

    await q.query(`
      CREATE TABLE "project" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_unit_id" uuid NOT NULL,
        "strategy_id" uuid NOT NULL,
        "code" varchar(32) NOT NULL,
        "name_th" varchar(500) NOT NULL,
        "name_en" varchar(500) NOT NULL,
        "owner_agency_th" varchar(300) NOT NULL,
        "fiscal_year" smallint NOT NULL,
        "budget_source" varchar(16) NOT NULL,
        "budget_type" varchar(16) NOT NULL,
        "allocated" numeric(18,2) NOT NULL,
        "start_date" date NOT NULL,
        "end_date" date NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'not_started',${audited},
        CONSTRAINT "project_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "project_budget_source_check" CHECK ("budget_source" IN ('province', 'cluster', 'ministry', 'local', 'other')),
        CONSTRAINT "project_budget_type_check" CHECK ("budget_type" IN ('capital', 'current')),
        CONSTRAINT "project_status_check" CHECK ("status" IN ('not_started', 'on_schedule', 'delayed', 'completed', 'cancelled')),
        CONSTRAINT "project_allocated_check" CHECK ("allocated" >= 0),
        CONSTRAINT "project_dates_check" CHECK ("end_date" >= "start_date"),
        CONSTRAINT "project_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT,
        CONSTRAINT "project_strategy_id_fkey" FOREIGN KEY ("strategy_id") REFERENCES "strategy"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "project_org_unit_fy_code_key" ON "project" ("org_unit_id", "fiscal_year", "code")`,
    );
    await q.query(`CREATE INDEX "project_strategy_id_idx" ON "project" ("strategy_id")`);

    await q.query(`
      CREATE TABLE "project_kpi" (
        "project_id" uuid NOT NULL,
        "kpi_id" uuid NOT NULL,
        CONSTRAINT "project_kpi_pkey" PRIMARY KEY ("project_id", "kpi_id"),
        CONSTRAINT "project_kpi_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT,
        CONSTRAINT "project_kpi_kpi_id_fkey" FOREIGN KEY ("kpi_id") REFERENCES "kpi"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "project_kpi_kpi_id_idx" ON "project_kpi" ("kpi_id")`);

    await q.query(`
      CREATE TABLE "project_progress" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "project_id" uuid NOT NULL,
        "period" varchar(12) NOT NULL,
        "percent" numeric(5,2) NOT NULL,
        "milestone_note" text NOT NULL DEFAULT '',
        "status" varchar(12) NOT NULL DEFAULT 'draft',
        "return_reason" text,
        "submitted_by" uuid,
        "approved_by" uuid,
        "submitted_at" timestamptz,
        "approved_at" timestamptz,${audited},
        CONSTRAINT "project_progress_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "project_progress_status_check" CHECK ("status" IN ('draft', 'submitted', 'approved', 'returned')),
        CONSTRAINT "project_progress_percent_check" CHECK ("percent" >= 0 AND "percent" <= 100),
        CONSTRAINT "project_progress_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT,
        CONSTRAINT "project_progress_submitted_by_fkey" FOREIGN KEY ("submitted_by") REFERENCES "app_user"("id") ON DELETE RESTRICT,
        CONSTRAINT "project_progress_approved_by_fkey" FOREIGN KEY ("approved_by") REFERENCES "app_user"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "project_progress_project_period_key" ON "project_progress" ("project_id", "period")`,
    );

    await q.query(`
      CREATE TABLE "disbursement" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "project_id" uuid NOT NULL,
        "month" date NOT NULL,
        "committed" numeric(18,2) NOT NULL DEFAULT 0,
        "disbursed" numeric(18,2) NOT NULL DEFAULT 0,
        "source_batch_id" uuid,
        "source_document" varchar(64) NOT NULL DEFAULT '',
        "source_line" integer NOT NULL DEFAULT 0,${audited},
        CONSTRAINT "disbursement_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "disbursement_month_check" CHECK (EXTRACT(DAY FROM "month") = 1),
        CONSTRAINT "disbursement_amounts_check" CHECK ("committed" >= 0 AND "disbursed" >= 0),
        CONSTRAINT "disbursement_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "disbursement_source_key" ON "disbursement" ("project_id", "month", "source_document", "source_line")`,
    );
    await q.query(`CREATE INDEX "disbursement_month_idx" ON "disbursement" ("month")`);

    await q.query(`
      CREATE TABLE "disbursement_target" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "fiscal_year" smallint NOT NULL,
        "budget_type" varchar(16) NOT NULL,
        "q1" numeric(5,2) NOT NULL,
        "q2" numeric(5,2) NOT NULL,
        "q3" numeric(5,2) NOT NULL,
        "q4" numeric(5,2) NOT NULL,${audited},
        CONSTRAINT "disbursement_target_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "disbursement_target_budget_type_check" CHECK ("budget_type" IN ('overall', 'capital', 'current')),
        CONSTRAINT "disbursement_target_range_check" CHECK ("q1" >= 0 AND "q1" <= "q2" AND "q2" <= "q3" AND "q3" <= "q4" AND "q4" <= 100)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "disbursement_target_fy_type_key" ON "disbursement_target" ("fiscal_year", "budget_type")`,
    );

    await q.query(`
      CREATE TABLE "risk" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "project_id" uuid,
        "kpi_id" uuid,
        "description" text NOT NULL,
        "likelihood" smallint NOT NULL,
        "impact" smallint NOT NULL,
        "response" varchar(16) NOT NULL,
        "owner" varchar(200) NOT NULL,
        "mitigation" text NOT NULL DEFAULT '',
        "review_date" date,
        "status" varchar(8) NOT NULL DEFAULT 'open',${audited},
        CONSTRAINT "risk_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "risk_subject_check" CHECK (num_nonnulls("project_id", "kpi_id") = 1),
        CONSTRAINT "risk_likelihood_check" CHECK ("likelihood" BETWEEN 1 AND 5),
        CONSTRAINT "risk_impact_check" CHECK ("impact" BETWEEN 1 AND 5),
        CONSTRAINT "risk_response_check" CHECK ("response" IN ('take', 'treat', 'transfer', 'terminate')),
        CONSTRAINT "risk_status_check" CHECK ("status" IN ('open', 'closed')),
        CONSTRAINT "risk_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT,
        CONSTRAINT "risk_kpi_id_fkey" FOREIGN KEY ("kpi_id") REFERENCES "kpi"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "risk_project_id_idx" ON "risk" ("project_id")`);
    await q.query(`CREATE INDEX "risk_kpi_id_idx" ON "risk" ("kpi_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['risk', 'disbursement_target', 'disbursement', 'project_progress', 'project_kpi', 'project']) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}

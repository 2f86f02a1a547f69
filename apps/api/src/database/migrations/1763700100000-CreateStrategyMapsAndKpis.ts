import { MigrationInterface, QueryRunner } from 'typeorm';

/** Plans, the strategy map (issues, goals, cause → effect links, strategies) and KPIs with targets and results. */
export class CreateStrategyMapsAndKpis1763700100000 implements MigrationInterface {
  name = 'CreateStrategyMapsAndKpis1763700100000';

  async up(q: QueryRunner): Promise<void> {
    const audited = `
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()`;

    await q.query(`
      CREATE TABLE "plan" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_unit_id" uuid NOT NULL,
        "name_th" varchar(300) NOT NULL,
        "name_en" varchar(300) NOT NULL,
        "vision_th" text NOT NULL,
        "vision_en" text NOT NULL,
        "start_fy" smallint NOT NULL,
        "end_fy" smallint NOT NULL,${audited},
        CONSTRAINT "plan_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "plan_years_check" CHECK ("end_fy" >= "start_fy"),
        CONSTRAINT "plan_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "plan_org_unit_id_idx" ON "plan" ("org_unit_id")`);

    await q.query(`
      CREATE TABLE "strategic_issue" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "plan_id" uuid NOT NULL,
        "code" varchar(16) NOT NULL,
        "seq" integer NOT NULL,
        "name_th" varchar(500) NOT NULL,
        "name_en" varchar(500) NOT NULL,
        "retired_at" timestamptz,${audited},
        CONSTRAINT "strategic_issue_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "strategic_issue_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE UNIQUE INDEX "strategic_issue_plan_code_key" ON "strategic_issue" ("plan_id", "code")`);

    await q.query(`
      CREATE TABLE "goal" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "issue_id" uuid NOT NULL,
        "code" varchar(16) NOT NULL,
        "seq" integer NOT NULL,
        "name_th" varchar(500) NOT NULL,
        "name_en" varchar(500) NOT NULL,
        "contributes_to_goal_id" uuid,
        "national_pillar" smallint,
        "retired_at" timestamptz,${audited},
        CONSTRAINT "goal_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "goal_national_pillar_check" CHECK ("national_pillar" BETWEEN 1 AND 6),
        CONSTRAINT "goal_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "strategic_issue"("id") ON DELETE RESTRICT,
        CONSTRAINT "goal_contributes_to_goal_id_fkey" FOREIGN KEY ("contributes_to_goal_id") REFERENCES "goal"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE UNIQUE INDEX "goal_issue_code_key" ON "goal" ("issue_id", "code")`);
    await q.query(`CREATE INDEX "goal_contributes_to_goal_id_idx" ON "goal" ("contributes_to_goal_id")`);

    await q.query(`
      CREATE TABLE "goal_link" (
        "cause_goal_id" uuid NOT NULL,
        "effect_goal_id" uuid NOT NULL,
        CONSTRAINT "goal_link_pkey" PRIMARY KEY ("cause_goal_id", "effect_goal_id"),
        CONSTRAINT "goal_link_not_self_check" CHECK ("cause_goal_id" <> "effect_goal_id"),
        CONSTRAINT "goal_link_cause_goal_id_fkey" FOREIGN KEY ("cause_goal_id") REFERENCES "goal"("id") ON DELETE CASCADE,
        CONSTRAINT "goal_link_effect_goal_id_fkey" FOREIGN KEY ("effect_goal_id") REFERENCES "goal"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "goal_link_effect_goal_id_idx" ON "goal_link" ("effect_goal_id")`);

    await q.query(`
      CREATE TABLE "strategy" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "goal_id" uuid NOT NULL,
        "code" varchar(16) NOT NULL,
        "seq" integer NOT NULL,
        "name_th" varchar(500) NOT NULL,
        "name_en" varchar(500) NOT NULL,
        "retired_at" timestamptz,${audited},
        CONSTRAINT "strategy_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "strategy_goal_id_fkey" FOREIGN KEY ("goal_id") REFERENCES "goal"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE UNIQUE INDEX "strategy_goal_code_key" ON "strategy" ("goal_id", "code")`);

    await q.query(`
      CREATE TABLE "kpi" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "goal_id" uuid NOT NULL,
        "org_unit_id" uuid NOT NULL,
        "code" varchar(32) NOT NULL,
        "name_th" varchar(500) NOT NULL,
        "name_en" varchar(500) NOT NULL,
        "unit_th" varchar(50) NOT NULL,
        "unit_en" varchar(50) NOT NULL,
        "direction" varchar(16) NOT NULL,
        "band_min" numeric,
        "band_max" numeric,
        "baseline_value" numeric,
        "baseline_fy" smallint,
        "frequency" varchar(16) NOT NULL,
        "rollup" varchar(16) NOT NULL,
        "ratio_multiplier" numeric,
        "plausible_min" numeric,
        "plausible_max" numeric,
        "owner_agency_th" varchar(300) NOT NULL,
        "owner_agency_en" varchar(300) NOT NULL,
        "data_source" varchar(300) NOT NULL,
        "definition_th" text NOT NULL DEFAULT '',
        "retired_at" timestamptz,${audited},
        CONSTRAINT "kpi_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "kpi_direction_check" CHECK ("direction" IN ('higher_better', 'lower_better', 'band')),
        CONSTRAINT "kpi_frequency_check" CHECK ("frequency" IN ('monthly', 'quarterly', 'half_yearly', 'yearly')),
        CONSTRAINT "kpi_rollup_check" CHECK ("rollup" IN ('sum', 'average', 'last', 'ratio')),
        CONSTRAINT "kpi_goal_id_fkey" FOREIGN KEY ("goal_id") REFERENCES "goal"("id") ON DELETE RESTRICT,
        CONSTRAINT "kpi_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE UNIQUE INDEX "kpi_org_unit_code_key" ON "kpi" ("org_unit_id", "code")`);
    await q.query(`CREATE INDEX "kpi_goal_id_idx" ON "kpi" ("goal_id")`);

    await q.query(`
      CREATE TABLE "kpi_target" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kpi_id" uuid NOT NULL,
        "fiscal_year" smallint NOT NULL,
        "period" varchar(12) NOT NULL,
        "target" numeric NOT NULL,${audited},
        CONSTRAINT "kpi_target_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "kpi_target_kpi_id_fkey" FOREIGN KEY ("kpi_id") REFERENCES "kpi"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE UNIQUE INDEX "kpi_target_kpi_period_key" ON "kpi_target" ("kpi_id", "period")`);

    await q.query(`
      CREATE TABLE "kpi_result" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kpi_id" uuid NOT NULL,
        "fiscal_year" smallint NOT NULL,
        "period" varchar(12) NOT NULL,
        "value" numeric,
        "numerator" numeric,
        "denominator" numeric,
        "narrative_th" text NOT NULL DEFAULT '',
        "evidence" jsonb NOT NULL DEFAULT '[]'::jsonb,
        "status" varchar(12) NOT NULL DEFAULT 'draft',
        "return_reason" text,
        "submitted_at" timestamptz,
        "approved_at" timestamptz,${audited},
        CONSTRAINT "kpi_result_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "kpi_result_status_check" CHECK ("status" IN ('draft', 'submitted', 'approved', 'returned')),
        CONSTRAINT "kpi_result_kpi_id_fkey" FOREIGN KEY ("kpi_id") REFERENCES "kpi"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE UNIQUE INDEX "kpi_result_kpi_period_key" ON "kpi_result" ("kpi_id", "period")`);
    await q.query(`CREATE INDEX "kpi_result_kpi_fy_status_idx" ON "kpi_result" ("kpi_id", "fiscal_year", "status")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'kpi_result',
      'kpi_target',
      'kpi',
      'strategy',
      'goal_link',
      'goal',
      'strategic_issue',
      'plan',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}

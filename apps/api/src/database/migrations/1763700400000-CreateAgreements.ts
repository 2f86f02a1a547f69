import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Performance agreements (คำรับรองการปฏิบัติราชการ): national templates, one agreement per province
 * and fiscal year with its weighted indicators, manual results of standalone indicators, amendments
 * after signing, and the frozen 6- and 12-month rounds.
 */
export class CreateAgreements1763700400000 implements MigrationInterface {
  name = 'CreateAgreements1763700400000';

  async up(q: QueryRunner): Promise<void> {
    const audited = `
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()`;
    const definition = `
        "code" varchar(32) NOT NULL,
        "name_th" varchar(500) NOT NULL,
        "name_en" varchar(500) NOT NULL,
        "unit_th" varchar(50) NOT NULL,
        "unit_en" varchar(50) NOT NULL,
        "direction" varchar(16) NOT NULL,
        "kind" varchar(16) NOT NULL DEFAULT 'scale',
        "weight" numeric(5,2) NOT NULL,
        "l1" numeric NOT NULL,
        "l2" numeric NOT NULL,
        "l3" numeric NOT NULL,
        "l4" numeric NOT NULL,
        "l5" numeric NOT NULL,
        "seq" integer NOT NULL,`;
    const definitionChecks = (table: string) => `
        CONSTRAINT "${table}_direction_check" CHECK ("direction" IN ('higher_better', 'lower_better')),
        CONSTRAINT "${table}_kind_check" CHECK ("kind" IN ('scale', 'milestone')),
        CONSTRAINT "${table}_weight_check" CHECK ("weight" > 0)`;

    await q.query(`
      CREATE TABLE "agreement_template" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "fiscal_year" smallint NOT NULL,
        "name_th" varchar(300) NOT NULL,
        "name_en" varchar(300) NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'draft',${audited},
        CONSTRAINT "agreement_template_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "agreement_template_status_check" CHECK ("status" IN ('draft', 'published'))
      )`);
    await q.query(`CREATE INDEX "agreement_template_fiscal_year_idx" ON "agreement_template" ("fiscal_year")`);

    await q.query(`
      CREATE TABLE "agreement_template_indicator" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "template_id" uuid NOT NULL,${definition}
        "kpi_code" varchar(32),${audited},
        CONSTRAINT "agreement_template_indicator_pkey" PRIMARY KEY ("id"),${definitionChecks('agreement_template_indicator')},
        CONSTRAINT "agreement_template_indicator_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "agreement_template"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "agreement_template_indicator_template_code_key" ON "agreement_template_indicator" ("template_id", "code")`,
    );

    await q.query(`
      CREATE TABLE "agreement" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_unit_id" uuid NOT NULL,
        "fiscal_year" smallint NOT NULL,
        "template_id" uuid NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'draft',
        "signed_by_governor" varchar(200),
        "signed_by_ministry" varchar(200),
        "signed_at" date,${audited},
        CONSTRAINT "agreement_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "agreement_status_check" CHECK ("status" IN ('draft', 'agreed', 'evaluated_6', 'evaluated_12')),
        CONSTRAINT "agreement_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT,
        CONSTRAINT "agreement_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "agreement_template"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "agreement_org_unit_fiscal_year_key" ON "agreement" ("org_unit_id", "fiscal_year")`,
    );
    await q.query(`CREATE INDEX "agreement_template_id_idx" ON "agreement" ("template_id")`);

    await q.query(`
      CREATE TABLE "agreement_indicator" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "agreement_id" uuid NOT NULL,
        "template_indicator_id" uuid,${definition}
        "kpi_id" uuid,${audited},
        CONSTRAINT "agreement_indicator_pkey" PRIMARY KEY ("id"),${definitionChecks('agreement_indicator')},
        CONSTRAINT "agreement_indicator_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT,
        CONSTRAINT "agreement_indicator_template_indicator_id_fkey" FOREIGN KEY ("template_indicator_id") REFERENCES "agreement_template_indicator"("id") ON DELETE RESTRICT,
        CONSTRAINT "agreement_indicator_kpi_id_fkey" FOREIGN KEY ("kpi_id") REFERENCES "kpi"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "agreement_indicator_agreement_code_key" ON "agreement_indicator" ("agreement_id", "code")`,
    );
    await q.query(
      `CREATE INDEX "agreement_indicator_template_indicator_id_idx" ON "agreement_indicator" ("template_indicator_id")`,
    );
    await q.query(`CREATE INDEX "agreement_indicator_kpi_id_idx" ON "agreement_indicator" ("kpi_id")`);

    await q.query(`
      CREATE TABLE "agreement_indicator_result" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "indicator_id" uuid NOT NULL,
        "period" varchar(12) NOT NULL,
        "value" numeric,
        "step" smallint,
        "narrative_th" text NOT NULL DEFAULT '',
        "evidence" jsonb NOT NULL DEFAULT '[]',
        "status" varchar(12) NOT NULL DEFAULT 'draft',
        "change_reason" text,
        "entered_by" uuid,
        "approved_by" uuid,
        "approved_at" timestamptz,${audited},
        CONSTRAINT "agreement_indicator_result_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "agreement_indicator_result_status_check" CHECK ("status" IN ('draft', 'approved')),
        CONSTRAINT "agreement_indicator_result_step_check" CHECK ("step" BETWEEN 0 AND 5),
        CONSTRAINT "agreement_indicator_result_value_or_step_check" CHECK (("value" IS NULL) <> ("step" IS NULL)),
        CONSTRAINT "agreement_indicator_result_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "agreement_indicator"("id") ON DELETE RESTRICT,
        CONSTRAINT "agreement_indicator_result_entered_by_fkey" FOREIGN KEY ("entered_by") REFERENCES "app_user"("id") ON DELETE RESTRICT,
        CONSTRAINT "agreement_indicator_result_approved_by_fkey" FOREIGN KEY ("approved_by") REFERENCES "app_user"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "agreement_indicator_result_indicator_period_key" ON "agreement_indicator_result" ("indicator_id", "period")`,
    );

    await q.query(`
      CREATE TABLE "agreement_amendment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "agreement_id" uuid NOT NULL,
        "reason" text NOT NULL,
        "made_by" uuid,
        "made_at" timestamptz NOT NULL DEFAULT now(),
        "changes" jsonb NOT NULL,
        CONSTRAINT "agreement_amendment_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "agreement_amendment_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT,
        CONSTRAINT "agreement_amendment_made_by_fkey" FOREIGN KEY ("made_by") REFERENCES "app_user"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "agreement_amendment_agreement_id_idx" ON "agreement_amendment" ("agreement_id")`);

    await q.query(`
      CREATE TABLE "agreement_round" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "agreement_id" uuid NOT NULL,
        "round" smallint NOT NULL,
        "as_of" date NOT NULL,
        "evaluated_at" timestamptz NOT NULL,
        "evaluated_by" uuid,
        "score" numeric(6,4) NOT NULL,
        "snapshot" jsonb NOT NULL,${audited},
        CONSTRAINT "agreement_round_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "agreement_round_round_check" CHECK ("round" IN (6, 12)),
        CONSTRAINT "agreement_round_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT,
        CONSTRAINT "agreement_round_evaluated_by_fkey" FOREIGN KEY ("evaluated_by") REFERENCES "app_user"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "agreement_round_agreement_round_key" ON "agreement_round" ("agreement_id", "round")`,
    );
    // A round is a frozen record of how the agreement stood: nobody rewrites it, not even by SQL.
    await q.query(`
      CREATE FUNCTION agreement_round_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'agreement_round is frozen: UPDATE is not allowed' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER agreement_round_no_update BEFORE UPDATE ON "agreement_round"
      FOR EACH ROW EXECUTE FUNCTION agreement_round_is_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "agreement_round"`);
    await q.query(`DROP FUNCTION agreement_round_is_frozen()`);
    await q.query(`DROP TABLE "agreement_amendment"`);
    await q.query(`DROP TABLE "agreement_indicator_result"`);
    await q.query(`DROP TABLE "agreement_indicator"`);
    await q.query(`DROP TABLE "agreement"`);
    await q.query(`DROP TABLE "agreement_template_indicator"`);
    await q.query(`DROP TABLE "agreement_template"`);
  }
}

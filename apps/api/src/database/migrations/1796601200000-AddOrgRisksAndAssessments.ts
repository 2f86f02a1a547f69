import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20, the 4T risk register: risks of the province itself (organisation level, PMQA 4.0) beside
 * those of projects and KPIs; the residual likelihood × impact after treatment; every assessment
 * kept (who, when, inherent and residual); and the province's switch that publishes its directives
 * and risks on its public page (off until the governor turns it on).
 */
export class AddOrgRisksAndAssessments1796601200000 implements MigrationInterface {
  name = 'AddOrgRisksAndAssessments1796601200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "risk" ADD "org_unit_id" uuid`);
    await q.query(`ALTER TABLE "risk" ADD "residual_likelihood" smallint`);
    await q.query(`ALTER TABLE "risk" ADD "residual_impact" smallint`);
    await q.query(`ALTER TABLE "risk" DROP CONSTRAINT "risk_subject_check"`);
    await q.query(
      `ALTER TABLE "risk" ADD CONSTRAINT "risk_subject_check" CHECK (num_nonnulls("project_id", "kpi_id", "org_unit_id") = 1)`,
    );
    await q.query(
      `ALTER TABLE "risk" ADD CONSTRAINT "risk_residual_check" CHECK (("residual_likelihood" IS NULL AND "residual_impact" IS NULL) OR ("residual_likelihood" BETWEEN 1 AND 5 AND "residual_impact" BETWEEN 1 AND 5))`,
    );
    await q.query(
      `ALTER TABLE "risk" ADD CONSTRAINT "risk_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT`,
    );
    await q.query(`CREATE INDEX "risk_org_unit_id_idx" ON "risk" ("org_unit_id")`);
    await q.query(`
      CREATE TABLE "risk_assessment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "risk_id" uuid NOT NULL,
        "likelihood" smallint NOT NULL,
        "impact" smallint NOT NULL,
        "residual_likelihood" smallint,
        "residual_impact" smallint,
        "response" varchar(16) NOT NULL,
        "note" text NOT NULL DEFAULT '',
        "assessed_by" uuid,
        "assessed_at" timestamptz NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "risk_assessment_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "risk_assessment_likelihood_check" CHECK ("likelihood" BETWEEN 1 AND 5),
        CONSTRAINT "risk_assessment_impact_check" CHECK ("impact" BETWEEN 1 AND 5),
        CONSTRAINT "risk_assessment_residual_check" CHECK (("residual_likelihood" IS NULL AND "residual_impact" IS NULL) OR ("residual_likelihood" BETWEEN 1 AND 5 AND "residual_impact" BETWEEN 1 AND 5)),
        CONSTRAINT "risk_assessment_response_check" CHECK ("response" IN ('take', 'treat', 'transfer', 'terminate')),
        CONSTRAINT "risk_assessment_risk_id_fkey" FOREIGN KEY ("risk_id") REFERENCES "risk"("id") ON DELETE RESTRICT,
        CONSTRAINT "risk_assessment_assessed_by_fkey" FOREIGN KEY ("assessed_by") REFERENCES "app_user"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "risk_assessment_risk_id_idx" ON "risk_assessment" ("risk_id", "assessed_at")`);
    // Each risk that exists already starts its history with what it says today (no one to name).
    await q.query(`
      INSERT INTO "risk_assessment" ("risk_id", "likelihood", "impact", "response", "assessed_at")
      SELECT "id", "likelihood", "impact", "response", "created_at" FROM "risk"`);
    await q.query(`
      CREATE TABLE "follow_up_publication" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_unit_id" uuid NOT NULL,
        "public" boolean NOT NULL DEFAULT false,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "follow_up_publication_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "follow_up_publication_org_unit_id_key" UNIQUE ("org_unit_id"),
        CONSTRAINT "follow_up_publication_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "follow_up_publication"`);
    await q.query(`DROP TABLE "risk_assessment"`);
    await q.query(`DELETE FROM "risk" WHERE "org_unit_id" IS NOT NULL`);
    await q.query(`DROP INDEX "risk_org_unit_id_idx"`);
    await q.query(`ALTER TABLE "risk" DROP CONSTRAINT "risk_org_unit_id_fkey"`);
    await q.query(`ALTER TABLE "risk" DROP CONSTRAINT "risk_residual_check"`);
    await q.query(`ALTER TABLE "risk" DROP CONSTRAINT "risk_subject_check"`);
    await q.query(`ALTER TABLE "risk" ADD CONSTRAINT "risk_subject_check" CHECK (num_nonnulls("project_id", "kpi_id") = 1)`);
    await q.query(`ALTER TABLE "risk" DROP COLUMN "residual_impact"`);
    await q.query(`ALTER TABLE "risk" DROP COLUMN "residual_likelihood"`);
    await q.query(`ALTER TABLE "risk" DROP COLUMN "org_unit_id"`);
  }
}

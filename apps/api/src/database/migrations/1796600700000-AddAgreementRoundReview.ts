import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: agreement rounds are evaluated by the centre, not by the province. A new role
 * (`central_evaluator`) and, per agreement and round, the review: the province's self-assessment
 * (each indicator's actual with narrative and evidence), the evaluator's decision per indicator
 * (accepted, or adjusted with a reason), then frozen. Once frozen the review never changes, not
 * even by SQL (trigger), like the round it produced.
 */
export class AddAgreementRoundReview1796600700000 implements MigrationInterface {
  name = 'AddAgreementRoundReview1796600700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_role_check"`);
    await q.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "app_user_role_check" CHECK ("role" IN ('admin', 'central_analyst', 'central_evaluator', 'cluster_officer', 'governor', 'province_officer', 'province_approver'))`,
    );
    await q.query(`
      CREATE TABLE "agreement_round_review" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "agreement_id" uuid NOT NULL,
        "round" smallint NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'submitted',
        "as_of" date NOT NULL,
        "lines" jsonb NOT NULL,
        "submitted_by" uuid,
        "submitted_at" timestamptz NOT NULL,
        "frozen_by" uuid,
        "frozen_at" timestamptz,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "agreement_round_review_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "agreement_round_review_round_check" CHECK ("round" IN (6, 12)),
        CONSTRAINT "agreement_round_review_status_check" CHECK ("status" IN ('submitted', 'frozen')),
        CONSTRAINT "agreement_round_review_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "agreement_round_review_submitted_by_fkey" FOREIGN KEY ("submitted_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "agreement_round_review_frozen_by_fkey" FOREIGN KEY ("frozen_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "agreement_round_review_agreement_round_key" ON "agreement_round_review" ("agreement_id", "round")`,
    );
    await q.query(`
      CREATE FUNCTION agreement_round_review_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'frozen' THEN
          RAISE EXCEPTION 'agreement_round_review is frozen: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER agreement_round_review_frozen BEFORE UPDATE OR DELETE ON "agreement_round_review"
      FOR EACH ROW EXECUTE FUNCTION agreement_round_review_is_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "agreement_round_review"`);
    await q.query(`DROP FUNCTION agreement_round_review_is_frozen()`);
    await q.query(`DELETE FROM "app_user" WHERE "role" = 'central_evaluator'`);
    await q.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_role_check"`);
    await q.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "app_user_role_check" CHECK ("role" IN ('admin', 'central_analyst', 'cluster_officer', 'governor', 'province_officer', 'province_approver'))`,
    );
  }
}

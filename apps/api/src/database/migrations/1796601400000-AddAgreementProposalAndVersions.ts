import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19 item 2: the province proposes its agreement, the ministry accepts or returns it (with a
 * reason), the governor alone signs it, and a signed agreement changes only by an amendment the
 * ministry approves. New states (proposed, returned, accepted); who proposed, accepted and signed;
 * a reason per indicator changed from the template; amendments pending until decided; and every
 * signed version kept frozen (`agreement_version`: its indicators, weights and levels as signed or
 * amended), which the database refuses to update or delete.
 */
export class AddAgreementProposalAndVersions1796601400000 implements MigrationInterface {
  name = 'AddAgreementProposalAndVersions1796601400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agreement" DROP CONSTRAINT "agreement_status_check"`);
    await q.query(
      `ALTER TABLE "agreement" ADD CONSTRAINT "agreement_status_check" CHECK ("status" IN ('draft', 'proposed', 'returned', 'accepted', 'agreed', 'evaluated_6', 'evaluated_12'))`,
    );
    await q.query(`ALTER TABLE "agreement" ADD "return_reason" text`);
    await q.query(`ALTER TABLE "agreement" ADD "proposed_by" uuid`);
    await q.query(`ALTER TABLE "agreement" ADD "proposed_at" timestamptz`);
    await q.query(`ALTER TABLE "agreement" ADD "decided_by" uuid`);
    await q.query(`ALTER TABLE "agreement" ADD "decided_at" timestamptz`);
    await q.query(`ALTER TABLE "agreement" ADD "signed_by" uuid`);
    for (const c of ['proposed_by', 'decided_by', 'signed_by']) {
      await q.query(
        `ALTER TABLE "agreement" ADD CONSTRAINT "agreement_${c}_fkey" FOREIGN KEY ("${c}") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    }
    await q.query(`ALTER TABLE "agreement_indicator" ADD "change_reason" text`);

    await q.query(`ALTER TABLE "agreement_amendment" ADD "status" varchar(16) NOT NULL DEFAULT 'approved'`);
    await q.query(
      `ALTER TABLE "agreement_amendment" ADD CONSTRAINT "agreement_amendment_status_check" CHECK ("status" IN ('pending', 'approved', 'returned'))`,
    );
    await q.query(`ALTER TABLE "agreement_amendment" ADD "decided_by" uuid`);
    await q.query(`ALTER TABLE "agreement_amendment" ADD "decided_at" timestamptz`);
    await q.query(`ALTER TABLE "agreement_amendment" ADD "decision_reason" text`);
    await q.query(`ALTER TABLE "agreement_amendment" ADD "version" integer NOT NULL DEFAULT 1`);
    await q.query(
      `ALTER TABLE "agreement_amendment" ADD CONSTRAINT "agreement_amendment_decided_by_fkey" FOREIGN KEY ("decided_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await q.query(`
      CREATE TABLE "agreement_version" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "agreement_id" uuid NOT NULL,
        "number" smallint NOT NULL,
        "amendment_id" uuid,
        "reason" text,
        "made_by" uuid,
        "made_at" timestamptz NOT NULL DEFAULT now(),
        "indicators" jsonb NOT NULL,
        CONSTRAINT "agreement_version_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "agreement_version_number_check" CHECK ("number" >= 1),
        CONSTRAINT "agreement_version_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "agreement_version_amendment_id_fkey" FOREIGN KEY ("amendment_id") REFERENCES "agreement_amendment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "agreement_version_made_by_fkey" FOREIGN KEY ("made_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "agreement_version_agreement_number_key" ON "agreement_version" ("agreement_id", "number")`,
    );
    await q.query(`
      CREATE FUNCTION agreement_version_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'agreement_version is frozen: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER agreement_version_frozen BEFORE UPDATE OR DELETE ON "agreement_version"
      FOR EACH ROW EXECUTE FUNCTION agreement_version_is_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "agreement_version"`);
    await q.query(`DROP FUNCTION agreement_version_is_frozen()`);
    await q.query(`DELETE FROM "agreement_amendment" WHERE "status" <> 'approved'`);
    await q.query(`ALTER TABLE "agreement_amendment" DROP CONSTRAINT "agreement_amendment_decided_by_fkey"`);
    await q.query(`ALTER TABLE "agreement_amendment" DROP CONSTRAINT "agreement_amendment_status_check"`);
    for (const c of ['status', 'decided_by', 'decided_at', 'decision_reason', 'version']) {
      await q.query(`ALTER TABLE "agreement_amendment" DROP COLUMN "${c}"`);
    }
    await q.query(`ALTER TABLE "agreement_indicator" DROP COLUMN "change_reason"`);
    for (const c of ['proposed_by', 'decided_by', 'signed_by']) {
      await q.query(`ALTER TABLE "agreement" DROP CONSTRAINT "agreement_${c}_fkey"`);
    }
    for (const c of ['return_reason', 'proposed_by', 'proposed_at', 'decided_by', 'decided_at', 'signed_by']) {
      await q.query(`ALTER TABLE "agreement" DROP COLUMN "${c}"`);
    }
    await q.query(`UPDATE "agreement" SET "status" = 'draft' WHERE "status" IN ('proposed', 'returned', 'accepted')`);
    await q.query(`ALTER TABLE "agreement" DROP CONSTRAINT "agreement_status_check"`);
    await q.query(
      `ALTER TABLE "agreement" ADD CONSTRAINT "agreement_status_check" CHECK ("status" IN ('draft', 'agreed', 'evaluated_6', 'evaluated_12'))`,
    );
  }
}

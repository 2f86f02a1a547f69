import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GFMIS import batches: one row per imported file (audited when saved), referenced by the
 * disbursement rows it wrote, so a batch can be rolled back as a whole.
 */
export class CreateDisbursementBatches1763700600000 implements MigrationInterface {
  name = 'CreateDisbursementBatches1763700600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "disbursement_batch" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_unit_id" uuid NOT NULL,
        "fiscal_year" smallint NOT NULL,
        "file_name" varchar(255) NOT NULL,
        "checksum" varchar(64) NOT NULL,
        "rows" integer NOT NULL,
        "total_committed" numeric(18,2) NOT NULL,
        "total_disbursed" numeric(18,2) NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'committed',
        "created_by" uuid,
        "rolled_back_by" uuid,
        "rolled_back_at" timestamptz,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "disbursement_batch_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "disbursement_batch_status_check" CHECK ("status" IN ('committed', 'rolled_back')),
        CONSTRAINT "disbursement_batch_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT,
        CONSTRAINT "disbursement_batch_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT,
        CONSTRAINT "disbursement_batch_rolled_back_by_fkey" FOREIGN KEY ("rolled_back_by") REFERENCES "app_user"("id") ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE INDEX "disbursement_batch_org_unit_checksum_idx" ON "disbursement_batch" ("org_unit_id", "checksum")`,
    );
    await q.query(`CREATE INDEX "disbursement_source_batch_id_idx" ON "disbursement" ("source_batch_id")`);
    await q.query(
      `ALTER TABLE "disbursement" ADD CONSTRAINT "disbursement_source_batch_id_fkey"
         FOREIGN KEY ("source_batch_id") REFERENCES "disbursement_batch"("id") ON DELETE RESTRICT`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "disbursement" DROP CONSTRAINT "disbursement_source_batch_id_fkey"`);
    await q.query(`DROP INDEX "disbursement_source_batch_id_idx"`);
    await q.query(`DROP TABLE "disbursement_batch"`);
  }
}

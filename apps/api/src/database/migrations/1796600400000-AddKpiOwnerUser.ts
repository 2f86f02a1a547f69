import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person who answers for a KPI (issue 18.2), beside the owner agency: a user of the KPI's
 * province. Optional (older KPIs have none); a user who leaves is disabled, never deleted, so the
 * reference stays valid. A ratio KPI also says what its numerator and denominator count, so the
 * people entering results know which two numbers to give.
 */
export class AddKpiOwnerUser1796600400000 implements MigrationInterface {
  name = 'AddKpiOwnerUser1796600400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "kpi" ADD "owner_user_id" uuid`);
    await q.query(
      `ALTER TABLE "kpi" ADD "numerator_th" varchar(300) NOT NULL DEFAULT '', ADD "denominator_th" varchar(300) NOT NULL DEFAULT ''`,
    );
    await q.query(
      `ALTER TABLE "kpi" ADD CONSTRAINT "kpi_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "kpi" DROP CONSTRAINT "kpi_owner_user_id_fkey"`);
    await q.query(`ALTER TABLE "kpi" DROP COLUMN "owner_user_id", DROP COLUMN "numerator_th", DROP COLUMN "denominator_th"`);
  }
}

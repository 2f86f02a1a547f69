import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A target is a draft or published (issue 18.3): the new fiscal year's roll-over copies last
 * year's targets as drafts, which count nowhere outside the unit's own screens until an approver
 * publishes them. Every target before this was published.
 */
export class AddKpiTargetState1796600400001 implements MigrationInterface {
  name = 'AddKpiTargetState1796600400001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "kpi_target" ADD "state" varchar(10) NOT NULL DEFAULT 'published'`);
    await q.query(
      `ALTER TABLE "kpi_target" ADD CONSTRAINT "kpi_target_state_check" CHECK ("state" IN ('draft', 'published'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "kpi_target" DROP CONSTRAINT "kpi_target_state_check"`);
    await q.query(`ALTER TABLE "kpi_target" DROP COLUMN "state"`);
  }
}

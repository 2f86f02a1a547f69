import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A plan is a draft, seen only by its own unit's people, until it is published (issue 18 item 1).
 * Plans that exist already are the ones in use, so they are published; the default stays
 * `published` for the plans the seeds and imports write, and the plan builder creates drafts explicitly.
 */
export class AddPlanStatus1796600300000 implements MigrationInterface {
  name = 'AddPlanStatus1796600300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "plan" ADD "status" character varying(16) NOT NULL DEFAULT 'published', ADD "published_at" TIMESTAMP WITH TIME ZONE`,
    );
    await q.query(`UPDATE "plan" SET "published_at" = "created_at"`);
    await q.query(`ALTER TABLE "plan" ADD CONSTRAINT "plan_status_check" CHECK ("status" IN ('draft', 'published'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "plan" DROP CONSTRAINT "plan_status_check"`);
    await q.query(`ALTER TABLE "plan" DROP COLUMN "published_at", DROP COLUMN "status"`);
  }
}

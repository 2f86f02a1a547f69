import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People admin and own sessions (issue 18, items 6 and 7):
 * - a user invited with a temporary password must set their own at first sign-in;
 * - a session (refresh token family) remembers the device and address it began on and when, carried
 *   on every rotated token, so "my sessions" and a user's last sign-in are one indexed read;
 * - the audit trail screen pages newest first over all units (admins) and filters by object type.
 */
export class AddPeopleAdminAndSessionDetails1796600200000 implements MigrationInterface {
  name = 'AddPeopleAdminAndSessionDetails1796600200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await q.query(
      `ALTER TABLE "refresh_token" ADD "user_agent" varchar(300), ADD "address" varchar(64), ADD "started_at" timestamptz NOT NULL DEFAULT now()`,
    );
    await q.query(`UPDATE "refresh_token" SET "started_at" = "created_at"`);
    await q.query(`CREATE INDEX "refresh_token_user_started_idx" ON "refresh_token" ("user_id", "started_at")`);
    await q.query(`CREATE INDEX "audit_event_at_idx" ON "audit_event" ("at", "id")`);
    await q.query(`CREATE INDEX "audit_event_entity_at_idx" ON "audit_event" ("entity", "at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "audit_event_entity_at_idx"`);
    await q.query(`DROP INDEX "audit_event_at_idx"`);
    await q.query(`DROP INDEX "refresh_token_user_started_idx"`);
    await q.query(
      `ALTER TABLE "refresh_token" DROP COLUMN "started_at", DROP COLUMN "address", DROP COLUMN "user_agent"`,
    );
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "must_change_password"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users with a role and a scope, rotating refresh tokens, the append-only audit trail, and who submitted/approved results. */
export class CreateUsersSessionsAndAudit1763700200000 implements MigrationInterface {
  name = 'CreateUsersSessionsAndAudit1763700200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "app_user" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" varchar(200) NOT NULL,
        "display_name" varchar(200) NOT NULL,
        "password_hash" varchar(200) NOT NULL,
        "role" varchar(32) NOT NULL,
        "org_unit_id" uuid NOT NULL,
        "disabled_at" timestamptz,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "app_user_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "app_user_role_check" CHECK ("role" IN ('admin', 'central_analyst', 'cluster_officer', 'governor', 'province_officer', 'province_approver')),
        CONSTRAINT "app_user_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE UNIQUE INDEX "app_user_email_key" ON "app_user" ("email")`);
    await q.query(`CREATE INDEX "app_user_org_unit_id_idx" ON "app_user" ("org_unit_id")`);

    await q.query(`
      CREATE TABLE "refresh_token" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "family_id" uuid NOT NULL,
        "token_hash" varchar(64) NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "refresh_token_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "refresh_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "refresh_token_user_id_idx" ON "refresh_token" ("user_id")`);
    await q.query(`CREATE INDEX "refresh_token_family_id_idx" ON "refresh_token" ("family_id")`);
    await q.query(`CREATE UNIQUE INDEX "refresh_token_token_hash_key" ON "refresh_token" ("token_hash")`);

    await q.query(`
      CREATE TABLE "audit_event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "at" timestamptz NOT NULL DEFAULT now(),
        "user_id" uuid,
        "action" varchar(32) NOT NULL,
        "entity" varchar(64) NOT NULL,
        "entity_id" varchar(64) NOT NULL,
        "org_unit_id" uuid,
        "before" jsonb,
        "after" jsonb,
        "request_id" varchar(64),
        CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "audit_event_org_unit_at_idx" ON "audit_event" ("org_unit_id", "at")`);
    await q.query(`CREATE INDEX "audit_event_entity_idx" ON "audit_event" ("entity", "entity_id")`);
    await q.query(`CREATE INDEX "audit_event_user_at_idx" ON "audit_event" ("user_id", "at")`);
    // Append-only, twice over: the app's role (the owner, which runs the migrations) gives up the
    // privileges, and a trigger refuses the statements for anyone, superusers included.
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_event" FROM PUBLIC, CURRENT_USER`);
    await q.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON "audit_event"
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);

    await q.query(`ALTER TABLE "kpi_result" ADD "submitted_by" uuid, ADD "approved_by" uuid`);
    await q.query(`
      ALTER TABLE "kpi_result"
        ADD CONSTRAINT "kpi_result_submitted_by_fkey" FOREIGN KEY ("submitted_by") REFERENCES "app_user"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "kpi_result_approved_by_fkey" FOREIGN KEY ("approved_by") REFERENCES "app_user"("id") ON DELETE RESTRICT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "kpi_result" DROP COLUMN "approved_by", DROP COLUMN "submitted_by"`);
    await q.query(`DROP TABLE "audit_event"`);
    await q.query(`DROP FUNCTION audit_event_is_append_only()`);
    await q.query(`DROP TABLE "refresh_token"`);
    await q.query(`DROP TABLE "app_user"`);
  }
}

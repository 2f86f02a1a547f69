import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The province's monthly meeting (issue 20, item 3): the meeting, its agenda items (each linked to
 * the red KPI, project, risk or directive it is about) and the decisions recorded on them, each of
 * which may become one directive.
 */
export class CreateMeetings1796601100000 implements MigrationInterface {
  name = 'CreateMeetings1796601100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "meeting" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_unit_id" uuid NOT NULL,
        "meeting_date" date NOT NULL,
        "title" varchar(300) NOT NULL,
        "state" varchar(16) NOT NULL DEFAULT 'draft',
        "chair_user_id" uuid,
        "created_by" uuid NOT NULL,
        "held_at" timestamptz,
        "closed_at" timestamptz,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "meeting_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "meeting_state_check" CHECK ("state" IN ('draft', 'held', 'closed')),
        CONSTRAINT "meeting_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT,
        CONSTRAINT "meeting_chair_user_id_fkey" FOREIGN KEY ("chair_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT,
        CONSTRAINT "meeting_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "meeting_org_unit_date_idx" ON "meeting" ("org_unit_id", "meeting_date")`);
    await q.query(`
      CREATE TABLE "meeting_agenda_item" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "seq" integer NOT NULL,
        "kind" varchar(24) NOT NULL,
        "kpi_id" uuid,
        "project_id" uuid,
        "risk_id" uuid,
        "directive_id" uuid,
        "title_th" varchar(600) NOT NULL,
        "title_en" varchar(600) NOT NULL,
        "note" text NOT NULL DEFAULT '',
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "meeting_agenda_item_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "meeting_agenda_item_kind_check" CHECK ("kind" IN ('red_kpi', 'lapse_project', 'overdue_directive', 'high_risk', 'carried_directive')),
        CONSTRAINT "meeting_agenda_item_subject_check" CHECK (num_nonnulls("kpi_id", "project_id", "risk_id", "directive_id") = 1),
        CONSTRAINT "meeting_agenda_item_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT,
        CONSTRAINT "meeting_agenda_item_kpi_id_fkey" FOREIGN KEY ("kpi_id") REFERENCES "kpi"("id") ON DELETE RESTRICT,
        CONSTRAINT "meeting_agenda_item_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT,
        CONSTRAINT "meeting_agenda_item_risk_id_fkey" FOREIGN KEY ("risk_id") REFERENCES "risk"("id") ON DELETE RESTRICT,
        CONSTRAINT "meeting_agenda_item_directive_id_fkey" FOREIGN KEY ("directive_id") REFERENCES "directive"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "meeting_agenda_item_meeting_idx" ON "meeting_agenda_item" ("meeting_id", "seq")`);
    await q.query(`
      CREATE TABLE "meeting_decision" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "agenda_item_id" uuid NOT NULL,
        "text" text NOT NULL,
        "directive_id" uuid,
        "recorded_by" uuid NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "meeting_decision_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "meeting_decision_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT,
        CONSTRAINT "meeting_decision_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "meeting_agenda_item"("id") ON DELETE RESTRICT,
        CONSTRAINT "meeting_decision_directive_id_fkey" FOREIGN KEY ("directive_id") REFERENCES "directive"("id") ON DELETE RESTRICT,
        CONSTRAINT "meeting_decision_recorded_by_fkey" FOREIGN KEY ("recorded_by") REFERENCES "app_user"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX "meeting_decision_meeting_idx" ON "meeting_decision" ("meeting_id", "created_at")`);
    await q.query(`CREATE UNIQUE INDEX "meeting_decision_directive_id_idx" ON "meeting_decision" ("directive_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "meeting_decision"`);
    await q.query(`DROP TABLE "meeting_agenda_item"`);
    await q.query(`DROP TABLE "meeting"`);
  }
}

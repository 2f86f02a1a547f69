import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 21: notifications as data. A notification is one person's (who, kind, what, link), unique
 * per person and de-duplication key so a reminder run or a retried job never tells anyone twice;
 * each channel's delivery has its own state (sent, held for the quiet hours, waiting for the digest,
 * failed after its retries). A person's settings (per kind and channel, digest, language, LINE link)
 * are versioned like everything people edit. Push subscriptions are one per device (endpoint).
 */
export class CreateNotifications1796600900000 implements MigrationInterface {
  name = 'CreateNotifications1796600900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "notification" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "kind" character varying(40) NOT NULL,
      "title_th" character varying(300) NOT NULL,
      "title_en" character varying(300) NOT NULL,
      "body_th" text NOT NULL DEFAULT '',
      "body_en" text NOT NULL DEFAULT '',
      "link" character varying(500) NOT NULL,
      "urgent" boolean NOT NULL DEFAULT false,
      "dedupe_key" character varying(200) NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "read_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "notification_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE UNIQUE INDEX "notification_user_dedupe_key" ON "notification" ("user_id", "dedupe_key")`);
    await q.query(`CREATE INDEX "notification_user_created_idx" ON "notification" ("user_id", "created_at" DESC)`);
    await q.query(
      `CREATE INDEX "notification_user_unread_idx" ON "notification" ("user_id") WHERE "read_at" IS NULL`,
    );
    await q.query(`CREATE TABLE "notification_delivery" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "notification_id" uuid NOT NULL,
      "channel" character varying(10) NOT NULL,
      "state" character varying(10) NOT NULL,
      "attempts" integer NOT NULL DEFAULT 0,
      "last_error" character varying(500),
      "sent_at" TIMESTAMP WITH TIME ZONE,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "notification_delivery_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "notification_delivery_channel_check" CHECK ("channel" IN ('email', 'push', 'line')),
      CONSTRAINT "notification_delivery_state_check" CHECK ("state" IN ('pending', 'held', 'digest', 'sent', 'failed', 'skipped')),
      CONSTRAINT "notification_delivery_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE)`);
    await q.query(
      `CREATE UNIQUE INDEX "notification_delivery_channel_key" ON "notification_delivery" ("notification_id", "channel")`,
    );
    await q.query(
      `CREATE INDEX "notification_delivery_digest_idx" ON "notification_delivery" ("state") WHERE "state" = 'digest'`,
    );
    await q.query(`CREATE TABLE "notification_setting" (
      "user_id" uuid NOT NULL,
      "version" integer NOT NULL DEFAULT 1,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "preferences" jsonb NOT NULL DEFAULT '{}',
      "daily_digest" boolean NOT NULL DEFAULT false,
      "locale" character varying(2) NOT NULL DEFAULT 'th',
      "line_user_id" character varying(64),
      "line_link_code" character varying(16),
      CONSTRAINT "notification_setting_locale_check" CHECK ("locale" IN ('th', 'en')),
      CONSTRAINT "notification_setting_pkey" PRIMARY KEY ("user_id"),
      CONSTRAINT "notification_setting_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE)`);
    await q.query(
      `CREATE UNIQUE INDEX "notification_setting_line_link_code_key" ON "notification_setting" ("line_link_code")`,
    );
    await q.query(`CREATE TABLE "push_subscription" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "endpoint" character varying(1000) NOT NULL,
      "p256dh" character varying(200) NOT NULL,
      "auth" character varying(100) NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "push_subscription_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "push_subscription_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE UNIQUE INDEX "push_subscription_endpoint_key" ON "push_subscription" ("endpoint")`);
    await q.query(`CREATE INDEX "push_subscription_user_id_idx" ON "push_subscription" ("user_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "push_subscription"`);
    await q.query(`DROP TABLE "notification_setting"`);
    await q.query(`DROP TABLE "notification_delivery"`);
    await q.query(`DROP TABLE "notification"`);
  }
}

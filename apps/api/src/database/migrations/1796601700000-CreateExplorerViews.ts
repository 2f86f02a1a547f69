import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22 item 3: the explorer's saved views, shared by the ministry's analysts; and one year's
 * targets by index (the explorer reads the targets of the years it shows, whatever the years kept).
 */
export class CreateExplorerViews1796601700000 implements MigrationInterface {
  name = 'CreateExplorerViews1796601700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "explorer_view" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "owner_id" uuid NOT NULL,
        "name" varchar(200) NOT NULL,
        "query" jsonb NOT NULL,
        CONSTRAINT "explorer_view_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "explorer_view_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "explorer_view_owner_id_idx" ON "explorer_view" ("owner_id")`);
    await q.query(
      `CREATE INDEX "kpi_target_fy_kpi_idx" ON "kpi_target" ("fiscal_year", "kpi_id") INCLUDE ("period", "target", "state")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "kpi_target_fy_kpi_idx"`);
    await q.query(`DROP TABLE "explorer_view"`);
  }
}

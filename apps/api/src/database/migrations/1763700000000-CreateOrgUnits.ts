import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrgUnits1763700000000 implements MigrationInterface {
  name = 'CreateOrgUnits1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "org_unit" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" varchar(16) NOT NULL,
        "type" varchar(16) NOT NULL,
        "name_th" varchar(200) NOT NULL,
        "name_en" varchar(200) NOT NULL,
        "parent_id" uuid,
        "path" varchar(200) NOT NULL,
        "iso" varchar(8),
        "lat" numeric(9,6),
        "lon" numeric(9,6),
        "sort_order" integer NOT NULL DEFAULT 0,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "org_unit_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "org_unit_type_check" CHECK ("type" IN ('country', 'region', 'cluster', 'province')),
        CONSTRAINT "org_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE UNIQUE INDEX "org_unit_code_key" ON "org_unit" ("code")`);
    await q.query(`CREATE INDEX "org_unit_parent_id_idx" ON "org_unit" ("parent_id")`);
    // text_pattern_ops lets `path LIKE 'TH/central/%'` use the index whatever the collation.
    await q.query(`CREATE INDEX "org_unit_path_prefix_idx" ON "org_unit" ("path" text_pattern_ops)`);
    await q.query(`
      CREATE TABLE "seed_run" (
        "name" varchar(100) NOT NULL,
        "ran_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "seed_run_pkey" PRIMARY KEY ("name")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "seed_run"`);
    await q.query(`DROP TABLE "org_unit"`);
  }
}

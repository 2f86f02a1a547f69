import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { ADMIN_URL_ENV, createTestDatabase, TEST_OWNER, TestDatabase } from '../../testing/test-database';
import { createDataSource } from '../data-source';
import { runSeeds } from '../seeds/run-seeds';
import { createDatabase, urlFor, withAdmin } from '../server-admin';
import { backupDatabase, readBackupMeta, restoreDatabase } from './logical-backup';

/** Every table's row count and a checksum of its rows (in a stable order), and every sequence's position. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const out: Record<string, string> = {};
    const { rows } = await c.query(
      `SELECT schemaname, tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    for (const t of rows) {
      const name = `${c.escapeIdentifier(t.schemaname)}.${c.escapeIdentifier(t.tablename)}`;
      const [r] = (
        await c.query(
          `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS sum FROM ${name} x`,
        )
      ).rows;
      out[`${t.schemaname}.${t.tablename}`] = `${r.n} rows, md5 ${r.sum}`;
    }
    const seqs = await c.query(`SELECT schemaname, sequencename, last_value FROM pg_sequences`);
    for (const s of seqs.rows) out[`sequence ${s.schemaname}.${s.sequencename}`] = String(s.last_value);
    return out;
  } finally {
    await c.end();
  }
}

async function emptyDatabase(name: string): Promise<TestDatabase> {
  const adminUrl = process.env[ADMIN_URL_ENV] as string;
  await withAdmin(adminUrl, (c) => createDatabase(c, name, { owner: TEST_OWNER.user }));
  return {
    name,
    url: urlFor(adminUrl, name, TEST_OWNER),
    drop: () =>
      withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

describe('backup and restore round trip (real PostgreSQL)', () => {
  let source: TestDatabase;
  const targets: TestDatabase[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'provdash-backup-test-'));
  const file = join(dir, 'demo.backup.gz');

  beforeAll(async () => {
    source = await createTestDatabase();
    const ds = createDataSource(source.url);
    await ds.initialize();
    try {
      await runSeeds(ds, { demo: true });
      // Rows the seeds do not write, so identity and serial sequences have moved too.
      await ds.query(
        `INSERT INTO audit_event (action, entity, entity_id, after) VALUES ('insert', 'test', 'x', '{"a": "ข้อความ\\ttab"}')`,
      );
      await ds.query(`INSERT INTO realtime_event (room, seq, event, payload) VALUES ('public', 1, 'test', '{}')`);
    } finally {
      await ds.destroy();
    }
  });

  afterAll(async () => {
    await source.drop();
    for (const t of targets) await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up the demo database and restores it into a new one: same rows, same checksums, every table', async () => {
    const backup = await backupDatabase(source.url, file);
    expect(backup.migrations).toBeGreaterThan(0);
    expect(backup.tables.find((t) => t.table === 'public.kpi_result')?.rows).toBeGreaterThan(100);
    expect((await readBackupMeta(file)).migrations).toHaveLength(backup.migrations);

    const target = await emptyDatabase(`provdash_test_restore_${Date.now()}`);
    targets.push(target);
    const restored = await restoreDatabase(file, target.url);
    expect(restored.tables).toEqual(backup.tables);

    const before = await fingerprint(source.url);
    const after = await fingerprint(target.url);
    expect(Object.keys(before).length).toBeGreaterThan(25);
    expect(after).toEqual(before);
  });

  it('refuses a database that is not empty, and a damaged file, leaving no half-restored rows', async () => {
    await expect(restoreDatabase(file, source.url)).rejects.toThrow(/not empty/);

    // One digit changed in one row: the table's checksum no longer matches.
    const text = gunzipSync(readFileSync(file)).toString();
    const at = text.search(/\t2569\t/);
    expect(at).toBeGreaterThan(0);
    const damaged = join(dir, 'damaged.backup.gz');
    writeFileSync(damaged, gzipSync(text.slice(0, at) + '\t2568\t' + text.slice(at + 6)));
    const target = await emptyDatabase(`provdash_test_damaged_${Date.now()}`);
    targets.push(target);
    await expect(restoreDatabase(damaged, target.url)).rejects.toThrow(/checksum/);
    const c = new Client({ connectionString: target.url });
    await c.connect();
    const [{ n }] = (await c.query(`SELECT count(*)::int AS n FROM org_unit`)).rows;
    await c.end();
    expect(n).toBe(0);
  });
});

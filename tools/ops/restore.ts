/**
 * `npm run restore -- <file>`: restores a backup made by `npm run backup`.
 *
 * - With DATABASE_URL: into that database, which must be new and empty (create it first, owned by
 *   the app's role). Point the app at it once this succeeds.
 * - Embedded (no DATABASE_URL; the app must be stopped): into a fresh database that then takes the
 *   name `provdash`; the previous one is kept as `provdash_before_<time>` until you drop it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { restoreDatabase } from '../../apps/api/src/database/backup/logical-backup';
import { createDatabase, urlFor, withAdmin } from '../../apps/api/src/database/server-admin';
import { openDatabase } from './database';

async function main(): Promise<void> {
  const file = process.argv[2] && resolve(process.argv[2]);
  if (!file || !existsSync(file)) throw new Error('Usage: npm run restore -- <backup file>');
  const db = await openDatabase({ mustBeStopped: true });
  try {
    console.log(`Restoring ${file}\n  into ${db.description}`);
    if (!db.adminUrl) {
      const s = await restoreDatabase(file, db.url);
      report(s);
      return;
    }
    const owner = new URL(db.url);
    const credentials = { user: decodeURIComponent(owner.username), password: decodeURIComponent(owner.password) };
    const fresh = 'provdash_restore';
    await withAdmin(db.adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${fresh}`);
      await createDatabase(c, fresh, { owner: credentials.user });
    });
    const s = await restoreDatabase(file, urlFor(db.adminUrl, fresh, credentials));
    const kept = `provdash_before_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
    await withAdmin(db.adminUrl, async (c) => {
      await c.query(`ALTER DATABASE provdash RENAME TO ${kept}`);
      await c.query(`ALTER DATABASE ${fresh} RENAME TO provdash`);
    });
    report(s);
    console.log(`  The database it replaced is kept as ${kept} (DROP DATABASE ${kept}; once you are sure).`);
  } finally {
    await db.release();
  }
}

function report(s: Awaited<ReturnType<typeof restoreDatabase>>): void {
  const rows = s.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `  ${s.tables.length} tables, ${rows.toLocaleString('en')} rows, checksums verified, ${s.migrations} migrations, ` +
      `${s.seconds.toFixed(1)} s. Newer migrations, if any, run when the app starts.`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

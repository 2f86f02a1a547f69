/**
 * `npm run backup [-- --dir <folder>] [--keep <n>]`: a consistent logical backup of the app's
 * database (DATABASE_URL's, or the embedded one) into <folder> (default .data/backups), keeping the
 * newest <n> (default 14). Schedule and retention: docs/operations.md.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupDatabase } from '../../apps/api/src/database/backup/logical-backup';
import { openDatabase } from './database';

const NAME = /^provdash-\d{8}-\d{6}Z\.backup\.gz$/;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const dir = resolve(option('dir', process.env['BACKUP_DIR'] ?? '.data/backups'));
  const keep = Number(option('keep', process.env['BACKUP_KEEP'] ?? '14'));
  if (!Number.isInteger(keep) || keep < 1) throw new Error('--keep must be a whole number of backups, 1 or more');
  mkdirSync(dir, { recursive: true, mode: 0o700 });

  const db = await openDatabase();
  try {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const file = join(dir, `provdash-${stamp}Z.backup.gz`);
    console.log(`Backing up ${db.description}`);
    const s = await backupDatabase(db.url, file);
    const rows = s.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `${file}\n  ${s.tables.length} tables, ${rows.toLocaleString('en')} rows, ${s.migrations} migrations, ` +
        `${(s.bytes / 1024).toFixed(0)} KiB, ${s.seconds.toFixed(1)} s`,
    );
  } finally {
    await db.release();
  }

  const old = readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .slice(0, -keep);
  for (const f of old) rmSync(join(dir, f));
  if (old.length) console.log(`Removed ${old.length} older backup(s), keeping the newest ${keep}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';

/** The database the ops tools act on: DATABASE_URL's, or the embedded one of DATA_DIR (started if need be). */
export interface TargetDatabase {
  /** As the app's owner role. */
  url: string;
  /** Superuser URL of the server; only for the embedded one. */
  adminUrl: string | null;
  description: string;
  /** Stops the embedded server if this tool started it. */
  release(): Promise<void>;
}

// The roles embedded-postgres.ts creates: the server listens on loopback only (see there).
const EMBEDDED_OWNER = 'provdash:provdash';
const EMBEDDED_SUPERUSER = 'postgres:postgres';

/** Where the embedded data folder really is: as root it may have moved under the temp folder (see embedded-postgres.ts). */
function embeddedDataDir(configured: string): string | null {
  const asGiven = resolve(configured);
  const moved = join(tmpdir(), `provdash-data-${createHash('sha256').update(asGiven).digest('hex').slice(0, 12)}`);
  return [asGiven, moved].find((d) => existsSync(join(d, 'PG_VERSION'))) ?? null;
}

/** The port of a server running on `dataDir`, from its postmaster.pid, or null when none runs. */
function runningPort(dataDir: string): number | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
    return Number(port);
  } catch {
    return null;
  }
}

export async function openDatabase(options: { mustBeStopped?: boolean } = {}): Promise<TargetDatabase> {
  const config = loadConfig();
  if (config.DATABASE_URL) {
    const u = new URL(config.DATABASE_URL);
    return {
      url: config.DATABASE_URL,
      adminUrl: null,
      description: `${u.hostname}:${u.port || 5432}${u.pathname} (DATABASE_URL)`,
      release: async () => undefined,
    };
  }
  const dataDir = embeddedDataDir(config.DATA_DIR);
  if (!dataDir) {
    throw new Error(
      `No embedded database in ${resolve(config.DATA_DIR)} (set DATA_DIR or DATABASE_URL; npm start creates one)`,
    );
  }
  const port = runningPort(dataDir);
  if (port !== null) {
    if (options.mustBeStopped) {
      throw new Error(
        `The app's embedded PostgreSQL is running on ${dataDir}: stop the app first (Ctrl-C), then run this again`,
      );
    }
    const base = `127.0.0.1:${port}`;
    return {
      url: `postgres://${EMBEDDED_OWNER}@${base}/provdash`,
      adminUrl: `postgres://${EMBEDDED_SUPERUSER}@${base}/postgres`,
      description: `the running embedded PostgreSQL in ${dataDir}`,
      release: async () => undefined,
    };
  }
  const server = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, database: 'provdash', persistent: true });
  return {
    url: server.url,
    adminUrl: server.adminUrl,
    description: `the embedded PostgreSQL in ${server.dataDir} (started for this, stopped after)`,
    release: () => server.stop(),
  };
}

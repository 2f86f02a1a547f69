import { spawn } from 'node:child_process';
import { readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * Stops and starts a running PostgreSQL server by its data folder, keeping its port and flags, so
 * the clients that were using it can come back to the same address. The server's own command line
 * (from /proc) is replayed as the same OS user: Linux only, as these drills are.
 */
export interface PostgresProcess {
  pid: number;
  exe: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  uid: number;
  gid: number;
}

export function describeRunning(dataDir: string): PostgresProcess {
  const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const proc = `/proc/${pid}`;
  const args = readFileSync(`${proc}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(1);
  const env = Object.fromEntries(
    readFileSync(`${proc}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  const { uid, gid } = statSync(proc);
  return { pid, exe: readlinkSync(`${proc}/exe`), args, env, uid, gid };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Fast shutdown (SIGINT): open sessions are cut, as in a crash of the database host or a failover. */
export async function stopPostgres(p: PostgresProcess, timeoutMs = 30_000): Promise<void> {
  process.kill(p.pid, 'SIGINT');
  const until = Date.now() + timeoutMs;
  while (alive(p.pid)) {
    if (Date.now() > until) throw new Error(`PostgreSQL (pid ${p.pid}) did not stop`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts the same server again, detached, and waits until `url` accepts connections. */
export async function startPostgres(p: PostgresProcess, url: string, timeoutMs = 30_000): Promise<PostgresProcess> {
  const child = spawn(p.exe, p.args, { env: p.env, uid: p.uid, gid: p.gid, detached: true, stdio: 'ignore' });
  child.unref();
  const until = Date.now() + timeoutMs;
  for (;;) {
    const c = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await c.connect();
      await c.end();
      return { ...p, pid: child.pid as number };
    } catch {
      await c.end().catch(() => undefined);
      if (Date.now() > until) throw new Error('PostgreSQL did not come back');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

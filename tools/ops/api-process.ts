import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync } from 'node:fs';
import { resolve } from 'node:path';

/** The production build the drills run, exactly as `npm start` and the container image run it. */
export const API_MAIN = resolve('dist/apps/api/main.js');

export function requireBuild(): void {
  if (!existsSync(API_MAIN)) {
    console.error(`${API_MAIN} is missing: build it first (npx nx run-many -t build -p api dashboard)`);
    process.exit(2);
  }
}

/** One secret per drill, shared by its instances (a token signed by one is valid on the other). */
export const DRILL_JWT_SECRET = randomBytes(32).toString('hex');

export interface ApiProcess {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  logFile: string;
  /** Set once the process has exited: its exit code, or the signal that ended it. */
  exit: { code: number | null; signal: NodeJS.Signals | null } | null;
  exited: Promise<void>;
}

export function startApi(options: {
  name: string;
  port: number;
  databaseUrl: string;
  logFile: string;
  env?: NodeJS.ProcessEnv;
}): ApiProcess {
  const out = openSync(options.logFile, 'a');
  const child = spawn(process.execPath, [API_MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: DRILL_JWT_SECRET,
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', out, out],
  });
  const api: ApiProcess = {
    name: options.name,
    port: options.port,
    url: `http://127.0.0.1:${options.port}`,
    child,
    logFile: options.logFile,
    exit: null,
    exited: new Promise((done) =>
      child.once('exit', (code, signal) => {
        api.exit = { code, signal };
        done();
      }),
    ),
  };
  return api;
}

export async function waitReady(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/health/ready`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not become ready`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** SIGTERM and wait: the graceful path a deploy takes. */
export async function stopApi(api: ApiProcess, timeoutMs = 20_000): Promise<ApiProcess['exit']> {
  if (!api.exit) {
    api.child.kill('SIGTERM');
    await Promise.race([api.exited, new Promise((r) => setTimeout(r, timeoutMs))]);
  }
  if (!api.exit) {
    api.child.kill('SIGKILL');
    await api.exited;
  }
  return api.exit;
}

export async function signIn(url: string, email: string, password = 'demo-password'): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

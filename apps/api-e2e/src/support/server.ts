import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The production build exactly as `npm start` runs it. */
const MAIN = join(__dirname, '..', '..', '..', '..', 'dist', 'apps', 'api', 'main.js');

export interface RunningServer {
  baseUrl: string;
  output(): string;
  /** Sends the signal Ctrl-C sends and resolves with the exit code. */
  interrupt(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** `settings` adds to the environment, e.g. a second instance's DATABASE_URL. */
export async function startServer(dataDir: string, settings: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  delete env['DATABASE_URL'];
  Object.assign(env, settings);
  const child: ChildProcess = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (b) => (out += b));
  child.stderr?.on('data', (b) => (out += b));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 90_000;
  for (;;) {
    const early = await Promise.race([exited.then((c) => ({ c })), new Promise((r) => setTimeout(r, 250))]);
    if (early && typeof early === 'object' && 'c' in early) throw new Error(`server exited (${early.c}):\n${out}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy:\n${out}`);
    }
  }

  return {
    baseUrl,
    output: () => out,
    interrupt: () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

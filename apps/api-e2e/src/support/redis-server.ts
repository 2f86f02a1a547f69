import { ChildProcess, spawn } from 'node:child_process';
import { freePort } from './server';

/**
 * A throwaway Redis (Debian's redis-server, which .ci/run installs) on a free loopback port, in
 * memory only, for the tests of the Redis socket adapter.
 */
export async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    // A missing redis-server fails the test with what to install, never skips it.
    child.once('error', (e) =>
      reject((e as NodeJS.ErrnoException).code === 'ENOENT' ? new Error('redis-server is not installed: apt-get install redis-server') : e),
    );
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
  });
  child.removeAllListeners('exit');
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

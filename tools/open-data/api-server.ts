/**
 * The API from source on a given database and port, alone in its process, so that the memory the
 * download-memory script reads from /proc is the API's and nothing else's.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';

async function main(): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'] as string;
  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'm'.repeat(40), DATABASE_URL: databaseUrl });
  const app = await createApp({ config, databaseUrl });
  app.useLogger(['error']);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.send?.({ port });

  // Peaks between a `reset` and a `report` from the measuring script, sampled every 20 ms: the
  // resident size alone cannot tell memory in use from garbage V8 has not collected yet.
  let peak = { rss: 0, heapUsed: 0, external: 0 };
  setInterval(() => {
    const m = process.memoryUsage();
    peak = {
      rss: Math.max(peak.rss, m.rss),
      heapUsed: Math.max(peak.heapUsed, m.heapUsed),
      external: Math.max(peak.external, m.external),
    };
  }, 20).unref();
  process.on('message', (msg: string) => {
    if (msg === 'reset') {
      global.gc?.();
      const m = process.memoryUsage();
      peak = { rss: 0, heapUsed: 0, external: 0 };
      process.send?.({ before: { rss: m.rss, heapUsed: m.heapUsed, external: m.external } });
    } else if (msg === 'report') process.send?.({ peak });
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

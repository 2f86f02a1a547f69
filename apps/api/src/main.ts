import { Logger } from '@nestjs/common';
import { join, resolve } from 'node:path';
import { createApp } from './bootstrap';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { prepareDatabase } from './database/prepare-database';

const log = new Logger('Bootstrap');

async function main(): Promise<void> {
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) {
    const dataDir = resolve(process.env['DATA_DIR'] ?? '.data/postgres');
    log.log(`No DATABASE_URL: starting the embedded PostgreSQL (data in ${dataDir})`);
    embedded = await startEmbeddedPostgres({ dataDir, database: 'provdash', persistent: true, log: (m) => log.log(m) });
    databaseUrl = embedded.url;
    log.log(`Embedded PostgreSQL: ${embedded.url} (psql works with that URL while the app runs)`);
  }

  // Demo data belongs to the embedded, try-it-out database; an external one gets it only on request.
  const demo = embedded !== null || process.env['SEED_DEMO'] === 'true';
  await prepareDatabase(databaseUrl, { demo, log: (m) => log.log(m) });

  const app = await createApp({
    databaseUrl,
    dashboardDir: process.env['DASHBOARD_DIR'] ?? join(__dirname, '..', 'dashboard', 'browser'),
  });
  const port = Number(process.env['PORT'] ?? 3000);
  await app.listen(port);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.log(`${signal}: stopping`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  log.log(`Provincial strategy dashboard: http://localhost:${port}  (API under http://localhost:${port}/api)`);
}

main().catch((error) => {
  log.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});

import { Logger } from '@nestjs/common';
import { join, resolve } from 'node:path';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { prepareDatabase } from './database/prepare-database';
import { DEMO_PASSWORD, DEMO_USERS } from './database/seeds/demo/demo-users.seed';

const log = new Logger('Bootstrap');

async function main(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = resolve(config.DATA_DIR);
    log.log(`No DATABASE_URL: starting the embedded PostgreSQL (data in ${dataDir})`);
    embedded = await startEmbeddedPostgres({ dataDir, database: 'provdash', persistent: true, log: (m) => log.log(m) });
    databaseUrl = embedded.url;
    log.log(`Embedded PostgreSQL: ${embedded.url} (psql works with that URL while the app runs)`);
  }

  // Demo data belongs to the embedded, try-it-out database; an external one gets it only on request.
  const demo = embedded !== null || config.SEED_DEMO;
  await prepareDatabase(databaseUrl, { demo, log: (m) => log.log(m) });

  const app = await createApp({
    config,
    databaseUrl,
    dashboardDir: config.DASHBOARD_DIR ?? join(__dirname, '..', 'dashboard', 'browser'),
  });
  await app.listen(config.PORT);

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

  log.log(`Provincial strategy dashboard: http://localhost:${config.PORT}  (API under /api, docs at /api/docs)`);
  if (demo) {
    const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
    log.log(
      `Demo sign-ins (password for all: ${DEMO_PASSWORD}):\n` +
        DEMO_USERS.map((u) => `    ${u.email.padEnd(width)}  ${u.role} of ${u.scopeCode}`).join('\n'),
    );
  }
}

main().catch((error) => {
  log.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error));
  process.exit(1);
});

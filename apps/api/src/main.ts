import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { createApp } from './bootstrap';
import { appLogger, createRootLogger } from './common/logging';
import { ConfigError, loadConfig } from './config/app-config';
import { jwtSecretPath, loadOrCreateJwtSecret } from './config/jwt-secret';
import { loadOrCreateVapidKeys, vapidKeysPath } from './config/vapid-keys';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { prepareDatabase } from './database/prepare-database';
import { seedDemoMonthlyReports } from './database/seeds/demo/demo-monthly-reports';
import { DEMO_PASSWORD, DEMO_USERS, trainingUsers } from './database/seeds/demo/demo-users.seed';
import { Readiness } from './modules/health/readiness.service';
import { RealtimeGateway } from './modules/realtime/realtime.gateway';

const log = new Logger('Bootstrap');
/** Longer than any ordinary request; a stuck one must not keep a deploy waiting for ever. */
const SHUTDOWN_TIMEOUT_MS = 15_000;
/** Sockets are told to reconnect after this (to another instance, through the balancer). */
const RECONNECT_AFTER_MS = 1_000;

async function main(): Promise<void> {
  const config = loadConfig();
  // One pino logger for the whole process: these start-up lines and the app's own logs alike.
  const logger = createRootLogger(config);
  Logger.overrideLogger(appLogger(logger).logger);
  if (!config.JWT_SECRET) {
    const { secret, created } = loadOrCreateJwtSecret(config);
    config.JWT_SECRET = secret;
    log.log(`${created ? 'Generated the' : 'Using the'} token signing secret in ${jwtSecretPath(config)} (set JWT_SECRET to choose your own)`);
  }
  if (!config.VAPID_PUBLIC_KEY) {
    const { publicKey, privateKey, created } = loadOrCreateVapidKeys(config);
    Object.assign(config, { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey });
    log.log(`${created ? 'Generated the' : 'Using the'} Web Push keys in ${vapidKeysPath(config)} (set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY to choose your own)`);
  }
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
  await prepareDatabase(databaseUrl, {
    demo,
    provincesWithoutPlan: config.DEMO_PROVINCES_WITHOUT_PLAN,
    log: (m) => log.log(m),
  });

  const app = await createApp({
    config,
    databaseUrl,
    logger,
    dashboardDir: config.DASHBOARD_DIR ?? join(__dirname, '..', 'dashboard', 'browser'),
  });
  if (demo) await seedDemoMonthlyReports(app, { log: (m) => log.log(m) });
  await app.listen(config.PORT);

  let closing = false;
  /**
   * In order: report not-ready (balancers stop sending), stop accepting connections, tell sockets to
   * reconnect elsewhere and close them, let in-flight requests finish, then close the pool, the
   * socket adapter and the embedded PostgreSQL.
   */
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.log(`${signal}: finishing in-flight requests, then stopping`);
    setTimeout(() => {
      log.warn(`Still stopping after ${SHUTDOWN_TIMEOUT_MS / 1000} s: exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    app.get(Readiness).drain();
    const server = app.getHttpServer() as Server;
    const drained = new Promise<void>((done) => server.close(() => done()));
    await app.get(RealtimeGateway).shutdown(RECONNECT_AFTER_MS);
    await drained;
    await app.close();
    await embedded?.stop();
    log.log('Stopped');
    process.exit(0);
  };
  // embedded-postgres hooks these signals (async-exit-hook) to stop the database and exit at once,
  // which would cut off in-flight requests: this process owns its shutdown, and stops it last.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }

  log.log(`Provincial strategy dashboard: http://localhost:${config.PORT}  (API under /api, docs at /api/docs)`);
  if (demo) {
    const users = [...DEMO_USERS, ...trainingUsers(config.DEMO_PROVINCES_WITHOUT_PLAN)];
    const width = Math.max(...users.map((u) => u.email.length));
    log.log(
      `Demo sign-ins (password for all: ${DEMO_PASSWORD}):\n` +
        users.map((u) => `    ${u.email.padEnd(width)}  ${u.role} of ${u.scopeCode}`).join('\n'),
    );
  }
}

main().catch((error) => {
  log.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error));
  process.exit(1);
});

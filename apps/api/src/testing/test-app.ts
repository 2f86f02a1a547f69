import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/app-config';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  db: TestDatabase;
  /** The app's own DataSource, for arranging and inspecting rows. */
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The production app (same modules, pipes and prefix) on a fresh database cloned from the template.
 * `env`: settings beyond NODE_ENV=test (an SMTP server the spec started…). `sameDatabaseAs`: a
 * second instance on another app's database (several API instances); closing it leaves the database.
 */
export async function bootTestApp(
  options: { dashboardDir?: string; env?: Record<string, string>; sameDatabaseAs?: TestApp } = {},
): Promise<TestApp> {
  const db = options.sameDatabaseAs?.db ?? (await createTestDatabase());
  const app = await createApp({
    config: loadConfig({ NODE_ENV: 'test', ...options.env }),
    databaseUrl: db.url,
    dashboardDir: options.dashboardDir,
  });
  await app.init();
  return {
    app,
    db,
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      if (!options.sameDatabaseAs) await db.drop();
    },
  };
}

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

/** The production app (same modules, pipes and prefix) on a fresh database cloned from the template. */
export async function bootTestApp(options: { dashboardDir?: string } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const app = await createApp({ config: loadConfig({ NODE_ENV: 'test' }), databaseUrl: db.url, ...options });
  await app.init();
  return {
    app,
    db,
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

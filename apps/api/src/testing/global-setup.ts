import './register-paths';
import { join } from 'node:path';
import { EmbeddedDatabase, startEmbeddedPostgres, throwawayDir } from '../database/embedded-postgres';
import { prepareDatabase } from '../database/prepare-database';
import { createDatabase, ensureLoginRole, urlFor, withAdmin } from '../database/server-admin';
import { ADMIN_URL_ENV, assertTestDatabase, TEMPLATE_DATABASE, TEST_OWNER } from './test-database';

/** Global setup and teardown share the process, not their modules: the server handle travels on globalThis. */
export const testServerSlot = globalThis as { __provdashTestServer?: EmbeddedDatabase };

/**
 * One PostgreSQL server per test run (embedded, or the one DATABASE_URL names), one migrated
 * and reference-seeded template database, cloned by every test file.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({
      dataDir: join(throwawayDir('provdash-test-'), 'postgres'),
      database: 'provdash_test_scratch',
      persistent: false,
    });
    testServerSlot.__provdashTestServer = server;
    adminUrl = server.adminUrl;
  }
  assertTestDatabase(TEMPLATE_DATABASE);
  await withAdmin(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await ensureLoginRole(c, TEST_OWNER.user, TEST_OWNER.password);
    await createDatabase(c, TEMPLATE_DATABASE, { owner: TEST_OWNER.user });
  });
  // Migrated as the owner role, exactly as the app migrates its own database.
  await prepareDatabase(urlFor(adminUrl, TEMPLATE_DATABASE, TEST_OWNER), { demo: false });
  process.env[ADMIN_URL_ENV] = adminUrl;
}

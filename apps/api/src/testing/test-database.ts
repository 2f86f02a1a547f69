import { randomBytes } from 'node:crypto';
import { createDatabase, urlFor, withAdmin } from '../database/server-admin';

/** Set by the integration global setup: a superuser URL of the one test server of this run. */
export const ADMIN_URL_ENV = 'PROVDASH_TEST_ADMIN_URL';
export const TEMPLATE_DATABASE = 'provdash_test_template';
/** Test databases are owned by a non-superuser role, as the app's are, so privileges are tested for real. */
export const TEST_OWNER = { user: 'provdash_test', password: 'provdash_test' };

/** Tests create and drop databases; refuse anything that does not say it is a test database. */
export function assertTestDatabase(name: string): void {
  if (!/test/i.test(name)) {
    throw new Error(`Refusing to use database "${name}" for tests: its name must contain "test".`);
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template (a file copy, not a migration run). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env[ADMIN_URL_ENV];
  if (!adminUrl) throw new Error(`${ADMIN_URL_ENV} is not set: run integration specs through jest.int.config.cts`);
  const name = `provdash_test_${randomBytes(6).toString('hex')}`;
  assertTestDatabase(name);
  await withAdmin(adminUrl, (c) => createDatabase(c, name, { owner: TEST_OWNER.user, template: TEMPLATE_DATABASE }));
  return {
    name,
    url: urlFor(adminUrl, name, TEST_OWNER),
    drop: () =>
      withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

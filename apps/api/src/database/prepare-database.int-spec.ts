import { Client } from 'pg';
import { ADMIN_URL_ENV, TEST_OWNER } from '../testing/test-database';
import { migrations } from './data-source';
import { prepareDatabase } from './prepare-database';
import { createDatabase, urlFor, withAdmin } from './server-admin';

describe('prepareDatabase (real PostgreSQL)', () => {
  const name = `provdash_test_prepare_${Date.now()}`;
  const adminUrl = () => process.env[ADMIN_URL_ENV] as string;

  beforeAll(() => withAdmin(adminUrl(), (c) => createDatabase(c, name, { owner: TEST_OWNER.user })));
  afterAll(() => withAdmin(adminUrl(), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));

  it('lets instances that start together on a new database take turns: both succeed, each migration runs once', async () => {
    const url = urlFor(adminUrl(), name, TEST_OWNER);
    await Promise.all([prepareDatabase(url, { demo: false }), prepareDatabase(url, { demo: false })]);
    const c = new Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query(`SELECT name, count(*)::int AS n FROM migration GROUP BY name`);
    await c.end();
    expect(rows).toHaveLength(migrations.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });
});

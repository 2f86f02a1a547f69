import { createDataSource } from './data-source';
import { createTestDatabase, TestDatabase } from '../testing/test-database';

/**
 * CI's migration-drift check: on a database built only by the migrations, generating a migration
 * from the entities (what `typeorm migration:generate` does) must produce no SQL at all.
 */
describe('entities and migrations agree', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('generating a migration from the entities yields nothing', async () => {
    const ds = createDataSource(db.url);
    await ds.initialize();
    try {
      const sql = await ds.driver.createSchemaBuilder().log();
      const statements = sql.upQueries.map((q) => q.query);
      expect(statements).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});

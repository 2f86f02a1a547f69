import { createDataSource } from './data-source';
import { runSeeds, SeedOptions } from './seeds/run-seeds';

/**
 * Brings a database up to date before the API serves from it: every pending migration, then the seeds.
 * Instances starting together (a deploy, `docker compose up`) take turns: TypeORM does not lock its
 * migration run, and two running the same migration at once would fail one of them.
 */
export async function prepareDatabase(url: string, seeds: SeedOptions): Promise<void> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  // A session lock, so it lives on one connection held for the whole run; it goes with the session if we die.
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query(`SELECT pg_advisory_lock(hashtext('provdash:prepare-database'))`);
    await dataSource.runMigrations({ transaction: 'each' });
    await runSeeds(dataSource, seeds);
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext('provdash:prepare-database'))`).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

import { createDataSource } from './data-source';
import { runSeeds, SeedOptions } from './seeds/run-seeds';

/** Brings a database up to date before the API serves from it: every pending migration, then the seeds. */
export async function prepareDatabase(url: string, seeds: SeedOptions): Promise<void> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await runSeeds(dataSource, seeds);
  } finally {
    await dataSource.destroy();
  }
}

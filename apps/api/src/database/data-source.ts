import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { OrgUnit } from '../modules/org-units/org-unit.entity';
import { CreateOrgUnits1763700000000 } from './migrations/1763700000000-CreateOrgUnits';

/**
 * The one TypeORM configuration, used by the API, the seeds, the test harness and the
 * TypeORM CLI. Entities and migrations are listed, not globbed, so the webpack bundle
 * and ts-node see exactly the same set.
 */
export const entities = [OrgUnit];
export const migrations = [CreateOrgUnits1763700000000];

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migration',
    // Schema changes only ever come from migrations; `npm run db:drift` proves they match.
    synchronize: false,
    migrationsRun: false,
    applicationName: 'provdash-api',
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}

/** For the TypeORM CLI: `npx typeorm-ts-node-commonjs -d apps/api/src/database/data-source.ts`. */
export default createDataSource(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/provdash');

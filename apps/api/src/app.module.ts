import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { dataSourceOptions } from './database/data-source';
import { HealthModule } from './modules/health/health.module';
import { OrgUnitsModule } from './modules/org-units/org-units.module';

export interface AppOptions {
  databaseUrl: string;
  /** The built dashboard; served from the same origin as the API when present. */
  dashboardDir?: string;
}

@Module({})
export class AppModule {
  static register(options: AppOptions): DynamicModule {
    const serveDashboard =
      options.dashboardDir && existsSync(options.dashboardDir)
        ? [ServeStaticModule.forRoot({ rootPath: options.dashboardDir, exclude: ['/api/{*path}'] })]
        : [];
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(options.databaseUrl)),
        ...serveDashboard,
        HealthModule,
        OrgUnitsModule,
      ],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request } from 'express';
import { ClsModule } from 'nestjs-cls';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { AppThrottlerGuard } from './common/throttler.guard';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { AccessGuard } from './modules/access/access.guard';
import { AccessModule } from './modules/access/access.module';
import { AgreementsModule } from './modules/agreements/agreements.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { KpisModule } from './modules/kpis/kpis.module';
import { OrgUnitsModule } from './modules/org-units/org-units.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { RealtimeModule } from './modules/realtime/realtime.module';
import { ScorecardsModule } from './modules/scorecards/scorecards.module';
import { StrategyModule } from './modules/strategy/strategy.module';
import { UsersModule } from './modules/users/users.module';

export interface AppOptions {
  config: AppConfig;
  databaseUrl: string;
  /** The built dashboard; served from the same origin as the API when present. */
  dashboardDir?: string;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

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
        // The request context: who is calling, which unit, which request id (for logs and the audit trail).
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            generateId: true,
            idGenerator: (req: Request) => {
              const given = req.headers['x-request-id'];
              return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
            },
          },
        }),
        ConfigModule.forRoot(options.config),
        ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 600 }]),
        TypeOrmModule.forRoot(dataSourceOptions(options.databaseUrl)),
        ...serveDashboard,
        AccessModule,
        AgreementsModule,
        AuditModule,
        AuthModule,
        HealthModule,
        KpisModule,
        OrgUnitsModule,
        ProjectsModule,
        RealtimeModule,
        ScorecardsModule,
        StrategyModule,
        UsersModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AppThrottlerGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}

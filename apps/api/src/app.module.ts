import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request } from 'express';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { DomainEventsModule } from './common/domain-events/domain-events.module';
import { loggerParams } from './common/logging';
import { requestIdOf } from './common/request-id';
import { AppThrottlerGuard } from './common/throttler.guard';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { AccessGuard } from './modules/access/access.guard';
import { AccessModule } from './modules/access/access.module';
import { AgreementsModule } from './modules/agreements/agreements.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { FollowUpModule } from './modules/follow-up/follow-up.module';
import { AnalysisModule } from './modules/analysis/analysis.module';
import { FeedbackModule } from './modules/feedback/feedback.module';
import { HealthModule } from './modules/health/health.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { KpisModule } from './modules/kpis/kpis.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OpenDataModule } from './modules/open-data/open-data.module';
import { OrgUnitsModule } from './modules/org-units/org-units.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { ReadCacheModule } from './modules/read-cache/read-cache.module';
import { RealtimeModule } from './modules/realtime/realtime.module';
import { ReportsModule } from './modules/reports/reports.module';
import { ScorecardsModule } from './modules/scorecards/scorecards.module';
import { ScreensModule } from './modules/screens/screens.module';
import { StrategyModule } from './modules/strategy/strategy.module';
import { UsersModule } from './modules/users/users.module';
import { WorkspaceModule } from './modules/workspace/workspace.module';

export interface AppOptions {
  config: AppConfig;
  databaseUrl: string;
  /** The built dashboard; served from the same origin as the API when present. */
  dashboardDir?: string;
  /** The process's root logger (common/logging.ts); createApp makes one from the config when absent. */
  logger?: Pino;
}

@Module({})
export class AppModule {
  static register(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // The request context: who is calling, which unit, which request id (for logs and the audit trail).
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            generateId: true,
            // The same id the request logger uses: one source of truth (common/request-id.ts).
            idGenerator: (req: Request) => requestIdOf(req),
          },
        }),
        ...(options.logger ? [LoggerModule.forRoot(loggerParams(options.logger))] : []),
        ConfigModule.forRoot(options.config),
        ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 600 }]),
        TypeOrmModule.forRoot(dataSourceOptions(options.databaseUrl)),
        // Writers publish domain events; reactors subscribe (common/domain-events, docs/architecture.md).
        DomainEventsModule,
        // The PostgreSQL job queue: schedules and retries, once across instances (modules/jobs).
        JobsModule.register(options.databaseUrl),
        AccessModule,
        AgreementsModule,
        AuditModule,
        AuthModule,
        FeedbackModule,
        FollowUpModule,
        AnalysisModule,
        HealthModule,
        KpisModule,
        MetricsModule,
        NotificationsModule,
        OpenDataModule,
        OrgUnitsModule,
        ProjectsModule,
        ReadCacheModule,
        RealtimeModule,
        ReportsModule,
        ScorecardsModule,
        ScreensModule,
        StrategyModule,
        UsersModule,
        WorkspaceModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AppThrottlerGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}

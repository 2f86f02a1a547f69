import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { RealtimeModule } from '../realtime/realtime.module';
import { HealthController } from './health.controller';
import { MigrationsHealthIndicator } from './migrations.health';
import { Readiness } from './readiness.service';

@Module({
  imports: [TerminusModule, RealtimeModule],
  controllers: [HealthController],
  providers: [MigrationsHealthIndicator, Readiness],
  exports: [Readiness],
})
export class HealthModule {}

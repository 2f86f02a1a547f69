import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../access/access.decorators';
import { MigrationsHealthIndicator } from './migrations.health';
import { Readiness } from './readiness.service';

/**
 * Probes for balancers and orchestrators (terminus' convention: 200 `{ status: 'ok' }`, or 503 with
 * the failing check named). `live` means the process answers and must not be restarted; `ready`
 * means send it traffic. While PostgreSQL is away an instance is live but not ready, and it
 * recovers by itself: restarting it would not bring the database back.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly migrations: MigrationsHealthIndicator,
    private readonly readiness: Readiness,
  ) {}

  /** The process is up and its event loop turns: nothing external is asked. */
  @Get('live')
  @Public()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Database reachable, every migration applied, socket adapter answering, not shutting down. */
  @Get('ready')
  @Public()
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.readiness.lifecycle(),
      () => this.db.pingCheck('database', { timeout: 3000 }),
      () => this.migrations.check(),
      () => this.readiness.socketAdapter(),
    ]);
  }

  /** The readiness report under its older name, kept for existing probes. */
  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.ready();
  }
}

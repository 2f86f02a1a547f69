import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { withTimeout } from './readiness.service';

/** Up when every migration the code knows has been applied to the database it talks to. */
@Injectable()
export class MigrationsHealthIndicator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'migrations') {
    const indicator = this.health.check(key);
    try {
      const rows = await withTimeout<{ name: string }[] | null>(
        this.dataSource.query(`SELECT name FROM migration`),
        null,
      );
      if (!rows) return indicator.down({ message: 'the database did not answer in time' });
      const applied = new Set(rows.map((r) => r.name));
      const pending = this.dataSource.migrations
        .map((m) => m.name ?? m.constructor.name)
        .filter((n) => !applied.has(n));
      const data = { applied: applied.size, pending };
      return pending.length ? indicator.down(data) : indicator.up(data);
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}

import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { IMPORT_CHANNEL, ImportTiming } from './import-timing';

/**
 * Every Prometheus metric of the API, as named objects other modules update directly
 * (`metrics.eventsEmitted.inc({ event })`). A registry per app rather than prom-client's global
 * one: the integration specs boot several apps in one process, and each must count only its own.
 */
@Injectable()
export class Metrics implements OnModuleInit, OnModuleDestroy {
  readonly registry = new Registry();

  /** Request latency by route template (`/api/kpis/:kpiId/results`), never by raw URL: ids would explode the series. */
  readonly httpDuration = new Histogram({
    name: 'provdash_http_request_duration_seconds',
    help: 'HTTP request latency, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** Open Socket.IO connections on this instance; the realtime gateway keeps it current. */
  readonly socketConnections = new Gauge({
    name: 'provdash_socket_connections',
    help: 'Socket.IO connections open on this instance',
    registers: [this.registry],
  });

  /** Live events this instance emitted to rooms, by event name (the relay counts each once). */
  readonly eventsEmitted = new Counter({
    name: 'provdash_live_events_emitted_total',
    help: 'Live events emitted to Socket.IO rooms, by event name',
    labelNames: ['event'] as const,
    registers: [this.registry],
  });

  /** Spreadsheet imports end to end (parse, check, write), by kind and outcome. */
  readonly importDuration = new Histogram({
    name: 'provdash_import_duration_seconds',
    help: 'Import duration, by kind (gfmis, kpi-results) and outcome (committed, dry_run, rejected, failed)',
    labelNames: ['kind', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });

  /** Public reads answered from the outage copy because the fresh read failed (read-cache module). */
  readonly staleReads = new Counter({
    name: 'provdash_stale_reads_total',
    help: 'Anonymous public reads answered with the last good copy because the fresh read failed',
    registers: [this.registry],
  });

  /** The TypeORM pg pool, read at scrape time. */
  readonly dbPoolTotal = this.poolGauge(
    'provdash_db_pool_total_connections',
    'Connections the pool holds (idle and in use)',
    (p) => p.totalCount,
  );
  readonly dbPoolIdle = this.poolGauge(
    'provdash_db_pool_idle_connections',
    'Pool connections idle',
    (p) => p.idleCount,
  );
  readonly dbPoolWaiting = this.poolGauge(
    'provdash_db_pool_waiting_requests',
    'Queries waiting for a pool connection',
    (p) => p.waitingCount,
  );

  private readonly onImport = (message: unknown) => {
    const m = message as ImportTiming;
    this.importDuration.observe({ kind: m.kind, outcome: m.outcome }, m.seconds);
  };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    collectDefaultMetrics({ register: this.registry });
    subscribe(IMPORT_CHANNEL, this.onImport);
  }

  onModuleDestroy(): void {
    unsubscribe(IMPORT_CHANNEL, this.onImport);
    this.registry.clear();
  }

  private poolGauge(name: string, help: string, read: (pool: Pool) => number): Gauge {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    return new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        const pool = self.pool();
        if (pool) this.set(read(pool));
      },
    });
  }

  private pool(): Pool | undefined {
    // TypeORM's postgres driver keeps its pg Pool as `master` (no replication configured).
    return (this.dataSource.driver as unknown as { master?: Pool }).master;
  }
}

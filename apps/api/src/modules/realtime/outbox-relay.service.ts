import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { OutboxRow, PENDING_KEY, toMissed } from './outbox.service';
import { RealtimeGateway } from './realtime.gateway';

/** Rows per sweep transaction. */
const BATCH = 500;
/** How often the sweep looks for rows nobody sent (a crash between commit and send, or a writer without sockets). */
const SWEEP_MS = 1_000;
/** A row younger than this is still its writer's to send. */
const GRACE = '2 seconds';
/** The outbox is the catch-up log: a day is far longer than any reconnect. */
const RETENTION = '24 hours';
const PRUNE_MS = 10 * 60_000;
/** One sweeper at a time across instances, so a room's stragglers leave in order. */
const SWEEP_LOCK = "hashtext('realtime-outbox-sweep')";

/**
 * Sends committed outbox rows to sockets, by two paths:
 * - at once: TypeORM's after-commit hook hands this instance the rows its own transaction wrote
 *   (it fires only after COMMIT succeeded, never on rollback); they go out through Socket.IO, whose
 *   adapter carries them to the other instances' sockets, and are then marked sent;
 * - the sweep: every second, under an advisory lock, rows still unsent after a grace period (the
 *   writer crashed between commit and send, or was a process without sockets, like a CLI import)
 *   are sent and marked in one transaction.
 * Delivery is at least once; clients drop a `seq` they already hold and fill a gap by rejoining.
 */
@Injectable()
export class OutboxRelay implements EntitySubscriberInterface, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('OutboxRelay');
  private sweeping: Promise<void> | null = null;
  private stopped = false;
  private timers: NodeJS.Timeout[] = [];
  private marking = new Set<Promise<unknown>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gateway: RealtimeGateway,
  ) {
    this.dataSource.subscribers.push(this);
  }

  onApplicationBootstrap(): void {
    this.timers.push(setInterval(() => void this.sweep(), SWEEP_MS).unref());
    this.timers.push(setInterval(() => void this.prune(), PRUNE_MS).unref());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    await this.sweeping;
    await Promise.all(this.marking);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint also reports a commit; only the outermost one makes the rows real.
    if (event.queryRunner.isTransactionActive) return;
    const rows = this.take(event.queryRunner.data);
    if (!rows?.length || this.stopped || !this.gateway.listening()) return;
    this.send(rows);
    // Not awaited: the request that committed need not wait for the bookkeeping.
    const marked = this.dataSource
      .query(`UPDATE realtime_event SET relayed_at = now() WHERE id = ANY($1::bigint[]) AND relayed_at IS NULL`, [
        rows.map((r) => r.id),
      ])
      .catch((error: Error) => this.log.warn(`not marked sent (the sweep will resend): ${error.message}`))
      .finally(() => this.marking.delete(marked));
    this.marking.add(marked);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.take(event.queryRunner.data);
  }

  /** Sends what is overdue; resolves when done. Exposed for tests and the operations scripts. */
  sweep(): Promise<void> {
    if (this.stopped || !this.gateway.listening()) return Promise.resolve();
    this.sweeping ??= (async () => {
      try {
        while ((await this.sweepBatch()) === BATCH);
      } catch (error) {
        // The database is away: the next tick tries again.
        this.log.warn(`sweep paused: ${(error as Error).message}`);
      } finally {
        this.sweeping = null;
      }
    })();
    return this.sweeping;
  }

  private take(data: Record<string, unknown>): OutboxRow[] | undefined {
    const rows = data[PENDING_KEY] as OutboxRow[] | undefined;
    delete data[PENDING_KEY];
    return rows;
  }

  private send(rows: OutboxRow[]): void {
    this.gateway.emitLive(rows.map(toMissed));
  }

  private async sweepBatch(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      // Raw statements, not startTransaction(): this transaction's commit must not reach the hook above.
      await runner.query('BEGIN');
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_xact_lock(${SWEEP_LOCK}) AS locked`);
      let rows: OutboxRow[] = [];
      if (locked) {
        rows = await runner.query(
          `SELECT id, room, seq::int AS seq, event, payload, created_at FROM realtime_event
           WHERE relayed_at IS NULL AND created_at < now() - interval '${GRACE}'
           ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        );
        this.send(rows);
        if (rows.length) {
          await runner.query(`UPDATE realtime_event SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [
            rows.map((r) => r.id),
          ]);
        }
      }
      await runner.query('COMMIT');
      return rows.length;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async prune(): Promise<void> {
    try {
      await this.dataSource.query(
        `DELETE FROM realtime_event WHERE relayed_at IS NOT NULL AND created_at < now() - interval '${RETENTION}'`,
      );
    } catch (error) {
      this.log.warn(`prune skipped: ${(error as Error).message}`);
    }
  }
}

import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { OUTBOX_CHANNEL, OutboxRow, toMissed } from './outbox.service';
import { RealtimeGateway } from './realtime.gateway';

/** Rows per relay transaction. */
const BATCH = 500;
/** A safety net for notifications lost while the listening connection was down. */
const SWEEP_MS = 5_000;
/** The outbox is the catch-up log: a day is far longer than any reconnect. */
const RETENTION = '24 hours';
const PRUNE_MS = 10 * 60_000;
/** Only one instance relays at a time, so each room's events leave in order. */
const RELAY_LOCK = 'hashtext(\'realtime-outbox-relay\')';

/**
 * Sends committed outbox rows to sockets. Every instance listens for the outbox NOTIFY (delivered
 * only after a commit) and drains: under an advisory lock, it takes the unsent rows in order, emits
 * them through Socket.IO (whose adapter carries them to the other instances' sockets) and marks
 * them sent in the same transaction. A crash before that commit leaves the rows unsent and they go
 * out again: delivery is at least once, and clients drop a `seq` they already hold.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('OutboxRelay');
  private listener: Client | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timers: NodeJS.Timeout[] = [];
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gateway: RealtimeGateway,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.timers.push(setInterval(() => this.drain(), SWEEP_MS).unref());
    this.timers.push(setInterval(() => void this.prune(), PRUNE_MS).unref());
    await this.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  /** Drains now, or once more after the drain under way (a NOTIFY may arrive mid-drain). */
  drain(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        try {
          while ((await this.relayBatch()) === BATCH);
        } catch (error) {
          // The database is away: the sweep or the next NOTIFY tries again.
          this.log.warn(`relay paused: ${(error as Error).message}`);
        }
      } while (this.again && !this.stopped);
      this.draining = null;
    })();
    return this.draining;
  }

  private async relayBatch(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      await runner.query(`SELECT pg_advisory_xact_lock(${RELAY_LOCK})`);
      const rows: (OutboxRow & { id: string })[] = await runner.query(
        `SELECT id, room, seq::int AS seq, event, payload, created_at FROM realtime_event
         WHERE relayed_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE`,
      );
      for (const row of rows) {
        const { event, payload } = toMissed(row);
        this.gateway.emitLive(event, payload);
      }
      if (rows.length) {
        await runner.query(`UPDATE realtime_event SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [
          rows.map((r) => r.id),
        ]);
      }
      await runner.commitTransaction();
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
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

  /** A connection of its own: LISTEN holds it for the life of the process. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const options = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: options.url, application_name: 'provdash-outbox-relay' });
    const retry = () => {
      if (this.stopped || this.reconnectTimer) return;
      this.listener = null;
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = null;
        void this.listen();
      }, 2_000);
      this.reconnectTimer.unref();
    };
    client.on('error', (error) => {
      this.log.warn(`listener lost: ${error.message}`);
      client.end().catch(() => undefined);
      retry();
    });
    client.on('end', retry);
    client.on('notification', () => void this.drain());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
      // Whatever committed while we were not listening.
      void this.drain();
    } catch (error) {
      this.log.warn(`listener not connected: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
      retry();
    }
  }
}

import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Pool, PoolClient } from 'pg';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../../config/app-config';

const log = new Logger('RealtimeAdapter');

/**
 * Socket.IO for this API, with the adapter that carries a broadcast to the sockets of every other
 * instance: PostgreSQL's LISTEN/NOTIFY by default (nothing else to run), Redis by configuration, or
 * none for a single instance. WebSocket is offered first; long-polling stays as the fallback, which
 * needs sticky sessions behind a proxy (see docs/operations.md).
 */
export class RealtimeIoAdapter extends IoAdapter {
  private closers: (() => Promise<unknown>)[] = [];
  private probe: (() => Promise<boolean>) | null = null;
  private redisAdapter: ReturnType<typeof createRedisAdapter> | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly databaseUrl: string,
  ) {
    super(app);
  }

  /** Connects the Redis clients before the server starts (a no-op for the other adapters). */
  async connect(): Promise<void> {
    if (this.config.REALTIME_ADAPTER !== 'redis') return;
    const pub = createClient({ url: this.config.REDIS_URL });
    const sub = pub.duplicate();
    pub.on('error', (e: Error) => log.warn(`redis: ${e.message}`));
    sub.on('error', (e: Error) => log.warn(`redis: ${e.message}`));
    await Promise.all([pub.connect(), sub.connect()]);
    this.redisAdapter = createRedisAdapter(pub, sub);
    this.probe = async () => (await pub.ping()) === 'PONG';
    this.closers.push(() => Promise.all([pub.quit(), sub.quit()]));
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, { ...options, transports: ['websocket', 'polling'] });
    if (this.config.REALTIME_ADAPTER === 'postgres') {
      // A pool of its own: the adapter holds one connection for LISTEN and uses another to NOTIFY.
      const pool = new Pool({
        connectionString: this.databaseUrl,
        max: 3,
        application_name: 'provdash-socket-adapter',
      });
      pool.on('error', (e) => log.warn(`postgres adapter: ${e.message}`));
      // The adapter keeps its LISTEN client checked out, where the pool's handler does not reach it:
      // without its own, PostgreSQL going away would crash the process instead of the adapter reconnecting.
      // And when that connection dies the adapter forgets the client without handing it back, which
      // would keep one of the three slots for ever (and make pool.end() at shutdown wait for ever).
      pool.on('connect', (client) => {
        client.on('error', (e) => log.warn(`postgres adapter: ${e.message}`));
        client.on('end', () => {
          try {
            (client as PoolClient).release(true);
          } catch {
            // It was not checked out: the pool has dropped it already.
          }
        });
      });
      server.adapter(
        createPostgresAdapter(pool, { errorHandler: (e: Error) => log.warn(`postgres adapter: ${e.message}`) }),
      );
      this.probe = async () => (await pool.query('SELECT 1 AS ok')).rows[0]?.ok === 1;
      this.closers.push(() => pool.end());
    } else if (this.redisAdapter) {
      server.adapter(this.redisAdapter);
    }
    return server;
  }

  /** Whether broadcasts reach other instances at all (a cross-instance adapter is configured). */
  clustered(): boolean {
    return this.config.REALTIME_ADAPTER !== 'none';
  }

  /** Whether the cross-instance channel answers (true when there is none). */
  async ready(): Promise<boolean> {
    if (!this.probe) return true;
    try {
      return await this.probe();
    } catch {
      return false;
    }
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    const closers = this.closers;
    this.closers = [];
    await Promise.all(closers.map((close) => close().catch(() => undefined)));
  }
}

import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { FailedJobDto } from '@provdash/shared/contracts';
import { PgBoss } from 'pg-boss';
import { DATABASE_URL } from './database-url';
import { JOB_SCHEMA, JOB_TIME_ZONE, JobData, JobName, JOBS } from './job-definitions';

/** What a handler learns about its run: which attempt this is, and whether it is the last. */
export interface JobRun {
  id: string;
  retryCount: number;
  lastAttempt: boolean;
}

type Handler<N extends JobName> = (data: JobData[N], run: JobRun) => Promise<void>;

/**
 * The scheduler: pg-boss on the app's own PostgreSQL, in its own schema. Queues and schedules come
 * from `JOBS`; each instance works the queues it has handlers for, and pg-boss hands every job to
 * one worker only (`FOR UPDATE SKIP LOCKED`), retries a thrown one with back-off, and keeps failed
 * jobs (listed by `failed()`, shown to admins).
 */
@Injectable()
export class Jobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Jobs');
  private readonly handlers = new Map<JobName, Handler<JobName>>();
  private boss?: PgBoss;

  constructor(@Inject(DATABASE_URL) private readonly databaseUrl: string) {}

  /** Registers the work for a job name; call it in `onModuleInit`, before the scheduler starts. */
  handle<N extends JobName>(name: N, handler: Handler<N>): void {
    if (this.handlers.has(name)) throw new Error(`Job ${name} has two handlers`);
    this.handlers.set(name, handler as unknown as Handler<JobName>);
  }

  async onApplicationBootstrap(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      schema: JOB_SCHEMA,
      max: 4,
      application_name: 'provdash-jobs',
    });
    boss.on('error', (error: unknown) => this.log.error(error instanceof Error ? error.stack : String(error)));
    await boss.start();
    this.boss = boss;
    for (const [name, def] of Object.entries(JOBS) as [JobName, (typeof JOBS)[JobName]][]) {
      await boss.createQueue(name, {
        retryLimit: def.retryLimit,
        retryDelay: def.retryDelay,
        retryBackoff: true,
        expireInSeconds: def.expireInSeconds,
      });
      if ('cron' in def) await boss.schedule(name, def.cron, {}, { tz: JOB_TIME_ZONE });
      const handler = this.handlers.get(name);
      if (!handler) continue;
      await boss.work<JobData[JobName]>(
        name,
        { pollingIntervalSeconds: 1, batchSize: 1, includeMetadata: true },
        async ([job]) => {
          const meta = job as typeof job & { retryLimit?: number };
          try {
            await handler(job.data, {
              id: job.id,
              retryCount: job.retryCount,
              lastAttempt: job.retryCount >= (meta.retryLimit ?? def.retryLimit),
            });
          } catch (error) {
            // pg-boss keeps the error on the job and retries it; the log says so at once.
            this.log.warn(`Job ${name} ${job.id} failed (attempt ${job.retryCount + 1}): ${String(error)}`);
            throw error;
          }
        },
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 5000, close: true });
    this.boss = undefined;
  }

  /** Queues a job now or after `startAfter`; `key` makes a second send with the same key a no-op while the first waits. */
  async send<N extends JobName>(name: N, data: JobData[N], options: { startAfter?: Date; key?: string } = {}) {
    if (!this.boss) throw new Error('The scheduler has not started');
    return this.boss.send(name, data, {
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(options.key ? { singletonKey: options.key } : {}),
    });
  }

  /** A job's state, for tests and the ops page. */
  async state(name: JobName, id: string): Promise<string | null> {
    if (!this.boss) return null;
    const [job] = await this.boss.findJobs(name, { id });
    return job?.state ?? null;
  }

  /** Jobs that used up their retries, newest first: what an admin must look at. */
  async failed(limit = 100): Promise<FailedJobDto[]> {
    if (!this.boss) return [];
    const rows: { id: string; name: string; data: unknown; output: unknown; retry_count: number; completed_on: Date | null; created_on: Date }[] =
      (
        await this.boss.getDb().executeSql(
          `SELECT id, name, data, output, retry_count, completed_on, created_on FROM ${JOB_SCHEMA}.job
           WHERE state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT $1`,
          [limit],
        )
      ).rows;
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      data: r.data,
      error: errorText(r.output),
      attempts: r.retry_count + 1,
      createdAt: r.created_on.toISOString(),
      failedAt: r.completed_on?.toISOString() ?? null,
    }));
  }
}

function errorText(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output) return String((output as { message: unknown }).message);
  return output === null || output === undefined ? '' : JSON.stringify(output).slice(0, 500);
}

/**
 * The one place that declares the API's background jobs: their schedule (cron, Bangkok time), how
 * often a failed run is retried and with what back-off. A module does the work by registering a
 * handler for a name here (`Jobs.handle` in its `onModuleInit`); pg-boss makes sure each scheduled
 * run and each queued job is worked once, whatever the number of API instances.
 */
export interface JobDefinition {
  /** Cron in Asia/Bangkok; absent for jobs that are only queued. */
  cron?: string;
  retryLimit: number;
  /** Seconds before the first retry; doubled at each further one (retryBackoff). */
  retryDelay: number;
  /** Seconds a run may take before it counts as failed (and is retried). */
  expireInSeconds: number;
}

export const JOBS = {
  /** The provinces' monthly reports, on the 5th at 06:00 for the month before. */
  'monthly-reports': { cron: '0 6 5 * *', retryLimit: 3, retryDelay: 300, expireInSeconds: 3600 },
  /** Due and late reminders to the KPIs' owners, every morning at 07:00. */
  'reminders.morning': { cron: '0 7 * * *', retryLimit: 3, retryDelay: 120, expireInSeconds: 1800 },
  /** Overdue directives to their owners, every morning at 07:10 (once per directive per day). */
  'directives.overdue': { cron: '10 7 * * *', retryLimit: 3, retryDelay: 120, expireInSeconds: 1800 },
  /** The daily e-mail digest, at 08:00, for those who chose it. */
  'notifications.digest': { cron: '0 8 * * *', retryLimit: 3, retryDelay: 120, expireInSeconds: 1800 },
  /** One notification to one channel (e-mail, push, LINE) whose first attempt failed or was held back. */
  'notifications.deliver': { retryLimit: 6, retryDelay: 30, expireInSeconds: 120 },
} as const satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;

/** What each job carries. Scheduled runs carry nothing and work out "today" themselves. */
export interface JobData {
  'monthly-reports': { month?: string };
  'reminders.morning': { today?: string };
  'directives.overdue': { today?: string };
  'notifications.digest': { today?: string };
  'notifications.deliver': { deliveryId: string };
}

export const JOB_TIME_ZONE = 'Asia/Bangkok';
/** pg-boss's own tables live in their own schema, beside the app's (never in its migrations). */
export const JOB_SCHEMA = 'pgboss';

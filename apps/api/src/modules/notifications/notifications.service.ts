import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationDto, NotificationKind, NotificationListDto } from '@provdash/shared/contracts';
import {
  canSeeUnapproved,
  endOfQuietHours,
  groupDigest,
  isAllowed,
  isQuietHour,
  type Role,
  type UnitType,
} from '@provdash/shared/domain';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Jobs, JobRun } from '../jobs/jobs.service';
import { DomainEventBus } from '../../common/domain-events/domain-event-bus';
import type { ChannelMessage, NotificationChannel, OutboundChannelName, PushTarget, Recipient } from './channels/channel';
import { NOTIFICATION_CHANNEL_ADAPTERS } from './channels/channel';
import { EmailChannel, SMTP_CONNECTIONS } from './channels/email.channel';
import { PUSH_CONNECTIONS } from './channels/push.channel';
import type { Concern } from './concerned';
import { effectivePreferences, OUTBOUND_CHANNELS, wants } from './preferences';

interface Candidate {
  id: string;
  role: Role;
  scope_path: string;
  email: string;
  display_name: string;
  locale: 'th' | 'en' | null;
  line_user_id: string | null;
  push_devices: number;
  /** Only on a claimed push delivery: the person's devices, so sending needs no query of its own. */
  push_subscriptions?: PushTarget[];
  daily_digest: boolean | null;
  preferences: Record<string, Record<string, boolean>> | null;
}

/** Concerns per transaction of `notify`. */
const NOTIFY_BATCH = 500;
/** Deliveries claimed by one statement on their first attempt. */
const FIRST_ATTEMPT_BATCH = 200;
/** Outcomes of first attempts recorded by one statement. */
const MARK_BATCH = 100;
/**
 * Messages in flight at once per channel and process: e-mail as many as the SMTP connections kept
 * open (email.channel.ts), a push service and LINE take more, each message being one HTTPS request
 * on a kept-alive connection.
 */
const SEND_CONCURRENCY: Record<OutboundChannelName, number> = { email: SMTP_CONNECTIONS, push: PUSH_CONNECTIONS, line: 16 };

type Claimed = NotificationRow & Candidate & { channel: OutboundChannelName; state: string; delivery_id: string };

interface Outcome {
  id: string;
  state: string;
  error: string | null;
  cause?: unknown;
}

interface NotificationRow {
  id: string;
  user_id: string;
  kind: NotificationKind;
  title_th: string;
  title_en: string;
  body_th: string;
  body_en: string;
  link: string;
  urgent: boolean;
  created_at: Date;
  read_at: Date | null;
}

const KIND_HEADINGS: Record<NotificationKind, { th: string; en: string }> = {
  'result.due': { th: 'ใกล้ถึงกำหนดส่งผล', en: 'Results due soon' },
  'result.late': { th: 'เลยกำหนดส่งผล', en: 'Results overdue' },
  'result.waiting': { th: 'รอคุณอนุมัติ', en: 'Waiting for your approval' },
  'result.returned': { th: 'ส่งกลับให้แก้ไข', en: 'Returned for changes' },
  'kpi.red': { th: 'ตัวชี้วัดเป็นสีแดง', en: 'KPIs turned red' },
  'project.lapseRisk': { th: 'งบประมาณเสี่ยงเบิกจ่ายไม่ทัน', en: 'Budgets at risk of lapsing' },
  'monthlyReport.made': { th: 'รายงานประจำเดือน', en: 'Monthly reports' },
  'directive.issued': { th: 'ข้อสั่งการใหม่', en: 'New directives' },
  'directive.overdue': { th: 'ข้อสั่งการเลยกำหนด', en: 'Overdue directives' },
};

export function toDto(r: NotificationRow): NotificationDto {
  return {
    id: r.id,
    kind: r.kind,
    titleTh: r.title_th,
    titleEn: r.title_en,
    bodyTh: r.body_th,
    bodyEn: r.body_en,
    link: r.link,
    urgent: r.urgent,
    createdAt: new Date(r.created_at).toISOString(),
    readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
  };
}

/**
 * Notifications as data. `notify` turns concerns (concerned.ts) into rows for the people they
 * concern who may see them (the access policy decides, as for REST), announces each in the person's
 * own live room, and plans its deliveries by the person's preferences: held until 07:00 in the
 * quiet hours (push, LINE) unless urgent, kept for the digest (e-mail) when chosen. The first attempt
 * of a delivery goes at once; a failed one is retried by the scheduler with back-off. Nothing here
 * runs inside a writer's transaction.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  private readonly log = new Logger('Notifications');
  private readonly channels: Map<OutboundChannelName, NotificationChannel>;
  /**
   * One first-attempt queue per channel: a push need not wait behind the e-mails of the same
   * notification (the SMTP round trips are far slower than a push service's one request).
   */
  private readonly firstQueues = new Map<OutboundChannelName, string[]>();
  private readonly pumping = new Set<OutboundChannelName>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEventBus,
    private readonly jobs: Jobs,
    private readonly config: AppConfig,
    private readonly email: EmailChannel,
    @Inject(NOTIFICATION_CHANNEL_ADAPTERS) adapters: NotificationChannel[],
  ) {
    this.channels = new Map(adapters.map((a) => [a.name, a]));
  }

  onModuleInit(): void {
    this.jobs.handle('notifications.deliver', (data, run) => this.deliver(data.deliveryId, run));
    this.jobs.handle('notifications.digest', () => this.sendDigests().then(() => undefined));
  }

  availableChannels(): Record<OutboundChannelName, boolean> {
    return Object.fromEntries(OUTBOUND_CHANNELS.map((c) => [c, this.channels.get(c)?.available() ?? false])) as Record<
      OutboundChannelName,
      boolean
    >;
  }

  /**
   * Creates what the concerns call for; returns how many notifications were new. Concerns go in
   * batches (the morning reminder run hands thousands): per batch one query for the people, one
   * insert of the notifications, one of their deliveries, one count of the unread, one event.
   */
  async notify(concerns: Concern[], now = new Date()): Promise<number> {
    let made = 0;
    for (let i = 0; i < concerns.length; i += NOTIFY_BATCH) made += await this.notifyBatch(concerns.slice(i, i + NOTIFY_BATCH), now);
    return made;
  }

  /** The people each concern names or whose role and scope cover its unit (before the access check). */
  private async candidates(concerns: Concern[]): Promise<Candidate[][]> {
    const select = `SELECT u.id, u.role, o.path AS scope_path, u.email, u.display_name, s.locale, s.line_user_id,
              s.daily_digest, s.preferences,
              (SELECT count(*)::int FROM push_subscription p WHERE p.user_id = u.id) AS push_devices
       FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
       LEFT JOIN notification_setting s ON s.user_id = u.id
       WHERE u.disabled_at IS NULL`;
    const named = [...new Set(concerns.flatMap((c) => (c.audience.userIds ?? []).filter((x): x is string => !!x)))];
    const byId = new Map<string, Candidate>(
      named.length
        ? ((await this.dataSource.query(`${select} AND u.id = ANY($1::uuid[])`, [named])) as Candidate[]).map((c) => [c.id, c])
        : [],
    );
    // Role audiences: one query per distinct (roles, unit) in the batch (an event's concern has one).
    const byRoles = new Map<string, Promise<Candidate[]>>();
    const ofRoles = (roles: Role[], path: string) => {
      const key = `${[...roles].sort().join(',')}|${path}`;
      let found = byRoles.get(key);
      if (!found) {
        found = this.dataSource.query(
          `${select} AND u.role = ANY($1::varchar[]) AND ($2 = o.path OR $2 LIKE o.path || '/%')`,
          [roles, path],
        ) as Promise<Candidate[]>;
        byRoles.set(key, found);
      }
      return found;
    };
    return Promise.all(
      concerns.map(async (c) => {
        const people = new Map<string, Candidate>();
        for (const id of c.audience.userIds ?? []) {
          const person = id ? byId.get(id) : undefined;
          if (person) people.set(person.id, person);
        }
        if (c.audience.roles?.length) for (const p of await ofRoles(c.audience.roles, c.unit.path)) people.set(p.id, p);
        return [...people.values()];
      }),
    );
  }

  private async notifyBatch(concerns: Concern[], now: Date): Promise<number> {
    const audiences = await this.candidates(concerns);
    // One rule for who may know: the same access policy as REST. Nobody hears of what they may not see.
    const pairs: { concern: Concern; person: Candidate }[] = [];
    const seen = new Set<string>();
    concerns.forEach((concern, i) => {
      const unit = { path: concern.unit.path, type: concern.unit.type as UnitType };
      for (const c of audiences[i]) {
        const actor = { role: c.role, scopePath: c.scope_path };
        if (!isAllowed(actor, 'read', unit) || (concern.visibility !== 'approved' && !canSeeUnapproved(actor, unit))) continue;
        const key = `${c.id}|${concern.dedupeKey.slice(0, 200)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push({ concern, person: c });
      }
    });
    if (!pairs.length) return 0;
    const quiet = isQuietHour(now);
    const { rows, immediate, held } = await this.dataSource.transaction(async (m) => {
      const rows: (NotificationRow & { dedupe_key: string })[] = await m.query(
        `INSERT INTO notification (user_id, kind, title_th, title_en, body_th, body_en, link, urgent, dedupe_key, created_at)
         SELECT t.*, $10::timestamptz FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::text[],
                                          $6::text[], $7::varchar[], $8::boolean[], $9::varchar[]) AS t
         ON CONFLICT (user_id, dedupe_key) DO NOTHING
         RETURNING id, user_id, kind, title_th, title_en, body_th, body_en, link, urgent, created_at, read_at, dedupe_key`,
        [
          pairs.map((p) => p.person.id),
          pairs.map((p) => p.concern.kind),
          pairs.map((p) => p.concern.titleTh.slice(0, 300)),
          pairs.map((p) => p.concern.titleEn.slice(0, 300)),
          pairs.map((p) => p.concern.bodyTh ?? ''),
          pairs.map((p) => p.concern.bodyEn ?? ''),
          pairs.map((p) => p.concern.link),
          pairs.map((p) => p.concern.urgent ?? false),
          pairs.map((p) => p.concern.dedupeKey.slice(0, 200)),
          now,
        ],
      );
      if (!rows.length) return { rows, immediate: [] as { id: string; channel: OutboundChannelName }[], held: [] as string[] };
      const byKey = new Map(pairs.map((p) => [`${p.person.id}|${p.concern.dedupeKey.slice(0, 200)}`, p]));
      const plan: { notificationId: string; channel: OutboundChannelName; state: 'pending' | 'held' | 'digest' }[] = [];
      for (const row of rows) {
        const { concern, person } = byKey.get(`${row.user_id}|${row.dedupe_key}`) as (typeof pairs)[number];
        const prefs = effectivePreferences(person.preferences);
        const recipient = toRecipient(person);
        for (const name of OUTBOUND_CHANNELS) {
          const channel = this.channels.get(name);
          if (!channel?.available() || !channel.reachable(recipient) || !wants(prefs, concern.kind, name)) continue;
          const state =
            name === 'email' && person.daily_digest && !row.urgent
              ? 'digest'
              : channel.quiet && quiet && !row.urgent
                ? 'held'
                : 'pending';
          plan.push({ notificationId: row.id, channel: name, state });
        }
      }
      const deliveries: { id: string; channel: OutboundChannelName; state: string }[] = plan.length
        ? await m.query(
            `INSERT INTO notification_delivery (notification_id, channel, state)
             SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[])
             RETURNING id, channel, state`,
            [plan.map((p) => p.notificationId), plan.map((p) => p.channel), plan.map((p) => p.state)],
          )
        : [];
      const unread: { user_id: string; n: number }[] = await m.query(
        `SELECT user_id, count(*)::int AS n FROM notification WHERE user_id = ANY($1::uuid[]) AND read_at IS NULL GROUP BY user_id`,
        [[...new Set(rows.map((r) => r.user_id))]],
      );
      const counts = new Map(unread.map((u) => [u.user_id, u.n]));
      // Each bell hears of it live (notification-live.reactor.ts, through the outbox: a device that was offline catches up).
      await this.events.publish(m, 'notifications.created', {
        items: rows.map((r) => ({ userId: r.user_id, notification: toDto(r), unread: counts.get(r.user_id) ?? 1 })),
      });
      return {
        rows,
        immediate: deliveries.filter((d) => d.state === 'pending'),
        held: deliveries.filter((d) => d.state === 'held').map((d) => d.id),
      };
    });
    const after = endOfQuietHours(now);
    for (const id of held) await this.jobs.send('notifications.deliver', { deliveryId: id }, { startAfter: after, key: id });
    // First attempts go now, in the background; a failure becomes a scheduled retry.
    this.firstAttempts(immediate);
    return rows.length;
  }

  /**
   * First attempts, in the background, through one queue per process: claimed and marked in
   * batches (two statements per batch, not two per delivery), sent a bounded number at a time. A
   * thousand people told at once must neither drain the connection pool (the outbox relay and
   * every request share it) nor open a thousand connections to the mail server.
   */
  private firstAttempts(deliveries: { id: string; channel: OutboundChannelName }[]): void {
    for (const d of deliveries) {
      const queue = this.firstQueues.get(d.channel) ?? [];
      queue.push(d.id);
      this.firstQueues.set(d.channel, queue);
    }
    for (const channel of new Set(deliveries.map((d) => d.channel))) if (!this.pumping.has(channel)) void this.pump(channel);
  }

  /**
   * One channel's first attempts: a fixed number of senders take claimed deliveries one at a time,
   * the next batch is claimed while the current one is still going out, and outcomes are recorded
   * every MARK_BATCH. No message waits for the slowest of its batch, nor for a claim or a mark.
   */
  private async pump(channel: OutboundChannelName): Promise<void> {
    this.pumping.add(channel);
    const queue = this.firstQueues.get(channel) ?? [];
    const ready: Claimed[] = [];
    const done: Outcome[] = [];
    const marking: Promise<void>[] = [];
    let claiming: Promise<void> | null = null;
    const claimNext = (): Promise<void> | null => {
      if (claiming || !queue.length) return claiming;
      const ids = queue.splice(0, FIRST_ATTEMPT_BATCH);
      claiming = this.claim(ids)
        .then(
          (rows) => void ready.push(...rows),
          // The batch could not even be claimed: each gets a scheduled attempt instead.
          (error: unknown) => this.retryLater(ids, error),
        )
        .finally(() => (claiming = null));
      return claiming;
    };
    const mark = () => {
      if (done.length) marking.push(this.record(done.splice(0)));
    };
    const sender = async () => {
      for (;;) {
        if (ready.length <= SEND_CONCURRENCY[channel]) void claimNext();
        const d = ready.shift();
        if (!d) {
          const next = claiming ?? claimNext();
          if (!next) return;
          await next;
          continue;
        }
        done.push(await this.attempt(d, false));
        if (done.length >= MARK_BATCH) mark();
      }
    };
    try {
      await Promise.all(Array.from({ length: SEND_CONCURRENCY[channel] }, sender));
      mark();
      await Promise.all(marking);
    } finally {
      this.pumping.delete(channel);
      // Deliveries queued while the last marks were written start their own run.
      if (queue.length) void this.pump(channel);
    }
  }

  /** Records sent outcomes; a failure to send, or to record, becomes a scheduled retry. */
  private async record(outcomes: Outcome[]): Promise<void> {
    try {
      await this.markAll(outcomes);
    } catch (error) {
      await this.retryLater(
        outcomes.map((o) => o.id),
        error,
      );
      return;
    }
    const failed = outcomes.filter((o) => o.error && o.state !== 'skipped');
    for (const o of failed) this.log.warn(`Delivery ${o.id}: first attempt failed, retried by the scheduler (${o.error})`);
    await this.retryLater(failed.map((o) => o.id));
  }

  private async retryLater(ids: string[], cause?: unknown): Promise<void> {
    if (cause !== undefined && ids.length)
      this.log.warn(`First attempts of ${ids.length} deliveries failed, retried by the scheduler (${String(cause)})`);
    for (const id of ids)
      await this.jobs
        .send('notifications.deliver', { deliveryId: id }, { startAfter: new Date(Date.now() + 30_000), key: id })
        .catch((e: unknown) => this.log.error(`Could not queue the retry of delivery ${id}: ${String(e)}`));
  }

  /** Counts an attempt on each delivery still to send and returns what sending it needs; one statement. */
  private async claim(ids: string[]): Promise<Claimed[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [Claimed[], number] = await this.dataSource.query(
      `UPDATE notification_delivery d SET attempts = attempts + 1, updated_at = now()
       FROM notification n JOIN app_user u ON u.id = n.user_id
       LEFT JOIN notification_setting s ON s.user_id = u.id
       WHERE d.id = ANY($1::uuid[]) AND n.id = d.notification_id AND d.state IN ('pending', 'held')
       RETURNING d.id AS delivery_id, d.channel, d.state, n.id, n.user_id, n.kind, n.title_th, n.title_en, n.body_th,
                 n.body_en, n.link, n.urgent, u.email, u.display_name, s.locale, s.line_user_id,
                 (SELECT count(*)::int FROM push_subscription p WHERE p.user_id = u.id) AS push_devices,
                 CASE WHEN d.channel = 'push' THEN
                   (SELECT COALESCE(json_agg(json_build_object('id', p.id, 'endpoint', p.endpoint, 'p256dh', p.p256dh, 'auth', p.auth)), '[]')
                    FROM push_subscription p WHERE p.user_id = u.id)
                 END AS push_subscriptions`,
      [ids],
    );
    return rows;
  }

  /** Sends one claimed delivery; never throws: the outcome says what to record. */
  private async attempt(d: Claimed, lastAttempt: boolean): Promise<Outcome> {
    const channel = this.channels.get(d.channel);
    const recipient = toRecipient({ ...d, id: d.user_id });
    if (!channel?.available() || !channel.reachable(recipient)) {
      this.log.log(`Delivery ${d.delivery_id} by ${d.channel} skipped: the channel is off or the person has no address there`);
      return { id: d.delivery_id, state: 'skipped', error: null };
    }
    try {
      await channel.send(recipient, this.message(recipient, d, d.delivery_id));
      this.log.debug(`Delivery ${d.delivery_id} by ${d.channel} sent`);
      return { id: d.delivery_id, state: 'sent', error: null };
    } catch (error) {
      const text = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      return { id: d.delivery_id, state: lastAttempt ? 'failed' : d.state, error: text, cause: error };
    }
  }

  /** Records the outcomes of a batch in one statement. */
  private async markAll(outcomes: Outcome[]): Promise<void> {
    if (!outcomes.length) return;
    await this.dataSource.query(
      `UPDATE notification_delivery d SET state = x.state, last_error = x.error, updated_at = now(),
              sent_at = CASE WHEN x.state = 'sent' THEN now() ELSE d.sent_at END
       FROM unnest($1::uuid[], $2::varchar[], $3::varchar[]) AS x(id, state, error) WHERE d.id = x.id`,
      [outcomes.map((o) => o.id), outcomes.map((o) => o.state), outcomes.map((o) => o.error)],
    );
  }

  /** Sends one delivery (the scheduler's retry); throws when it did not go. A delivery that went is never sent again. */
  async deliver(deliveryId: string, run: JobRun): Promise<void> {
    const [d] = await this.claim([deliveryId]);
    if (!d) {
      this.log.debug(`Delivery ${deliveryId}: nothing to send (already sent, failed or skipped)`);
      return;
    }
    const outcome = await this.attempt(d, run.lastAttempt);
    await this.markAll([outcome]);
    if (outcome.error && outcome.state !== 'skipped') {
      this.log.warn(`Delivery ${deliveryId} by ${d.channel} failed (attempt ${run.retryCount + 1}): ${outcome.error}`);
      throw outcome.cause;
    }
  }

  private message(to: Recipient, n: NotificationRow, deliveryId: string): ChannelMessage {
    const th = to.locale === 'th';
    return {
      deliveryId,
      notificationId: n.id,
      kind: n.kind,
      title: th ? n.title_th : n.title_en,
      body: th ? n.body_th : n.body_en,
      url: this.absolute(n.link),
      urgent: n.urgent,
    };
  }

  private absolute(link: string): string {
    return new URL(link, this.config.PUBLIC_URL.endsWith('/') ? this.config.PUBLIC_URL : `${this.config.PUBLIC_URL}/`).href;
  }

  /** The daily digest: every e-mail kept for it, one message per person, grouped by kind. */
  async sendDigests(): Promise<number> {
    if (!this.email.available()) return 0;
    const rows: (NotificationRow & Candidate & { delivery_id: string })[] = await this.dataSource.query(
      `SELECT d.id AS delivery_id, n.id, n.user_id, n.kind, n.title_th, n.title_en, n.link, n.created_at,
              u.email, u.display_name, s.locale, s.line_user_id, 0 AS push_devices
       FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
       JOIN app_user u ON u.id = n.user_id LEFT JOIN notification_setting s ON s.user_id = u.id
       WHERE d.state = 'digest' AND d.channel = 'email' AND u.disabled_at IS NULL`,
    );
    const byId = new Map(rows.map((r) => [r.delivery_id, r]));
    const digests = groupDigest(
      rows.map((r) => ({
        userId: r.user_id,
        kind: r.kind,
        title: r.delivery_id,
        link: r.link,
        createdAt: new Date(r.created_at).toISOString(),
      })),
    );
    let sent = 0;
    for (const digest of digests) {
      const first = byId.get(digest.sections[0].items[0].title) as (typeof rows)[number];
      const to = toRecipient({ ...first, id: first.user_id });
      const th = to.locale === 'th';
      try {
        await this.email.sendDigest(to, {
          title: th ? `สรุปการแจ้งเตือนประจำวัน (${digest.total} รายการ)` : `Your daily summary (${digest.total})`,
          url: this.absolute('/'),
          sections: digest.sections.map((s) => ({
            heading: KIND_HEADINGS[s.kind as NotificationKind][th ? 'th' : 'en'],
            items: s.items.map((i) => {
              const r = byId.get(i.title) as (typeof rows)[number];
              return { title: th ? r.title_th : r.title_en, url: this.absolute(r.link) };
            }),
          })),
        });
        await this.dataSource.query(
          `UPDATE notification_delivery SET state = 'sent', sent_at = now(), attempts = attempts + 1, updated_at = now()
           WHERE id = ANY($1::uuid[])`,
          [digest.sections.flatMap((s) => s.items.map((i) => i.title))],
        );
        sent += 1;
      } catch (error) {
        // The others still go; this person's stay kept for the job's retry.
        this.log.warn(`Digest for ${digest.userId} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (sent < digests.length) throw new Error(`${digests.length - sent} digest(s) not sent`);
    return sent;
  }

  // The person's own bell.

  async list(userId: string, limit = 30): Promise<NotificationListDto> {
    const items: NotificationRow[] = await this.dataSource.query(
      `SELECT id, user_id, kind, title_th, title_en, body_th, body_en, link, urgent, created_at, read_at
       FROM notification WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [userId, limit],
    );
    return { items: items.map(toDto), unread: await this.unread(userId) };
  }

  private async unread(userId: string, m: { query: DataSource['query'] } = this.dataSource): Promise<number> {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [
      userId,
    ]);
    return n;
  }

  /** Marks read (some, or all) and tells the person's other devices through their room. */
  async markRead(userId: string, ids: string[] | 'all'): Promise<{ unread: number }> {
    return this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL
         AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
        [userId, ids === 'all' ? null : ids],
      );
      const unread = await this.unread(userId, m);
      await this.events.publish(m, 'notifications.read', { userId, ids, unread });
      return { unread };
    });
  }
}

function toRecipient(
  c: Pick<Candidate, 'id' | 'email' | 'display_name' | 'locale' | 'line_user_id' | 'push_devices' | 'push_subscriptions'>,
): Recipient {
  return {
    userId: c.id,
    email: c.email,
    displayName: c.display_name,
    locale: c.locale ?? 'th',
    lineUserId: c.line_user_id,
    pushDevices: Number(c.push_devices ?? 0),
    pushSubscriptions: c.push_subscriptions ?? [],
  };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LiveEventName, LiveEvents, MissedEvent, RoomName } from '@provdash/shared/contracts';
import { bangkokDateOf } from '@provdash/shared/domain';
import type { DataSource, EntityManager } from 'typeorm';

/** One event for one room. */
export type OutboxMessage = { [E in LiveEventName]: { room: RoomName; event: E; data: LiveEvents[E] } }[LiveEventName];

/** Where `publish` leaves the transaction's rows for the relay's after-commit hook. */
export const PENDING_KEY = 'realtimeOutbox';

/**
 * Writes live events into the caller's transaction. Each room's counter is bumped in the same
 * statement, so the row lock on the counter orders writers to the same room: `seq` is consecutive
 * per room in commit order, which is what lets a client detect a gap. The rows also wait on the
 * transaction's query runner for the relay, which sends them once TypeORM reports the commit (and
 * drops them on rollback). Call it last in the transaction, to hold the room locks briefly.
 */
@Injectable()
export class Outbox {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async publish(m: EntityManager, messages: OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const rows = await m.query(
      `WITH msg AS (
         SELECT room, event, payload, ord
         FROM unnest($1::varchar[], $2::varchar[], $3::jsonb[]) WITH ORDINALITY AS t(room, event, payload, ord)
       ),
       counts AS (SELECT room, count(*)::bigint AS n FROM msg GROUP BY room),
       bumped AS (
         INSERT INTO realtime_room AS r (room, seq)
         SELECT room, n FROM counts
         ON CONFLICT (room) DO UPDATE SET seq = r.seq + excluded.seq
         RETURNING r.room, r.seq
       )
       INSERT INTO realtime_event (room, seq, event, payload, created_at)
       SELECT msg.room, bumped.seq - counts.n + row_number() OVER (PARTITION BY msg.room ORDER BY msg.ord),
              msg.event, msg.payload, clock_timestamp()
       FROM msg JOIN counts USING (room) JOIN bumped USING (room)
       ORDER BY msg.ord
       RETURNING id, room, seq::int AS seq, event, payload, created_at`,
      [messages.map((x) => x.room), messages.map((x) => x.event), messages.map((x) => JSON.stringify(x.data))],
    );
    const runner = m.queryRunner;
    if (runner) {
      const pending = (runner.data[PENDING_KEY] ??= []) as OutboxRow[];
      pending.push(...(rows as OutboxRow[]).sort((a, b) => Number(a.id) - Number(b.id)));
    }
  }

  /**
   * What a client that holds `since` for a room has missed, in order. Too many (more than
   * `CATCH_UP_LIMIT`), or older than what the outbox keeps, or a `since` ahead of the room (the
   * database was restored): the client refetches the snapshot instead.
   */
  async catchUp(room: RoomName, since: number | undefined): Promise<{ seq: number; missed: MissedEvent[]; refetch: boolean }> {
    const [head] = await this.dataSource.query(`SELECT seq::int AS seq FROM realtime_room WHERE room = $1`, [room]);
    const seq: number = head?.seq ?? 0;
    if (since === undefined || since === seq) return { seq, missed: [], refetch: false };
    if (since > seq) return { seq, missed: [], refetch: true };
    const rows: OutboxRow[] = await this.dataSource.query(
      `SELECT id, room, seq::int AS seq, event, payload, created_at FROM realtime_event
       WHERE room = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [room, since, CATCH_UP_LIMIT + 1],
    );
    // A hole at the start means the events were pruned.
    if (rows.length > CATCH_UP_LIMIT || rows.length === 0 || rows[0].seq !== since + 1) {
      return { seq, missed: [], refetch: true };
    }
    return { seq, missed: rows.map(toMissed), refetch: false };
  }

  /**
   * Whether the room heard an event in the last `ms` milliseconds. An event's `created_at` is taken
   * as the writer's transaction ends (`publish` is called last in it), so it is at most a commit's
   * time ahead of when its data became readable.
   */
  async heardWithin(room: RoomName, ms: number): Promise<boolean> {
    const [row] = await this.dataSource.query(
      // The room's last event (by its unique (room, seq) index): rows are written in seq order.
      `SELECT EXISTS (
         SELECT 1 FROM (SELECT created_at FROM realtime_event WHERE room = $1 ORDER BY seq DESC LIMIT 1) last
         WHERE last.created_at >= clock_timestamp() - make_interval(secs => $2::double precision / 1000)
       ) AS heard`,
      [room, ms],
    );
    return row.heard === true;
  }

  /**
   * A room's events since midnight in Bangkok, oldest first (the last `TODAY_LIMIT`): what a
   * "changed today" feed shows when it opens, before the live events take over.
   */
  async today(room: RoomName): Promise<MissedEvent[]> {
    const rows: OutboxRow[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT id, room, seq::int AS seq, event, payload, created_at FROM realtime_event
         WHERE room = $1 AND created_at >= (($2::date)::timestamp AT TIME ZONE 'Asia/Bangkok')
         ORDER BY seq DESC LIMIT $3) latest
       ORDER BY seq`,
      [room, bangkokDateOf(new Date()), TODAY_LIMIT],
    );
    return rows.map(toMissed);
  }
}

export const CATCH_UP_LIMIT = 200;
export const TODAY_LIMIT = 100;

export interface OutboxRow {
  id: string;
  room: RoomName;
  seq: number;
  event: LiveEventName;
  payload: unknown;
  created_at: Date;
}

export function toMissed(row: OutboxRow): MissedEvent {
  return {
    event: row.event,
    payload: { room: row.room, seq: row.seq, at: new Date(row.created_at).toISOString(), data: row.payload },
  } as MissedEvent;
}

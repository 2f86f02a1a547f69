import type { RoomName } from '@provdash/shared/contracts';
import type { EntityManager } from 'typeorm';
import { FreshReads } from '../read-cache/fresh-read';

/**
 * Answers kept in memory against a room's counter (docs/realtime.md, "The room counter as a cache
 * key"). Everything that changes approved data publishes to the rooms that show it, in its own
 * transaction, so a committed change has always moved the counter: an answer computed after reading
 * counter n stands for as long as the counter reads n. Read the counter *before* computing, so a
 * change committed in between leaves a newer answer under the older counter (recomputed on the
 * next request), never the reverse. Every instance reads the same counter: nothing to tell the others.
 */
export class RoomCache<T> {
  private readonly entries = new Map<string, { seq: string; value: T }>();
  /** Counter reads shared by the requests that arrived while the previous one ran (never an older read). */
  private readonly counters = new FreshReads<string>();

  /** `size`: how many answers are kept, the least recently computed going first. */
  constructor(private readonly size: number) {}

  /** The room's counter as committed now (0 before its first event). */
  static async seqOf(m: EntityManager, room: RoomName): Promise<string> {
    const [row] = await m.query(`SELECT seq::text AS seq FROM realtime_room WHERE room = $1`, [room]);
    return row?.seq ?? '0';
  }

  /**
   * The kept answer while `room` stands at the counter it was computed under, or a new one.
   * Never inside a writer's transaction: that answer may hold what is not committed.
   */
  async through(m: EntityManager, room: RoomName, key: string, compute: () => Promise<T>): Promise<T> {
    if (inTransaction(m)) return compute();
    return this.at(m, key, await this.counters.read(room, () => RoomCache.seqOf(m, room)), compute);
  }

  /** The same, for a caller that read the counter itself with `m` (in the query it needed anyway). */
  async at(m: EntityManager, key: string, seq: string, compute: () => Promise<T>): Promise<T> {
    if (inTransaction(m)) return compute();
    const kept = this.entries.get(key);
    if (kept && kept.seq === seq) return kept.value;
    const value = await compute();
    this.entries.delete(key);
    this.entries.set(key, { seq, value });
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}

const inTransaction = (m: EntityManager) => m.queryRunner?.isTransactionActive === true;

import { addDays, bangkokDateOf, compareIsoDates } from './iso-date';
import { periodRange } from './fiscal-period';

/**
 * Pure rules of notifications: when a result is due, when a reminder is sent, whether an instant
 * falls in the quiet hours, and how a day's notifications are grouped into one digest.
 */

/** Thailand has no daylight saving: UTC+7 all year. */
const BANGKOK_OFFSET_HOURS = 7;
/** No push or LINE message from 22:00 to 07:00 Bangkok time unless it is urgent. */
export const QUIET_HOURS = { from: 22, to: 7 } as const;

/** The hour of the day (0–23) in Bangkok at an instant. */
export function bangkokHourOf(instant: Date): number {
  return (instant.getUTCHours() + BANGKOK_OFFSET_HOURS) % 24;
}

/** True between 22:00 (inclusive) and 07:00 (exclusive) Bangkok time. */
export function isQuietHour(instant: Date): boolean {
  const h = bangkokHourOf(instant);
  return h >= QUIET_HOURS.from || h < QUIET_HOURS.to;
}

/**
 * When a message held back by the quiet hours may go: the instant itself outside them, otherwise
 * the next 07:00 Bangkok time.
 */
export function endOfQuietHours(instant: Date): Date {
  if (!isQuietHour(instant)) return instant;
  const today = bangkokDateOf(instant);
  const day = bangkokHourOf(instant) >= QUIET_HOURS.from ? addDays(today, 1) : today;
  return new Date(`${day}T${String(QUIET_HOURS.to).padStart(2, '0')}:00:00+07:00`);
}

/** Days after a period's end by which its result is expected (the province's reporting deadline). */
export const RESULT_DEADLINE_DAYS = 15;

/** The last day a period's result may be entered on time. */
export function resultDeadline(period: string, deadlineDays = RESULT_DEADLINE_DAYS): string {
  return addDays(periodRange(period).end, deadlineDays);
}

export type ReminderKind = 'result.due' | 'result.late';

/**
 * Which reminder, if any, a missing result of `period` earns on `today`: "due" exactly
 * `daysBefore` days before the deadline, "late" on the day after it (once: the notification's
 * de-duplication key is the period), nothing otherwise. A result that was entered needs none;
 * the caller asks only for missing ones.
 */
export function reminderOn(
  period: string,
  today: string,
  daysBefore: number,
  deadlineDays = RESULT_DEADLINE_DAYS,
): ReminderKind | null {
  const deadline = resultDeadline(period, deadlineDays);
  if (compareIsoDates(today, addDays(deadline, -daysBefore)) === 0) return 'result.due';
  if (compareIsoDates(today, addDays(deadline, 1)) === 0) return 'result.late';
  return null;
}

export interface DigestItem {
  userId: string;
  kind: string;
  title: string;
  link: string;
  createdAt: string;
}

export interface Digest<T extends DigestItem = DigestItem> {
  userId: string;
  /** Kinds in the order their first item appeared; each kind's items oldest first. */
  sections: { kind: string; items: T[] }[];
  total: number;
}

/** One digest per user, the items grouped by kind: many events become one message. */
export function groupDigest<T extends DigestItem>(items: readonly T[]): Digest<T>[] {
  const byUser = new Map<string, Map<string, T[]>>();
  const sorted = [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const item of sorted) {
    const kinds = byUser.get(item.userId) ?? new Map<string, T[]>();
    byUser.set(item.userId, kinds);
    const list = kinds.get(item.kind) ?? [];
    kinds.set(item.kind, list);
    list.push(item);
  }
  return [...byUser].map(([userId, kinds]) => ({
    userId,
    sections: [...kinds].map(([kind, list]) => ({ kind, items: list })),
    total: [...kinds.values()].reduce((n, list) => n + list.length, 0),
  }));
}

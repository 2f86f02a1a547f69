/**
 * Calendar dates as ISO strings (YYYY-MM-DD, Gregorian).
 *
 * A fiscal period is a span of calendar days, not of instants. Working on date strings keeps the
 * server (UTC) and a browser in Bangkok (UTC+7) from disagreeing about which day 1 October is:
 * `new Date(2025, 9, 1)` in Bangkok is 2025-09-30T17:00Z, which a UTC reader files under FY 2568.
 */

/** A calendar date `YYYY-MM-DD`, or a `Date` whose UTC calendar day is meant. */
export type DateInput = string | Date;

export interface IsoDateParts {
  readonly year: number;
  /** 1 = January. */
  readonly month: number;
  readonly day: number;
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Thailand has used UTC+7 all year since 1920; there is no daylight saving to track. */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) {
    return false;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function formatIsoDate(year: number, month: number, day: number): string {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!Number.isInteger(year) || year < 1 || year > 9999 || !isIsoDate(text)) {
    throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  }
  return text;
}

/**
 * Normalise a date input to `YYYY-MM-DD`. Strings must already be calendar dates: a timestamp
 * string is rejected because its calendar day depends on a time zone the caller has not stated.
 * For "today in Thailand" use {@link bangkokDateOf}.
 */
export function toIsoDate(value: DateInput): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new RangeError('Invalid Date');
    }
    return formatIsoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (!isIsoDate(value)) {
    throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): "${value}"`);
  }
  return value;
}

export function parseIsoDate(value: DateInput): IsoDateParts {
  const text = toIsoDate(value);
  return {
    year: Number(text.slice(0, 4)),
    month: Number(text.slice(5, 7)),
    day: Number(text.slice(8, 10)),
  };
}

/** The calendar date in Thailand at a given instant, e.g. for "as of today" on the server. */
export function bangkokDateOf(instant: Date): string {
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError('Invalid Date');
  }
  return toIsoDate(new Date(instant.getTime() + BANGKOK_OFFSET_MS));
}

/** Day arithmetic through UTC midnight, where every day has exactly 24 hours. */
export function addDays(value: DateInput, days: number): string {
  if (!Number.isInteger(days)) {
    throw new RangeError(`Days must be an integer, got ${days}`);
  }
  const { year, month, day } = parseIsoDate(value);
  const shifted = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  shifted.setUTCFullYear(year, month - 1, day + days);
  return toIsoDate(shifted);
}

/** −1, 0 or 1; zero-padded ISO dates order correctly as strings. */
export function compareIsoDates(a: DateInput, b: DateInput): -1 | 0 | 1 {
  const left = toIsoDate(a);
  const right = toIsoDate(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

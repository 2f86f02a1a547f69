/**
 * Thai government fiscal year (ปีงบประมาณ) and its reporting periods.
 *
 * The fiscal year runs 1 October – 30 September and carries the Buddhist-Era number of the year it
 * ends in: FY 2569 = 2025-10-01 … 2026-09-30. The trap is that its first three months lie in the
 * previous calendar year, so October of FY 2569 is "ต.ค. 2568" on a Thai calendar.
 *
 * Period keys are plain strings so they can be stored, sorted and used as map keys:
 *   `2569-M01` … `2569-M12`  months, M01 = October
 *   `2569-Q1`  … `2569-Q4`   quarters, Q1 = October–December
 *   `2569-H1`, `2569-H2`     halves, H1 = October–March (the 6-month agreement round)
 *   `2569`                   the whole fiscal year
 */
import { DateInput, daysInMonth, formatIsoDate, parseIsoDate, toIsoDate } from './iso-date';
import { FREQUENCIES, type Frequency } from './vocabulary';

// The list is the vocabulary's; the type is also named here, where periods are.
export type { Frequency };

export interface FiscalPeriod {
  /** Buddhist-Era fiscal year, e.g. 2569. */
  readonly fiscalYear: number;
  readonly frequency: Frequency;
  /** 1-based position inside the fiscal year (month 1–12, quarter 1–4, half 1–2, year 1). */
  readonly index: number;
}

/** A period key such as "2569-Q1", or its parsed form. */
export type PeriodInput = string | FiscalPeriod;

export interface DateRange {
  /** First day, inclusive, `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day, inclusive, `YYYY-MM-DD`. */
  readonly end: string;
}

export type LabelLocale = 'th' | 'en';

const BE_OFFSET = 543;

/**
 * Fiscal years outside this window are refused: it catches the classic mistake of passing a
 * Gregorian year (2025) where a Buddhist-Era fiscal year (2569) is expected.
 */
export const MIN_FISCAL_YEAR = 2400;
export const MAX_FISCAL_YEAR = 2999;

const PERIODS_PER_YEAR: Readonly<Record<Frequency, number>> = {
  monthly: 12,
  quarterly: 4,
  half_yearly: 2,
  yearly: 1,
};

const PERIOD_KEY_PATTERN = /^(\d{4})(?:-(?:M(\d{2})|Q(\d)|H(\d)))?$/;

/** Thai month abbreviations, January first (ม.ค. … ธ.ค.). */
export const THAI_MONTHS_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
] as const;

/** Thai month names in full, January first (มกราคม … ธันวาคม). */
export const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;

const ENGLISH_MONTHS_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

export function beToGregorian(beYear: number): number {
  assertInteger(beYear, 'Buddhist-Era year');
  return beYear - BE_OFFSET;
}

export function gregorianToBe(gregorianYear: number): number {
  assertInteger(gregorianYear, 'Gregorian year');
  return gregorianYear + BE_OFFSET;
}

export function isFrequency(value: unknown): value is Frequency {
  return typeof value === 'string' && (FREQUENCIES as readonly string[]).includes(value);
}

export function periodsPerYear(frequency: Frequency): number {
  assertFrequency(frequency);
  return PERIODS_PER_YEAR[frequency];
}

/** The fiscal year (B.E.) a calendar date belongs to: October onwards counts towards the next year. */
export function fiscalYearOf(date: DateInput): number {
  const { year, month } = parseIsoDate(date);
  return gregorianToBe(month >= 10 ? year + 1 : year);
}

export function fiscalYearRange(fiscalYear: number): DateRange {
  assertFiscalYear(fiscalYear);
  const endYear = beToGregorian(fiscalYear);
  return {
    start: formatIsoDate(endYear - 1, 10, 1),
    end: formatIsoDate(endYear, 9, 30),
  };
}

/** Parse a period key; `null` when the text is not a valid key (e.g. "2569-M13", "2569-Q01"). */
export function parsePeriod(key: string): FiscalPeriod | null {
  const match = PERIOD_KEY_PATTERN.exec(key);
  if (!match) {
    return null;
  }
  const [, yearText, month, quarter, half] = match;
  const fiscalYear = Number(yearText);
  const [frequency, index]: [Frequency, number] =
    month !== undefined
      ? ['monthly', Number(month)]
      : quarter !== undefined
        ? ['quarterly', Number(quarter)]
        : half !== undefined
          ? ['half_yearly', Number(half)]
          : ['yearly', 1];
  return isValidPeriod(fiscalYear, frequency, index) ? { fiscalYear, frequency, index } : null;
}

/** Like {@link parsePeriod} but throws, for keys that are expected to be valid. */
export function toFiscalPeriod(period: PeriodInput): FiscalPeriod {
  if (typeof period === 'string') {
    const parsed = parsePeriod(period);
    if (!parsed) {
      throw new RangeError(`Not a fiscal period key: "${period}"`);
    }
    return parsed;
  }
  if (!isValidPeriod(period.fiscalYear, period.frequency, period.index)) {
    throw new RangeError(`Not a fiscal period: ${JSON.stringify(period)}`);
  }
  return period;
}

export function formatPeriod(period: PeriodInput): string {
  const { fiscalYear, frequency, index } = toFiscalPeriod(period);
  switch (frequency) {
    case 'monthly':
      return `${fiscalYear}-M${String(index).padStart(2, '0')}`;
    case 'quarterly':
      return `${fiscalYear}-Q${index}`;
    case 'half_yearly':
      return `${fiscalYear}-H${index}`;
    case 'yearly':
      return `${fiscalYear}`;
  }
}

/** Ranges by period key: a screen asks for the same dozen periods hundreds of times. */
const RANGES = new Map<string, DateRange>();

/** The calendar days a period covers, both ends inclusive. */
export function periodRange(period: PeriodInput): DateRange {
  if (typeof period === 'string') {
    const known = RANGES.get(period);
    if (known) return known;
    const range = computePeriodRange(period);
    if (RANGES.size >= 10_000) RANGES.clear();
    RANGES.set(period, range);
    return range;
  }
  return computePeriodRange(period);
}

function computePeriodRange(period: PeriodInput): DateRange {
  const { fiscalYear, frequency, index } = toFiscalPeriod(period);
  const monthsPerPeriod = 12 / PERIODS_PER_YEAR[frequency];
  const first = fiscalMonthToCalendar(fiscalYear, (index - 1) * monthsPerPeriod + 1);
  const last = fiscalMonthToCalendar(fiscalYear, index * monthsPerPeriod);
  return {
    start: formatIsoDate(first.year, first.month, 1),
    end: formatIsoDate(last.year, last.month, daysInMonth(last.year, last.month)),
  };
}

/** All period keys of a fiscal year at a frequency, in chronological order. */
export function periodsOfYear(fiscalYear: number, frequency: Frequency): string[] {
  assertFiscalYear(fiscalYear);
  const count = periodsPerYear(frequency);
  return Array.from({ length: count }, (_, i) => formatPeriod({ fiscalYear, frequency, index: i + 1 }));
}

/** The key of the period at a frequency that contains a date. */
export function periodContaining(date: DateInput, frequency: Frequency): string {
  const { month } = parseIsoDate(date);
  const fiscalYear = fiscalYearOf(date);
  const fiscalMonth = ((month + 2) % 12) + 1;
  const monthsPerPeriod = 12 / periodsPerYear(frequency);
  return formatPeriod({
    fiscalYear,
    frequency,
    index: Math.ceil(fiscalMonth / monthsPerPeriod),
  });
}

/** True when the period's last day is on or before `date` (the period is complete by the end of `date`). */
export function periodEndsOnOrBefore(period: PeriodInput, date: DateInput): boolean {
  return periodRange(period).end <= toIsoDate(date);
}

/**
 * A period is due once its end date has passed: on its last day it is still running, from the next
 * day on a result is expected. October (M01) is therefore due from 1 November.
 */
export function isPeriodDue(period: PeriodInput, asOf: DateInput): boolean {
  return periodRange(period).end < toIsoDate(asOf);
}

/** Keys of the periods of a fiscal year that are due as of a date, in chronological order. */
export function periodsDueBy(fiscalYear: number, frequency: Frequency, asOf: DateInput): string[] {
  const asOfDate = toIsoDate(asOf);
  return periodsOfYear(fiscalYear, frequency).filter((key) => isPeriodDue(key, asOfDate));
}

/** The latest due period of a fiscal year, or `null` when none is due yet. */
export function latestDuePeriod(fiscalYear: number, frequency: Frequency, asOf: DateInput): string | null {
  const due = periodsDueBy(fiscalYear, frequency, asOf);
  return due.length > 0 ? due[due.length - 1] : null;
}

/**
 * Share of the year's reporting periods that are due, 0…1. Pro-rating by whole periods rather than
 * by days keeps the expected value in step with the results that can exist: mid-November a
 * monthly KPI has exactly one result to judge, so it is compared with 1/12 of the target.
 */
export function fractionOfYearElapsed(fiscalYear: number, frequency: Frequency, asOf: DateInput): number {
  return periodsDueBy(fiscalYear, frequency, asOf).length / periodsPerYear(frequency);
}

/**
 * Chronological order for mixed periods: by end date, then by start date, so "2569-M12" sorts
 * after "2569-Q4" (same end, later start) and both after "2569-M11".
 */
export function comparePeriods(a: PeriodInput, b: PeriodInput): number {
  const left = periodRange(a);
  const right = periodRange(b);
  if (left.end !== right.end) {
    return left.end < right.end ? -1 : 1;
  }
  if (left.start !== right.start) {
    return left.start < right.start ? -1 : 1;
  }
  return 0;
}

/**
 * Human label. Thai months show the calendar B.E. year (M01 of FY 2569 is "ต.ค. 2568"); Thai
 * quarters, halves and years show the fiscal year. English months show the Gregorian year.
 */
export function periodLabel(period: PeriodInput, locale: LabelLocale = 'th'): string {
  return locale === 'en' ? periodLabelEn(period) : periodLabelTh(period);
}

export function periodLabelTh(period: PeriodInput): string {
  const { fiscalYear, frequency, index } = toFiscalPeriod(period);
  switch (frequency) {
    case 'monthly': {
      const { year, month } = fiscalMonthToCalendar(fiscalYear, index);
      return `${THAI_MONTHS_SHORT[month - 1]} ${gregorianToBe(year)}`;
    }
    case 'quarterly':
      return `ไตรมาส ${index}/${fiscalYear}`;
    case 'half_yearly':
      return `${index === 1 ? 'ครึ่งปีแรก' : 'ครึ่งปีหลัง'} ${fiscalYear}`;
    case 'yearly':
      return `ปีงบประมาณ ${fiscalYear}`;
  }
}

export function periodLabelEn(period: PeriodInput): string {
  const { fiscalYear, frequency, index } = toFiscalPeriod(period);
  switch (frequency) {
    case 'monthly': {
      const { year, month } = fiscalMonthToCalendar(fiscalYear, index);
      return `${ENGLISH_MONTHS_SHORT[month - 1]} ${year}`;
    }
    case 'quarterly':
      return `Q${index} FY${fiscalYear}`;
    case 'half_yearly':
      return `H${index} FY${fiscalYear}`;
    case 'yearly':
      return `FY${fiscalYear}`;
  }
}

/** A calendar date for display: "1 ต.ค. 2568" in Thai (B.E.), "1 Oct 2025" in English. */
export function formatDateLabel(date: DateInput, locale: LabelLocale = 'th'): string {
  const { year, month, day } = parseIsoDate(date);
  return locale === 'en'
    ? `${day} ${ENGLISH_MONTHS_SHORT[month - 1]} ${year}`
    : `${day} ${THAI_MONTHS_SHORT[month - 1]} ${gregorianToBe(year)}`;
}

function fiscalMonthToCalendar(fiscalYear: number, fiscalMonth: number): { year: number; month: number } {
  const month = ((fiscalMonth + 8) % 12) + 1;
  const endYear = beToGregorian(fiscalYear);
  return { year: month >= 10 ? endYear - 1 : endYear, month };
}

function isValidPeriod(fiscalYear: number, frequency: Frequency, index: number): boolean {
  return (
    Number.isInteger(fiscalYear) &&
    fiscalYear >= MIN_FISCAL_YEAR &&
    fiscalYear <= MAX_FISCAL_YEAR &&
    isFrequency(frequency) &&
    Number.isInteger(index) &&
    index >= 1 &&
    index <= PERIODS_PER_YEAR[frequency]
  );
}

function assertFiscalYear(fiscalYear: number): void {
  if (!Number.isInteger(fiscalYear) || fiscalYear < MIN_FISCAL_YEAR || fiscalYear > MAX_FISCAL_YEAR) {
    throw new RangeError(
      `Fiscal year must be a Buddhist-Era year ${MIN_FISCAL_YEAR}–${MAX_FISCAL_YEAR}, got ${fiscalYear}`,
    );
  }
}

function assertFrequency(frequency: Frequency): void {
  if (!isFrequency(frequency)) {
    throw new RangeError(`Unknown reporting frequency: ${String(frequency)}`);
  }
}

function assertInteger(value: number, what: string): void {
  if (!Number.isInteger(value)) {
    throw new RangeError(`${what} must be an integer, got ${value}`);
  }
}

import { addDays, bangkokDateOf, fiscalYearOf, isIsoDate } from '@provdash/shared/domain';

/**
 * The days the demo stands on, derived from the day it is seeded: whenever someone starts the app,
 * the current fiscal year is the one with the newest results, signed agreements and money moving,
 * with the three fiscal years before it complete. Every demo seed takes its years and its "now"
 * from here, never from the clock or from constants, so a test can pin any day and get the same
 * rows on every machine.
 */
export interface DemoCalendar {
  /** The seeding day (Bangkok date): results exist for periods due by it, money up to the month before it. */
  readonly today: string;
  /** The fiscal year `today` falls in. */
  readonly currentFy: number;
  /** Three complete fiscal years and the current one, oldest first. */
  readonly fiscalYears: readonly number[];
  /** The five-year provincial development plan (Thailand's plans run five years: 2566–2570), containing every demo year. */
  readonly planSpan: { readonly startFy: number; readonly endFy: number };
  /** The last day a timestamp of the demo may carry: yesterday, whatever hour the seed runs at. */
  readonly lastStamp: string;
  /** Training: provinces left without plan, KPIs, results, agreement or projects (DEMO_PROVINCES_WITHOUT_PLAN). */
  readonly provincesWithoutPlan: readonly string[];
}

export interface DemoCalendarOptions {
  /** `YYYY-MM-DD`; the real date in Bangkok when absent. */
  today?: string;
  provincesWithoutPlan?: readonly string[];
}

export function demoCalendar(options: DemoCalendarOptions = {}): DemoCalendar {
  const today = options.today ?? bangkokDateOf(new Date());
  if (!isIsoDate(today)) throw new Error(`demo calendar: "${today}" is not a YYYY-MM-DD date`);
  const currentFy = fiscalYearOf(today);
  return {
    today,
    currentFy,
    fiscalYears: [currentFy - 3, currentFy - 2, currentFy - 1, currentFy],
    planSpan: { startFy: currentFy - 4, endFy: currentFy },
    lastStamp: addDays(today, -1),
    provincesWithoutPlan: [...new Set(options.provincesWithoutPlan ?? [])].sort(),
  };
}

/** The earlier of a date and the calendar's last stamp: nothing in the demo happened today or later. */
export function notAfterYesterday(cal: DemoCalendar, date: string): string {
  return date < cal.lastStamp ? date : cal.lastStamp;
}

/**
 * `DEMO_PROVINCES_WITHOUT_PLAN=96,95`: two-digit province codes, separated by commas; blanks are
 * ignored. Anything else is refused at start rather than silently seeding a different demo.
 */
export function parseProvincesWithoutPlan(value: string | undefined): string[] {
  const codes = (value ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const bad = codes.filter((c) => !/^[0-9]{2}$/.test(c));
  if (bad.length) {
    throw new Error(`DEMO_PROVINCES_WITHOUT_PLAN: ${bad.join(', ')} is not a two-digit province code`);
  }
  return codes;
}

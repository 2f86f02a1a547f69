import { isIsoDate, MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from '@provdash/shared/domain';
import { ValidationOptions, registerDecorator } from 'class-validator';

/**
 * The calendar days the API accepts, Gregorian (FY 2543–2643 B.E.). Plans, projects and agreements
 * live within a few years of today; a date outside this window is a typing mistake (1900-01-01 or
 * 9999-12-31 were accepted and skewed every read model that spans a project's dates).
 */
export const FIRST_DATE = '2000-01-01';
export const LAST_DATE = '2100-12-31';

/*
 * A year in the domain's Buddhist-Era window (2400–2999, as for fiscal years) is a B.E. year: Thai
 * users naturally type 2569-10 for October 2026. Dates and months are Gregorian in the API (fiscal
 * years and period keys are B.E.), so such a date is refused with a message saying so rather than
 * read as the year 2569 or converted behind the caller's back.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-\d{2}-\d{2}$/;
/** A full instant: a calendar date, or a date with a time and an explicit offset. */
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?$/;

/** Why a date text is refused, as a class-validator constraint name (FIELD_MESSAGES_TH has the Thai). */
export type DateProblem = 'isCalendarDate' | 'buddhistEraYear' | 'dateOutOfRange';

function problemOf(text: unknown, kind: 'date' | 'month' | 'instant'): DateProblem | null {
  if (typeof text !== 'string') return 'isCalendarDate';
  let day: string;
  if (kind === 'month') {
    if (!MONTH.test(text)) return 'isCalendarDate';
    day = `${text}-01`;
  } else if (kind === 'instant') {
    const m = INSTANT.exec(text);
    if (!m) return 'isCalendarDate';
    day = m[1];
  } else {
    day = text;
  }
  // A filter over recorded instants (the audit trail) may ask about any year, 2999 meaning "the future".
  if (kind === 'instant') return isIsoDate(day) ? null : 'isCalendarDate';
  const year = Number(day.slice(0, 4));
  if (year >= MIN_FISCAL_YEAR && year <= MAX_FISCAL_YEAR && DATE.test(day)) return 'buddhistEraYear';
  if (!isIsoDate(day)) return 'isCalendarDate';
  // A month is in range when any of its days is; its first day stands for it.
  if (day < FIRST_DATE || day > LAST_DATE) return 'dateOutOfRange';
  return null;
}

const ENGLISH: Record<DateProblem, (kind: string, property: string) => string> = {
  isCalendarDate: (kind, p) =>
    kind === 'month'
      ? `${p} must be a calendar month, YYYY-MM (Gregorian)`
      : kind === 'instant'
        ? `${p} must be a date (YYYY-MM-DD) or a date and time with an offset (2026-10-01T08:00:00+07:00) that exists`
        : `${p} must be a date that exists, YYYY-MM-DD (Gregorian)`,
  buddhistEraYear: (_k, p) => `${p} has a Buddhist-Era year: dates and months are Gregorian here (subtract 543)`,
  dateOutOfRange: (_k, p) => `${p} must lie between ${FIRST_DATE} and ${LAST_DATE}`,
};

function dateDecorator(kind: 'date' | 'month' | 'instant', options?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    // One decorator per problem so the error names the problem (and its Thai text) precisely.
    for (const problem of Object.keys(ENGLISH) as DateProblem[]) {
      registerDecorator({
        name: problem,
        target: object.constructor,
        propertyName,
        options: { ...options, message: ({ property }) => ENGLISH[problem](kind, property) },
        validator: {
          validate: (value: unknown) => problemOf(value, kind) !== problem,
        },
      });
    }
  };
}

/** A calendar day `YYYY-MM-DD` that exists (no 2026-02-30, no 2026-10), Gregorian, within the supported window. */
export const IsCalendarDate = (options?: ValidationOptions) => dateDecorator('date', options);

/** A calendar month `YYYY-MM`, Gregorian (2569-10 is refused as a B.E. year), within the supported window. */
export const IsCalendarMonth = (options?: ValidationOptions) => dateDecorator('month', options);

/** A day, or a day and time with an explicit offset, as the audit filter takes them. */
export const IsInstant = (options?: ValidationOptions) => dateDecorator('instant', options);

/** Exposed for unit tests and for routes that read a date outside a DTO. */
export const dateProblem = problemOf;

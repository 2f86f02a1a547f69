import { bangkokDateOf, fiscalYearOf } from '@provdash/shared/domain';

/**
 * The demo follows the calendar: the suite's server seeds it on the day it starts, so its current
 * fiscal year is today's, and the year before is complete (every month reported and paid, its
 * 6-month round evaluated and, from late October, its 12-month round). Specs name these years
 * instead of the numbers of the day they were written.
 */
export const CURRENT_FY = fiscalYearOf(bangkokDateOf(new Date()));
export const LAST_FY = CURRENT_FY - 1;

/** The Gregorian year of a fiscal year's January to September (FY 2569 → 2026). */
export const gregorianYearOf = (fiscalYear: number): number => fiscalYear - 543;

/**
 * Evaluated agreement rounds of the last complete year: its 6-month round, and its 12-month round
 * once the demo's evaluation day (25 October after the year) has passed.
 */
export const LAST_FY_ROUNDS = bangkokDateOf(new Date()) > `${gregorianYearOf(LAST_FY)}-10-25` ? 2 : 1;

/**
 * The latest agreement round whose period has ended: this year's 6-month round from 1 April (the
 * day after its last day), else last year's 12-month round. The demo leaves Ubon Ratchathani's
 * (34) to be submitted (demo-agreements.seed.ts).
 */
export const LATEST_ENDED_ROUND: { fiscalYear: number; round: 6 | 12 } =
  bangkokDateOf(new Date()) >= `${gregorianYearOf(CURRENT_FY)}-04-01`
    ? { fiscalYear: CURRENT_FY, round: 6 }
    : { fiscalYear: LAST_FY, round: 12 };

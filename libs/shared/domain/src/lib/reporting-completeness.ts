/**
 * Reporting completeness and timeliness (DHIS2's reporting-rate summary): for each result a
 * province owes, whether it was due, reported, reported on time, approved, late or returned, and
 * the counts and rates of a set of them. One definition for the SQL that counts the country and for
 * the screens that explain a figure.
 *
 * - due: the period has ended (`isPeriodDue`: from the day after its last day);
 * - reported: sent for approval at least once (submitted, approved, or returned after a submission);
 *   a draft is not reported;
 * - on time: first sent on or before the deadline (`resultDeadline`: 15 days after the period);
 * - late: the deadline has passed and it was not sent by then (sent after it, or not at all);
 * - approved / returned: its state now.
 */
import { compareIsoDates } from './iso-date';
import { isPeriodDue } from './fiscal-period';
import { RESULT_DEADLINE_DAYS, resultDeadline } from './notification-rules';
import type { ResultStatusName } from './vocabulary';

export interface OwedResult {
  readonly period: string;
  /** Null when nothing was entered at all. */
  readonly status: ResultStatusName | null;
  /** Bangkok date (`YYYY-MM-DD`) it was first sent for approval; null if never. */
  readonly firstSubmittedOn: string | null;
}

export interface ReportingFlags {
  readonly due: boolean;
  readonly reported: boolean;
  readonly onTime: boolean;
  readonly late: boolean;
  readonly approved: boolean;
  readonly returned: boolean;
}

export function reportingFlags(r: OwedResult, asOf: string, deadlineDays = RESULT_DEADLINE_DAYS): ReportingFlags {
  const due = isPeriodDue(r.period, asOf);
  const deadline = resultDeadline(r.period, deadlineDays);
  const reported = r.status !== null && r.status !== 'draft' && r.firstSubmittedOn !== null;
  const onTime = reported && compareIsoDates(r.firstSubmittedOn as string, deadline) <= 0;
  const pastDeadline = compareIsoDates(asOf, deadline) > 0;
  return {
    due,
    reported: due && reported,
    onTime: due && onTime,
    late: due && pastDeadline && !onTime,
    approved: due && r.status === 'approved',
    returned: due && r.status === 'returned',
  };
}

export interface ReportingCounts {
  readonly due: number;
  readonly reported: number;
  readonly onTime: number;
  readonly late: number;
  readonly approved: number;
  readonly returned: number;
}

export const NO_REPORTING: ReportingCounts = { due: 0, reported: 0, onTime: 0, late: 0, approved: 0, returned: 0 };

/** Counts of a set of owed results (a province's month, a cluster's year…); only due ones count. */
export function countReporting(results: readonly OwedResult[], asOf: string, deadlineDays = RESULT_DEADLINE_DAYS): ReportingCounts {
  const c = { ...NO_REPORTING };
  for (const r of results) {
    const f = reportingFlags(r, asOf, deadlineDays);
    if (!f.due) continue;
    c.due++;
    if (f.reported) c.reported++;
    if (f.onTime) c.onTime++;
    if (f.late) c.late++;
    if (f.approved) c.approved++;
    if (f.returned) c.returned++;
  }
  return c;
}

/** Adds counts: a region is the sum of its provinces' counts, never a mean of their rates. */
export function addReporting(a: ReportingCounts, b: ReportingCounts): ReportingCounts {
  return {
    due: a.due + b.due,
    reported: a.reported + b.reported,
    onTime: a.onTime + b.onTime,
    late: a.late + b.late,
    approved: a.approved + b.approved,
    returned: a.returned + b.returned,
  };
}

/** Reporting rate and timeliness in percent of what was due; null when nothing was due. */
export function reportingRates(c: ReportingCounts): { completeness: number | null; timeliness: number | null } {
  if (c.due === 0) return { completeness: null, timeliness: null };
  return { completeness: (100 * c.reported) / c.due, timeliness: (100 * c.onTime) / c.due };
}

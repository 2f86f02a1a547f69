import type { DisbursementSummaryDto, ScorecardDto } from '@provdash/shared/contracts';
import { addDays, fiscalYearOf, isPeriodDue, THAI_MONTHS } from '@provdash/shared/domain';
import type { EntityManager } from 'typeorm';
import { AgreementReadModelsService } from '../agreements/agreement-read-models.service';
import { DisbursementReadModelsService } from '../projects/disbursement-read-models.service';
import { ScorecardsService } from '../scorecards/scorecards.service';

/** A red KPI with what the province said about it in its latest approved result. */
export interface RedItem {
  code: string;
  nameTh: string;
  unitTh: string;
  issueCode: string;
  actual: number | null;
  expected: number | null;
  achievement: number | null;
  period: string | null;
  narrativeTh: string;
}

/** Everything a monthly report shows, as of the month's last day. Approved data only. */
export interface MonthlyReportData {
  orgUnitCode: string;
  nameTh: string;
  nameEn: string;
  /** `YYYY-MM` (Gregorian). */
  month: string;
  /** "ตุลาคม 2569". */
  monthTh: string;
  fiscalYear: number;
  asOf: string;
  generatedOn: string;
  agreement: { liveFormatted: string | null; lastRound: { round: number; formatted: string } | null } | null;
  scorecard: ScorecardDto;
  disbursement: DisbursementSummaryDto;
  red: RedItem[];
}

/** The first and last day of a `YYYY-MM` month. */
export function monthBounds(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  const next = addDays(first, 31).slice(0, 7);
  return { first, last: addDays(`${next}-01`, -1) };
}

export function monthTh(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${THAI_MONTHS[m - 1]} ${y + 543}`;
}

/**
 * Gathers a report's figures from the services behind the public screens, so a report never
 * disagrees with the dashboard: the scorecard (approved results only), the agreement read model
 * (signed agreements, approved results, frozen rounds) and the disbursement summary. The red
 * items' narratives are those of approved results only: anything not approved is internal.
 */
export async function gatherReportData(
  m: EntityManager,
  services: {
    scorecards: ScorecardsService;
    agreements: AgreementReadModelsService;
    disbursement: DisbursementReadModelsService;
  },
  unit: { code: string; nameTh: string; nameEn: string },
  month: string,
  generatedOn: string,
): Promise<MonthlyReportData> {
  const { last } = monthBounds(month);
  const fy = fiscalYearOf(last);
  // Results are judged the day after the month (as the agreement rounds are): a period is due once it
  // has ended, so March's results count in March's report. GFMIS months count up to the last day.
  const judgedOn = addDays(last, 1);
  const [scorecard, disbursement, agreement] = await Promise.all([
    services.scorecards.scorecard(unit.code, fy, judgedOn, m),
    services.disbursement.summary(unit.code, { fiscalYear: fy, asOf: last }, m),
    services.agreements.scorecard(unit.code, fy, judgedOn).catch(() => null),
  ]);
  const redKpis = scorecard.kpis.filter((k) => k.status === 'red');
  const narratives: { kpi_id: string; period: string; narrative_th: string }[] = redKpis.length
    ? await m.query(
        `SELECT kpi_id, period, narrative_th FROM kpi_result
         WHERE kpi_id = ANY($1::uuid[]) AND fiscal_year = $2 AND status = 'approved' ORDER BY kpi_id, period`,
        [redKpis.map((k) => k.kpiId), fy],
      )
    : [];
  // The latest approved period already due at month end: a later one is not part of this month's story.
  const byKpi = new Map<string, { period: string; narrative_th: string }>();
  for (const n of narratives) if (isPeriodDue(n.period, judgedOn)) byKpi.set(n.kpi_id, n);
  const rounds = agreement?.rounds ?? [];
  const lastRound = rounds.length ? rounds[rounds.length - 1] : null;
  return {
    orgUnitCode: unit.code,
    nameTh: unit.nameTh,
    nameEn: unit.nameEn,
    month,
    monthTh: monthTh(month),
    fiscalYear: fy,
    asOf: last,
    generatedOn,
    agreement: agreement
      ? {
          liveFormatted: agreement.live.formatted,
          lastRound: lastRound ? { round: lastRound.round, formatted: lastRound.formatted } : null,
        }
      : null,
    scorecard,
    disbursement,
    red: redKpis.map((k) => ({
      code: k.code,
      nameTh: k.nameTh,
      unitTh: k.unitTh,
      issueCode: k.issueCode,
      actual: k.actual,
      expected: k.expected,
      achievement: k.achievement,
      period: byKpi.get(k.kpiId)?.period ?? null,
      narrativeTh: byKpi.get(k.kpiId)?.narrative_th ?? '',
    })),
  };
}

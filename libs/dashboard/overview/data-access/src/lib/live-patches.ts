import type {
  AgreementRankingDto,
  AgreementScoreChangedEvent,
  AgreementScorecardDto,
  DisbursementBatchImportedEvent,
  DisbursementFiguresDto,
  DisbursementRankingDto,
  DisbursementRateDto,
  DisbursementSummaryDto,
  RankingChangedEvent,
} from '@provdash/shared/contracts';
import { formatAgreementScore, formatSatang, gapPercentagePoints, gapSatang, lapseRisk } from '@provdash/shared/domain';
import { lastOf } from './overview.resources';

/** A province's new live agreement score and status (a newly frozen round comes with the reloaded snapshot). */
export function patchAgreement(
  base: AgreementScorecardDto,
  events: readonly AgreementScoreChangedEvent[],
): AgreementScorecardDto {
  let card = base;
  for (const e of events) {
    card = {
      ...card,
      status: e.status,
      live: { ...card.live, score: e.liveScore, formatted: e.liveFormatted },
    };
  }
  return card;
}

/**
 * A province's new rates after a GFMIS batch. `curve`: the batch wrote only the month the curve ends
 * in, so that point moves to the new totals; otherwise the curve waits for a reload.
 */
export interface DisbursementPatch {
  rates: DisbursementRateDto;
  curve: boolean;
}

/** Whether a batch touched only the curve's last month, so patching that point tells the whole story. */
export function batchMovesOnlyLastMonth(
  summary: DisbursementSummaryDto,
  event: Pick<DisbursementBatchImportedEvent, 'months' | 'rolledBack'>,
): boolean {
  const last = lastOf(summary.curve)?.month;
  // A rollback does not say which months it restored.
  return !event.rolledBack && !!last && event.months.length > 0 && event.months.every((m) => m.slice(0, 7) === last);
}

const figures = (f: DisbursementFiguresDto): DisbursementFiguresDto => ({
  allocated: f.allocated,
  committed: f.committed,
  disbursed: f.disbursed,
  rate: f.rate,
  committedRate: f.committedRate,
});

/** The summary with the totals, budget types (and, when the batch allows, the last curve point) the events carry. */
export function patchDisbursement(
  base: DisbursementSummaryDto,
  patches: readonly DisbursementPatch[],
): DisbursementSummaryDto {
  let summary = base;
  for (const { rates, curve } of patches) {
    const total = rates.total;
    const target = total.target;
    const next: DisbursementSummaryDto = {
      ...summary,
      total: {
        ...figures(total),
        target,
        gap: target === null ? null : gapPercentagePoints(total.rate, target),
        gapBaht: target === null ? null : formatSatang(gapSatang(total.disbursed, total.allocated, target)),
        lapseRisk: lapseRisk({ fiscalYear: summary.fiscalYear, asOf: summary.asOf, ...figures(total) }).level,
      },
      byType: rates.byType.map((t) => ({
        budgetType: t.budgetType,
        ...figures(t),
        target: t.target,
        gap: t.target === null ? null : gapPercentagePoints(t.rate, t.target),
      })),
    };
    if (curve && summary.curve.length) {
      const last = summary.curve[summary.curve.length - 1];
      next.curve = [
        ...summary.curve.slice(0, -1),
        {
          ...last,
          cumulativeDisbursed: total.disbursed,
          rate: total.rate,
          byType: last.byType.map((p) => {
            const t = rates.byType.find((x) => x.budgetType === p.budgetType);
            return t ? { ...p, cumulativeDisbursed: t.disbursed, rate: t.rate } : p;
          }),
        },
      ];
    }
    summary = next;
  }
  return summary;
}

type RankingRows = RankingChangedEvent['rows'];

/** The disbursement ranking (provinces, overall) with the rates and ranks of the latest event, re-sorted. */
export function patchDisbursementRanking(base: DisbursementRankingDto, rows: RankingRows): DisbursementRankingDto {
  const byCode = new Map(rows.map((r) => [r.orgUnitCode, r]));
  const patched = base.rows.map((row) => {
    const r = byCode.get(row.code);
    if (!r) return row;
    return {
      ...row,
      rate: r.value,
      rank: r.rank,
      gap: base.target === null ? null : gapPercentagePoints(r.value, base.target),
    };
  });
  return {
    ...base,
    rows: patched.sort(
      byRank(
        (r) => r.rank,
        (r) => r.code,
      ),
    ),
  };
}

/** The agreement ranking with the live scores and ranks of the latest event, re-sorted by the live rank. */
export function patchAgreementRanking(base: AgreementRankingDto, rows: RankingRows): AgreementRankingDto {
  const byCode = new Map(rows.map((r) => [r.orgUnitCode, r]));
  const patched = base.rows.map((row) => {
    const r = byCode.get(row.orgUnitCode);
    if (!r) return row;
    return {
      ...row,
      liveScore: r.value,
      liveFormatted: r.value === null ? null : formatAgreementScore(r.value),
      liveRank: r.rank,
    };
  });
  return {
    ...base,
    rows: patched.sort(
      byRank(
        (r) => r.liveRank,
        (r) => r.orgUnitCode,
      ),
    ),
  };
}

/** Rank 1 first, rows without a rank last, ties by code. */
export function byRank<T>(rank: (row: T) => number | null, code: (row: T) => string) {
  return (a: T, b: T) => (rank(a) ?? Infinity) - (rank(b) ?? Infinity) || code(a).localeCompare(code(b));
}

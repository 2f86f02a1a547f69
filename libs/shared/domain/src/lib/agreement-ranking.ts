import { roundDecimal } from './rational';
import { AGREEMENT_SCORE_DECIMALS } from './agreement-score';
import { rankProvinces } from './kpi-aggregation';

/**
 * The ministry's view of the performance agreements: score bands, summary statistics, ranks and
 * movers between rounds. Defined once here so the API, the screen and the spreadsheet agree.
 */

/** An agreement round of the ranking: the frozen 6- or 12-month round, or today's live score. */
export type AgreementRankingRound = 6 | 12 | 'live';

export const AGREEMENT_RANKING_ROUNDS: readonly AgreementRankingRound[] = [6, 12, 'live'];

export interface AgreementScoreBand {
  /** 0…5: the band's index, also its lower bound. */
  band: number;
  from: number;
  /** Exclusive upper bound, except the last band which holds exactly 5. */
  to: number;
}

/** Score bands of the histogram: [0,1), [1,2), [2,3), [3,4), [4,5) and exactly 5 (the full score). */
export const AGREEMENT_SCORE_BANDS: readonly AgreementScoreBand[] = [0, 1, 2, 3, 4, 5].map((band) => ({
  band,
  from: band,
  to: band === 5 ? 5 : band + 1,
}));

/** The band of a score 0…5 (rounded to four decimals first, so 4.99999 is shown and counted as 5.0000). */
export function agreementScoreBand(score: number): number {
  if (!Number.isFinite(score)) throw new RangeError(`An agreement score must be finite, got ${score}`);
  const shown = roundDecimal(score, AGREEMENT_SCORE_DECIMALS);
  return Math.min(5, Math.max(0, Math.floor(shown)));
}

/** How many scores fall in each band, in band order. */
export function agreementScoreHistogram(scores: readonly number[]): { band: number; count: number }[] {
  const counts = AGREEMENT_SCORE_BANDS.map((b) => ({ band: b.band, count: 0 }));
  for (const s of scores) counts[agreementScoreBand(s)].count += 1;
  return counts;
}

export interface AgreementScoreSummary {
  count: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  mean: number | null;
  /** Population standard deviation (the provinces are the whole population, not a sample). */
  stdDev: number | null;
}

/** The p-quantile of sorted values by linear interpolation between closest ranks (R-7, Excel's QUARTILE.INC). */
export function quantileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function meanOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

export function summarizeAgreementScores(scores: readonly number[]): AgreementScoreSummary {
  const sorted = [...scores].sort((a, b) => a - b);
  const mean = meanOf(sorted);
  const stdDev = mean === null ? null : Math.sqrt(sorted.reduce((acc, s) => acc + (s - mean) ** 2, 0) / sorted.length);
  return {
    count: sorted.length,
    min: sorted.length ? sorted[0] : null,
    q1: quantileOfSorted(sorted, 0.25),
    median: quantileOfSorted(sorted, 0.5),
    q3: quantileOfSorted(sorted, 0.75),
    max: sorted.length ? sorted[sorted.length - 1] : null,
    mean,
    stdDev,
  };
}

/**
 * Ranks by score, highest first, on the four-decimal figure: equal figures share a rank and the next
 * rank skips ("1, 2, 2, 4"); no score → no rank.
 */
export function rankAgreementScores(rows: readonly { code: string; score: number | null }[]): Map<string, number> {
  const ranked = rankProvinces(
    rows.map((r) => ({ code: r.code, value: r.score })),
    { by: 'value', direction: 'higher_better', decimals: AGREEMENT_SCORE_DECIMALS },
  );
  const out = new Map<string, number>();
  for (const r of ranked) if (r.rank !== null) out.set(r.code, r.rank);
  return out;
}

/**
 * The round a ranking is compared with to find its movers: the 12-month round follows the 6-month
 * round of the same year; the 6-month round follows last year's 12-month round; the live score
 * follows the year's last frozen round (12 once any province has one, else 6).
 */
export function previousAgreementRound(
  fiscalYear: number,
  round: AgreementRankingRound,
  yearHasRound12: boolean,
): { fiscalYear: number; round: 6 | 12 } {
  if (round === 12) return { fiscalYear, round: 6 };
  if (round === 6) return { fiscalYear: fiscalYear - 1, round: 12 };
  return { fiscalYear, round: yearHasRound12 ? 12 : 6 };
}

export interface RankedScore {
  code: string;
  score: number | null;
  rank: number | null;
}

export interface AgreementMove {
  code: string;
  score: number;
  previousScore: number;
  /** score − previousScore, four decimals. */
  scoreChange: number;
  rank: number;
  previousRank: number;
  /** previousRank − rank: positive when the unit climbed. */
  rankChange: number;
}

/** Each unit scored in both rounds, with how its score and rank changed. */
export function agreementMoves(current: readonly RankedScore[], previous: readonly RankedScore[]): AgreementMove[] {
  const before = new Map(previous.map((p) => [p.code, p]));
  const moves: AgreementMove[] = [];
  for (const c of current) {
    const p = before.get(c.code);
    if (!p || c.score === null || c.rank === null || p.score === null || p.rank === null) continue;
    moves.push({
      code: c.code,
      score: c.score,
      previousScore: p.score,
      scoreChange: roundDecimal(c.score - p.score, AGREEMENT_SCORE_DECIMALS),
      rank: c.rank,
      previousRank: p.rank,
      rankChange: p.rank - c.rank,
    });
  }
  return moves;
}

/**
 * The biggest gains and falls of score (ties: bigger rank change first, then code); a unit whose
 * score did not change is neither.
 */
export function agreementMovers(
  moves: readonly AgreementMove[],
  limit = 5,
): { gains: AgreementMove[]; falls: AgreementMove[] } {
  const gains = moves
    .filter((m) => m.scoreChange > 0)
    .sort((a, b) => b.scoreChange - a.scoreChange || b.rankChange - a.rankChange || a.code.localeCompare(b.code));
  const falls = moves
    .filter((m) => m.scoreChange < 0)
    .sort((a, b) => a.scoreChange - b.scoreChange || a.rankChange - b.rankChange || a.code.localeCompare(b.code));
  return { gains: gains.slice(0, limit), falls: falls.slice(0, limit) };
}

/** A cluster's score: the plain mean of its scored member provinces (four decimals); none scored → null. */
export function clusterAgreementScore(memberScores: readonly (number | null)[]): number | null {
  const m = meanOf(memberScores.filter((s): s is number => s !== null));
  return m === null ? null : roundDecimal(m, AGREEMENT_SCORE_DECIMALS);
}

import { meanOf as mean, quantileOfSorted as quantile } from '@provdash/shared/domain';

// One definition of the statistics for the API and the ministry's ranking (libs/shared/domain).
export { mean, quantile };

/** Summary figures of a set of agreement scores (0…5) across provinces, for the distribution screen. */
export interface ScoreSummary {
  count: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  mean: number | null;
  /** Scores per band: [0,1), [1,2), [2,3), [3,4), [4,5), exactly 5. */
  bands: [number, number, number, number, number, number];
}

export function summarizeScores(scores: readonly number[]): ScoreSummary {
  const sorted = [...scores].sort((a, b) => a - b);
  const bands: ScoreSummary['bands'] = [0, 0, 0, 0, 0, 0];
  for (const s of sorted) bands[Math.min(5, Math.max(0, Math.floor(s)))] += 1;
  return {
    count: sorted.length,
    min: sorted.length ? sorted[0] : null,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted.length ? sorted[sorted.length - 1] : null,
    mean: mean(sorted),
    bands,
  };
}

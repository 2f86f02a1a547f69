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

/** The p-quantile of sorted values by linear interpolation between closest ranks (R-7, Excel's QUARTILE.INC). */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
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

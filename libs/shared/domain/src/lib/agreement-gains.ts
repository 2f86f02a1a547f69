/**
 * What a governor asks of the agreement: where can we gain most? For each indicator, the points of
 * the weighted total (0–5) that reaching its next whole level would add: wᵢ·(L − sᵢ)/Σw, where sᵢ
 * is its score now (none yet counts as 0) and Σw the weight of every indicator (a signed agreement's
 * weights sum to 100). At level 5 nothing more is available.
 */
export interface GainLine {
  indicatorId: string;
  weight: number;
  /** 0…5, null without a result. */
  score: number | null;
  /** The next whole level and the value that reaches it; null at level 5. */
  nextLevel: { level: number; value: number } | null;
}

export interface Gain {
  indicatorId: string;
  /** The level the indicator stands at now (0 without a result or below level 1). */
  levelReached: number;
  /** Points of the weighted total reaching the next level adds; 0 at level 5. */
  points: number;
}

/** The gain of every indicator, in the order given. */
export function agreementGains(lines: readonly GainLine[]): Gain[] {
  const total = lines.reduce((sum, l) => sum + l.weight, 0);
  return lines.map((l) => {
    const score = l.score ?? 0;
    const points = l.nextLevel && total > 0 ? (l.weight * Math.max(0, l.nextLevel.level - score)) / total : 0;
    return { indicatorId: l.indicatorId, levelReached: Math.floor(score), points };
  });
}

/** The indicators where the most points are available, most first (ties: the order given); none at level 5. */
export function whereToGainMost(lines: readonly GainLine[]): Gain[] {
  return agreementGains(lines)
    .map((g, i) => ({ g, i }))
    .filter(({ g }) => g.points > 0)
    .sort((a, b) => b.g.points - a.g.points || a.i - b.i)
    .map(({ g }) => g);
}

/**
 * Risk (4T) on a project or a KPI: likelihood and impact each on a 1–5 scale, scored on the 5×5
 * matrix as likelihood × impact (1…25) and banded for the heat map.
 *
 * Bands (a common Thai public-sector reading of the 5×5 matrix):
 * low 1–4, medium 5–9, high 10–14, extreme 15–25. So 3×3 = 9 is medium, 2×5 = 10 high, 3×5 = 15 and
 * 4×4 = 16 extreme.
 */

export type RiskBand = 'low' | 'medium' | 'high' | 'extreme';

export const RISK_BANDS: readonly RiskBand[] = ['low', 'medium', 'high', 'extreme'];

/** Take = accept and monitor, Treat = mitigate, Transfer = insure/outsource, Terminate = stop or change. */
export type RiskResponse = 'take' | 'treat' | 'transfer' | 'terminate';

export const RISK_RESPONSES: readonly RiskResponse[] = ['take', 'treat', 'transfer', 'terminate'];

/** Lowest score of each band above `low`. */
export const RISK_BAND_FLOORS: Readonly<Record<Exclude<RiskBand, 'low'>, number>> = {
  medium: 5,
  high: 10,
  extreme: 15,
};

export interface RiskLevel {
  /** likelihood × impact, 1…25. */
  readonly score: number;
  readonly band: RiskBand;
}

export function isRiskScale(value: unknown): value is 1 | 2 | 3 | 4 | 5 {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Score and band; throws a RangeError when either input is not an integer 1–5. */
export function riskLevel(likelihood: number, impact: number): RiskLevel {
  if (!isRiskScale(likelihood)) {
    throw new RangeError(`Likelihood must be an integer 1–5, got ${likelihood}`);
  }
  if (!isRiskScale(impact)) {
    throw new RangeError(`Impact must be an integer 1–5, got ${impact}`);
  }
  const score = likelihood * impact;
  return { score, band: riskBand(score) };
}

export function riskBand(score: number): RiskBand {
  if (!Number.isInteger(score) || score < 1 || score > 25) {
    throw new RangeError(`Risk score must be an integer 1–25, got ${score}`);
  }
  if (score >= RISK_BAND_FLOORS.extreme) return 'extreme';
  if (score >= RISK_BAND_FLOORS.high) return 'high';
  if (score >= RISK_BAND_FLOORS.medium) return 'medium';
  return 'low';
}

/**
 * Residual risk: likelihood × impact again, as they stand once the treatment is in place. Both or
 * neither are given (null = not assessed yet).
 */
export function residualLevel(residualLikelihood: number | null, residualImpact: number | null): RiskLevel | null {
  if (residualLikelihood === null || residualImpact === null) return null;
  return riskLevel(residualLikelihood, residualImpact);
}

/** What is wrong with a residual assessment, or null when it is acceptable. */
export type ResidualProblem = 'residualPair' | 'residualAboveInherent';

/**
 * The residual pair is given whole or not at all, and a treatment cannot make a risk worse than it
 * was: the residual score may not exceed the inherent one (a treatment that does should be recorded
 * as a new inherent assessment instead).
 */
export function residualProblem(
  likelihood: number,
  impact: number,
  residualLikelihood: number | null,
  residualImpact: number | null,
): ResidualProblem | null {
  if ((residualLikelihood === null) !== (residualImpact === null)) return 'residualPair';
  const residual = residualLevel(residualLikelihood, residualImpact);
  if (residual && residual.score > riskLevel(likelihood, impact).score) return 'residualAboveInherent';
  return null;
}

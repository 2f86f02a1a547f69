import type { AgreementDirectionName, AgreementIndicatorKindName } from '@provdash/shared/contracts';
import { AgreementValidationError, validateAgreement, validateCriterionLevels } from '@provdash/shared/domain';

/** One indicator as the template form holds it: numbers already read in the user's locale (null: not a number). */
export interface DraftIndicator {
  direction: AgreementDirectionName;
  kind: AgreementIndicatorKindName;
  weight: number | null;
  levels: (number | null)[];
}

export interface TemplateCheck {
  /** The weights typed so far, summed (null while one is not a number). */
  total: number | null;
  /** True when the weights sum to exactly 100 (the domain's decimal comparison). */
  sumOk: boolean;
  /** Per indicator, what is wrong with its criterion values: 'order' (not monotonic in its direction) or 'missing'. */
  levels: ('order' | 'missing' | null)[];
  /** Per indicator, a weight that is missing, not positive or has more than two decimals. */
  weights: boolean[];
  valid: boolean;
}

/**
 * The live check of a template (or an agreement) being edited: the domain's `validateAgreement`,
 * the very rule the API applies when it is published, so the form refuses what the server would.
 */
export function checkTemplate(indicators: readonly DraftIndicator[]): TemplateCheck {
  const complete = indicators.map((i) => ({
    direction: i.direction,
    kind: i.kind,
    weight: i.weight ?? Number.NaN,
    levels: i.levels.map((l) => l ?? Number.NaN),
  }));
  const errors: AgreementValidationError[] = validateAgreement(complete);
  const levels = indicators.map((i, k) => {
    if (i.levels.some((l) => l === null)) return 'missing' as const;
    return validateCriterionLevels(complete[k]).length ? ('order' as const) : null;
  });
  const weights = indicators.map((_, k) =>
    errors.some(
      (e) =>
        e.indicator === k &&
        (e.code === 'WEIGHT_NOT_FINITE' || e.code === 'WEIGHT_NOT_POSITIVE' || e.code === 'WEIGHT_TOO_MANY_DECIMALS'),
    ),
  );
  const total = indicators.every((i) => i.weight !== null)
    ? Math.round(indicators.reduce((s, i) => s + (i.weight as number), 0) * 100) / 100
    : null;
  const sumOk = indicators.length > 0 && total !== null && !errors.some((e) => e.code === 'WEIGHTS_SUM_NOT_100');
  return { total, sumOk, levels, weights, valid: errors.length === 0 };
}

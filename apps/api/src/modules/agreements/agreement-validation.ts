import { HttpStatus } from '@nestjs/common';
import type { AgreementDirectionName, AgreementIndicatorKindName } from '@provdash/shared/contracts';
import { AgreementErrorCode, validateAgreement } from '@provdash/shared/domain';
import { ApiError, FieldError } from '../../common/api-error';

/** One indicator's rule and weight as a request or a row gives them (decimal strings or numbers). */
export interface IndicatorRuleInput {
  code: string;
  direction: AgreementDirectionName;
  kind: AgreementIndicatorKindName;
  weight: string | number;
  levels: readonly (string | number)[];
}

/** English text per domain error code; the Thai text is in FIELD_MESSAGES_TH under the same key. */
export const AGREEMENT_ERROR_TEXT: Record<AgreementErrorCode, string> = {
  LEVELS_COUNT: 'exactly five criterion values are needed',
  LEVEL_NOT_FINITE: 'criterion values must be numbers',
  LEVELS_NOT_ASCENDING: 'criterion values must rise strictly from level 1 to level 5 (higher is better)',
  LEVELS_NOT_DESCENDING: 'criterion values must fall strictly from level 1 to level 5 (lower is better)',
  UNKNOWN_DIRECTION: 'direction must be higher_better or lower_better',
  UNKNOWN_KIND: 'kind must be scale or milestone',
  NO_INDICATORS: 'an agreement needs at least one indicator',
  WEIGHT_NOT_FINITE: 'the weight must be a number',
  WEIGHT_NOT_POSITIVE: 'the weight must be above 0',
  WEIGHT_TOO_MANY_DECIMALS: 'the weight may have at most two decimals',
  WEIGHTS_SUM_NOT_100: 'the weights must sum to exactly 100',
};

const FIELD_OF: Record<AgreementErrorCode, string> = {
  LEVELS_COUNT: 'levels',
  LEVEL_NOT_FINITE: 'levels',
  LEVELS_NOT_ASCENDING: 'levels',
  LEVELS_NOT_DESCENDING: 'levels',
  UNKNOWN_DIRECTION: 'direction',
  UNKNOWN_KIND: 'kind',
  NO_INDICATORS: 'indicators',
  WEIGHT_NOT_FINITE: 'weight',
  WEIGHT_NOT_POSITIVE: 'weight',
  WEIGHT_TOO_MANY_DECIMALS: 'weight',
  WEIGHTS_SUM_NOT_100: 'weights',
};

const rule = (i: IndicatorRuleInput) => ({
  direction: i.direction,
  kind: i.kind,
  weight: Number(i.weight),
  levels: i.levels.map(Number),
});

/**
 * Field errors of a whole indicator set (the domain's `validateAgreement`): an indicator's problems
 * under `indicators.<code>.<levels|weight|…>`, the sum under `weights`. Empty when the set is valid.
 */
export function indicatorSetProblems(indicators: readonly IndicatorRuleInput[]): FieldError[] {
  return validateAgreement(indicators.map(rule)).map((e) => ({
    field:
      e.indicator === undefined ? FIELD_OF[e.code] : `indicators.${indicators[e.indicator].code}.${FIELD_OF[e.code]}`,
    constraints: { [e.code]: AGREEMENT_ERROR_TEXT[e.code] },
  }));
}

/** Field errors of one indicator on its own (its levels and weight; the sum is the set's business). */
export function indicatorProblems(indicator: IndicatorRuleInput, prefix = 'indicator'): FieldError[] {
  return validateAgreement([rule(indicator)])
    .filter((e) => e.code !== 'WEIGHTS_SUM_NOT_100')
    .map((e) => ({ field: `${prefix}.${FIELD_OF[e.code]}`, constraints: { [e.code]: AGREEMENT_ERROR_TEXT[e.code] } }));
}

/** 422 with the field details, or nothing. */
export function assertNoProblems(problems: FieldError[]): void {
  if (problems.length) throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'agreement.invalid', problems);
}

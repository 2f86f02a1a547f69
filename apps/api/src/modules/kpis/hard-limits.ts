import { HttpStatus } from '@nestjs/common';
import { checkHardLimits, checkRatioHardLimits, effectiveHardLimits } from '@provdash/shared/domain';
import { ApiError } from '../../common/api-error';
import type { Lang, MessageKey, MessageParams } from '../../common/messages';
import type { SaveKpiResultBody } from './dto/kpi-result.dto';
import type { Kpi } from './kpi.entity';

export interface HardLimitProblem {
  key: Extract<MessageKey, 'result.belowHardMin' | 'result.aboveHardMax'>;
  /** `{limit}` and `{unit}` of the message, in each language. */
  params: MessageParams;
}

const grouping: Record<Lang, Intl.NumberFormat> = {
  th: new Intl.NumberFormat('th-TH', { maximumFractionDigits: 6 }),
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 6 }),
};

/**
 * Whether an entry breaks the KPI's hard limits (its own, else the defaults by unit): an impossible
 * value, refused outright — unlike an outlier, no confirmation lets it through. A ratio KPI's rate
 * (numerator / denominator × multiplier) is what is checked. Missing parts are left to `checkEntry`.
 * Self-contained so the form, the file import and any later writer run the same step.
 */
export function hardLimitProblem(
  kpi: Pick<Kpi, 'unitTh' | 'unitEn' | 'nameTh' | 'nameEn' | 'hardMin' | 'hardMax' | 'rollup' | 'ratioMultiplier'>,
  body: Pick<SaveKpiResultBody, 'value' | 'numerator' | 'denominator'>,
): HardLimitProblem | null {
  const limits = effectiveHardLimits(kpi);
  let broken;
  if (kpi.rollup === 'ratio') {
    if (body.numerator === undefined || body.denominator === undefined) return null;
    broken = checkRatioHardLimits(body.numerator, body.denominator, kpi.ratioMultiplier, limits);
  } else {
    if (body.value === undefined) return null;
    broken = checkHardLimits(body.value, limits);
  }
  if (!broken) return null;
  const limit = Number(broken.limit);
  return {
    key: broken.side === 'min' ? 'result.belowHardMin' : 'result.aboveHardMax',
    params: {
      limit: { th: grouping.th.format(limit), en: grouping.en.format(limit) },
      unit: { th: kpi.unitTh, en: kpi.unitEn || kpi.unitTh },
    },
  };
}

/** The 422 the API answers an impossible value with; its message names the limit. */
export function hardLimitError(problem: HardLimitProblem): ApiError {
  return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, problem.key, undefined, problem.params);
}

import { HttpStatus } from '@nestjs/common';
import { residualProblem } from '@provdash/shared/domain';
import type { EntityManager } from 'typeorm';
import { ApiError } from '../../common/api-error';
import { RiskAssessment } from './risk-assessment.entity';
import type { Risk } from './risk.entity';

/** Refuses a residual pair that is half given or above the inherent score, naming the field. */
export function checkResidual(r: Pick<Risk, 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact'>): void {
  const problem = residualProblem(r.likelihood, r.impact, r.residualLikelihood, r.residualImpact);
  if (!problem) return;
  const field = r.residualLikelihood === null ? 'residualLikelihood' : 'residualImpact';
  throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, `risk.${problem}`, [
    {
      field,
      constraints: {
        [problem]:
          problem === 'residualPair'
            ? 'Give both the residual likelihood and impact, or neither.'
            : 'The residual risk cannot be higher than the risk before treatment.',
      },
    },
  ]);
}

/** Keeps the risk's assessment as it now stands (who and when), in the writer's transaction. */
export async function recordAssessment(m: EntityManager, risk: Risk, assessedBy: string, note = ''): Promise<void> {
  await m.save(
    m.create(RiskAssessment, {
      riskId: risk.id,
      likelihood: risk.likelihood,
      impact: risk.impact,
      residualLikelihood: risk.residualLikelihood,
      residualImpact: risk.residualImpact,
      response: risk.response,
      note,
      assessedBy,
    }),
  );
}

/** The fields whose change is a new assessment (rather than an edit of wording or dates). */
export function assessmentChanged(before: Risk, after: Risk): boolean {
  return (
    before.likelihood !== after.likelihood ||
    before.impact !== after.impact ||
    before.residualLikelihood !== after.residualLikelihood ||
    before.residualImpact !== after.residualImpact ||
    before.response !== after.response
  );
}

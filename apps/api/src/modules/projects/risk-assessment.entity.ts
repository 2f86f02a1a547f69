import type { RiskResponse } from '@provdash/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { User } from '../users/user.entity';
import { Risk } from './risk.entity';

/**
 * One assessment of a risk (its creation, then each reassessment): likelihood × impact, the
 * residual after treatment, the response, who and when. Appended, never changed.
 */
@Entity('risk_assessment')
@Index('risk_assessment_risk_id_idx', ['riskId', 'assessedAt'])
@Check('risk_assessment_likelihood_check', `"likelihood" BETWEEN 1 AND 5`)
@Check('risk_assessment_impact_check', `"impact" BETWEEN 1 AND 5`)
@Check(
  'risk_assessment_residual_check',
  `("residual_likelihood" IS NULL AND "residual_impact" IS NULL) OR ("residual_likelihood" BETWEEN 1 AND 5 AND "residual_impact" BETWEEN 1 AND 5)`,
)
@Check('risk_assessment_response_check', `"response" IN ('take', 'treat', 'transfer', 'terminate')`)
export class RiskAssessment extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'risk_assessment_pkey' })
  id!: string;

  @ManyToOne(() => Risk, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'risk_id', foreignKeyConstraintName: 'risk_assessment_risk_id_fkey' })
  risk!: Risk;

  @Column({ name: 'risk_id', type: 'uuid' })
  riskId!: string;

  @Column({ type: 'smallint' })
  likelihood!: number;

  @Column({ type: 'smallint' })
  impact!: number;

  @Column({ name: 'residual_likelihood', type: 'smallint', nullable: true })
  residualLikelihood!: number | null;

  @Column({ name: 'residual_impact', type: 'smallint', nullable: true })
  residualImpact!: number | null;

  @Column({ type: 'varchar', length: 16 })
  response!: RiskResponse;

  @Column({ type: 'text', default: '' })
  note!: string;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assessed_by', foreignKeyConstraintName: 'risk_assessment_assessed_by_fkey' })
  assessor!: User | null;

  /** Null only for the first entry of risks that existed before the history was kept. */
  @Column({ name: 'assessed_by', type: 'uuid', nullable: true })
  assessedBy!: string | null;

  @Column({ name: 'assessed_at', type: 'timestamptz', default: () => 'now()' })
  assessedAt!: Date;
}

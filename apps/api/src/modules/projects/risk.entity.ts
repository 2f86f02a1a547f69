import type { RiskResponse } from '@provdash/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { Kpi } from '../kpis/kpi.entity';
import { OrgUnit } from '../org-units/org-unit.entity';
import { Project } from './project.entity';

/**
 * A 4T risk on exactly one project, one KPI (operational) or one province itself (organisation
 * level). Its assessments are kept in risk_assessment. Closed, never deleted.
 */
@Entity('risk')
@Check('risk_subject_check', `num_nonnulls("project_id", "kpi_id", "org_unit_id") = 1`)
@Check(
  'risk_residual_check',
  `("residual_likelihood" IS NULL AND "residual_impact" IS NULL) OR ("residual_likelihood" BETWEEN 1 AND 5 AND "residual_impact" BETWEEN 1 AND 5)`,
)
@Check('risk_likelihood_check', `"likelihood" BETWEEN 1 AND 5`)
@Check('risk_impact_check', `"impact" BETWEEN 1 AND 5`)
@Check('risk_response_check', `"response" IN ('take', 'treat', 'transfer', 'terminate')`)
@Check('risk_status_check', `"status" IN ('open', 'closed')`)
export class Risk extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'risk_pkey' })
  id!: string;

  @Index('risk_project_id_idx')
  @ManyToOne(() => Project, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'risk_project_id_fkey' })
  project!: Project | null;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  @Index('risk_kpi_id_idx')
  @ManyToOne(() => Kpi, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kpi_id', foreignKeyConstraintName: 'risk_kpi_id_fkey' })
  kpi!: Kpi | null;

  @Column({ name: 'kpi_id', type: 'uuid', nullable: true })
  kpiId!: string | null;

  /** Set for an organisation-level risk: the province it belongs to. */
  @Index('risk_org_unit_id_idx')
  @ManyToOne(() => OrgUnit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'risk_org_unit_id_fkey' })
  orgUnit!: OrgUnit | null;

  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true })
  orgUnitId!: string | null;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'smallint' })
  likelihood!: number;

  @Column({ type: 'smallint' })
  impact!: number;

  /** After the treatment (null until assessed). */
  @Column({ name: 'residual_likelihood', type: 'smallint', nullable: true })
  residualLikelihood!: number | null;

  @Column({ name: 'residual_impact', type: 'smallint', nullable: true })
  residualImpact!: number | null;

  @Column({ type: 'varchar', length: 16 })
  response!: RiskResponse;

  @Column({ type: 'varchar', length: 200 })
  owner!: string;

  @Column({ type: 'text', default: '' })
  mitigation!: string;

  @Column({ name: 'review_date', type: 'date', nullable: true })
  reviewDate!: string | null;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status!: 'open' | 'closed';
}

import type { AgreementResultStatusName } from '@provdash/shared/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { User } from '../users/user.entity';
import { AgreementIndicator } from './agreement-indicator.entity';

/**
 * A manual result of a standalone indicator for a period of the agreement's year (a half, a quarter,
 * the year…): a value for scale indicators, the steps reached for milestones, with evidence. Only
 * approved results count; an approver may not approve what they entered.
 */
@Entity('agreement_indicator_result')
@Index('agreement_indicator_result_indicator_period_key', ['indicatorId', 'period'], { unique: true })
@Check('agreement_indicator_result_status_check', `"status" IN ('draft', 'approved')`)
@Check('agreement_indicator_result_step_check', `"step" BETWEEN 0 AND 5`)
@Check('agreement_indicator_result_value_or_step_check', `("value" IS NULL) <> ("step" IS NULL)`)
export class AgreementIndicatorResult extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'agreement_indicator_result_pkey' })
  id!: string;

  @ManyToOne(() => AgreementIndicator, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'agreement_indicator_result_indicator_id_fkey' })
  indicator!: AgreementIndicator;

  @Column({ name: 'indicator_id', type: 'uuid' })
  indicatorId!: string;

  @Column({ type: 'varchar', length: 12 })
  period!: string;

  @Column({ type: 'numeric', nullable: true })
  value!: string | null;

  @Column({ type: 'smallint', nullable: true })
  step!: number | null;

  @Column({ name: 'narrative_th', type: 'text', default: '' })
  narrativeTh!: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  evidence!: { url: string; title: string }[];

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status!: AgreementResultStatusName;

  /** Why an approved result was changed (it went back to draft). */
  @Column({ name: 'change_reason', type: 'text', nullable: true })
  changeReason!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entered_by', foreignKeyConstraintName: 'agreement_indicator_result_entered_by_fkey' })
  enterer!: User | null;

  @Column({ name: 'entered_by', type: 'uuid', nullable: true })
  enteredBy!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'agreement_indicator_result_approved_by_fkey' })
  approver!: User | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;
}

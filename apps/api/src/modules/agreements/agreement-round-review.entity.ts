import type {
  AgreementRoundNumber,
  AgreementRoundReviewLineDto,
  AgreementRoundReviewStatusName,
} from '@provdash/shared/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { User } from '../users/user.entity';
import { Agreement } from './agreement.entity';

/**
 * The evaluation of one round (รอบ 6 / 12 เดือน) by the centre: the province's self-assessment
 * (each indicator's actual, narrative and evidence), then the evaluator's decision on each line
 * (accepted, or adjusted with a reason), then frozen into an `agreement_round`. Frozen, the row
 * refuses every UPDATE and DELETE (trigger in the migration).
 */
@Entity('agreement_round_review')
@Index('agreement_round_review_agreement_round_key', ['agreementId', 'round'], { unique: true })
@Check('agreement_round_review_round_check', `"round" IN (6, 12)`)
@Check('agreement_round_review_status_check', `"status" IN ('submitted', 'frozen')`)
export class AgreementRoundReview extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'agreement_round_review_pkey' })
  id!: string;

  @ManyToOne(() => Agreement, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'agreement_round_review_agreement_id_fkey' })
  agreement!: Agreement;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @Column({ type: 'smallint' })
  round!: AgreementRoundNumber;

  @Column({ type: 'varchar', length: 16, default: 'submitted' })
  status!: AgreementRoundReviewStatusName;

  /** Periods due by this day count: the day after the round's last day. */
  @Column({ name: 'as_of', type: 'date' })
  asOf!: string;

  /** One per indicator, in the agreement's order. */
  @Column({ type: 'jsonb' })
  lines!: AgreementRoundReviewLineDto[];

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'agreement_round_review_submitted_by_fkey' })
  submitter!: User | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'frozen_by', foreignKeyConstraintName: 'agreement_round_review_frozen_by_fkey' })
  freezer!: User | null;

  @Column({ name: 'frozen_by', type: 'uuid', nullable: true })
  frozenBy!: string | null;

  @Column({ name: 'frozen_at', type: 'timestamptz', nullable: true })
  frozenAt!: Date | null;
}

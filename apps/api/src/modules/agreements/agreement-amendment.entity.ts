import type { AgreementAmendmentStatusName, AgreementChangeDto } from '@provdash/shared/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Agreement } from './agreement.entity';

/**
 * A change to a signed agreement: the reason, who and when, and each indicator before and after.
 * Pending until the ministry approves it (applied: a new version) or returns it with a reason.
 * Amendments made before issue 19 item 2 were applied at once and read as approved.
 */
@Entity('agreement_amendment')
@Check('agreement_amendment_status_check', `"status" IN ('pending', 'approved', 'returned')`)
export class AgreementAmendment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'agreement_amendment_pkey' })
  id!: string;

  @Index('agreement_amendment_agreement_id_idx')
  @ManyToOne(() => Agreement, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'agreement_amendment_agreement_id_fkey' })
  agreement!: Agreement;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'made_by', foreignKeyConstraintName: 'agreement_amendment_made_by_fkey' })
  maker!: User | null;

  @Column({ name: 'made_by', type: 'uuid', nullable: true })
  madeBy!: string | null;

  @Column({ name: 'made_at', type: 'timestamptz', default: () => 'now()' })
  madeAt!: Date;

  @Column({ type: 'jsonb' })
  changes!: AgreementChangeDto[];

  @Column({ type: 'varchar', length: 16, default: 'approved' })
  status!: AgreementAmendmentStatusName;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'agreement_amendment_decided_by_fkey' })
  decider!: User | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** The ministry's reason when it returned the amendment. */
  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  /** Optimistic lock of the pending amendment (the ministry decides on the version it read). */
  @VersionColumn({ default: 1 })
  version!: number;
}

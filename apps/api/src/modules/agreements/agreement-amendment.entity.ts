import type { AgreementChangeDto } from '@provdash/shared/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Agreement } from './agreement.entity';

/**
 * A change to an agreed agreement: the reason, who and when, and each indicator before and after.
 * Written in the transaction of the change itself; never edited.
 */
@Entity('agreement_amendment')
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
}

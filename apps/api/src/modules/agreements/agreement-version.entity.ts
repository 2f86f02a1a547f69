import type { AgreementVersionIndicatorDto } from '@provdash/shared/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { AgreementAmendment } from './agreement-amendment.entity';
import { Agreement } from './agreement.entity';

/**
 * A signed version of an agreement, frozen: version 1 as the governor signed it, each later one as
 * an approved amendment left it (its indicators, weights and criterion values). The database refuses
 * updates and deletes of this table (see the migration).
 */
@Entity('agreement_version')
@Check('agreement_version_number_check', `"number" >= 1`)
@Index('agreement_version_agreement_number_key', ['agreementId', 'number'], { unique: true })
export class AgreementVersion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'agreement_version_pkey' })
  id!: string;

  @ManyToOne(() => Agreement, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'agreement_version_agreement_id_fkey' })
  agreement!: Agreement;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @Column({ type: 'smallint' })
  number!: number;

  @ManyToOne(() => AgreementAmendment, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'amendment_id', foreignKeyConstraintName: 'agreement_version_amendment_id_fkey' })
  amendment!: AgreementAmendment | null;

  @Column({ name: 'amendment_id', type: 'uuid', nullable: true })
  amendmentId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'made_by', foreignKeyConstraintName: 'agreement_version_made_by_fkey' })
  maker!: User | null;

  @Column({ name: 'made_by', type: 'uuid', nullable: true })
  madeBy!: string | null;

  @Column({ name: 'made_at', type: 'timestamptz', default: () => 'now()' })
  madeAt!: Date;

  @Column({ type: 'jsonb' })
  indicators!: AgreementVersionIndicatorDto[];
}

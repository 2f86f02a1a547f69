import type { AgreementRoundNumber, AgreementScoreDto } from '@provdash/shared/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { User } from '../users/user.entity';
import { Agreement } from './agreement.entity';

/**
 * An evaluated round (รอบ 6 เดือน / 12 เดือน): the score and every indicator's actual and score as
 * they stood, frozen. Later result changes move the live score, never a round; the database refuses
 * updates of this table (see the migration).
 */
@Entity('agreement_round')
@Index('agreement_round_agreement_round_key', ['agreementId', 'round'], { unique: true })
@Check('agreement_round_round_check', `"round" IN (6, 12)`)
export class AgreementRound extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'agreement_round_pkey' })
  id!: string;

  @ManyToOne(() => Agreement, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'agreement_round_agreement_id_fkey' })
  agreement!: Agreement;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @Column({ type: 'smallint' })
  round!: AgreementRoundNumber;

  /** Periods due by this day were counted: the day after the round's last day. */
  @Column({ name: 'as_of', type: 'date' })
  asOf!: string;

  @Column({ name: 'evaluated_at', type: 'timestamptz' })
  evaluatedAt!: Date;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evaluated_by', foreignKeyConstraintName: 'agreement_round_evaluated_by_fkey' })
  evaluator!: User | null;

  @Column({ name: 'evaluated_by', type: 'uuid', nullable: true })
  evaluatedBy!: string | null;

  @Column({ type: 'numeric', precision: 6, scale: 4 })
  score!: string;

  @Column({ type: 'jsonb' })
  snapshot!: AgreementScoreDto;
}

import type { AgreementStatusName } from '@provdash/shared/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { OrgUnit } from '../org-units/org-unit.entity';
import { User } from '../users/user.entity';
import { AgreementTemplate } from './agreement-template.entity';

/**
 * คำรับรองการปฏิบัติราชการ: one per province per fiscal year, derived from a template.
 * draft → proposed → accepted (or returned → proposed again) → agreed (signed by the governor) →
 * evaluated_6 → evaluated_12; the rules are libs/shared/domain agreement-lifecycle.ts. Once agreed,
 * every change to its indicators is an amendment the ministry approves.
 */
@Entity('agreement')
@Index('agreement_org_unit_fiscal_year_key', ['orgUnitId', 'fiscalYear'], { unique: true })
@Check(
  'agreement_status_check',
  `"status" IN ('draft', 'proposed', 'returned', 'accepted', 'agreed', 'evaluated_6', 'evaluated_12')`,
)
export class Agreement extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'agreement_pkey' })
  id!: string;

  @ManyToOne(() => OrgUnit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'agreement_org_unit_id_fkey' })
  orgUnit!: OrgUnit;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  @Column({ name: 'fiscal_year', type: 'smallint' })
  fiscalYear!: number;

  @Index('agreement_template_id_idx')
  @ManyToOne(() => AgreementTemplate, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id', foreignKeyConstraintName: 'agreement_template_id_fkey' })
  template!: AgreementTemplate;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId!: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: AgreementStatusName;

  @Column({ name: 'signed_by_governor', type: 'varchar', length: 200, nullable: true })
  signedByGovernor!: string | null;

  @Column({ name: 'signed_by_ministry', type: 'varchar', length: 200, nullable: true })
  signedByMinistry!: string | null;

  /** The signing day (YYYY-MM-DD). */
  @Column({ name: 'signed_at', type: 'date', nullable: true })
  signedAt!: string | null;

  /** The ministry's reason when it returned the proposal; cleared when proposed again. */
  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by', foreignKeyConstraintName: 'agreement_proposed_by_fkey' })
  proposer!: User | null;

  @Column({ name: 'proposed_by', type: 'uuid', nullable: true })
  proposedBy!: string | null;

  @Column({ name: 'proposed_at', type: 'timestamptz', nullable: true })
  proposedAt!: Date | null;

  /** Who at the ministry accepted or returned the last proposal, and when. */
  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'agreement_decided_by_fkey' })
  decider!: User | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** The governor's account that signed. */
  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signed_by', foreignKeyConstraintName: 'agreement_signed_by_fkey' })
  signer!: User | null;

  @Column({ name: 'signed_by', type: 'uuid', nullable: true })
  signedBy!: string | null;
}

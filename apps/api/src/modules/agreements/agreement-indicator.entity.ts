import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Kpi } from '../kpis/kpi.entity';
import { AgreementTemplateIndicator } from './agreement-template-indicator.entity';
import { Agreement } from './agreement.entity';
import { IndicatorDefinition } from './indicator-definition';

/**
 * An indicator of one province's agreement: copied from the template (`templateIndicatorId`) or
 * added by the province. Linked to a KPI (`kpiId`), its actual is the KPI's rolled-up approved
 * result; standalone, its actual comes from its own approved results.
 */
@Entity('agreement_indicator')
@Index('agreement_indicator_agreement_code_key', ['agreementId', 'code'], { unique: true })
@Check('agreement_indicator_direction_check', `"direction" IN ('higher_better', 'lower_better')`)
@Check('agreement_indicator_kind_check', `"kind" IN ('scale', 'milestone')`)
@Check('agreement_indicator_weight_check', `"weight" > 0`)
export class AgreementIndicator extends IndicatorDefinition {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'agreement_indicator_pkey' })
  id!: string;

  @ManyToOne(() => Agreement, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'agreement_indicator_agreement_id_fkey' })
  agreement!: Agreement;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @Index('agreement_indicator_template_indicator_id_idx')
  @ManyToOne(() => AgreementTemplateIndicator, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'template_indicator_id',
    foreignKeyConstraintName: 'agreement_indicator_template_indicator_id_fkey',
  })
  templateIndicator!: AgreementTemplateIndicator | null;

  @Column({ name: 'template_indicator_id', type: 'uuid', nullable: true })
  templateIndicatorId!: string | null;

  @Index('agreement_indicator_kpi_id_idx')
  @ManyToOne(() => Kpi, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kpi_id', foreignKeyConstraintName: 'agreement_indicator_kpi_id_fkey' })
  kpi!: Kpi | null;

  @Column({ name: 'kpi_id', type: 'uuid', nullable: true })
  kpiId!: string | null;

  /** Why the province changed it from the template (or added it): asked before proposing. */
  @Column({ name: 'change_reason', type: 'text', nullable: true })
  changeReason!: string | null;
}

import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgreementTemplate } from './agreement-template.entity';
import { IndicatorDefinition } from './indicator-definition';

/** An indicator of a template, with its default weight and criterion values; `kpiCode` links it to a plan KPI. */
@Entity('agreement_template_indicator')
@Index('agreement_template_indicator_template_code_key', ['templateId', 'code'], { unique: true })
@Check('agreement_template_indicator_direction_check', `"direction" IN ('higher_better', 'lower_better')`)
@Check('agreement_template_indicator_kind_check', `"kind" IN ('scale', 'milestone')`)
@Check('agreement_template_indicator_weight_check', `"weight" > 0`)
export class AgreementTemplateIndicator extends IndicatorDefinition {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'agreement_template_indicator_pkey' })
  id!: string;

  @ManyToOne(() => AgreementTemplate, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id', foreignKeyConstraintName: 'agreement_template_indicator_template_id_fkey' })
  template!: AgreementTemplate;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId!: string;

  /** Code of the plan KPI whose approved results give the actual, in each province that has it. */
  @Column({ name: 'kpi_code', type: 'varchar', length: 32, nullable: true })
  kpiCode!: string | null;
}

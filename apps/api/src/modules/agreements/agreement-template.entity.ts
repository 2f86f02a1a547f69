import type { AgreementTemplateStatusName } from '@provdash/shared/contracts';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';

/**
 * The national template of a fiscal year's performance agreement, set by central staff. Provinces
 * derive their agreements from a published template; a published template no longer changes.
 */
@Entity('agreement_template')
@Index('agreement_template_fiscal_year_idx', ['fiscalYear'])
@Check('agreement_template_status_check', `"status" IN ('draft', 'published')`)
export class AgreementTemplate extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'agreement_template_pkey' })
  id!: string;

  @Column({ name: 'fiscal_year', type: 'smallint' })
  fiscalYear!: number;

  @Column({ name: 'name_th', type: 'varchar', length: 300 })
  nameTh!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 300 })
  nameEn!: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: AgreementTemplateStatusName;
}

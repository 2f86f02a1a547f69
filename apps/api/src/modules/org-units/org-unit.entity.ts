import { Versioned } from '../../database/versioned.entity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { OrgUnitType } from '@provdash/shared/contracts';
import { numericToNumber } from '../../database/numeric.transformer';

/**
 * One tree for every administrative level (country → region → cluster → province).
 * `path` is the chain of codes from the root ("TH/central/C01/12") so that "this unit and
 * everything below it" — the shape of every access scope — is one indexed prefix match.
 */
@Entity('org_unit')
@Check('org_unit_type_check', `"type" IN ('country', 'region', 'cluster', 'province')`)
@Index('org_unit_path_prefix_idx', { synchronize: false })
export class OrgUnit extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'org_unit_pkey' })
  id!: string;

  @Index('org_unit_code_key', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: OrgUnitType;

  @Column({ name: 'name_th', type: 'varchar', length: 200 })
  nameTh!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200 })
  nameEn!: string;

  @Index('org_unit_parent_id_idx')
  @ManyToOne(() => OrgUnit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'org_unit_parent_id_fkey' })
  parent!: OrgUnit | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  path!: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  iso!: string | null;

  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: numericToNumber })
  lat!: number | null;

  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: numericToNumber })
  lon!: number | null;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;
}

import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { OrgUnit } from '../org-units/org-unit.entity';

/**
 * A province's choice to publish its directives and risks on its public page. No row (or `public`
 * false) keeps them inside the province. Changed by its governor; audited like every row.
 */
@Entity('follow_up_publication')
@Unique('follow_up_publication_org_unit_id_key', ['orgUnitId'])
export class FollowUpPublication extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'follow_up_publication_pkey' })
  id!: string;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  @OneToOne(() => OrgUnit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'follow_up_publication_org_unit_id_fkey' })
  orgUnit!: OrgUnit;

  @Column({ type: 'boolean', default: false })
  public!: boolean;
}

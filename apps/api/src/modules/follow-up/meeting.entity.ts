import { MEETING_STATES, type MeetingState } from '@provdash/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { sqlIn } from '../../database/sql-in';
import { Versioned } from '../../database/versioned.entity';
import { OrgUnit } from '../org-units/org-unit.entity';
import { User } from '../users/user.entity';

/**
 * A province's monthly meeting of heads of agencies: its agenda (what needs attention), the
 * decisions recorded during it and the minutes. draft → held → closed; never deleted, every step a
 * save (audited), versioned so a stale step gets 409.
 */
@Entity('meeting')
@Index('meeting_org_unit_date_idx', ['orgUnitId', 'meetingDate'])
@Check('meeting_state_check', sqlIn('state', MEETING_STATES))
export class Meeting extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'meeting_pkey' })
  id!: string;

  @ManyToOne(() => OrgUnit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'meeting_org_unit_id_fkey' })
  orgUnit!: OrgUnit;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  @Column({ name: 'meeting_date', type: 'date' })
  meetingDate!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  state!: MeetingState;

  /** The governor who chairs it: the directives its decisions become are issued in the chair's name. */
  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chair_user_id', foreignKeyConstraintName: 'meeting_chair_user_id_fkey' })
  chair!: User | null;

  @Column({ name: 'chair_user_id', type: 'uuid', nullable: true })
  chairUserId!: string | null;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'meeting_created_by_fkey' })
  creator!: User;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'held_at', type: 'timestamptz', nullable: true })
  heldAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}

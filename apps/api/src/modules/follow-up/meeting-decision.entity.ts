import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { User } from '../users/user.entity';
import { Directive } from './directive.entity';
import { MeetingAgendaItem } from './meeting-agenda-item.entity';
import { Meeting } from './meeting.entity';

/** A decision (มติที่ประชุม) recorded on an agenda item; it may become a directive, once. */
@Entity('meeting_decision')
@Index('meeting_decision_meeting_idx', ['meetingId', 'createdAt'])
export class MeetingDecision extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'meeting_decision_pkey' })
  id!: string;

  @ManyToOne(() => Meeting, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'meeting_decision_meeting_id_fkey' })
  meeting!: Meeting;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => MeetingAgendaItem, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'meeting_decision_agenda_item_id_fkey' })
  agendaItem!: MeetingAgendaItem;

  @Column({ name: 'agenda_item_id', type: 'uuid' })
  agendaItemId!: string;

  @Column({ type: 'text' })
  text!: string;

  @Index('meeting_decision_directive_id_idx', { unique: true })
  @ManyToOne(() => Directive, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'directive_id', foreignKeyConstraintName: 'meeting_decision_directive_id_fkey' })
  directive!: Directive | null;

  @Column({ name: 'directive_id', type: 'uuid', nullable: true })
  directiveId!: string | null;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'meeting_decision_recorded_by_fkey' })
  recorder!: User;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;
}

import { AGENDA_ITEM_KINDS, type AgendaItemKind } from '@provdash/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { sqlIn } from '../../database/sql-in';
import { Versioned } from '../../database/versioned.entity';
import { Kpi } from '../kpis/kpi.entity';
import { Project } from '../projects/project.entity';
import { Risk } from '../projects/risk.entity';
import { Directive } from './directive.entity';
import { Meeting } from './meeting.entity';

/**
 * One item of a meeting's agenda, linked to what needs attention: a red KPI, a project at lapse
 * risk, an overdue directive, a high risk, or a directive still open from the previous meeting.
 * The title and the note are what the agenda said when it was built (the minutes keep them).
 */
@Entity('meeting_agenda_item')
@Index('meeting_agenda_item_meeting_idx', ['meetingId', 'seq'])
@Check('meeting_agenda_item_kind_check', sqlIn('kind', AGENDA_ITEM_KINDS))
@Check('meeting_agenda_item_subject_check', `num_nonnulls("kpi_id", "project_id", "risk_id", "directive_id") = 1`)
export class MeetingAgendaItem extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'meeting_agenda_item_pkey' })
  id!: string;

  @ManyToOne(() => Meeting, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'meeting_agenda_item_meeting_id_fkey' })
  meeting!: Meeting;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 24 })
  kind!: AgendaItemKind;

  @ManyToOne(() => Kpi, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kpi_id', foreignKeyConstraintName: 'meeting_agenda_item_kpi_id_fkey' })
  kpi!: Kpi | null;

  @Column({ name: 'kpi_id', type: 'uuid', nullable: true })
  kpiId!: string | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'meeting_agenda_item_project_id_fkey' })
  project!: Project | null;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  @ManyToOne(() => Risk, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'risk_id', foreignKeyConstraintName: 'meeting_agenda_item_risk_id_fkey' })
  risk!: Risk | null;

  @Column({ name: 'risk_id', type: 'uuid', nullable: true })
  riskId!: string | null;

  @ManyToOne(() => Directive, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'directive_id', foreignKeyConstraintName: 'meeting_agenda_item_directive_id_fkey' })
  directive!: Directive | null;

  @Column({ name: 'directive_id', type: 'uuid', nullable: true })
  directiveId!: string | null;

  @Column({ name: 'title_th', type: 'varchar', length: 600 })
  titleTh!: string;

  @Column({ name: 'title_en', type: 'varchar', length: 600 })
  titleEn!: string;

  /** Why it is on the agenda, in figures (achievement, lag, score, days overdue). */
  @Column({ type: 'text', default: '' })
  note!: string;
}

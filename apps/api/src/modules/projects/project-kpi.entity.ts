import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Kpi } from '../kpis/kpi.entity';
import { Project } from './project.entity';

/** A KPI the project contributes to (a project may serve several KPIs of its province). */
@Entity('project_kpi')
export class ProjectKpi {
  @PrimaryColumn({ name: 'project_id', type: 'uuid', primaryKeyConstraintName: 'project_kpi_pkey' })
  projectId!: string;

  @Index('project_kpi_kpi_id_idx')
  @PrimaryColumn({ name: 'kpi_id', type: 'uuid', primaryKeyConstraintName: 'project_kpi_pkey' })
  kpiId!: string;

  @ManyToOne(() => Project, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'project_kpi_project_id_fkey' })
  project!: Project;

  @ManyToOne(() => Kpi, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kpi_id', foreignKeyConstraintName: 'project_kpi_kpi_id_fkey' })
  kpi!: Kpi;
}

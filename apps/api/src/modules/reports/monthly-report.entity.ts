import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { OrgUnit } from '../org-units/org-unit.entity';

/**
 * The governor's monthly briefing of a province: which month, as of which day, when it was made and
 * how large its files are. The PDF and XLSX themselves are in `monthly_report_file` (bytea), written
 * by SQL beside this row: the audit trail records the report, not a megabyte of bytes.
 */
@Entity('monthly_report')
@Index('monthly_report_org_unit_month_key', ['orgUnitId', 'month'], { unique: true })
@Check('monthly_report_month_check', `EXTRACT(DAY FROM "month") = 1`)
export class MonthlyReport extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'monthly_report_pkey' })
  id!: string;

  @ManyToOne(() => OrgUnit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'monthly_report_org_unit_id_fkey' })
  orgUnit!: OrgUnit;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  /** First day of the calendar month reported on. */
  @Column({ type: 'date' })
  month!: string;

  @Column({ name: 'fiscal_year', type: 'smallint' })
  fiscalYear!: number;

  /** The figures are those of this day (the month's last). */
  @Column({ name: 'as_of', type: 'date' })
  asOf!: string;

  @Column({ name: 'generated_at', type: 'timestamptz' })
  generatedAt!: Date;

  /** `schedule` (the 5th of the month) or `manual`. */
  @Column({ type: 'varchar', length: 16 })
  trigger!: string;

  @Column({ name: 'pdf_bytes', type: 'integer' })
  pdfBytes!: number;

  @Column({ name: 'xlsx_bytes', type: 'integer' })
  xlsxBytes!: number;
}

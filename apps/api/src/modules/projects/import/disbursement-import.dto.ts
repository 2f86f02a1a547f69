import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from '@provdash/shared/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ImportErrorDto, ImportQuery } from '../../kpis/import/dto/results-import.dto';

/** The KPI import's query (fiscal year, dry run) plus the id the upload's progress events carry. */
export class DisbursementImportQuery extends ImportQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "the client's id for this upload, carried by its progress events (generated when absent)",
  })
  @IsOptional()
  @IsUUID()
  uploadId?: string;
}

export class BatchListQuery {
  @ApiPropertyOptional({ example: 2569, description: 'only batches of this fiscal year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_FISCAL_YEAR)
  @Max(MAX_FISCAL_YEAR)
  fiscalYear?: number;
}

export class MonthTotalsDto {
  @ApiProperty({ example: '2025-12-01', description: 'first day of the month' })
  month!: string;

  @ApiProperty({ description: 'file rows of the month' })
  rows!: number;

  @ApiProperty({ example: '1250000.00' })
  committed!: string;

  @ApiProperty({ example: '980000.00' })
  disbursed!: string;
}

export class DisbursementImportReportDto {
  @ApiProperty()
  dryRun!: boolean;

  @ApiProperty({ description: 'the same file (SHA-256) is already committed for the province: nothing written' })
  unchanged!: boolean;

  @ApiProperty({ format: 'uuid' })
  uploadId!: string;

  @ApiProperty({ nullable: true, type: String, description: 'the batch written (or the one already holding the file)' })
  batchId!: string | null;

  @ApiProperty({ nullable: true, enum: ['monthly', 'transactions'] })
  layout!: 'monthly' | 'transactions' | null;

  @ApiProperty({ description: 'data rows read (blank rows not counted)' })
  rows!: number;

  @ApiProperty({ description: 'disbursement rows (project, month, document, line) written or to be written' })
  lines!: number;

  @ApiProperty({ example: '1250000.00' })
  totalCommitted!: string;

  @ApiProperty({ example: '980000.00' })
  totalDisbursed!: string;

  @ApiProperty({ type: [MonthTotalsDto] })
  months!: MonthTotalsDto[];

  @ApiProperty({ type: [ImportErrorDto] })
  errors!: ImportErrorDto[];
}

export class DisbursementBatchDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  orgUnitCode!: string;

  @ApiProperty()
  fiscalYear!: number;

  @ApiProperty()
  fileName!: string;

  @ApiProperty({ description: 'SHA-256 of the file, hex' })
  checksum!: string;

  @ApiProperty()
  rows!: number;

  @ApiProperty()
  totalCommitted!: string;

  @ApiProperty()
  totalDisbursed!: string;

  @ApiProperty({ enum: ['committed', 'rolled_back'] })
  status!: 'committed' | 'rolled_back';

  @ApiProperty({ nullable: true, type: String })
  createdBy!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String })
  rolledBackBy!: string | null;

  @ApiProperty({ nullable: true, type: String })
  rolledBackAt!: string | null;

  @ApiProperty()
  version!: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from '@provdash/shared/domain';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { TemplateFormat } from '../results-template.service';

/** A Buddhist-Era fiscal year in the query: what every import and template route is about. */
export class FiscalYearQuery {
  @ApiProperty({ example: 2569, description: 'Buddhist-Era fiscal year' })
  @Type(() => Number)
  @IsInt()
  @Min(MIN_FISCAL_YEAR)
  @Max(MAX_FISCAL_YEAR)
  fiscalYear!: number;
}

export class TemplateQuery extends FiscalYearQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: TemplateFormat;
}

export class ImportQuery extends FiscalYearQuery {
  @ApiPropertyOptional({ default: false, description: 'check the file and report, writing nothing' })
  @IsOptional()
  // Query strings are text: only the words true/false count, anything else fails validation.
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

export class ImportErrorDto {
  @ApiProperty({ description: 'row number as the spreadsheet shows it (header rows included)' })
  row!: number;

  @ApiProperty({ nullable: true, type: String, description: "the column's header, in the response language" })
  column!: string | null;

  @ApiProperty()
  message!: string;
}

export class ImportReportDto {
  @ApiProperty()
  dryRun!: boolean;

  @ApiProperty({ description: 'data rows read (blank rows not counted)' })
  rows!: number;

  @ApiProperty({ description: 'rows that pass every check and are (or, on a dry run, would be) written' })
  accepted!: number;

  @ApiProperty({ description: 'rows left alone: no value entered, or the same as what is stored' })
  skipped!: number;

  @ApiProperty({ type: [ImportErrorDto] })
  errors!: ImportErrorDto[];
}

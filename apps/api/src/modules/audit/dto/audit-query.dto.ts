import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant } from '../../../common/dates';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: "org unit code (default: the caller's scope); includes the units below it" })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  unit?: string;

  @ApiPropertyOptional({ example: 'kpi_result' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entity?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  userId?: string;

  /** Part of a person's e-mail or name (the trail screen's person filter). */
  @ApiPropertyOptional({ description: "part of the changer's e-mail or name" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  person?: string;

  @ApiPropertyOptional({ example: '2026-10-01T00:00:00+07:00' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}

/** The same filters, for a file of every matching row (no paging). */
export class AuditExportQueryDto extends AuditQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format: 'csv' | 'xlsx' = 'csv';
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  ValidateNested,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  EXPLORER_DIMENSIONS,
  EXPLORER_MEASURES,
  type ExplorerDimension,
  type ExplorerMeasure,
} from '@provdash/shared/domain';

/** Org unit, KPI and goal codes (e.g. 50, C01, K1.1.3, G1.1). */
const CODE = /^[A-Za-z0-9._-]{1,32}$/;

/** A view of the explorer as it travels in an address: every field a query parameter. */
export class ExplorerQueryDto {
  @ApiProperty({ enum: EXPLORER_MEASURES, example: 'achievement' })
  @IsIn(EXPLORER_MEASURES, { message: `measure must be one of ${EXPLORER_MEASURES.join(', ')}` })
  measure!: ExplorerMeasure;

  @ApiProperty({ enum: EXPLORER_DIMENSIONS, example: 'pillar' })
  @IsIn(EXPLORER_DIMENSIONS, { message: `rows must be one of ${EXPLORER_DIMENSIONS.join(', ')}` })
  rows!: ExplorerDimension;

  @ApiPropertyOptional({ enum: EXPLORER_DIMENSIONS, example: 'region', description: 'leave out for one column' })
  @IsOptional()
  @IsIn(EXPLORER_DIMENSIONS, { message: `cols must be one of ${EXPLORER_DIMENSIONS.join(', ')}` })
  cols?: ExplorerDimension;

  @ApiPropertyOptional({
    example: '2568,2569',
    description: 'fiscal years, comma-separated, at most ten (default: the current one)',
  })
  @IsOptional()
  @Matches(/^\d{4}(,\d{4}){0,9}$/, { message: 'years must be up to ten fiscal years such as 2568,2569' })
  years?: string;

  @ApiPropertyOptional({ example: 'R3' })
  @IsOptional()
  @Matches(CODE, { message: 'region must be a code' })
  region?: string;
  @ApiPropertyOptional({ example: 'C05' })
  @IsOptional()
  @Matches(CODE, { message: 'cluster must be a code' })
  cluster?: string;
  @ApiPropertyOptional({ example: '50' })
  @IsOptional()
  @Matches(CODE, { message: 'province must be a code' })
  province?: string;
  @ApiPropertyOptional({ example: 'K1.1.3' })
  @IsOptional()
  @Matches(CODE, { message: 'kpi must be a KPI code' })
  kpi?: string;
  @ApiPropertyOptional({ example: 'G1.1' })
  @IsOptional()
  @Matches(CODE, { message: 'goal must be a goal code' })
  goal?: string;

  @ApiPropertyOptional({ example: 3, description: 'a pillar of the national strategy, 1–6' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(6)
  pillar?: number;
}

export class ExplorerExportQueryDto extends ExplorerQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'], { message: 'format must be csv or xlsx' })
  format!: 'csv' | 'xlsx';
}

/** A view to keep under a name. The query is the same object the explorer answers with. */
export class SaveExplorerViewDto {
  @ApiProperty({ example: 'ผลสัมฤทธิ์ตามยุทธศาสตร์ชาติ รายภาค' })
  @IsString()
  @MinLength(1, { message: 'name is required' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ type: ExplorerQueryDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ExplorerQueryDto)
  query!: ExplorerQueryDto;
}

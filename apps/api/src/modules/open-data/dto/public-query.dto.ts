import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { PERIOD_OR_YEAR_PATTERN, PROJECT_BUDGET_TYPES } from '@provdash/shared/domain';
import { Type } from 'class-transformer';
import { IsCalendarMonth } from '../../../common/dates';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** Every filter of the public API; each dataset's query picks the ones that apply to it. */
export class PublicFilters {
  @ApiPropertyOptional({ example: 1, default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page = 1;

  @ApiPropertyOptional({ example: 100, default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  pageSize = 100;

  @ApiPropertyOptional({ example: 2569, description: 'Fiscal year, Buddhist Era (FY 2569 = Oct 2025 – Sep 2026)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2400)
  @Max(2999)
  fiscalYear?: number;

  @ApiPropertyOptional({
    example: '50',
    description:
      'An org unit code (TH, a region, a cluster such as C15, a province such as 50): it and everything below it',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,16}$/)
  scope?: string;

  @ApiPropertyOptional({ enum: ['country', 'region', 'cluster', 'province'] })
  @IsOptional()
  @IsIn(['country', 'region', 'cluster', 'province'])
  type?: string;

  @ApiPropertyOptional({ example: 'K1.2.1' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9.\-_]{1,32}$/)
  kpiCode?: string;

  @ApiPropertyOptional({ example: '2569-M03', description: 'A fiscal period: 2569, 2569-H1, 2569-Q2, 2569-M03' })
  @IsOptional()
  @Matches(PERIOD_OR_YEAR_PATTERN)
  period?: string;

  @ApiPropertyOptional({ enum: [6, 12] })
  @IsOptional()
  @Type(() => Number)
  @IsIn([6, 12])
  round?: number;

  @ApiPropertyOptional({ enum: [...PROJECT_BUDGET_TYPES] })
  @IsOptional()
  @IsIn(PROJECT_BUDGET_TYPES)
  budgetType?: string;

  @ApiPropertyOptional({
    example: '2025-11',
    description: 'A calendar month, Gregorian (YYYY-MM); a Buddhist-Era year (2569-10) is refused',
  })
  @IsOptional()
  @IsCalendarMonth()
  month?: string;
}

const PAGE = ['page', 'pageSize'] as const;
export class OrgUnitsQuery extends PickType(PublicFilters, [...PAGE, 'scope', 'type'] as const) {}
export class PlansQuery extends PickType(PublicFilters, [...PAGE, 'fiscalYear', 'scope'] as const) {}
export class KpisQuery extends PickType(PublicFilters, [...PAGE, 'fiscalYear', 'scope', 'kpiCode'] as const) {}
export class ResultsQuery extends PickType(PublicFilters, [
  ...PAGE,
  'fiscalYear',
  'scope',
  'kpiCode',
  'period',
] as const) {}
export class TargetsQuery extends PickType(PublicFilters, [...PAGE, 'fiscalYear', 'scope', 'kpiCode'] as const) {}
export class AgreementScoresQuery extends PickType(PublicFilters, [...PAGE, 'fiscalYear', 'scope', 'round'] as const) {}
export class ProjectsQuery extends PickType(PublicFilters, [...PAGE, 'fiscalYear', 'scope', 'budgetType'] as const) {}
export class DisbursementQuery extends PickType(PublicFilters, [
  ...PAGE,
  'fiscalYear',
  'scope',
  'budgetType',
  'month',
] as const) {}

/** A download takes every filter (those that do not apply to the dataset are ignored), no paging. */
export class DownloadQuery extends PickType(PublicFilters, [
  'fiscalYear',
  'scope',
  'type',
  'kpiCode',
  'period',
  'round',
  'budgetType',
  'month',
] as const) {}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  BudgetSourceName,
  DisbursementBudgetType,
  ProjectBudgetType,
  ProjectStatusName,
  RiskResponseName,
} from '@provdash/shared/contracts';
import { DISBURSEMENT_BUDGET_TYPES, PROJECT_BUDGET_TYPES as PROJECT_BUDGET_TYPE_LIST } from '@provdash/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/dates';
import { IsDecimal, IsDecimalNumber } from '../../../common/decimal';

export const BUDGET_SOURCES: BudgetSourceName[] = ['province', 'cluster', 'ministry', 'local', 'other'];
export const PROJECT_BUDGET_TYPES: ProjectBudgetType[] = [...PROJECT_BUDGET_TYPE_LIST];
export const PROJECT_STATUSES: ProjectStatusName[] = [
  'not_started',
  'on_schedule',
  'delayed',
  'completed',
  'cancelled',
];
export const TARGET_BUDGET_TYPES: DisbursementBudgetType[] = [...DISBURSEMENT_BUDGET_TYPES];
const RESPONSES: RiskResponseName[] = ['take', 'treat', 'transfer', 'terminate'];
/** Baht as numeric(18,2) holds it: not negative, at most 16 digits and 2 decimals. */
const BAHT = /^\d{1,16}(\.\d{1,2})?$/;
const CODE = /^[A-Za-z0-9.\-_/]{1,32}$/;

export class CreateProjectBody {
  @ApiProperty({ example: '50' }) @IsString() @Matches(/^[A-Za-z0-9-]{1,16}$/) orgUnitCode!: string;
  @ApiProperty() @IsUUID() strategyId!: string;
  @ApiProperty({ example: 'P69-001' }) @IsString() @Matches(CODE) code!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) nameTh!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) nameEn!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) ownerAgencyTh!: string;
  @ApiPropertyOptional({ example: 'นางสาวสมใจ ใจดี ผู้อำนวยการกองยุทธศาสตร์' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  responsiblePerson?: string;
  @ApiProperty({ example: 2569 }) @IsInt() @Min(2400) @Max(2999) fiscalYear!: number;
  @ApiProperty({ enum: BUDGET_SOURCES }) @IsIn(BUDGET_SOURCES) budgetSource!: BudgetSourceName;
  @ApiProperty({ enum: PROJECT_BUDGET_TYPES }) @IsIn(PROJECT_BUDGET_TYPES) budgetType!: ProjectBudgetType;
  @ApiProperty({ example: '12500000.00' }) @IsDecimal({ pattern: BAHT }) allocated!: string;
  @ApiProperty({ example: '2025-10-01' }) @IsCalendarDate() startDate!: string;
  @ApiProperty({ example: '2026-09-30' }) @IsCalendarDate() endDate!: string;
  @ApiPropertyOptional({ enum: PROJECT_STATUSES }) @IsOptional() @IsIn(PROJECT_STATUSES) status?: ProjectStatusName;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  kpiIds?: string[];
}

/** Everything but the owning unit, code and year may change; `status: cancelled` retires the project. */
export class UpdateProjectBody {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() strategyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) nameTh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) nameEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(300) ownerAgencyTh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) responsiblePerson?: string;
  @ApiPropertyOptional({ enum: BUDGET_SOURCES }) @IsOptional() @IsIn(BUDGET_SOURCES) budgetSource?: BudgetSourceName;
  @ApiPropertyOptional({ enum: PROJECT_BUDGET_TYPES })
  @IsOptional()
  @IsIn(PROJECT_BUDGET_TYPES)
  budgetType?: ProjectBudgetType;
  @ApiPropertyOptional() @IsOptional() @IsDecimal({ pattern: BAHT }) allocated?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() startDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() endDate?: string;
  @ApiPropertyOptional({ enum: PROJECT_STATUSES }) @IsOptional() @IsIn(PROJECT_STATUSES) status?: ProjectStatusName;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  kpiIds?: string[];
}

export class ProjectListQuery {
  @ApiProperty({ example: '50' }) @IsString() @Matches(/^[A-Za-z0-9-]{1,16}$/) orgUnitCode!: string;
  @ApiPropertyOptional({ example: 2569 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2400)
  @Max(2999)
  fiscalYear?: number;
}

export class SaveProgressBody {
  @ApiProperty({ example: 45.5 }) @IsDecimalNumber(2) @Min(0) @Max(100) percent!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) milestoneNote?: string;
  @ApiPropertyOptional({ description: 'the version read; required to change an existing entry' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ProgressTransitionBody {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class SaveTargetBody {
  @ApiProperty({ example: 30 }) @IsDecimalNumber(2) q1!: number;
  @ApiProperty({ example: 52 }) @IsDecimalNumber(2) q2!: number;
  @ApiProperty({ example: 75 }) @IsDecimalNumber(2) q3!: number;
  @ApiProperty({ example: 100 }) @IsDecimalNumber(2) q4!: number;
  @ApiPropertyOptional({ description: 'the version read; required to change existing targets' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class TargetParams {
  @ApiProperty({ example: 2569 }) @Type(() => Number) @IsInt() @Min(2400) @Max(2999) fiscalYear!: number;
  @ApiProperty({ enum: TARGET_BUDGET_TYPES }) @IsIn(TARGET_BUDGET_TYPES) budgetType!: DisbursementBudgetType;
}

export class TargetListQuery {
  @ApiPropertyOptional({ example: 2569 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2400)
  @Max(2999)
  fiscalYear?: number;
}

export class CreateRiskBody {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) description!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) likelihood!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) impact!: number;
  @ApiProperty({ enum: RESPONSES }) @IsIn(RESPONSES) response!: RiskResponseName;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) owner!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) mitigation?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() reviewDate?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'after treatment; with residualImpact' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  residualLikelihood?: number | null;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'after treatment; with residualLikelihood' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  residualImpact?: number | null;
}

/** A reassessment: the whole assessment again (residual absent = not assessed), with an optional note. */
export class ReassessRiskBody {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) likelihood!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) impact!: number;
  @ApiProperty({ enum: RESPONSES }) @IsIn(RESPONSES) response!: RiskResponseName;
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @IsInt() @Min(1) @Max(5) residualLikelihood?: number | null;
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @IsInt() @Min(1) @Max(5) residualImpact?: number | null;
  @ApiPropertyOptional({ description: 'the treatment plan' }) @IsOptional() @IsString() @MaxLength(4000) mitigation?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() reviewDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class UnitCodeParams {
  @ApiProperty({ example: '33' }) @IsString() @Matches(/^[A-Za-z0-9-]{1,16}$/) unitCode!: string;
}

export class UpdateRiskBody {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(4000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(5) likelihood?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(5) impact?: number;
  @ApiPropertyOptional({ enum: RESPONSES }) @IsOptional() @IsIn(RESPONSES) response?: RiskResponseName;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) owner?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) mitigation?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() reviewDate?: string;
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed']) status?: 'open' | 'closed';
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @IsInt() @Min(1) @Max(5) residualLikelihood?: number | null;
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @IsInt() @Min(1) @Max(5) residualImpact?: number | null;
}

export class RiskListQuery {
  @ApiProperty({ example: '50' }) @IsString() @Matches(/^[A-Za-z0-9-]{1,16}$/) unit!: string;
}

export class ReadModelQuery {
  @ApiPropertyOptional({
    enum: ['step', 'linear'],
    description: 'target inside a quarter: the last quarter-end figure (default) or a straight line',
  })
  @IsOptional()
  @IsIn(['step', 'linear'])
  interpolation?: 'step' | 'linear';

  @ApiPropertyOptional({ example: 2569, description: 'default: the current fiscal year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2400)
  @Max(2999)
  fiscalYear?: number;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'as of this day (default: today, Bangkok)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class RankingQuery extends ReadModelQuery {
  @ApiPropertyOptional({ enum: ['province', 'cluster'] }) @IsOptional() @IsIn(['province', 'cluster']) level?:
    | 'province'
    | 'cluster';
  @ApiPropertyOptional({ enum: TARGET_BUDGET_TYPES })
  @IsOptional()
  @IsIn(TARGET_BUDGET_TYPES)
  budgetType?: DisbursementBudgetType;
}

export class SlowestQuery extends ReadModelQuery {
  @ApiPropertyOptional({ example: 10 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class ProjectPageQuery {
  @ApiPropertyOptional({ example: '2026-03-31', description: 'as of this day (default: today, Bangkok)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

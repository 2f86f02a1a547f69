import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AddAgreementIndicatorDto,
  AgreementDirectionName,
  AgreementIndicatorInputDto,
  AgreementIndicatorKindName,
  CreateAgreementTemplateDto,
  DecideAgreementAmendmentDto,
  DecideAgreementDto,
  DecideAgreementRoundLineDto,
  DeriveAgreementDto,
  SaveAgreementResultDto,
  SignAgreementDto,
  SubmitAgreementRoundDto,
  UpdateAgreementIndicatorsDto,
  UpdateTemplateIndicatorDto,
  VersionDto,
} from '@provdash/shared/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/dates';
import { IsDecimal } from '../../../common/decimal';
import { EvidenceLink } from '../../kpis/dto/kpi-result.dto';

/** A weight fits numeric(5,2) once the domain has refused more than two decimals. */
const WEIGHT = /^-?\d{1,3}(\.\d{1,6})?$/;
const CODE = /^[A-Za-z0-9.\-_]{1,32}$/;
const DIRECTIONS: AgreementDirectionName[] = ['higher_better', 'lower_better'];
const KINDS: AgreementIndicatorKindName[] = ['scale', 'milestone'];

export class IndicatorInputBody implements AgreementIndicatorInputDto {
  @ApiProperty({ example: 'A1' }) @IsString() @Matches(CODE) code!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) nameTh!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) nameEn!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(50) unitTh!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(50) unitEn!: string;
  @ApiProperty({ enum: DIRECTIONS }) @IsIn(DIRECTIONS) direction!: AgreementDirectionName;
  @ApiProperty({ enum: KINDS }) @IsIn(KINDS) kind!: AgreementIndicatorKindName;

  @ApiProperty({ example: '20', description: 'percent of the agreement, up to two decimals' })
  @IsDecimal({ pattern: WEIGHT })
  weight!: string;

  @ApiProperty({ example: ['60', '65', '70', '75', '80'], description: 'v1…v5, strictly monotonic in the direction' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsDecimal({ each: true })
  levels!: string[];

  @ApiPropertyOptional({ nullable: true, description: "a KPI of the province's plan, by code" })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(CODE)
  kpiCode?: string | null;
}

export class CreateTemplateBody implements CreateAgreementTemplateDto {
  @ApiProperty({ example: 2570 }) @Type(() => Number) @IsInt() @Min(2400) @Max(2999) fiscalYear!: number;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) nameTh!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) nameEn!: string;
}

export class VersionBody implements VersionDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

/** Changes to an indicator's definition; direction and kind are fixed once it exists. */
class IndicatorChanges {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) nameTh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) nameEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(50) unitTh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(50) unitEn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDecimal({ pattern: WEIGHT })
  weight?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsDecimal({ each: true })
  levels?: string[];

  @ApiPropertyOptional({ nullable: true, description: 'null unlinks the KPI' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(CODE)
  kpiCode?: string | null;
}

export class UpdateTemplateIndicatorBody extends IndicatorChanges implements UpdateTemplateIndicatorDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) seq?: number;
}

export class DeriveAgreementBody implements DeriveAgreementDto {
  @ApiProperty({ example: '50' }) @IsString() @Matches(/^[A-Za-z0-9-]{1,16}$/) orgUnitCode!: string;
  @ApiProperty() @IsUUID() templateId!: string;
}

export class WeightChangeBody {
  @ApiProperty() @IsUUID() id!: string;
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiProperty() @IsDecimal({ pattern: WEIGHT }) weight!: string;
}

const REASON = { description: 'required once the agreement is signed: recorded as an amendment' };

export class AddAgreementIndicatorBody implements AddAgreementIndicatorDto {
  @ApiPropertyOptional(REASON) @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) reason?: string;

  @ApiProperty({ type: IndicatorInputBody })
  @IsDefined()
  @ValidateNested()
  @Type(() => IndicatorInputBody)
  indicator!: IndicatorInputBody;

  @ApiPropertyOptional({ type: [WeightChangeBody], description: 'other indicators re-weighted so the sum stays 100' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WeightChangeBody)
  weights?: WeightChangeBody[];
}

export class IndicatorChangeBody extends IndicatorChanges {
  @ApiProperty() @IsUUID() id!: string;
  @ApiProperty() @IsInt() @Min(1) version!: number;

  @ApiPropertyOptional({ description: 'before proposing: why this indicator differs from the template' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  changeReason?: string;
}

export class UpdateAgreementIndicatorsBody implements UpdateAgreementIndicatorsDto {
  @ApiPropertyOptional(REASON) @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) reason?: string;

  @ApiProperty({ type: [IndicatorChangeBody] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IndicatorChangeBody)
  indicators!: IndicatorChangeBody[];
}

export class SignAgreementBody implements SignAgreementDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiProperty({ example: 'นายชัยวัฒน์ ใจดี' }) @IsString() @MinLength(1) @MaxLength(200) signedByGovernor!: string;
  @ApiProperty({ example: 'ปลัดกระทรวงมหาดไทย' }) @IsString() @MinLength(1) @MaxLength(200) signedByMinistry!: string;
  @ApiProperty({ example: '2025-10-15' })
  @IsCalendarDate()
  signedAt!: string;
}

export class SaveAgreementResultBody implements SaveAgreementResultDto {
  @ApiPropertyOptional({ description: 'scale indicators' })
  @IsOptional()
  @IsDecimal()
  value?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 5, description: 'milestone indicators: steps reached' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5)
  step?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) narrativeTh?: string;

  @ApiPropertyOptional({ type: [EvidenceLink] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceLink)
  evidence?: EvidenceLink[];

  @ApiPropertyOptional({ description: 'required when the result exists: the version read' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ description: 'required to change an approved result' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

export class AsOfQuery {
  @ApiPropertyOptional({ example: '2026-04-01', description: 'live score as of this day (default: today, Bangkok)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class TemplateListQuery {
  @ApiPropertyOptional({ example: 2569 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2400)
  @Max(2999)
  fiscalYear?: number;
}

export class SelfAssessmentLineBody {
  @ApiProperty() @IsUUID() indicatorId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) narrativeTh?: string;

  @ApiPropertyOptional({ type: [EvidenceLink] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceLink)
  evidence?: EvidenceLink[];
}

export class SubmitAgreementRoundBody implements SubmitAgreementRoundDto {
  @ApiProperty({ description: "the agreement's version read" }) @IsInt() @Min(1) version!: number;

  @ApiProperty({ type: [SelfAssessmentLineBody], description: 'narrative and evidence per indicator (may be partial)' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SelfAssessmentLineBody)
  indicators!: SelfAssessmentLineBody[];
}

const DECISIONS = ['accepted', 'adjusted'] as const;

export class DecideAgreementRoundLineBody implements DecideAgreementRoundLineDto {
  @ApiProperty({ description: "the review's version read" }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ enum: DECISIONS }) @IsIn(DECISIONS) decision!: 'accepted' | 'adjusted';

  @ApiPropertyOptional({ example: '72.5', description: 'adjusted actual of a scale indicator' })
  @IsOptional()
  @IsDecimal()
  value?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 5, description: 'adjusted steps reached of a milestone' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5)
  step?: number;

  @ApiPropertyOptional({ description: 'required to adjust' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

const AGREEMENT_DECISIONS = ['accept', 'return'] as const;

export class DecideAgreementBody implements DecideAgreementDto {
  @ApiProperty({ description: "the agreement's version read" }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ enum: AGREEMENT_DECISIONS }) @IsIn(AGREEMENT_DECISIONS) decision!: 'accept' | 'return';

  @ApiPropertyOptional({ description: 'required to return: shown to the province' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

const AMENDMENT_DECISIONS = ['approve', 'return'] as const;

export class DecideAgreementAmendmentBody implements DecideAgreementAmendmentDto {
  @ApiProperty({ description: "the amendment's version read" }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ enum: AMENDMENT_DECISIONS }) @IsIn(AMENDMENT_DECISIONS) decision!: 'approve' | 'return';

  @ApiPropertyOptional({ description: 'required to return: shown to the province' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

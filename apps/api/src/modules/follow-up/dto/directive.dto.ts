import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DirectiveState } from '@provdash/shared/contracts';
import { DIRECTIVE_STATES } from '@provdash/shared/domain';
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/dates';
import { EvidenceLink } from '../../kpis/dto/kpi-result.dto';

const UNIT_CODE = /^[A-Za-z0-9-]{1,16}$/;

export class IssueDirectiveBody {
  @ApiProperty({ example: '30' }) @IsString() @Matches(UNIT_CODE) orgUnitCode!: string;
  @ApiProperty({ description: 'what is to be done' }) @IsString() @MinLength(3) @MaxLength(500) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) detail?: string;
  @ApiPropertyOptional({ nullable: true, description: 'a person of the province' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  ownerUserId?: string | null;
  @ApiPropertyOptional({ description: 'an agency; a person, an agency or both' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ownerAgency?: string;
  @ApiProperty({ example: '2026-12-31' }) @IsCalendarDate() dueDate!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() kpiId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() projectId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() riskId?: string;
}

export class DirectiveStepBody {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ description: 'a note: why it is returned, what was done, what closing says' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class DirectiveProgressBody {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) note!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsInt() @Min(0) @Max(100) percent!: number;
  @ApiPropertyOptional({ type: [EvidenceLink] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceLink)
  evidence?: EvidenceLink[];
}

export const DIRECTIVE_FILTERS = ['open', 'overdue', 'closed', 'all'] as const;

export class DirectiveListQuery {
  @ApiProperty({ example: '30' }) @IsString() @Matches(UNIT_CODE) unit!: string;
  @ApiPropertyOptional({ enum: DIRECTIVE_FILTERS })
  @IsOptional()
  @IsIn(DIRECTIVE_FILTERS)
  show?: (typeof DIRECTIVE_FILTERS)[number];
  @ApiPropertyOptional({ enum: DIRECTIVE_STATES }) @IsOptional() @IsIn(DIRECTIVE_STATES) state?: DirectiveState;
  @ApiPropertyOptional({ description: 'only those given to me' }) @IsOptional() @IsIn(['true', 'false']) mine?:
    | 'true'
    | 'false';
  @ApiPropertyOptional() @IsOptional() @IsUUID() kpiId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() projectId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() riskId?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
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
} from 'class-validator';

const CODE = /^[A-Za-z0-9.\-_]{1,16}$/;

export class CreatePlanBody {
  @ApiProperty({ description: 'org unit code of the owner: a province, a cluster or TH' })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,16}$/)
  orgUnitCode!: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) nameTh!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) nameEn!: string;
  @ApiProperty() @IsString() @MaxLength(4000) visionTh!: string;
  @ApiProperty() @IsString() @MaxLength(4000) visionEn!: string;

  @ApiProperty({ example: 2566 }) @Type(() => Number) @IsInt() @Min(2400) @Max(2999) startFy!: number;
  @ApiProperty({ example: 2570 }) @Type(() => Number) @IsInt() @Min(2400) @Max(2999) endFy!: number;
}

export class PublishPlanBody {
  @ApiProperty({ description: 'the version of the plan the approver read' }) @IsInt() @Min(1) version!: number;
}

export class UpdatePlanBody {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(300) nameTh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(300) nameEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) visionTh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) visionEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(2400) @Max(2999) startFy?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(2400) @Max(2999) endFy?: number;
}

/** An issue, goal or strategy: coded, ordered, named in Thai and English. */
export class CreateNodeBody {
  @ApiProperty({ example: 'I1' }) @IsString() @Matches(CODE) code!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) nameTh!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) nameEn!: string;
  @ApiPropertyOptional({ description: 'position among siblings; default last' })
  @IsOptional()
  @IsInt()
  @Min(1)
  seq?: number;
}

export class UpdateNodeBody {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) nameTh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) nameEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) seq?: number;
  /** Retired nodes stay (with their results) but leave the current map; they can be restored. */
  @ApiPropertyOptional() @IsOptional() @IsBoolean() retired?: boolean;
}

export class CreateGoalBody extends CreateNodeBody {
  @ApiPropertyOptional({ minimum: 1, maximum: 6, description: 'ยุทธศาสตร์ชาติ 6 ด้าน' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(6)
  nationalPillar?: number;

  @ApiPropertyOptional({ description: 'a goal of the cluster plan this goal contributes to' })
  @IsOptional()
  @IsUUID()
  contributesToGoalId?: string;
}

export class UpdateGoalBody extends UpdateNodeBody {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(6)
  nationalPillar?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  contributesToGoalId?: string | null;
}

export class GoalLinkBody {
  @ApiProperty({ description: 'the goal this one causes (the arrow points to it)' })
  @IsUUID()
  effectGoalId!: string;
}

export class PlanListQuery {
  @ApiPropertyOptional({ description: 'org unit code' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  unit?: string;
}

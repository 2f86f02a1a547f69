import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../../../common/dates';

const UNIT_CODE = /^[A-Za-z0-9-]{1,16}$/;

export class MeetingListQuery {
  @ApiProperty({ example: '32' }) @IsString() @Matches(UNIT_CODE) unit!: string;
}

export class CreateMeetingBody {
  @ApiProperty({ example: '32' }) @IsString() @Matches(UNIT_CODE) orgUnitCode!: string;
  @ApiProperty({ example: '2026-12-15' }) @IsCalendarDate() meetingDate!: string;
  @ApiProperty({ example: 'การประชุมหัวหน้าส่วนราชการประจำเดือนธันวาคม 2569' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title!: string;
}

export class MeetingStepBody {
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class RecordDecisionBody {
  @ApiProperty() @IsUUID() agendaItemId!: string;
  @ApiProperty({ description: 'the decision (มติที่ประชุม)' }) @IsString() @MinLength(3) @MaxLength(4000) text!: string;
}

export class DecisionDirectiveBody {
  @ApiProperty({ description: "the decision's version" }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ description: "the directive's title; the decision's text when absent" })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  title?: string;
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
}

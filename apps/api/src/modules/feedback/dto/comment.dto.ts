import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PERIOD_OR_YEAR_PATTERN } from '@provdash/shared/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class NewCommentBody {
  @ApiProperty({ example: 'ตัวเลขนักท่องเที่ยวเดือนนี้ดูสูงกว่าที่เห็นในพื้นที่', minLength: 5, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  body!: string;

  @ApiPropertyOptional({
    example: 'ชาวเชียงใหม่',
    maxLength: 80,
    description: 'how to be named; nothing else is asked',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(80)
  authorName?: string;

  @ApiPropertyOptional({ example: '2569-M03' })
  @IsOptional()
  @Matches(PERIOD_OR_YEAR_PATTERN)
  period?: string;

  /** Left empty by people; form-filling robots fill it (a honeypot). */
  @ApiPropertyOptional({ description: 'leave empty' })
  @IsOptional()
  @IsString()
  @MaxLength(0)
  website?: string;
}

export class ModerateBody {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

export class ModerationQuery {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'hidden'], default: 'pending' })
  @IsOptional()
  @IsIn(['pending', 'approved', 'hidden'])
  status?: 'pending' | 'approved' | 'hidden';
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@provdash/shared/domain';
import type { Role } from '@provdash/shared/domain';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class CreateUserDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(200)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ description: 'org unit code of the scope, e.g. "50" or "C15" or "TH"' })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,16}$/)
  orgUnitCode!: string;

  @ApiPropertyOptional({
    minLength: 12,
    description:
      'omitted for an invitation: the server makes a temporary password, returned once, to be replaced at first sign-in',
  })
  @IsOptional()
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  /** A new scope (org unit code); it must fit the role (a province for province roles, and so on). */
  @ApiPropertyOptional({ description: 'org unit code of the new scope' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,16}$/)
  orgUnitCode?: string;

  /** Disabling ends the user's sessions: refresh stops at once, access tokens within their lifetime. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiProperty({ description: 'the version read; a stale one gets 409' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class UserListQueryDto {
  @ApiPropertyOptional({ description: "org unit code (default: the caller's scope)" })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  unit?: string;
}

export class VersionDto {
  @ApiProperty({ description: 'the version read; a stale one gets 409' })
  @IsInt()
  @Min(1)
  version!: number;
}

import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequestDto } from '@provdash/shared/contracts';
import { IsEmail, IsString, MaxLength } from 'class-validator';

export class LoginDto implements LoginRequestDto {
  @ApiProperty({ example: 'officer.50@demo.go.th' })
  @IsEmail()
  @MaxLength(200)
  email!: string;

  @ApiProperty({ example: 'demo-password' })
  @IsString()
  @MaxLength(200)
  password!: string;
}

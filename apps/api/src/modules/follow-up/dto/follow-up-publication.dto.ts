import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Matches, Min } from 'class-validator';

export class FollowUpPublicationBody {
  @ApiProperty({ description: "publish the province's directives and risks on its public page" })
  @IsBoolean()
  public!: boolean;

  @ApiProperty({ description: '0 when the province has never chosen' })
  @IsInt()
  @Min(0)
  version!: number;
}

export class ProvinceCodeParams {
  @ApiProperty({ example: '33' }) @IsString() @Matches(/^[A-Za-z0-9-]{1,16}$/) unitCode!: string;
}

export class PublicProvinceCodeParams {
  @ApiProperty({ example: '33' }) @IsString() @Matches(/^[A-Za-z0-9-]{1,16}$/) code!: string;
}

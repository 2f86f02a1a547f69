import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_KINDS } from '@provdash/shared/contracts';
import type { NotificationPreferences } from '@provdash/shared/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { OUTBOUND_CHANNELS } from '../preferences';

/** Only known kinds, each with only known channels set to true or false. */
function IsPreferences() {
  return ValidateBy({
    name: 'isPreferences',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(value).every(
          ([kind, channels]) =>
            (NOTIFICATION_KINDS as readonly string[]).includes(kind) &&
            typeof channels === 'object' &&
            channels !== null &&
            !Array.isArray(channels) &&
            Object.entries(channels).every(
              ([c, on]) => (OUTBOUND_CHANNELS as readonly string[]).includes(c) && typeof on === 'boolean',
            ),
        ),
      defaultMessage: () =>
        `preferences: per kind (${NOTIFICATION_KINDS.join(', ')}) the channels (${OUTBOUND_CHANNELS.join(', ')}) as true or false`,
    },
  });
}

export class NotificationListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], description: 'Notification ids; omit with `all: true`' })
  @IsOptional()
  @IsUUID('4', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  ids?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}

export class UpdateNotificationSettingsDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsPreferences()
  preferences!: Partial<NotificationPreferences>;

  @ApiProperty()
  @IsBoolean()
  dailyDigest!: boolean;

  @ApiProperty({ enum: ['th', 'en'] })
  @IsIn(['th', 'en'])
  locale!: 'th' | 'en';
}

class PushKeysDto {
  @ApiProperty()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{80,100}={0,2}$/, { message: 'keys.p256dh: the subscription’s P-256 public key (base64url)' })
  p256dh!: string;

  @ApiProperty()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{16,30}={0,2}$/, { message: 'keys.auth: the subscription’s auth secret (base64url)' })
  auth!: string;
}

export class PushSubscriptionDto {
  @ApiProperty()
  @IsString()
  @MaxLength(1000)
  @Matches(/^https?:\/\/\S+$/, { message: 'endpoint: the push service address the browser gave' })
  endpoint!: string;

  @ApiProperty({ type: PushKeysDto })
  @ValidateNested()
  @Type(() => PushKeysDto)
  keys!: PushKeysDto;
}

export class PushEndpointQueryDto {
  @ApiProperty()
  @IsString()
  @MaxLength(1000)
  @Matches(/^https?:\/\/\S+$/, { message: 'endpoint: the push service address the browser gave' })
  endpoint!: string;
}

import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { NotificationListDto, NotificationSettingsDto } from '@provdash/shared/contracts';
import type { Request } from 'express';
import { ClsService } from 'nestjs-cls';
import { validateSignature } from '@line/bot-sdk';
import { unauthorized } from '../../common/api-error';
import { AppConfig } from '../../config/app-config';
import { Public, SignedIn } from '../access/access.decorators';
import { ActorClaims, CTX_ACTOR } from '../access/actor';
import {
  MarkReadDto,
  NotificationListQueryDto,
  PushEndpointQueryDto,
  PushSubscriptionDto,
  UpdateNotificationSettingsDto,
} from './dto/notifications.dto';
import { NotificationSettingsService } from './notification-settings.service';
import { NotificationsService } from './notifications.service';

/** A person's own notifications and settings: always their own, whatever their role. */
@ApiTags('notifications')
@Controller('me')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly settings: NotificationSettingsService,
    private readonly cls: ClsService,
  ) {}

  private me(): string {
    return this.cls.get<ActorClaims>(CTX_ACTOR).sub;
  }

  @Get('notifications')
  @SignedIn()
  list(@Query() q: NotificationListQueryDto): Promise<NotificationListDto> {
    return this.notifications.list(this.me(), q.limit ?? 30);
  }

  /** Marks some (`ids`) or all (`all: true`) read, on every device. */
  @Post('notifications/read')
  @HttpCode(200)
  @SignedIn()
  read(@Body() dto: MarkReadDto): Promise<{ unread: number }> {
    return this.notifications.markRead(this.me(), dto.all ? 'all' : (dto.ids ?? []));
  }

  @Get('notification-settings')
  @SignedIn()
  getSettings(): Promise<NotificationSettingsDto> {
    return this.settings.get(this.me());
  }

  @Put('notification-settings')
  @SignedIn()
  updateSettings(@Body() dto: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    return this.settings.update(this.me(), dto);
  }

  /** The server's VAPID public key, which a browser needs to subscribe. */
  @Get('push-key')
  @SignedIn()
  pushKey(): { publicKey: string } {
    return this.settings.publicKey();
  }

  @Post('push-subscriptions')
  @SignedIn()
  subscribe(@Body() dto: PushSubscriptionDto): Promise<{ pushDevices: number }> {
    return this.settings.subscribe(this.me(), dto);
  }

  @Delete('push-subscriptions')
  @SignedIn()
  unsubscribe(@Query() q: PushEndpointQueryDto): Promise<{ pushDevices: number }> {
    return this.settings.unsubscribe(this.me(), q.endpoint);
  }

  /** A one-time code to send to the product's LINE account, which links it. */
  @Post('line-link')
  @SignedIn()
  lineLink(): Promise<{ code: string }> {
    return this.settings.lineLinkCode(this.me());
  }

  @Delete('line-link')
  @SignedIn()
  unlinkLine(): Promise<NotificationSettingsDto> {
    return this.settings.unlinkLine(this.me());
  }
}

interface LineWebhookBody {
  events?: { type?: string; source?: { userId?: string }; message?: { type?: string; text?: string } }[];
}

/**
 * LINE's webhook: called by LINE, signed with the channel secret (X-Line-Signature over the raw
 * body). Only a link code from a person is acted on.
 */
@ApiTags('notifications')
@Controller('line')
export class LineWebhookController {
  constructor(
    private readonly settings: NotificationSettingsService,
    private readonly config: AppConfig,
  ) {}

  @Post('webhook')
  @HttpCode(200)
  @Public()
  async webhook(@Req() req: Request & { rawBody?: Buffer }): Promise<{ linked: number }> {
    const secret = this.config.LINE_CHANNEL_SECRET;
    const signature = req.header('x-line-signature');
    if (!secret || !signature || !req.rawBody || !validateSignature(req.rawBody, secret, signature)) {
      throw unauthorized('auth.required');
    }
    const body = JSON.parse(req.rawBody.toString('utf8')) as LineWebhookBody;
    let linked = 0;
    for (const e of body.events ?? []) {
      if (e.type === 'message' && e.message?.type === 'text' && e.source?.userId && e.message.text) {
        if (await this.settings.lineMessage(e.source.userId, e.message.text)) linked += 1;
      }
    }
    return { linked };
  }
}

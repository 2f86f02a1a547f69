import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationSettingsDto } from '@provdash/shared/contracts';
import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { conflict } from '../../common/api-error';
import { AppConfig } from '../../config/app-config';
import type { PushSubscriptionDto, UpdateNotificationSettingsDto } from './dto/notifications.dto';
import { NotificationSetting } from './notification-setting.entity';
import { NotificationsService } from './notifications.service';
import { effectivePreferences } from './preferences';

/** A person's own notification settings, push devices and LINE link. */
@Injectable()
export class NotificationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The person's row, locked for the change; a person who never saved has none yet: the defaults,
   * at version 1, written by their first save (so reading or a refused save writes nothing).
   */
  private async row(m: EntityManager, userId: string): Promise<NotificationSetting> {
    const found = await m.findOne(NotificationSetting, {
      where: { userId },
      ...(m.queryRunner?.isTransactionActive ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return found ?? m.create(NotificationSetting, { userId, version: 1, preferences: {}, dailyDigest: false, locale: 'th', lineUserId: null, lineLinkCode: null });
  }

  async get(userId: string, m: EntityManager = this.dataSource.manager): Promise<NotificationSettingsDto> {
    const s = await this.row(m, userId);
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM push_subscription WHERE user_id = $1`, [userId]);
    return {
      version: s.version,
      preferences: effectivePreferences(s.preferences),
      dailyDigest: s.dailyDigest,
      locale: s.locale,
      available: { inApp: true, ...this.notifications.availableChannels() },
      lineLinked: !!s.lineUserId,
      pushDevices: n,
    };
  }

  /** Saves (audited, through the entity); a stale version gets 409 and changes nothing. */
  async update(userId: string, dto: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    return this.dataSource.transaction(async (m) => {
      let s = await this.row(m, userId);
      if (s.version !== dto.version) throw conflict();
      // A first save stores the defaults it was read against (version 1), then the change (version 2):
      // a second device still holding version 1 is refused like any stale save.
      if (!s.createdAt) s = await m.save(s);
      const preferences = effectivePreferences({ ...s.preferences, ...dto.preferences });
      Object.assign(s, { preferences, dailyDigest: dto.dailyDigest, locale: dto.locale });
      await m.save(s);
      return this.get(userId, m);
    });
  }

  publicKey(): { publicKey: string } {
    return { publicKey: this.config.VAPID_PUBLIC_KEY as string };
  }

  /** One device's subscription; the same endpoint again (a re-subscribe) replaces its keys. */
  async subscribe(userId: string, dto: PushSubscriptionDto): Promise<{ pushDevices: number }> {
    await this.dataSource.query(
      `INSERT INTO push_subscription (user_id, endpoint, p256dh, auth) VALUES ($1, $2, $3, $4)
       ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth`,
      [userId, dto.endpoint, dto.keys.p256dh, dto.keys.auth],
    );
    return this.devices(userId);
  }

  async unsubscribe(userId: string, endpoint: string): Promise<{ pushDevices: number }> {
    await this.dataSource.query(`DELETE FROM push_subscription WHERE user_id = $1 AND endpoint = $2`, [userId, endpoint]);
    return this.devices(userId);
  }

  private async devices(userId: string): Promise<{ pushDevices: number }> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM push_subscription WHERE user_id = $1`, [
      userId,
    ]);
    return { pushDevices: n };
  }

  /**
   * Linking LINE once: the person gets a one-time code here and sends it to the product's LINE
   * account; LINE's webhook (signed with the channel secret) brings the code and their LINE user id.
   */
  async lineLinkCode(userId: string): Promise<{ code: string }> {
    return this.dataSource.transaction(async (m) => {
      const s = await this.row(m, userId);
      s.lineLinkCode = randomBytes(5).toString('hex').toUpperCase();
      await m.save(s);
      return { code: `LINK-${s.lineLinkCode}` };
    });
  }

  async unlinkLine(userId: string): Promise<NotificationSettingsDto> {
    return this.dataSource.transaction(async (m) => {
      const s = await this.row(m, userId);
      Object.assign(s, { lineUserId: null, lineLinkCode: null });
      await m.save(s);
      return this.get(userId, m);
    });
  }

  /** A text from LINE: a link code links its sender's LINE account; anything else is ignored. */
  async lineMessage(lineUserId: string, text: string): Promise<boolean> {
    const code = /^\s*LINK-([0-9A-F]{10})\s*$/i.exec(text)?.[1]?.toUpperCase();
    if (!code) return false;
    return this.dataSource.transaction(async (m) => {
      const s = await m.findOne(NotificationSetting, { where: { lineLinkCode: code } });
      if (!s) return false;
      Object.assign(s, { lineUserId, lineLinkCode: null });
      await m.save(s);
      return true;
    });
  }
}

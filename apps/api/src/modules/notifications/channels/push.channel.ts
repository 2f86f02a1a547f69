import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Agent, globalAgent } from 'node:https';
import type { DataSource } from 'typeorm';
import webpush, { WebPushError } from 'web-push';
import { AppConfig } from '../../../config/app-config';
import type { ChannelMessage, NotificationChannel, Recipient } from './channel';

/**
 * The payload the Angular service worker shows as a notification (its `notification` member), with
 * the link it opens on a tap.
 */
export function pushPayload(m: Pick<ChannelMessage, 'title' | 'body' | 'url' | 'notificationId' | 'kind'>) {
  return {
    notification: {
      title: m.title,
      body: m.body,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-96.png',
      tag: m.notificationId,
      data: {
        kind: m.kind,
        url: m.url,
        onActionClick: { default: { operation: 'navigateLastFocusedOrOpen', url: m.url } },
      },
    },
  };
}

/** Connections per push service, as many as the pushes a process sends at once. */
export const PUSH_CONNECTIONS = 32;

/**
 * Web Push to every device the person enabled, encrypted per RFC 8291 (aes128gcm) by `web-push`
 * and signed with the server's VAPID keys. A subscription the push service says is gone (404, 410)
 * is removed; any other failure throws, so the delivery is retried.
 */
@Injectable()
export class PushChannel implements NotificationChannel, OnModuleDestroy {
  readonly name = 'push' as const;
  readonly quiet = true;
  private readonly log = new Logger('PushChannel');
  /**
   * Connections to the push services kept open a minute between messages (Node's default agent
   * closes them after five seconds), at most as many per service as are sent at once: a burst
   * after a quiet moment then reuses them instead of paying a TLS handshake per connection. Made on
   * the first push from the default agent's options, so a CA or proxy setting given to it holds here too.
   */
  private agent?: Agent;
  /** The signed VAPID header per push service (audience), reused until an hour before it expires. */
  private readonly vapid = new Map<string, { authorization: string; until: number }>();

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  available(): boolean {
    return !!this.config.VAPID_PUBLIC_KEY && !!this.config.VAPID_PRIVATE_KEY;
  }

  reachable(to: Recipient): boolean {
    return to.pushDevices > 0;
  }

  async send(to: Recipient, message: ChannelMessage): Promise<void> {
    const payload = JSON.stringify(pushPayload(message));
    const failures: string[] = [];
    for (const s of to.pushSubscriptions) {
      try {
        await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, {
          // No vapidDetails: signed here once per push service, not by web-push for every message.
          headers: { Authorization: this.authorization(s.endpoint) },
          TTL: 24 * 3600,
          urgency: message.urgent ? 'high' : 'normal',
          contentEncoding: 'aes128gcm',
          timeout: 10_000,
          agent: (this.agent ??= new Agent({
            ...globalAgent.options,
            keepAlive: true,
            timeout: 60_000,
            maxSockets: PUSH_CONNECTIONS,
            scheduling: 'lifo',
          })),
        });
      } catch (error) {
        if (error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410)) {
          await this.dataSource.query(`DELETE FROM push_subscription WHERE id = $1`, [s.id]);
          this.log.log(`Removed a push subscription its service no longer knows (${error.statusCode})`);
        } else {
          failures.push(error instanceof Error ? error.message : String(error));
        }
      }
    }
    if (failures.length) throw new Error(`Web Push failed for ${failures.length} device(s): ${failures[0]}`);
  }

  onModuleDestroy(): void {
    this.agent?.destroy();
  }

  /**
   * The VAPID `Authorization` for a push service: a JWT for its origin, valid 12 hours (the most
   * RFC 8292 suggests, 24), signed once and reused until an hour before it expires, as the RFC
   * allows; signing it for every message cost more than the payload's encryption.
   */
  private authorization(endpoint: string): string {
    const audience = new URL(endpoint).origin;
    const now = Math.floor(Date.now() / 1000);
    const hit = this.vapid.get(audience);
    if (hit && hit.until > now) return hit.authorization;
    const expiration = now + 12 * 3600;
    const { Authorization } = webpush.getVapidHeaders(
      audience,
      this.config.VAPID_SUBJECT,
      this.config.VAPID_PUBLIC_KEY as string,
      this.config.VAPID_PRIVATE_KEY as string,
      'aes128gcm',
      expiration,
    );
    this.vapid.set(audience, { authorization: Authorization, until: expiration - 3600 });
    return Authorization;
  }
}

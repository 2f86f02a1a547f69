import { Injectable } from '@nestjs/common';
import { messagingApi } from '@line/bot-sdk';
import { AppConfig } from '../../../config/app-config';
import type { ChannelMessage, NotificationChannel, Recipient } from './channel';

/** The LINE text of one notification (LINE shows plain text; the link becomes tappable). */
export function lineText(m: Pick<ChannelMessage, 'title' | 'body' | 'url'>): string {
  return [m.title, m.body, m.url].filter(Boolean).join('\n').slice(0, 5000);
}

/**
 * LINE through the official Messaging API client: a push message to the person's linked LINE
 * account. The delivery id is LINE's retry key, so a retried send after a lost answer is not
 * delivered twice. Off unless LINE_CHANNEL_ACCESS_TOKEN is set.
 */
@Injectable()
export class LineChannel implements NotificationChannel {
  readonly name = 'line' as const;
  readonly quiet = true;
  private client?: messagingApi.MessagingApiClient;

  constructor(private readonly config: AppConfig) {}

  available(): boolean {
    return !!this.config.LINE_CHANNEL_ACCESS_TOKEN;
  }

  reachable(to: Recipient): boolean {
    return !!to.lineUserId;
  }

  async send(to: Recipient, message: ChannelMessage): Promise<void> {
    this.client ??= new messagingApi.MessagingApiClient({
      channelAccessToken: this.config.LINE_CHANNEL_ACCESS_TOKEN as string,
      baseURL: this.config.LINE_API_BASE_URL,
    });
    await this.client.pushMessage(
      { to: to.lineUserId as string, messages: [{ type: 'text', text: lineText(message) }] },
      message.deliveryId,
    );
  }
}

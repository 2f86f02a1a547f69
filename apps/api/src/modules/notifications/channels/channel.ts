import type { NotificationChannelName, NotificationKind } from '@provdash/shared/contracts';

/** A person as the channels need them: where to reach them and in which language. */
export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
  locale: 'th' | 'en';
  lineUserId: string | null;
  /** Devices with push enabled. */
  pushDevices: number;
  /** Their subscriptions, when a push is being sent (claimed with the delivery); empty otherwise. */
  pushSubscriptions: PushTarget[];
}

/** A device's Web Push subscription: where its push service takes messages and the keys to encrypt them. */
export interface PushTarget {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** One notification, in the recipient's language, its link absolute. */
export interface ChannelMessage {
  /** The delivery's id: a channel that supports it makes retries idempotent with it (LINE's retry key). */
  deliveryId: string;
  notificationId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  url: string;
  urgent: boolean;
}

/** Several notifications in one message (the daily digest). */
export interface DigestMessage {
  title: string;
  sections: { heading: string; items: { title: string; url: string }[] }[];
  url: string;
}

export type OutboundChannelName = Exclude<NotificationChannelName, 'inApp'>;

/**
 * The contract of every outbound channel (e-mail, Web Push, LINE). `send` throws when the message
 * did not go; the delivery is then retried by the scheduler with back-off, never by the writer.
 */
export interface NotificationChannel {
  readonly name: OutboundChannelName;
  /** Configured on this server at all. */
  available(): boolean;
  /** Whether the quiet hours hold it back (a phone that buzzes at night). */
  readonly quiet: boolean;
  /** Whether this person can be reached here (an address, a subscription, a linked account). */
  reachable(to: Recipient): boolean;
  send(to: Recipient, message: ChannelMessage): Promise<void>;
}

export const NOTIFICATION_CHANNEL_ADAPTERS = Symbol('NOTIFICATION_CHANNEL_ADAPTERS');

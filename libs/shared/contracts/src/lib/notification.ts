/**
 * Notifications: what reaches a person who does not have the dashboard open. Kinds are the
 * product's words; a new kind (directives) is one entry here and one rule in the API's
 * `concerned.ts`.
 */
export const NOTIFICATION_KINDS = [
  'result.due',
  'result.late',
  'result.waiting',
  'result.returned',
  'kpi.red',
  'project.lapseRisk',
  'monthlyReport.made',
  'directive.issued',
  'directive.overdue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['inApp', 'email', 'push', 'line'] as const;
export type NotificationChannelName = (typeof NOTIFICATION_CHANNELS)[number];

export type DeliveryState = 'pending' | 'held' | 'digest' | 'sent' | 'failed' | 'skipped';

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  titleTh: string;
  titleEn: string;
  bodyTh: string;
  bodyEn: string;
  /** A path inside the dashboard, e.g. `/provinces/20/workspace`. */
  link: string;
  urgent: boolean;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationListDto {
  items: NotificationDto[];
  unread: number;
}

/** Per kind, the channels the person wants (in-app is always on: it is the record). */
export type NotificationPreferences = Record<
  NotificationKind,
  Record<Exclude<NotificationChannelName, 'inApp'>, boolean>
>;

export interface NotificationSettingsDto {
  version: number;
  preferences: NotificationPreferences;
  /** E-mail once a day (08:00 Bangkok) instead of one per event. */
  dailyDigest: boolean;
  locale: 'th' | 'en';
  /** Which channels the server can use at all (e-mail and LINE only when configured). */
  available: Record<NotificationChannelName, boolean>;
  /** True once the person linked a LINE account. */
  lineLinked: boolean;
  /** Push subscriptions this person has (one per device). */
  pushDevices: number;
}

export interface NotificationReadEvent {
  ids: string[] | 'all';
  unread: number;
}

export interface NotificationCreatedEvent {
  notification: NotificationDto;
  unread: number;
}

/** A background job that failed after all its retries (admins' view). */
export interface FailedJobDto {
  id: string;
  name: string;
  data: unknown;
  error: string;
  attempts: number;
  createdAt: string;
  failedAt: string | null;
}

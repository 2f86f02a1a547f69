import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationPreferences,
} from '@provdash/shared/contracts';
import type { OutboundChannelName } from './channels/channel';

export const OUTBOUND_CHANNELS: readonly OutboundChannelName[] = ['email', 'push', 'line'];

/**
 * What a person receives before they change anything: every kind in the bell (always) and by every
 * channel they can be reached on (e-mail has an address; push and LINE only once enabled or linked).
 */
export function defaultPreferences(): NotificationPreferences {
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((k) => [k, { email: true, push: true, line: true }]),
  ) as NotificationPreferences;
}

/** Stored preferences over the defaults: a kind added later is on until the person says otherwise. */
export function effectivePreferences(stored: Record<string, Record<string, boolean>> | null | undefined): NotificationPreferences {
  const out = defaultPreferences();
  for (const kind of NOTIFICATION_KINDS) {
    for (const channel of OUTBOUND_CHANNELS) {
      const v = stored?.[kind]?.[channel];
      if (typeof v === 'boolean') out[kind][channel] = v;
    }
  }
  return out;
}

export function wants(prefs: NotificationPreferences, kind: NotificationKind, channel: OutboundChannelName): boolean {
  return prefs[kind]?.[channel] ?? true;
}

import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import webpush from 'web-push';
import type { AppConfig } from './app-config';

/** Beside the data folder, like the token secret: the keys belong to the data, not the code. */
export function vapidKeysPath(config: Pick<AppConfig, 'DATA_DIR'>): string {
  return join(dirname(resolve(config.DATA_DIR)), 'vapid-keys.json');
}

/**
 * The Web Push (VAPID) key pair when none is configured: generated on the first start and kept
 * with the data (mode 0600), so phones' subscriptions survive restarts; new keys would void them all.
 */
export function loadOrCreateVapidKeys(config: Pick<AppConfig, 'DATA_DIR'>): {
  publicKey: string;
  privateKey: string;
  created: boolean;
} {
  const path = vapidKeysPath(config);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let created = false;
  try {
    writeFileSync(path, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600, flag: 'wx' });
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const keys = JSON.parse(readFileSync(path, 'utf8')) as { publicKey?: string; privateKey?: string };
  if (!keys.publicKey || !keys.privateKey) throw new Error(`${path} holds no VAPID keys: delete it to have new ones generated`);
  return { publicKey: keys.publicKey, privateKey: keys.privateKey, created };
}

import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AppConfig } from './app-config';

/** The file beside the embedded database's folder (`.data/jwt-secret` by default): it is the data's, not the code's. */
export function jwtSecretPath(config: Pick<AppConfig, 'DATA_DIR'>): string {
  return join(dirname(resolve(config.DATA_DIR)), 'jwt-secret');
}

/**
 * The secret that signs access tokens when none is configured (never in production: loadConfig
 * refuses that). A published default would let anyone who read the repository mint an admin token
 * for every install started the README's way, so the first start generates 32 random bytes and
 * keeps them with the data, readable by the owner only; later starts reuse them, so sessions survive
 * a restart. Deleting the data folder (starting over) makes a new one.
 */
export function loadOrCreateJwtSecret(config: Pick<AppConfig, 'DATA_DIR'>): { secret: string; created: boolean } {
  const path = jwtSecretPath(config);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    // `wx`: never overwrite one that exists (two starts at once keep the first's).
    writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    return { secret: readSecret(path), created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Copied or restored with looser permissions: tighten them rather than keep a secret others can read.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return { secret: readSecret(path), created: false };
}

function readSecret(path: string): string {
  const secret = readFileSync(path, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${path} holds no usable secret: delete it to have a new one generated`);
  return secret;
}

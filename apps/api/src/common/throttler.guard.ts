import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { REFRESH_COOKIE } from '../modules/auth/auth.controller';

/**
 * Whose requests count together. A provincial office sits behind one NAT address, so the address
 * alone would let one person's mistakes (or a room of colleagues opening the dashboard at nine)
 * lock out the rest:
 * - sign-in attempts count per address and account: guessing one account's password stays limited;
 * - session refreshes (every start of the app, cookie path `/api/auth`) count per session, by a hash
 *   of its refresh token: thirty colleagues reloading within a minute each keep their session;
 * - everything else per address.
 */
@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Request): Promise<string> {
    const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase().slice(0, 200) : '';
    if (email) return `${req.ip}|${email}`;
    const session: unknown = req.cookies?.[REFRESH_COOKIE];
    if (typeof session === 'string' && session) {
      return `session:${createHash('sha256').update(session).digest('base64url').slice(0, 32)}`;
    }
    return req.ip ?? 'unknown';
  }
}

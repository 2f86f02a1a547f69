import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';

/**
 * Counts sign-in attempts per address and account: a provincial office behind one NAT address
 * must not lock out every colleague because one of them mistyped, while guessing one account's
 * password stays limited.
 */
@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Request): Promise<string> {
    const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase().slice(0, 200) : '';
    return email ? `${req.ip}|${email}` : (req.ip ?? 'unknown');
  }
}

import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerStorageService } from '@nestjs/throttler';
import type { Request } from 'express';
import { ThrottleBy } from './throttle-by';
import { AppThrottlerGuard } from './throttler.guard';

/** Two route handlers, as a controller declares them; only their metadata matters here. */
class Routes {
  ordinary(): string {
    return 'ordinary';
  }
  @ThrottleBy('account')
  login(): string {
    return 'login';
  }
}

const contextOf = (handler: keyof Routes) =>
  ({ getHandler: () => Routes.prototype[handler], getClass: () => Routes }) as unknown as ExecutionContext;

describe('AppThrottlerGuard: whose requests count together', () => {
  const guard = new AppThrottlerGuard([], new ThrottlerStorageService(), new Reflector());
  const tracker = (req: Partial<Request>, handler: keyof Routes) =>
    (guard as unknown as { getTracker(r: unknown, c: ExecutionContext): Promise<string> }).getTracker(
      req,
      contextOf(handler),
    );

  it('counts an ordinary request by its address, whatever cookie or body field it brings', async () => {
    const req = {
      ip: '203.0.113.9',
      cookies: { pd_refresh: 'random-cookie-1234567890abcdef' },
      body: { email: 'x@y.th' },
    };
    expect(await tracker(req, 'ordinary')).toBe('203.0.113.9');
    expect(await tracker({ ...req, cookies: { pd_refresh: 'another-random-cookie-0987654321' } }, 'ordinary')).toBe(
      '203.0.113.9',
    );
  });

  it('counts sign-in attempts per address and account (a bucket inside the address, never outside it)', async () => {
    expect(await tracker({ ip: '203.0.113.9', body: { email: ' Officer.50@demo.go.th ' } }, 'login')).toBe(
      '203.0.113.9|officer.50@demo.go.th',
    );
  });
});

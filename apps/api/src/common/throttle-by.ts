import { SetMetadata } from '@nestjs/common';

/** How a route's requests are grouped into buckets, beyond the address. */
export type ThrottleBy = 'address' | 'account' | 'session';
export const THROTTLE_BY = 'provdash:throttle-by';

/**
 * Groups a route's requests by more than the address, where that is needed (see AppThrottlerGuard).
 * - `account`: sign-in, per address *and* the account named (a narrower bucket inside the address);
 * - `session`: refresh, per verified session.
 */
export const ThrottleBy = (by: ThrottleBy) => SetMetadata(THROTTLE_BY, by);

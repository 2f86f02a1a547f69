import { Injectable } from '@nestjs/common';

/** Failed sign-ins one address may make across all accounts in the window, then it must wait. */
export const FAILED_SIGN_IN_LIMIT = 20;
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60_000;
/** Beyond this many addresses tracked, expired ones are swept (a spray from many addresses stays bounded). */
const SWEEP_ABOVE = 10_000;

/**
 * The address's budget of failed sign-ins across accounts. The per-account limit (five a minute per
 * address and account) does not see one password tried on thirty accounts; this does. Only failures
 * count, so an office behind one address signing in at nine is not held up by its own successes.
 * Kept in memory per instance, like the throttler's counters.
 */
@Injectable()
export class FailedSignIns {
  private readonly failures = new Map<string, number[]>();

  /** Whether the address has used up its budget (then even a right password waits: guessing must not pay). */
  exhausted(address: string, now = Date.now()): boolean {
    return this.recent(address, now).length >= FAILED_SIGN_IN_LIMIT;
  }

  record(address: string, now = Date.now()): void {
    const recent = this.recent(address, now);
    recent.push(now);
    this.failures.set(address, recent.slice(-FAILED_SIGN_IN_LIMIT));
    if (this.failures.size > SWEEP_ABOVE) {
      for (const key of [...this.failures.keys()]) if (!this.recent(key, now).length) this.failures.delete(key);
    }
  }

  private recent(address: string, now: number): number[] {
    return (this.failures.get(address) ?? []).filter((t) => now - t < FAILED_SIGN_IN_WINDOW_MS);
  }
}

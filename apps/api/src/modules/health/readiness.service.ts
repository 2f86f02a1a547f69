import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { RealtimeGateway } from '../realtime/realtime.gateway';

/** A readiness check that hangs would hold the balancer's probe; it is failed instead. */
const CHECK_TIMEOUT_MS = 3000;

/**
 * The parts of readiness that are not the database: whether this instance is shutting down (the
 * balancer should stop sending before the listener closes) and whether the cross-instance socket
 * adapter answers.
 */
@Injectable()
export class Readiness {
  private draining = false;

  constructor(
    private readonly health: HealthIndicatorService,
    private readonly realtime: RealtimeGateway,
  ) {}

  /** From now on `/api/health/ready` answers 503; `live` stays 200 until the process exits. */
  drain(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  lifecycle(key = 'lifecycle') {
    const indicator = this.health.check(key);
    return this.draining ? indicator.down({ state: 'shutting down' }) : indicator.up({ state: 'serving' });
  }

  async socketAdapter(key = 'socketAdapter') {
    const indicator = this.health.check(key);
    const ready = await withTimeout(this.realtime.adapterReady(), false).catch(() => false);
    return ready ? indicator.up() : indicator.down({ message: 'the cross-instance socket adapter does not answer' });
  }
}

/** `work`, or `fallback` once `ms` have passed; a rejection of `work` passes through. */
export function withTimeout<T>(work: Promise<T>, fallback: T, ms = CHECK_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

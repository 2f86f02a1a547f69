import { DestroyRef, inject } from '@angular/core';

export interface LiveBatchOptions {
  /** Hand the items over once no new one came for this long. */
  quietMs?: number;
  /** …but never later than this after the first, so a long burst still shows progress. */
  maxWaitMs?: number;
}

export const LIVE_BATCH_QUIET_MS = 150;
export const LIVE_BATCH_MAX_WAIT_MS = 1000;

/**
 * Collects the events of a burst (a replay after a reconnect, an import approving many results)
 * and hands them over together, so a screen updates its signals, and its charts redraw, once per
 * burst rather than once per event.
 */
export class LiveBatch<T> {
  private items: T[] = [];
  private quietTimer: ReturnType<typeof setTimeout> | undefined;
  private maxTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly quietMs: number;
  private readonly maxWaitMs: number;

  constructor(
    private readonly flush: (items: T[]) => void,
    options: LiveBatchOptions = {},
  ) {
    this.quietMs = options.quietMs ?? LIVE_BATCH_QUIET_MS;
    this.maxWaitMs = options.maxWaitMs ?? LIVE_BATCH_MAX_WAIT_MS;
  }

  get pending(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.flushNow(), this.quietMs);
    this.maxTimer ??= setTimeout(() => this.flushNow(), this.maxWaitMs);
  }

  flushNow(): void {
    this.stop();
    if (!this.items.length) return;
    const items = this.items;
    this.items = [];
    this.flush(items);
  }

  /** Drops what is waiting (the screen is going, or reloads everything anyway). */
  cancel(): void {
    this.stop();
    this.items = [];
  }

  private stop(): void {
    clearTimeout(this.quietTimer);
    clearTimeout(this.maxTimer);
    this.quietTimer = undefined;
    this.maxTimer = undefined;
  }
}

/** A batch whose timers end with the calling injector. */
export function injectLiveBatch<T>(flush: (items: T[]) => void, options?: LiveBatchOptions): LiveBatch<T> {
  const batch = new LiveBatch(flush, options);
  inject(DestroyRef).onDestroy(() => batch.cancel());
  return batch;
}

import { DestroyRef, inject, signal, Signal } from '@angular/core';

/** How long a changed row, tile or chart stays marked: long enough to catch the eye, short enough not to linger. */
export const HIGHLIGHT_MS = 2000;

/** CSS class the screens put on what just changed; their styles animate it unless motion is reduced. */
export const HIGHLIGHT_CLASS = 'live-changed';

/**
 * The keys (KPI ids, province codes, `chart`…) that changed in the last couple of seconds. Each
 * key's time starts again when it changes again.
 */
export class Highlights {
  private readonly active = signal<ReadonlySet<string>>(new Set());
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  readonly keys: Signal<ReadonlySet<string>> = this.active.asReadonly();

  constructor(private readonly durationMs = HIGHLIGHT_MS) {}

  mark(keys: Iterable<string>): void {
    const next = new Set(this.active());
    for (const key of keys) {
      clearTimeout(this.timers.get(key));
      this.timers.set(
        key,
        setTimeout(() => this.unmark(key), this.durationMs),
      );
      next.add(key);
    }
    this.active.set(next);
  }

  has(key: string): boolean {
    return this.active().has(key);
  }

  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.active.set(new Set());
  }

  private unmark(key: string): void {
    this.timers.delete(key);
    const next = new Set(this.active());
    next.delete(key);
    this.active.set(next);
  }
}

/** Highlights whose timers end with the calling injector. */
export function injectHighlights(durationMs?: number): Highlights {
  const highlights = new Highlights(durationMs);
  inject(DestroyRef).onDestroy(() => highlights.clear());
  return highlights;
}

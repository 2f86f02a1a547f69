import { computed, effect, linkedSignal, Signal, untracked } from '@angular/core';
import type { HttpResourceRef } from '@angular/common/http';
import { valueOf } from './overview.resources';

interface Stamped<P> {
  epoch: number;
  patch: P;
}

/**
 * A REST snapshot with the live patches heard since it was requested. `epoch` counts the reloads
 * asked for: a patch heard before a reload was requested is in the new snapshot already and drops
 * out when it arrives; one heard while the request is in flight stays on top of it. Patches are
 * forgotten when `reset` changes (another province or year). Call in an injection context.
 */
export class LiveOverlay<T, P> {
  private epoch = 0;
  private requested = 0;
  /** A reload asked for while a load was in flight: that response may predate what made us ask. */
  private reloadAfterLoad = false;
  private readonly patches;
  /** Patches older than this are inside the snapshot shown; moves when a reloaded snapshot arrives. */
  private readonly floor: Signal<number>;

  /** The snapshot with the patches applied, in the order heard. */
  readonly value: Signal<T | undefined>;

  constructor(
    private readonly resource: HttpResourceRef<T | undefined>,
    apply: (base: T, patches: P[]) => T,
    reset: Signal<unknown>,
  ) {
    this.patches = linkedSignal<unknown, Stamped<P>[]>({ source: reset, computation: () => [] });
    this.floor = linkedSignal({ source: () => valueOf(resource), computation: () => this.requested });
    this.value = computed(() => {
      const base = valueOf(resource);
      if (base === undefined) return undefined;
      const floor = this.floor();
      const shown = this.patches()
        .filter((p) => p.epoch >= floor)
        .map((p) => p.patch);
      return shown.length ? apply(base, shown) : base;
    });
    effect(() => {
      if (resource.status() !== 'loading' && this.reloadAfterLoad) {
        this.reloadAfterLoad = false;
        untracked(() => this.reload());
      }
    });
  }

  push(patches: P[]): void {
    if (!patches.length) return;
    const floor = untracked(this.floor);
    this.patches.update((list) => [
      // Patches the snapshot shown already contains would only lengthen the list.
      ...list.filter((p) => p.epoch >= floor),
      ...patches.map((patch) => ({ epoch: this.epoch, patch })),
    ]);
  }

  /** Reloads the snapshot over REST; what is heard meanwhile is kept on top of the new one. */
  reload(): void {
    // Settle the floor of the snapshot shown before the new request moves the mark (it is computed lazily).
    untracked(this.floor);
    if (this.resource.reload()) this.requested = ++this.epoch;
    else if (untracked(this.resource.status) === 'loading') this.reloadAfterLoad = true;
  }
}

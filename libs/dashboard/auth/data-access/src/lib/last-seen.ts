import { Injectable, InjectionToken, inject, signal } from '@angular/core';

/**
 * Offline use (issue 23): the composed answer of the signed-in user's own province, as last seen,
 * kept on the device so that with no network the screen still shows it, marked with its time.
 * Only that one screen of that one user is kept (one record per user and screen); signing out or
 * a refused session forgets them all.
 */
export interface LastSeenCopy {
  /** `<user id> <screen URL>`: one copy per user and screen. */
  key: string;
  /** The request's parameters in a fixed order: a copy for another year or day is not this one. */
  params: string;
  /** When the answer arrived (ISO). */
  savedAt: string;
  body: unknown;
}

/** Where copies are kept: IndexedDB in the browser (its own store, so tests can hand another). */
export interface LastSeenStorage {
  get(key: string): Promise<LastSeenCopy | undefined>;
  put(copy: LastSeenCopy): Promise<void>;
  clear(): Promise<void>;
}

const DB = 'provdash-offline';
const STORE = 'last-seen';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** IndexedDB, opened on first use; a browser without it (or a private window refusing it) keeps nothing. */
export class IndexedDbLastSeen implements LastSeenStorage {
  private db: Promise<IDBDatabase | null> | null = null;

  private open(): Promise<IDBDatabase | null> {
    this.db ??= new Promise<IDBDatabase | null>((resolve) => {
      const idb = globalThis.indexedDB;
      if (!idb) return resolve(null);
      const req = idb.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
    });
    return this.db;
  }

  private async run<T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
    const db = await this.open();
    if (!db) return undefined;
    return request(work(db.transaction(STORE, mode).objectStore(STORE)));
  }

  async get(key: string): Promise<LastSeenCopy | undefined> {
    return (await this.run('readonly', (s) => s.get(key))) as LastSeenCopy | undefined;
  }

  async put(copy: LastSeenCopy): Promise<void> {
    await this.run('readwrite', (s) => s.put(copy));
  }

  async clear(): Promise<void> {
    await this.run('readwrite', (s) => s.clear());
  }
}

export const LAST_SEEN_STORAGE = new InjectionToken<LastSeenStorage>('LAST_SEEN_STORAGE', {
  providedIn: 'root',
  factory: () => new IndexedDbLastSeen(),
});

/** The copy a screen shows instead of live figures: which screen, and when it was seen. */
export interface ShownCopy {
  url: string;
  savedAt: string;
}

@Injectable({ providedIn: 'root' })
export class LastSeen {
  private readonly storage = inject(LAST_SEEN_STORAGE);
  private readonly shownSignal = signal<ShownCopy | null>(null);
  /** The screen now showing a last-seen copy (null: every screen shows live figures). */
  readonly shown = this.shownSignal.asReadonly();

  /** Keeps `body` as the last-seen answer of `url` for this user (a failure to keep changes nothing shown). */
  async keep(userId: string, url: string, params: string, body: unknown): Promise<void> {
    try {
      await this.storage.put({ key: `${userId} ${url}`, params, savedAt: new Date().toISOString(), body });
    } catch {
      // Storage full or refused: the screen works as before, it only cannot be shown offline.
    }
  }

  /** The kept answer of `url` with these parameters for this user, marking the screen as showing it. */
  async recall<T>(userId: string, url: string, params: string): Promise<T | null> {
    let copy: LastSeenCopy | undefined;
    try {
      copy = await this.storage.get(`${userId} ${url}`);
    } catch {
      copy = undefined;
    }
    if (!copy || copy.params !== params) return null;
    this.shownSignal.set({ url, savedAt: copy.savedAt });
    return copy.body as T;
  }

  /** `url` answered live again: its mark goes. */
  live(url: string): void {
    if (this.shownSignal()?.url === url) this.shownSignal.set(null);
  }

  /** Forgets every copy (sign-out, refused session): nothing of this user stays on the device. */
  async forget(): Promise<void> {
    this.shownSignal.set(null);
    try {
      await this.storage.clear();
    } catch {
      // Nothing kept, or storage unavailable.
    }
  }
}

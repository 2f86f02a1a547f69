import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { FIRST_PAINT_CLAIM_MS, FirstPaint, firstPaintInterceptor } from './first-paint';
import { LAST_SEEN_STORAGE, LastSeen, LastSeenCopy, LastSeenStorage } from './last-seen';

/** The device's storage, in memory (jsdom has no IndexedDB; the browser spec offline.spec.ts uses the real one). */
class MemoryStorage implements LastSeenStorage {
  readonly copies = new Map<string, LastSeenCopy>();
  async get(key: string) {
    return this.copies.get(key);
  }
  async put(copy: LastSeenCopy) {
    this.copies.set(copy.key, JSON.parse(JSON.stringify(copy)) as LastSeenCopy);
  }
  async clear() {
    this.copies.clear();
  }
}

interface Bundle {
  a: { n: number };
  b: { m: number } | null;
}

describe('FirstPaint', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let firstPaint: FirstPaint;
  let storage: MemoryStorage;

  beforeEach(() => {
    storage = new MemoryStorage();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([firstPaintInterceptor])),
        provideHttpClientTesting(),
        { provide: LAST_SEEN_STORAGE, useValue: storage },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    firstPaint = TestBed.inject(FirstPaint);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  const prime = () =>
    firstPaint.prime<Bundle>(
      '/api/screens/x',
      { fiscalYear: '2569' },
      {
        a: { url: '/api/a', params: { fiscalYear: '2569', limit: '5' } },
        b: { url: '/api/b', params: { fiscalYear: '2569' } },
      },
    );

  it('answers each primed part from the one composed request, once, whatever the order of its parameters', async () => {
    const primed = prime();
    const a = firstValueFrom(client.get('/api/a', { params: { limit: '5', fiscalYear: '2569' } }));
    const b = firstValueFrom(client.get('/api/b', { params: { fiscalYear: '2569' } }));
    const composed = http.expectOne('/api/screens/x?fiscalYear=2569');
    // The parts wait for it: no request of their own.
    http.expectNone((r) => r.url === '/api/a' || r.url === '/api/b');
    composed.flush({ a: { n: 1 }, b: { m: 2 } });

    await expect(a).resolves.toEqual({ n: 1 });
    await expect(b).resolves.toEqual({ m: 2 });
    await expect(primed).resolves.toEqual({ a: { n: 1 }, b: { m: 2 } });

    // A reload of a part goes to its own route.
    const again = firstValueFrom(client.get('/api/a', { params: { fiscalYear: '2569', limit: '5' } }));
    http.expectOne('/api/a?fiscalYear=2569&limit=5').flush({ n: 3 });
    await expect(again).resolves.toEqual({ n: 3 });
  });

  it('answers a null part with the 404 its route gives, without a request', async () => {
    void prime();
    const b = firstValueFrom(client.get('/api/b', { params: { fiscalYear: '2569' } }));
    http.expectOne('/api/screens/x?fiscalYear=2569').flush({ a: { n: 1 }, b: null });
    const error = await b.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect((error as HttpErrorResponse).status).toBe(404);
  });

  it('sends the parts to the network when the composed request fails', async () => {
    const primed = prime();
    const a = firstValueFrom(client.get('/api/a', { params: { fiscalYear: '2569', limit: '5' } }));
    http
      .expectOne('/api/screens/x?fiscalYear=2569')
      .flush({ statusCode: 503 }, { status: 503, statusText: 'Service Unavailable' });
    await expect(primed).resolves.toBeNull();
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/a?fiscalYear=2569&limit=5').flush({ n: 9 });
    await expect(a).resolves.toEqual({ n: 9 });
  });

  it('leaves other requests alone: another parameter, another route', async () => {
    void prime();
    const other = firstValueFrom(client.get('/api/a', { params: { fiscalYear: '2568', limit: '5' } }));
    http.expectOne('/api/a?fiscalYear=2568&limit=5').flush({ n: 0 });
    await expect(other).resolves.toEqual({ n: 0 });
    http.expectOne('/api/screens/x?fiscalYear=2569').flush({ a: { n: 1 }, b: null });
  });

  it('forgets a primed part nobody asked for in time', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'setImmediate'] });
    void prime();
    http.expectOne('/api/screens/x?fiscalYear=2569').flush({ a: { n: 1 }, b: null });
    jest.advanceTimersByTime(FIRST_PAINT_CLAIM_MS + 1);
    const late = firstValueFrom(client.get('/api/a', { params: { fiscalYear: '2569', limit: '5' } }));
    await Promise.resolve();
    http.expectOne('/api/a?fiscalYear=2569&limit=5').flush({ n: 4 });
    await expect(late).resolves.toEqual({ n: 4 });
  });

  describe('offline: the last-seen copy', () => {
    const keep = (fy = '2569') =>
      firstPaint.prime<Bundle>(
        '/api/screens/x',
        { fiscalYear: fy },
        { a: { url: '/api/a', params: { fiscalYear: fy, limit: '5' } }, b: { url: '/api/b', params: { fiscalYear: fy } } },
        'user-1',
      );
    const settle = () => new Promise((resolve) => setTimeout(resolve));

    it('keeps the answer for the user, and answers from it (marked with its time) when the network is unreachable', async () => {
      void keep();
      http.expectOne('/api/screens/x?fiscalYear=2569').flush({ a: { n: 1 }, b: null });
      await settle();
      expect([...storage.copies.keys()]).toEqual(['user-1 /api/screens/x']);
      const savedAt = storage.copies.get('user-1 /api/screens/x')?.savedAt;

      const primed = keep();
      const a = firstValueFrom(client.get('/api/a', { params: { fiscalYear: '2569', limit: '5' } }));
      http.expectOne('/api/screens/x?fiscalYear=2569').error(new ProgressEvent('error'), { status: 0 });
      await expect(primed).resolves.toEqual({ a: { n: 1 }, b: null });
      await expect(a).resolves.toEqual({ n: 1 });
      expect(TestBed.inject(LastSeen).shown()).toEqual({ url: '/api/screens/x', savedAt });

      // Back online: a live answer takes the mark away.
      void keep();
      http.expectOne('/api/screens/x?fiscalYear=2569').flush({ a: { n: 2 }, b: null });
      await settle();
      expect(TestBed.inject(LastSeen).shown()).toBeNull();
    });

    it('shows no copy of another year, nor for a server error (only for no network), nor for a screen not kept', async () => {
      void keep('2569');
      http.expectOne('/api/screens/x?fiscalYear=2569').flush({ a: { n: 1 }, b: null });
      await settle();

      const otherYear = keep('2568');
      http.expectOne('/api/screens/x?fiscalYear=2568').error(new ProgressEvent('error'), { status: 0 });
      await expect(otherYear).resolves.toBeNull();

      const serverFault = keep('2569');
      http.expectOne('/api/screens/x?fiscalYear=2569').flush({}, { status: 503, statusText: 'Service Unavailable' });
      await expect(serverFault).resolves.toBeNull();

      const notKept = prime();
      http.expectOne('/api/screens/x?fiscalYear=2569').error(new ProgressEvent('error'), { status: 0 });
      await expect(notKept).resolves.toBeNull();
      expect(TestBed.inject(LastSeen).shown()).toBeNull();
    });

    it('forgets every copy on sign-out', async () => {
      void keep();
      http.expectOne('/api/screens/x?fiscalYear=2569').flush({ a: { n: 1 }, b: null });
      await settle();
      await TestBed.inject(LastSeen).forget();
      expect(storage.copies.size).toBe(0);
    });
  });
});

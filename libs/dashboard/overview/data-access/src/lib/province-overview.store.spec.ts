import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { effect, Injector, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import {
  FakeRealtimeSockets,
  liveEvent,
  provideRealtimeTesting,
  RealtimeService,
} from '@provdash/dashboard/shared/realtime';
import { OVERVIEW_KEYS, ProvinceOverviewStore } from './province-overview.store';
import {
  fixtureAgreement,
  fixtureBatch,
  fixtureDisbursement,
  fixtureScoreChange,
  fixtureSlowest,
} from './testing/overview.fixtures';

const agreementUrl = (r: { url: string }) => r.url === '/api/org-units/50/agreement-scorecard';
const disbursementUrl = (r: { url: string }) => r.url === '/api/org-units/50/disbursement';
const slowestUrl = (r: { url: string }) => r.url === '/api/org-units/50/slowest-projects';

/** Lets flushed responses reach their resources (promise callbacks), under fake timers too. */
async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  TestBed.tick();
}

async function open(asOf: string | null = null) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthStore, useValue: { user: signal(null), accessToken: signal(null), ready: signal(true) } },
      provideRealtimeTesting(),
      ProvinceOverviewStore,
    ],
  });
  void TestBed.inject(RealtimeService).whenConnected();
  const socket = TestBed.inject(FakeRealtimeSockets).socket;
  socket.accept();
  const http = TestBed.inject(HttpTestingController);
  const store = TestBed.inject(ProvinceOverviewStore);
  store.query.set({ code: '50', fiscalYear: 2569, asOf });
  TestBed.tick();
  const agreement = http.expectOne(agreementUrl);
  const disbursement = http.expectOne(disbursementUrl);
  const slowest = http.expectOne(slowestUrl);
  expect(agreement.request.params.get('fiscalYear')).toBe('2569');
  expect(disbursement.request.params.get('asOf')).toBe(asOf);
  expect(slowest.request.params.get('limit')).toBe('5');
  agreement.flush(fixtureAgreement);
  disbursement.flush(fixtureDisbursement);
  slowest.flush(fixtureSlowest);
  await settle();
  expect(socket.joins()).toEqual([{ room: 'public' }]);
  socket.joinOk('public', 10);
  return { store, socket, http };
}

describe('ProvinceOverviewStore', () => {
  afterEach(() => jest.useRealTimers());

  it('loads the agreement, the disbursement and the slowest projects in parallel', async () => {
    const { store, http } = await open();
    expect(store.agreement()?.live.formatted).toBe('3.7650');
    expect(store.lastRound()).toEqual(expect.objectContaining({ round: 6, formatted: '3.5120' }));
    expect(store.disbursement()?.total.rate).toBe(25);
    expect(store.curve()).toHaveLength(6);
    expect(store.slowest.value()?.map((p) => p.code)).toEqual(['P69-007', 'P69-012']);
    expect(store.noAgreement()).toBe(false);
    http.verify();
  });

  it('tells a province without a signed agreement (404) from a failure', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthStore, useValue: { user: signal(null), accessToken: signal(null), ready: signal(true) } },
        provideRealtimeTesting(),
        ProvinceOverviewStore,
      ],
    });
    const store = TestBed.inject(ProvinceOverviewStore);
    const http = TestBed.inject(HttpTestingController);
    store.query.set({ code: '50', fiscalYear: 2570, asOf: null });
    TestBed.tick();
    http.expectOne(agreementUrl).flush({ statusCode: 404 }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(store.noAgreement()).toBe(true);
    expect(store.agreement()).toBeUndefined();
  });

  it('patches the live score from its event, with no request, and reloads for an evaluated round', async () => {
    const { store, socket, http } = await open();
    jest.useFakeTimers();
    socket.live('agreement-score.changed', liveEvent('public', 11, fixtureScoreChange()));
    // Another province and another year are not this screen's.
    socket.live(
      'agreement-score.changed',
      liveEvent('public', 12, fixtureScoreChange({ orgUnitCode: '52', liveFormatted: '1.0000' })),
    );
    socket.live(
      'agreement-score.changed',
      liveEvent('public', 13, fixtureScoreChange({ fiscalYear: 2570, liveFormatted: '2.0000' })),
    );
    jest.advanceTimersByTime(200);
    expect(store.agreement()?.live.formatted).toBe('3.9012');
    expect(store.highlights.has(OVERVIEW_KEYS.agreement)).toBe(true);
    http.expectNone(agreementUrl);

    socket.live(
      'agreement-score.changed',
      liveEvent('public', 14, fixtureScoreChange({ status: 'evaluated_12', round: { round: 12, score: '3.9012' } })),
    );
    jest.advanceTimersByTime(200);
    const rounds = [
      ...fixtureAgreement.rounds,
      { round: 12 as const, score: 3.9012, formatted: '3.9012', evaluatedAt: '2026-10-01T03:00:00.000Z' },
    ];
    http.expectOne(agreementUrl).flush({ ...fixtureAgreement, status: 'evaluated_12', rounds });
    await settle();
    expect(store.lastRound()?.round).toBe(12);
  });

  it("moves the totals and the curve's last point from a batch of the last month: one redraw for a burst", async () => {
    const { store, socket, http } = await open();
    const curves: unknown[] = [];
    effect(() => curves.push(store.curve()), { injector: TestBed.inject(Injector) });
    TestBed.tick();
    expect(curves).toHaveLength(1);

    jest.useFakeTimers();
    socket.live('disbursement-batch.imported', liveEvent('public', 11, fixtureBatch()));
    socket.live('disbursement-batch.imported', liveEvent('public', 12, fixtureBatch()));
    jest.advanceTimersByTime(200);
    TestBed.tick();

    expect(store.disbursement()?.total).toEqual(expect.objectContaining({ rate: 35, gap: 5 }));
    expect(store.disbursement()?.byType.find((t) => t.budgetType === 'capital')?.rate).toBe(25);
    expect(store.curve()?.[5].rate).toBe(35);
    expect(curves).toHaveLength(2);
    http.expectNone(disbursementUrl);
    // The slowest projects moved with the money.
    http.expectOne(slowestUrl).flush(fixtureSlowest);
    expect(
      [OVERVIEW_KEYS.disbursement, OVERVIEW_KEYS.chart, OVERVIEW_KEYS.slowest].every((k) => store.highlights.has(k)),
    ).toBe(true);
  });

  it('shows the new totals at once and reloads the curve when a batch rewrote earlier months', async () => {
    const { store, socket, http } = await open();
    jest.useFakeTimers();
    socket.live(
      'disbursement-batch.imported',
      liveEvent('public', 11, fixtureBatch({ months: ['2026-01-01', '2026-03-01'] })),
    );
    jest.advanceTimersByTime(200);
    expect(store.disbursement()?.total.rate).toBe(35);
    // The old curve stays until the new one arrives.
    expect(store.curve()).toBe(fixtureDisbursement.curve);
    const reloaded = { ...fixtureDisbursement, total: { ...fixtureDisbursement.total, rate: 35.5 } };
    http.expectOne(disbursementUrl).flush(reloaded);
    await settle();
    // The snapshot requested after the event contains it: the patch is not laid on top again.
    expect(store.disbursement()?.total.rate).toBe(35.5);
  });

  it('reloads the curve when the disbursement targets of the year change', async () => {
    const { socket, http } = await open();
    jest.useFakeTimers();
    const target = (fiscalYear: number, seq: number) =>
      liveEvent('public', seq, {
        kind: 'disbursement-target' as const,
        fiscalYear,
        budgetType: 'capital' as const,
        quarters: [25, 45, 65, 85] as [number, number, number, number],
      });
    socket.live('target.changed', target(2570, 11));
    jest.advanceTimersByTime(200);
    http.expectNone(disbursementUrl);
    socket.live('target.changed', target(2569, 12));
    jest.advanceTimersByTime(200);
    http.expectOne(disbursementUrl);
  });

  it('reloads instead of patching a view as of a past day', async () => {
    const { store, socket, http } = await open('2026-03-31');
    jest.useFakeTimers();
    socket.live('agreement-score.changed', liveEvent('public', 11, fixtureScoreChange()));
    socket.live('disbursement-batch.imported', liveEvent('public', 12, fixtureBatch()));
    jest.advanceTimersByTime(200);
    expect(store.agreement()?.live.formatted).toBe('3.7650');
    expect(store.disbursement()?.total.rate).toBe(25);
    http.expectOne(agreementUrl);
    http.expectOne(disbursementUrl);
    http.expectOne(slowestUrl);
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import {
  FakeRealtimeSockets,
  liveEvent,
  provideRealtimeTesting,
  RealtimeService,
} from '@provdash/dashboard/shared/realtime';
import type { AuthUserDto, KpiResultChangedEvent, MissedEvent, RankingChangedEvent } from '@provdash/shared/contracts';
import { CLUSTER_RELOAD_MAX_WAIT_MS, NationalOverviewStore } from './national-overview.store';
import {
  fixtureAgreementRanking,
  fixtureBatch,
  fixtureClusterStatus,
  fixtureDisbursementRanking,
  fixtureSummary,
} from './testing/overview.fixtures';

const clustersUrl = (r: { url: string }) => r.url === '/api/compare/clusters';
const disbursementUrl = (r: { url: string }) => r.url === '/api/disbursement/ranking';
const agreementUrl = (r: { url: string }) => r.url === '/api/compare/agreements';

const GOVERNOR_50: AuthUserDto = {
  id: 'u-gov',
  email: 'governor.50@demo.go.th',
  displayName: 'ผู้ว่าราชการจังหวัดเชียงใหม่',
  role: 'governor',
  scope: { code: '50', type: 'province', nameTh: 'เชียงใหม่', nameEn: 'Chiang Mai', path: 'TH/north/C15/50' },
};

async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  TestBed.tick();
}

/** What the feed's room heard earlier today (none, unless a test says otherwise). */
async function open(user: AuthUserDto | null = null, earlierToday: MissedEvent[] = []) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      {
        provide: AuthStore,
        useValue: { user: signal(user), accessToken: signal(user ? 't' : null), ready: signal(true) },
      },
      provideRealtimeTesting(),
      NationalOverviewStore,
    ],
  });
  void TestBed.inject(RealtimeService).whenConnected();
  const socket = TestBed.inject(FakeRealtimeSockets).socket;
  socket.accept();
  const http = TestBed.inject(HttpTestingController);
  const store = TestBed.inject(NationalOverviewStore);
  store.query.set({ fiscalYear: 2569, asOf: null });
  TestBed.tick();
  const ranking = http.expectOne(disbursementUrl);
  expect(ranking.request.params.get('level')).toBe('province');
  expect(ranking.request.params.get('budgetType')).toBe('overall');
  http.expectOne(clustersUrl).flush(fixtureClusterStatus);
  ranking.flush(fixtureDisbursementRanking);
  http.expectOne(agreementUrl).flush(fixtureAgreementRanking);
  // The feed is below the fold: asked for once the clusters' lights (the first paint) are in.
  await settle();
  http.expectOne((r) => r.url.endsWith('/live/today')).flush(earlierToday);
  await settle();
  return { store, socket, http };
}

const ranking = (kind: RankingChangedEvent['kind'], rows: RankingChangedEvent['rows'], fiscalYear = 2569) => ({
  kind,
  fiscalYear,
  rows,
});

function approval(orgUnitCode: string, seq: number, room: 'public' | 'province:50' = 'public') {
  const plan = fixtureSummary({ status: 'green', performanceIndex: 102 });
  return liveEvent<KpiResultChangedEvent>(
    room,
    seq,
    {
      kpiId: 'k-1',
      kpiCode: 'K1.2.1',
      orgUnitCode,
      fiscalYear: 2569,
      period: '2569-M05',
      status: 'approved',
      value: '1',
      numerator: null,
      denominator: null,
      version: 2,
      scorecard: {
        kpi: {} as never,
        goal: {} as never,
        issue: {} as never,
        plan,
        counts: plan.counts,
      },
    },
    new Date().toISOString(),
  );
}

describe('NationalOverviewStore', () => {
  afterEach(() => jest.useRealTimers());

  it('loads the clusters and both rankings in parallel, and watches `public` for a visitor', async () => {
    const { store, socket, http } = await open();
    expect(store.clusters()?.clusters.map((c) => c.clusterCode)).toEqual(['C01', 'C15']);
    expect(store.disbursementRanking()?.rows[0].code).toBe('52');
    expect(store.agreementRanking()?.rows[0].orgUnitCode).toBe('50');
    expect(socket.joins()).toEqual([{ room: 'public' }]);
    http.verify();
  });

  it('replaces a ranking from `ranking.changed` of the year shown, with no request', async () => {
    const { store, socket, http } = await open();
    socket.joinOk('public', 1);
    jest.useFakeTimers();
    socket.live(
      'ranking.changed',
      liveEvent(
        'public',
        2,
        ranking('disbursement', [
          { orgUnitCode: '50', value: 48, rank: 1 },
          { orgUnitCode: '52', value: 41, rank: 2 },
          { orgUnitCode: '13', value: 33, rank: 3 },
        ]),
      ),
    );
    socket.live(
      'ranking.changed',
      liveEvent('public', 3, ranking('agreement', [{ orgUnitCode: '50', value: 1, rank: 77 }], 2570)),
    );
    jest.advanceTimersByTime(200);
    expect(store.disbursementRanking()?.rows.map((r) => r.code)).toEqual(['50', '52', '13']);
    expect(store.highlights.has('ranking:disbursement')).toBe(true);
    // Another year's agreement ranking is not the one shown.
    expect(store.agreementRanking()?.rows[0].liveRank).toBe(1);
    expect(store.highlights.has('ranking:agreement')).toBe(false);
    http.expectNone(disbursementUrl);
    http.expectNone(agreementUrl);
  });

  it("lights a province from an approval at once, and fetches the clusters' pooled figures once approvals settle", async () => {
    const { store, socket, http } = await open();
    socket.joinOk('public', 1);
    jest.useFakeTimers();
    socket.live('kpi-result.changed', approval('50', 2));
    socket.live('kpi-result.changed', approval('52', 3));
    jest.advanceTimersByTime(200);
    const c15 = store.clusters()?.clusters.find((c) => c.clusterCode === 'C15');
    expect(c15?.provinces.map((p) => p.summary.status)).toEqual(['green', 'green']);
    expect(store.highlights.has('province:50')).toBe(true);
    http.expectNone(clustersUrl);
    jest.advanceTimersByTime(CLUSTER_RELOAD_MAX_WAIT_MS);
    http.expectOne(clustersUrl);
  });

  it("lists today's approvals and imports of the user's own room, newest first", async () => {
    const { store, socket } = await open(GOVERNOR_50);
    // A governor hears the feed in the province's room and the rankings in `public`.
    expect(
      socket
        .joins()
        .map((j) => j.room)
        .sort(),
    ).toEqual(['province:50', 'public']);
    socket.joinOk('province:50', 1);
    socket.joinOk('public', 1);
    jest.useFakeTimers();
    socket.live('kpi-result.changed', approval('50', 2, 'province:50'));
    socket.live(
      'disbursement-batch.imported',
      liveEvent('province:50', 3, fixtureBatch(), new Date(Date.now() + 1000).toISOString()),
    );
    // Yesterday's event (a replay) is not today's news.
    socket.live('kpi-result.changed', { ...approval('50', 4, 'province:50'), at: '2020-01-01T00:00:00.000Z' });
    jest.advanceTimersByTime(200);
    expect(store.feed().map((i) => i.kind)).toEqual(['import', 'kpi-approved']);
    expect(store.highlights.has('province:50#3')).toBe(true);
  });

  it('opens with what the room heard earlier today (over REST), then adds live events without repeating them', async () => {
    const morning = approval('50', 2, 'province:50');
    const { store, socket, http } = await open(GOVERNOR_50, [{ event: 'kpi-result.changed', payload: morning }]);
    expect(http.match((r) => r.url === '/api/org-units/50/live/today')).toEqual([]);
    expect(store.feed().map((i) => i.key)).toEqual(['province:50#2']);
    // Earlier news is listed, not flashed as new.
    expect(store.highlights.has('province:50#2')).toBe(false);

    socket.joinOk('province:50', 2);
    socket.joinOk('public', 1);
    jest.useFakeTimers();
    socket.live('kpi-result.changed', morning);
    socket.live('kpi-result.changed', approval('50', 3, 'province:50'));
    jest.advanceTimersByTime(200);
    expect(store.feed().map((i) => i.key).sort()).toEqual(['province:50#2', 'province:50#3']);
  });
});

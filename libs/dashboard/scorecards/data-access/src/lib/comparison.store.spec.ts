import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { effect, Injector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { FakeRealtimeSockets, provideRealtimeTesting, RealtimeService } from '@provdash/dashboard/shared/realtime';
import type { AuthUserDto, DisbursementBatchImportedEvent, Live } from '@provdash/shared/contracts';
import { CHART_KEY, ComparisonStore } from './comparison.store';
import {
  agreementStatus,
  disbursementMetricView,
  disbursementStatus,
  patchAgreementRanking,
  patchDisbursementRanking,
} from './metric-view';
import {
  fixtureAgreementRanking,
  fixtureDirectory,
  fixtureDisbursement,
  fixtureDisbursementClusters,
  fixtureRanking,
  fixtureRate,
} from './testing/comparison.fixtures';

const ANALYST: AuthUserDto = {
  id: 'user-analyst',
  email: 'analyst@demo.go.th',
  displayName: 'analyst',
  role: 'central_analyst',
  scope: { code: 'TH', type: 'country', nameTh: 'ประเทศไทย', nameEn: 'Thailand', path: 'TH' },
};

function setup() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthStore, useValue: { user: signal(ANALYST), accessToken: signal('token') } },
      provideRealtimeTesting(),
      ComparisonStore,
    ],
  });
  void TestBed.inject(RealtimeService).whenConnected();
  const socket = TestBed.inject(FakeRealtimeSockets).socket;
  socket.accept();
  const http = TestBed.inject(HttpTestingController);
  const stable = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };
  return { socket, http, stable, store: TestBed.inject(ComparisonStore) };
}

const isRanking =
  (level: string, budgetType = 'overall') =>
  (r: { url: string; params: { get(k: string): string | null } }) =>
    r.url === '/api/disbursement/ranking' &&
    r.params.get('level') === level &&
    r.params.get('budgetType') === budgetType;

async function openDisbursement(asOf: string | null = null) {
  const ctx = setup();
  ctx.store.query.set({ kind: 'disbursement', budgetType: 'overall', fiscalYear: 2569, asOf });
  TestBed.tick();
  ctx.socket.joinOk('national', 3);
  ctx.http.expectOne(isRanking('province')).flush(fixtureDisbursement);
  ctx.http.expectOne(isRanking('cluster')).flush(fixtureDisbursementClusters);
  ctx.http.expectOne('/api/org-units/clusters').flush(fixtureDirectory);
  ctx.http.match((r) => r.url.startsWith('/api/plans'));
  await ctx.stable();
  return ctx;
}

/** An import for Lampang as the national room hears it. */
function imported(seq: number, rate = fixtureRate()): Live<DisbursementBatchImportedEvent> {
  return {
    room: 'national',
    seq,
    at: '2026-07-01T03:00:00.000Z',
    data: {
      batchId: 'batch-1',
      rolledBack: false,
      orgUnitCode: rate.orgUnitCode,
      fiscalYear: 2569,
      rows: 12,
      months: ['2026-06-01'],
      totalCommitted: rate.total.committed,
      totalDisbursed: rate.total.disbursed,
      rates: [rate],
    },
  };
}

describe('ComparisonStore: agreement and disbursement', () => {
  afterEach(() => jest.useRealTimers());

  it('ranks the agreement scores, judging each against level 3', async () => {
    const { http, stable, store } = setup();
    store.query.set({ kind: 'agreement', fiscalYear: 2569, asOf: '2026-07-01' });
    TestBed.tick();
    const req = http.expectOne((r) => r.url === '/api/compare/agreements');
    expect(req.request.params.get('fiscalYear')).toBe('2569');
    expect(req.request.params.get('asOf')).toBe('2026-07-01');
    req.flush(fixtureAgreementRanking);
    http.expectOne('/api/org-units/clusters').flush(fixtureDirectory);
    await stable();

    const view = store.view();
    expect(view?.kind).toBe('agreement');
    expect(view?.format).toBe('score');
    expect(view?.target).toBe(3);
    expect(view?.rows.map((r) => [r.code, r.rank, r.value, r.status])).toEqual([
      ['50', 1, 3.765, 'green'],
      ['57', 2, 3.2, 'green'],
      ['52', 3, 2.5, 'amber'],
      ['55', 4, 1.9, 'red'],
      ['10', null, null, 'none'],
    ]);
    expect(view?.clusters.map((c) => [c.code, c.rank, c.value])).toEqual([
      ['C15', 1, 3.1325],
      ['C16', 2, 2.55],
    ]);
    http.expectNone((r) => r.url.startsWith('/api/disbursement'));
  });

  it('asks for the provinces and the clusters of the budget type, and takes the clusters from the directory', async () => {
    const { store, http } = await openDisbursement();
    const view = store.view();
    expect(view?.rows.map((r) => [r.code, r.clusterCode, r.rank, r.value, r.status])).toEqual([
      ['57', 'C16', 1, 90, 'green'],
      ['50', 'C15', 2, 80, 'green'],
      ['52', 'C15', 3, 70, 'amber'],
      ['55', 'C16', 4, 50, 'red'],
      ['10', null, null, null, 'none'],
    ]);
    expect(view?.target).toBe(75);
    expect(view?.rows[1].allocated).toBe('2000.00');
    expect(view?.clusters.map((c) => [c.code, c.value])).toEqual([
      ['C15', 76.67],
      ['C16', 70],
    ]);

    store.query.set({ kind: 'disbursement', budgetType: 'capital', fiscalYear: 2569, asOf: null });
    TestBed.tick();
    http.expectOne(isRanking('province', 'capital'));
    http.expectOne(isRanking('cluster', 'capital'));
  });

  it('patches a province from its import, moves its cluster by as much, ranks again and marks it', async () => {
    const { socket, store, http } = await openDisbursement();
    jest.useFakeTimers();
    socket.live('disbursement-batch.imported', imported(4));
    socket.live(
      'ranking.changed',
      fixtureRanking('national', 5, 'disbursement', [
        { orgUnitCode: '52', value: 95, rank: 1 },
        { orgUnitCode: '57', value: 90, rank: 2 },
        { orgUnitCode: '50', value: 80, rank: 3 },
        { orgUnitCode: '55', value: 50, rank: 4 },
        { orgUnitCode: '10', value: null, rank: null },
      ]),
    );
    // Nothing moves until the burst is over.
    expect(store.view()?.rows[0].code).toBe('57');
    jest.advanceTimersByTime(200);

    const view = store.view();
    expect(view?.rows.map((r) => [r.code, r.rank, r.value])).toEqual([
      ['52', 1, 95],
      ['57', 2, 90],
      ['50', 3, 80],
      ['55', 4, 50],
      ['10', null, null],
    ]);
    expect(view?.rows[0]).toMatchObject({ disbursed: '950.00', gap: 20, status: 'green' });
    // C15: 1600 + 950 of 3000.
    expect(view?.clusters.map((c) => [c.code, c.rank, c.value])).toEqual([
      ['C15', 1, 85],
      ['C16', 2, 70],
    ]);
    expect(store.highlights.has('52')).toBe(true);
    expect(store.highlights.has(CHART_KEY)).toBe(true);
    expect(store.highlights.has('57')).toBe(false);
    // Patched, not fetched again.
    TestBed.tick();
    http.expectNone((r) => r.url.startsWith('/api/disbursement'));
  });

  it('draws once per burst: many imports in a row reach the screen as one change', async () => {
    const { socket, store } = await openDisbursement();
    const seen: string[] = [];
    runInInjectionContext(TestBed.inject(Injector), () =>
      effect(() => seen.push((store.view()?.rows ?? []).map((r) => `${r.code}:${r.value}`).join(' '))),
    );
    TestBed.tick();
    expect(seen).toHaveLength(1);
    jest.useFakeTimers();
    for (let i = 0; i < 20; i++) {
      socket.live('disbursement-batch.imported', imported(4 + i, fixtureRate('55', `${600 + i}.00`, 60 + i / 10)));
      jest.advanceTimersByTime(50);
      TestBed.tick();
    }
    jest.advanceTimersByTime(200);
    TestBed.tick();
    // One long burst flushes at its maximum wait (1 s) and once more when it ends: never once per event.
    expect(seen.length).toBeLessThanOrEqual(3);
    expect(seen[seen.length - 1]).toContain('55:61.9');
  });

  it('takes a capital figure from the import by type and ranks it itself (the ranking event is overall)', async () => {
    const ctx = setup();
    ctx.store.query.set({ kind: 'disbursement', budgetType: 'capital', fiscalYear: 2569, asOf: null });
    TestBed.tick();
    ctx.socket.joinOk('national', 3);
    const capital = { ...fixtureDisbursement, budgetType: 'capital' as const, target: 60 };
    ctx.http.expectOne(isRanking('province', 'capital')).flush(capital);
    ctx.http
      .expectOne(isRanking('cluster', 'capital'))
      .flush({ ...fixtureDisbursementClusters, budgetType: 'capital' });
    ctx.http.expectOne('/api/org-units/clusters').flush(fixtureDirectory);
    await ctx.stable();
    jest.useFakeTimers();
    ctx.socket.live('disbursement-batch.imported', imported(4));
    ctx.socket.live(
      'ranking.changed',
      fixtureRanking('national', 5, 'disbursement', [{ orgUnitCode: '52', value: 95, rank: 1 }]),
    );
    jest.advanceTimersByTime(200);
    const lampang = ctx.store.view()?.rows.find((r) => r.code === '52');
    expect(lampang).toMatchObject({ value: 25, rank: 4, allocated: '400.00', status: 'red', gap: -35 });
    expect(ctx.store.view()?.rows.map((r) => r.code)).toEqual(['57', '50', '55', '52', '10']);
  });

  it('patches the agreement scores from ranking.changed and computes the cluster means again', async () => {
    const { socket, http, stable, store } = setup();
    store.query.set({ kind: 'agreement', fiscalYear: 2569, asOf: null });
    TestBed.tick();
    socket.joinOk('national', 3);
    http.expectOne((r) => r.url === '/api/compare/agreements').flush(fixtureAgreementRanking);
    http.expectOne('/api/org-units/clusters').flush(fixtureDirectory);
    await stable();
    jest.useFakeTimers();
    socket.live(
      'ranking.changed',
      fixtureRanking('national', 4, 'agreement', [
        { orgUnitCode: '55', value: 4.1, rank: 1 },
        { orgUnitCode: '50', value: 3.765, rank: 2 },
        { orgUnitCode: '57', value: 3.2, rank: 3 },
        { orgUnitCode: '52', value: 2.5, rank: 4 },
        { orgUnitCode: '10', value: null, rank: null },
      ]),
    );
    // A disbursement ranking is not this screen's.
    socket.live(
      'ranking.changed',
      fixtureRanking('national', 5, 'disbursement', [{ orgUnitCode: '50', value: 1, rank: 1 }]),
    );
    jest.advanceTimersByTime(200);
    const view = store.view();
    expect(view?.rows.map((r) => [r.code, r.rank, r.value])).toEqual([
      ['55', 1, 4.1],
      ['50', 2, 3.765],
      ['57', 3, 3.2],
      ['52', 4, 2.5],
      ['10', null, null],
    ]);
    expect(view?.rows[0].status).toBe('green');
    // Means as the API takes them (a float mean, ranked on four decimals).
    expect(view?.clusters.map((c) => [c.code, c.rank, c.value?.toFixed(4)])).toEqual([
      ['C16', 1, '3.6500'],
      ['C15', 2, '3.1325'],
    ]);
    expect(store.highlights.has('55')).toBe(true);
    expect(store.highlights.has('50')).toBe(false);
    TestBed.tick();
    http.expectNone((r) => r.url.startsWith('/api/compare'));
  });

  it('reloads instead when the view is as of another day, or central staff change the target', async () => {
    const { socket, store, http } = await openDisbursement('2026-03-31');
    jest.useFakeTimers();
    socket.live('disbursement-batch.imported', imported(4));
    jest.advanceTimersByTime(200);
    TestBed.tick();
    http.expectOne(isRanking('province')).flush(fixtureDisbursement);
    http.expectOne(isRanking('cluster')).flush(fixtureDisbursementClusters);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    TestBed.tick();
    expect(store.view()?.rows.find((r) => r.code === '52')?.value).toBe(70);

    socket.live('target.changed', {
      room: 'national',
      seq: 5,
      at: '2026-07-01T03:00:00.000Z',
      data: { kind: 'disbursement-target', fiscalYear: 2569, budgetType: 'overall', quarters: [30, 52, 75, 100] },
    });
    jest.advanceTimersByTime(200);
    TestBed.tick();
    expect(http.match(isRanking('province'))).toHaveLength(1);
  });
});

describe('metric view', () => {
  it('judges scores against level 3 and rates against the target in force', () => {
    expect(agreementStatus(3, true)).toBe('green');
    expect(agreementStatus(2.4, true)).toBe('amber');
    expect(agreementStatus(2.3999, true)).toBe('red');
    expect(agreementStatus(null, true)).toBe('grey');
    expect(agreementStatus(null, false)).toBe('none');
    expect(disbursementStatus(75, 75)).toBe('green');
    expect(disbursementStatus(60, 75)).toBe('amber');
    expect(disbursementStatus(59.99, 75)).toBe('red');
    expect(disbursementStatus(10, 0)).toBe('none');
    expect(disbursementStatus(null, 75)).toBe('none');
    expect(disbursementStatus(10, null)).toBe('none');
  });

  it('leaves a snapshot alone when nothing applies to it', () => {
    expect(patchAgreementRanking(fixtureAgreementRanking, undefined)).toBe(fixtureAgreementRanking);
    expect(patchAgreementRanking(fixtureAgreementRanking, { kind: 'agreement', fiscalYear: 2568, rows: [] })).toBe(
      fixtureAgreementRanking,
    );
    const same = patchDisbursementRanking(fixtureDisbursement, fixtureDisbursementClusters, [], undefined, new Map());
    expect(same.provinces).toBe(fixtureDisbursement);
    // Another year's import does not touch this one.
    const other = { ...fixtureRate(), fiscalYear: 2568 };
    expect(patchDisbursementRanking(fixtureDisbursement, undefined, [other], undefined, new Map()).provinces).toBe(
      fixtureDisbursement,
    );
  });

  it('keeps exact baht in the cluster sums', () => {
    const clusterOf = new Map([
      ['50', 'C15'],
      ['52', 'C15'],
    ]);
    const { clusters } = patchDisbursementRanking(
      fixtureDisbursement,
      fixtureDisbursementClusters,
      [fixtureRate('52', '700.10', 70.01)],
      undefined,
      clusterOf,
    );
    expect(clusters?.rows.find((c) => c.code === 'C15')).toMatchObject({ disbursed: '2300.10', rate: 76.67 });
    const view = disbursementMetricView(fixtureDisbursement, clusters, clusterOf);
    expect(view.rows.find((r) => r.code === '57')?.clusterCode).toBeNull();
  });
});

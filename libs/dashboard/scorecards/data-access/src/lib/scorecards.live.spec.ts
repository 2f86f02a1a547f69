import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { FakeRealtimeSockets, provideRealtimeTesting, RealtimeService } from '@provdash/dashboard/shared/realtime';
import type {
  AuthUserDto,
  ClusterDirectoryDto,
  GoalComparisonDto,
  Live,
  KpiResultChangedEvent,
  OrgUnitDto,
  RoleName,
  ScopeDto,
} from '@provdash/shared/contracts';
import { CHART_KEY, ComparisonStore } from './comparison.store';
import { comparisonRoom, provinceRoom } from './live-rooms';
import { HEADLINE_KEY, ProvinceViewStore } from './province-view.store';
import {
  fixtureApproval,
  fixtureComparison,
  fixtureKpi,
  fixtureScorecard,
  fixtureSummary,
} from './testing/scorecard.fixtures';

function user(role: RoleName, scope: Pick<ScopeDto, 'code' | 'type'>): AuthUserDto {
  return {
    id: `user-${role}`,
    email: `${role}@demo.go.th`,
    displayName: role,
    role,
    scope: { ...scope, nameTh: scope.code, nameEn: scope.code, path: `TH/${scope.code}` },
  };
}
const GOVERNOR_50 = user('governor', { code: '50', type: 'province' });
const OFFICER_52 = user('province_officer', { code: '52', type: 'province' });
const ANALYST = user('central_analyst', { code: 'TH', type: 'country' });
const CLUSTER_C15 = user('cluster_officer', { code: 'C15', type: 'cluster' });

/** An approval whose scorecard line is `kpi` (the rest of the effect as in the fixture). */
function approvalWith(
  room: Live<unknown>['room'],
  seq: number,
  kpi: Partial<ReturnType<typeof fixtureKpi>>,
  over: Partial<KpiResultChangedEvent> = {},
): Live<KpiResultChangedEvent> {
  const base = fixtureApproval(room, seq, over);
  const effect = base.data.scorecard;
  if (!effect) throw new Error('the fixture approval carries a scorecard effect');
  return { ...base, data: { ...base.data, scorecard: { ...effect, kpi: { ...effect.kpi, ...kpi } } } };
}

function setup(signedIn: AuthUserDto | null = null) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthStore, useValue: { user: signal(signedIn), accessToken: signal(signedIn ? 'token' : null) } },
      provideRealtimeTesting(),
      ProvinceViewStore,
      ComparisonStore,
    ],
  });
  // Connected before the screen opens, as it is when one moves between screens.
  void TestBed.inject(RealtimeService).whenConnected();
  const socket = TestBed.inject(FakeRealtimeSockets).socket;
  socket.accept();
  const http = TestBed.inject(HttpTestingController);
  const stable = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };
  return { socket, http, stable };
}

const scorecardUrl = (r: { url: string }) => r.url === '/api/org-units/50/scorecard';

/** Lets a flushed response reach its resource (promise callbacks), under fake timers too. */
async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  TestBed.tick();
}

async function openProvince(signedIn: AuthUserDto | null = null, asOf: string | null = null) {
  const ctx = setup(signedIn);
  const store = TestBed.inject(ProvinceViewStore);
  store.query.set({ code: '50', fiscalYear: 2569, asOf });
  TestBed.tick();
  ctx.http.expectOne(scorecardUrl).flush(fixtureScorecard);
  ctx.http.match((r) => r.url.startsWith('/api/plans'));
  await ctx.stable();
  return { ...ctx, store };
}

describe('ProvinceViewStore live', () => {
  afterEach(() => jest.useRealTimers());

  it('patches the KPI line, its goal, issue and plan roll-ups and the counts from an approval, with no request', async () => {
    const { store, socket, http } = await openProvince();
    expect(socket.joins()).toEqual([{ room: 'public' }]);
    socket.joinOk('public', 41);
    expect(store.live.inSync()).toBe(true);

    jest.useFakeTimers();
    const event = fixtureApproval('public', 42);
    socket.live('kpi-result.changed', event);
    jest.advanceTimersByTime(200);

    const card = store.card();
    expect(card?.kpis.find((k) => k.code === 'K1.2.1')).toEqual(event.data.scorecard?.kpi);
    expect(card?.kpis.map((k) => k.status)).toEqual(['green', 'amber', 'green', 'grey']);
    expect(card?.rollup.goals.find((g) => g.code === 'G1.2')?.summary.status).toBe('green');
    expect(card?.rollup.issues.find((i) => i.code === 'I1')?.summary.performanceIndex).toBe(99.2);
    expect(card?.rollup.plan.performanceIndex).toBe(96.1);
    expect(card?.counts).toEqual({ green: 2, amber: 1, red: 0, grey: 1, none: 0 });
    // The grouping the page draws follows.
    const g12 = store.groups()[0].goals.find((g) => g.code === 'G1.2');
    expect(g12?.summary?.status).toBe('green');
    expect(g12?.kpis[0].actual).toBe(14000);
    http.expectNone(scorecardUrl);
  });

  it('keeps only its own province from the public room', async () => {
    const { store, socket } = await openProvince();
    socket.joinOk('public', 41);
    jest.useFakeTimers();
    socket.live('kpi-result.changed', fixtureApproval('public', 42, { orgUnitCode: '52' }));
    jest.advanceTimersByTime(200);
    expect(store.card()).toBe(store.scorecard.value());
    expect(store.highlights.keys().size).toBe(0);
  });

  it('applies a burst at once, after it goes quiet, and highlights what changed for two seconds', async () => {
    const { store, socket } = await openProvince();
    socket.joinOk('public', 41);
    jest.useFakeTimers();
    const cards: unknown[] = [];
    const record = () => cards.push(store.card());
    record();
    socket.live('kpi-result.changed', approvalWith('public', 42, { actual: 12000 }));
    record();
    jest.advanceTimersByTime(50);
    socket.live('kpi-result.changed', approvalWith('public', 43, { actual: 13000 }));
    record();
    jest.advanceTimersByTime(50);
    socket.live('kpi-result.changed', approvalWith('public', 44, { actual: 14000 }));
    record();
    // Nothing moved during the burst…
    expect(new Set(cards).size).toBe(1);
    jest.advanceTimersByTime(200);
    // …then one new scorecard with the last value.
    expect(store.card()?.kpis.find((k) => k.code === 'K1.2.1')?.actual).toBe(14000);
    expect([...store.highlights.keys()].sort()).toEqual(['kpi-K1.2.1', HEADLINE_KEY].sort());
    jest.advanceTimersByTime(1900);
    expect(store.highlights.has('kpi-K1.2.1')).toBe(true);
    jest.advanceTimersByTime(200);
    expect(store.highlights.keys().size).toBe(0);
  });

  it('reloads over REST when the server cannot replay, and keeps what arrives meanwhile on top', async () => {
    const { store, socket, http } = await openProvince();
    socket.joinOk('public', 41);
    jest.useFakeTimers();
    socket.live('kpi-result.changed', fixtureApproval('public', 42));
    jest.advanceTimersByTime(200);

    socket.drop();
    socket.accept();
    expect(socket.joins().at(-1)).toEqual({ room: 'public', since: 42 });
    socket.joinOk('public', 400, [], true);
    TestBed.tick();
    const reload = http.expectOne(scorecardUrl);

    // Reopened while the snapshot is on its way: the line goes back to red.
    socket.live(
      'kpi-result.changed',
      approvalWith('public', 401, { status: 'red', actual: 9000, achievement: 69.4 }, { status: 'withdrawn' }),
    );
    jest.advanceTimersByTime(200);
    expect(store.card()?.kpis.find((k) => k.code === 'K1.2.1')?.actual).toBe(9000);

    // The snapshot was read before the reopening: the reopening still stands on top of it.
    reload.flush({ ...fixtureScorecard, kpis: fixtureScorecard.kpis.map((k) => ({ ...k, actual: 1 })) });
    await settle();
    const kpis = store.card()?.kpis ?? [];
    expect(kpis.find((k) => k.code === 'K1.2.1')?.actual).toBe(9000);
    expect(kpis.find((k) => k.code === 'K1.1.1')?.actual).toBe(1);
  });

  it('drops the patches a reloaded snapshot already holds', async () => {
    const { store, socket, http } = await openProvince();
    socket.joinOk('public', 41);
    jest.useFakeTimers();
    socket.live('kpi-result.changed', fixtureApproval('public', 42));
    jest.advanceTimersByTime(200);
    expect(store.card()?.kpis.find((k) => k.code === 'K1.2.1')?.status).toBe('green');

    store.refresh();
    TestBed.tick();
    // Still patched while the reload is on its way, so nothing flickers back.
    expect(store.card()?.kpis.find((k) => k.code === 'K1.2.1')?.status).toBe('green');
    const later = fixtureKpi('K1.2.1', 'amber', { actual: 12500 });
    http.expectOne(scorecardUrl).flush({
      ...fixtureScorecard,
      kpis: fixtureScorecard.kpis.map((k) => (k.code === 'K1.2.1' ? later : k)),
    });
    await settle();
    expect(store.card()?.kpis.find((k) => k.code === 'K1.2.1')).toEqual(later);
  });

  it('reloads rather than patches a view as of another day, after a target change and a plan edit', async () => {
    const { store, socket, http } = await openProvince(null, '2026-01-31');
    socket.joinOk('public', 41);
    jest.useFakeTimers();
    socket.live('kpi-result.changed', fixtureApproval('public', 42));
    jest.advanceTimersByTime(200);
    TestBed.tick();
    expect(store.card()?.kpis.find((k) => k.code === 'K1.2.1')?.status).toBe('red');
    http.expectOne(scorecardUrl).flush(fixtureScorecard);
    await settle();

    socket.live('target.changed', {
      room: 'public',
      seq: 43,
      at: '2026-03-02T07:06:00.000Z',
      data: { kind: 'kpi-target', fiscalYear: 2569, kpiId: 'kpi-K1.1.1', orgUnitCode: '50', target: '13000' },
    });
    jest.advanceTimersByTime(200);
    TestBed.tick();
    http.expectOne(scorecardUrl).flush(fixtureScorecard);
    await settle();

    // The province renamed a KPI: reload. Another province's edit: nothing to do here.
    for (const [seq, orgUnitCode] of [
      [44, '52'],
      [45, '50'],
    ] as const) {
      socket.live('target.changed', {
        room: 'public',
        seq,
        at: '2026-03-02T07:07:00.000Z',
        data: { kind: 'definition', orgUnitCode, entity: 'kpi' },
      });
      jest.advanceTimersByTime(200);
      TestBed.tick();
      expect(http.match(scorecardUrl)).toHaveLength(orgUnitCode === '50' ? 1 : 0);
    }
  });

  it('reloads once its first load is done when the room could only be joined after the request left', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthStore, useValue: { user: signal(null), accessToken: signal(null) } },
        provideRealtimeTesting(),
        ProvinceViewStore,
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const store = TestBed.inject(ProvinceViewStore);
    store.query.set({ code: '50', fiscalYear: 2569, asOf: null });
    TestBed.tick();
    const first = http.expectOne(scorecardUrl);
    // The socket connects only now, after the scorecard request went out.
    const socket = TestBed.inject(FakeRealtimeSockets).socket;
    socket.accept();
    socket.joinOk('public', 41);
    http.expectNone(scorecardUrl);
    first.flush(fixtureScorecard);
    await settle();
    http.expectOne(scorecardUrl);
  });

  it('hears its own province room when signed in with the province in scope', async () => {
    const { socket } = await openProvince(GOVERNOR_50);
    expect(socket.joins()).toEqual([{ room: 'province:50' }]);
  });
});

describe('ComparisonStore live', () => {
  afterEach(() => jest.useRealTimers());

  it('patches the province row of the KPI, ranks again, highlights it and refreshes the cluster figures', async () => {
    const { socket, http, stable } = setup(ANALYST);
    const store = TestBed.inject(ComparisonStore);
    store.query.set({ kind: 'kpi', code: 'K1.2.1', fiscalYear: 2569, asOf: null });
    TestBed.tick();
    expect(socket.joins()).toEqual([{ room: 'national' }]);
    socket.joinOk('national', 7);
    http.expectOne((r) => r.url === '/api/compare/kpis/K1.2.1').flush(fixtureComparison);
    http.match((r) => r.url.startsWith('/api/plans'));
    await stable();

    jest.useFakeTimers();
    socket.live(
      'kpi-result.changed',
      approvalWith('national', 8, { actual: 15558, achievement: 120, status: 'green' }),
    );
    // Another KPI moving changes nothing here.
    socket.live('kpi-result.changed', fixtureApproval('national', 9, { kpiCode: 'K1.1.1' }));
    jest.advanceTimersByTime(200);

    const rows = store.kpiView()?.rows ?? [];
    expect(rows.map((r) => [r.orgUnitCode, r.rank, r.status])).toEqual([
      ['50', 1, 'green'],
      ['15', 2, 'green'],
      ['10', null, 'grey'],
    ]);
    expect(rows[0].actual).toBe(15558);
    expect(store.highlights.has('50')).toBe(true);
    expect(store.highlights.has(CHART_KEY)).toBe(true);
    expect(store.highlights.has('15')).toBe(false);
    TestBed.tick();
    // The cluster sum needs members' raw figures: fetched again, the patched rows showing meanwhile.
    http.expectOne((r) => r.url === '/api/compare/kpis/K1.2.1');
    expect(store.kpiView()?.rows[0].orgUnitCode).toBe('50');
  });

  it('reloads the comparison when a province on it edits its plan, not for one that is not on it', async () => {
    const { socket, http, stable } = setup(ANALYST);
    const store = TestBed.inject(ComparisonStore);
    store.query.set({ kind: 'kpi', code: 'K1.2.1', fiscalYear: 2569, asOf: null });
    TestBed.tick();
    socket.joinOk('national', 7);
    http.expectOne((r) => r.url === '/api/compare/kpis/K1.2.1').flush(fixtureComparison);
    http.match((r) => r.url.startsWith('/api/plans'));
    await stable();

    jest.useFakeTimers();
    const definition = (seq: number, orgUnitCode: string) =>
      socket.live('target.changed', {
        room: 'national',
        seq,
        at: '2026-03-02T07:08:00.000Z',
        data: { kind: 'definition', orgUnitCode, entity: 'kpi' },
      });
    definition(8, '96');
    jest.advanceTimersByTime(200);
    TestBed.tick();
    http.expectNone((r) => r.url === '/api/compare/kpis/K1.2.1');
    definition(9, '15');
    jest.advanceTimersByTime(200);
    TestBed.tick();
    http.expectOne((r) => r.url === '/api/compare/kpis/K1.2.1');
    // The rows stay on screen while the new ones load.
    expect(store.kpiView()?.rows).toHaveLength(3);
  });

  it('patches the province row of the goal from its roll-up and ranks again', async () => {
    const { socket, http, stable } = setup();
    const store = TestBed.inject(ComparisonStore);
    store.query.set({ kind: 'goal', code: 'G1.2', fiscalYear: 2569, asOf: null });
    TestBed.tick();
    expect(socket.joins()).toEqual([{ room: 'public' }]);
    socket.joinOk('public', 7);
    const goal: GoalComparisonDto = {
      goalCode: 'G1.2',
      fiscalYear: 2569,
      asOf: '2026-03-02',
      rows: [
        {
          orgUnitCode: '52',
          nameTh: 'ลำปาง',
          nameEn: 'Lampang',
          clusterCode: 'C15',
          goalNameTh: 'ท่องเที่ยว',
          summary: fixtureSummary('green', 101),
          rank: 1,
        },
        {
          orgUnitCode: '50',
          nameTh: 'เชียงใหม่',
          nameEn: 'Chiang Mai',
          clusterCode: 'C15',
          goalNameTh: 'ท่องเที่ยว',
          summary: fixtureSummary('red', 60),
          rank: 2,
        },
      ],
    };
    http.expectOne('/api/compare/goals/G1.2?fiscalYear=2569').flush(goal);
    http.match((r) => r.url.startsWith('/api/plans'));
    await stable();

    jest.useFakeTimers();
    socket.live('kpi-result.changed', fixtureApproval('public', 8));
    jest.advanceTimersByTime(200);
    expect(store.goalView()?.rows.map((r) => [r.orgUnitCode, r.rank, r.summary.status])).toEqual([
      ['50', 1, 'green'],
      ['52', 2, 'green'],
    ]);
    TestBed.tick();
    http.expectNone((r) => r.url.startsWith('/api/compare'));
  });
});

describe('rooms', () => {
  const province = (code: string, parentCode: string): OrgUnitDto => ({
    code,
    type: 'province',
    nameTh: code,
    nameEn: code,
    parentCode,
    iso: null,
    lat: null,
    lon: null,
  });
  const directory: ClusterDirectoryDto = {
    clusters: [
      { code: 'C15', nameTh: 'C15', nameEn: 'C15', regionCode: 'north', provinces: [province('50', 'C15')] },
      { code: 'C02', nameTh: 'C02', nameEn: 'C02', regionCode: 'central', provinces: [province('15', 'C02')] },
    ],
    unclustered: [province('10', 'central')],
  };

  it('picks the province room only where the scope covers the province', () => {
    expect(provinceRoom(null, '50')).toBe('public');
    expect(provinceRoom(GOVERNOR_50, '50')).toBe('province:50');
    expect(provinceRoom(OFFICER_52, '50')).toBe('public');
    expect(provinceRoom(ANALYST, '50')).toBe('province:50');
    expect(provinceRoom(user('admin', { code: '52', type: 'province' }), '50')).toBe('province:50');
    // A cluster scope waits for the directory, then knows its members.
    expect(provinceRoom(CLUSTER_C15, '50', undefined)).toBeNull();
    expect(provinceRoom(CLUSTER_C15, '50', directory)).toBe('province:50');
    expect(provinceRoom(CLUSTER_C15, '15', directory)).toBe('public');
    expect(provinceRoom(user('central_analyst', { code: 'central', type: 'region' }), '10', directory)).toBe(
      'province:10',
    );
    expect(provinceRoom(CLUSTER_C15, '50', null)).toBe('public');
  });

  it('compares in national for country-wide readers and public for the others', () => {
    expect(comparisonRoom(ANALYST)).toBe('national');
    expect(comparisonRoom(GOVERNOR_50)).toBe('public');
    expect(comparisonRoom(null)).toBe('public');
  });
});

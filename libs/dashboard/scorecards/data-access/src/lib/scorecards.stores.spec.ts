import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Injector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { provideRealtimeTesting } from '@provdash/dashboard/shared/realtime';
import type { PlanSummaryDto } from '@provdash/shared/contracts';
import { ComparisonStore } from './comparison.store';
import { ProvinceViewStore } from './province-view.store';
import { groupScorecard } from './scorecard-groups';
import { kpiResultsResource, planForYear } from './scorecards.resources';
import { StrategyMapStore } from './strategy-map.store';
import { fixtureComparison, fixtureMap, fixtureScorecard } from './testing/scorecard.fixtures';

function setup() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthStore, useValue: { user: signal(null), accessToken: signal(null) } },
      provideRealtimeTesting(),
      ProvinceViewStore,
      StrategyMapStore,
      ComparisonStore,
    ],
  });
  // Not whenStable: the next request of a chain keeps the app busy until it is answered.
  const stable = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };
  return { http: TestBed.inject(HttpTestingController), stable };
}

describe('ProvinceViewStore', () => {
  it('loads the scorecard with the filters, then the plan of that year and its map, and groups the KPIs', async () => {
    const { http, stable } = setup();
    const store = TestBed.inject(ProvinceViewStore);
    store.query.set({ code: '50', fiscalYear: 2569, asOf: '2026-03-31' });
    TestBed.tick();

    // The first paint waits for the scorecard alone: the plan's names follow it.
    http.expectNone((r) => r.url === '/api/plans');
    http.expectOne((r) => r.url === '/api/org-units/50/scorecard').flush(fixtureScorecard);
    // The year-end forecasts and the goals' contributions: parts of the same first paint, same filters.
    for (const part of ['forecasts', 'contributions']) {
      const req = http.expectOne((r) => r.url === `/api/analysis/${part}/50`);
      expect(req.request.urlWithParams).toBe(`/api/analysis/${part}/50?fiscalYear=2569&asOf=2026-03-31`);
      req.flush({ orgUnitCode: '50', fiscalYear: 2569, kpis: [], goals: [] });
    }
    await stable();
    TestBed.tick();
    const plansReq = http.expectOne((r) => r.url === '/api/plans');
    expect(plansReq.request.params.get('unit')).toBe('50');
    plansReq.flush([fixtureMap.plan]);
    await stable();
    TestBed.tick();
    http.expectOne('/api/plans/plan-50').flush(fixtureMap);
    await stable();

    expect(store.plan()?.id).toBe('plan-50');
    expect(store.groups().map((i) => i.code)).toEqual(['I1', 'I2']);
    expect(store.groups()[0].nameTh).toBe('เศรษฐกิจฐานราก');

    // Another year of the same province: a new scorecard, the plans already there are kept.
    store.query.set({ code: '50', fiscalYear: 2568, asOf: null });
    TestBed.tick();
    http.expectOne((r) => r.url === '/api/org-units/50/scorecard').flush({ ...fixtureScorecard, fiscalYear: 2568 });
    for (const part of ['forecasts', 'contributions']) {
      http.expectOne(`/api/analysis/${part}/50?fiscalYear=2568`).flush({ orgUnitCode: '50', fiscalYear: 2568, kpis: [], goals: [] });
    }
    await stable();
    TestBed.tick();
    http.expectNone((r) => r.url === '/api/plans');
    http.verify();
  });

  it('sends fiscalYear and asOf as query parameters, and leaves out the blanks', () => {
    const { http } = setup();
    const store = TestBed.inject(ProvinceViewStore);
    store.query.set({ code: '50', fiscalYear: 2569, asOf: '2026-03-31' });
    TestBed.tick();
    const req = http.expectOne((r) => r.url === '/api/org-units/50/scorecard');
    expect(req.request.urlWithParams).toBe('/api/org-units/50/scorecard?fiscalYear=2569&asOf=2026-03-31');

    store.query.set({ code: '52', fiscalYear: null, asOf: null });
    TestBed.tick();
    expect(http.expectOne((r) => r.url === '/api/org-units/52/scorecard').request.urlWithParams).toBe(
      '/api/org-units/52/scorecard',
    );
  });
});

describe('StrategyMapStore', () => {
  it('loads the map, then the scorecard of its unit, and keys the goals rolled-up summaries by code', async () => {
    const { http, stable } = setup();
    const store = TestBed.inject(StrategyMapStore);
    store.planId.set('plan-50');
    store.fiscalYear.set(2569);
    TestBed.tick();
    http.expectOne('/api/plans/plan-50').flush(fixtureMap);
    await stable();
    TestBed.tick();
    const req = http.expectOne((r) => r.url === '/api/org-units/50/scorecard');
    expect(req.request.params.get('fiscalYear')).toBe('2569');
    req.flush(fixtureScorecard);
    await stable();
    expect(store.goalSummaries().get('G1.2')?.status).toBe('red');
    expect(store.goalSummaries().size).toBe(3);
    http.verify();
  });
});

describe('ComparisonStore', () => {
  it('offers the reference plan KPIs and compares the chosen one', async () => {
    const { http, stable } = setup();
    const store = TestBed.inject(ComparisonStore);
    store.query.set({ kind: 'kpi', code: 'K1.2.1', fiscalYear: 2569, asOf: null });
    TestBed.tick();
    const compareReq = http.expectOne((r) => r.url === '/api/compare/kpis/K1.2.1');
    expect(compareReq.request.params.get('fiscalYear')).toBe('2569');
    compareReq.flush(fixtureComparison);
    http.expectOne((r) => r.url === '/api/plans' && r.params.get('unit') === '50').flush([fixtureMap.plan]);
    await stable();
    TestBed.tick();
    http.expectOne('/api/plans/plan-50').flush(fixtureMap);
    await stable();

    expect(store.kpiComparison.value()?.rows).toHaveLength(3);
    expect(store.kpiOptions().map((o) => o.code)).toEqual(['K2.1.1', 'K1.1.1', 'K1.1.2', 'K1.2.1']);
    // All four report monthly: the comparison opens on the plan's first.
    expect(store.defaultKpiCode()).toBe('K2.1.1');
    expect(store.goalOptions()).toHaveLength(3);
    http.expectNone((r) => r.url.startsWith('/api/compare/goals'));
  });

  it('compares a goal when a goal code is chosen', () => {
    const { http } = setup();
    const store = TestBed.inject(ComparisonStore);
    store.query.set({ kind: 'goal', code: 'G1.2', fiscalYear: null, asOf: null });
    TestBed.tick();
    http.expectOne('/api/compare/goals/G1.2');
    http.expectNone((r) => r.url.startsWith('/api/compare/kpis'));
  });
});

describe('kpiResultsResource', () => {
  it('asks for every year of one KPI', () => {
    const { http } = setup();
    const id = signal<string | undefined>(undefined);
    runInInjectionContext(TestBed.inject(Injector), () => kpiResultsResource(() => id()));
    TestBed.tick();
    http.expectNone(() => true);
    id.set('kpi-1');
    TestBed.tick();
    http.expectOne('/api/kpis/kpi-1/results');
  });
});

describe('planForYear', () => {
  const plan = (id: string, startFy: number, endFy: number) =>
    ({ ...fixtureMap.plan, id, startFy, endFy }) as PlanSummaryDto;

  it('takes the plan spanning the year, else the latest', () => {
    const plans = [plan('a', 2561, 2565), plan('b', 2566, 2570)];
    expect(planForYear(plans, 2563)?.id).toBe('a');
    expect(planForYear(plans, 2575)?.id).toBe('b');
    expect(planForYear(plans, null)?.id).toBe('b');
    expect(planForYear([], 2569)).toBeUndefined();
  });
});

describe('groupScorecard', () => {
  it('groups KPIs by issue then goal in the plan order, names from the map', () => {
    const groups = groupScorecard(fixtureScorecard, fixtureMap);
    expect(groups.map((i) => i.code)).toEqual(['I1', 'I2']);
    expect(groups[0].goals.map((g) => [g.code, g.kpis.length, g.summary?.status])).toEqual([
      ['G1.1', 2, 'green'],
      ['G1.2', 1, 'red'],
    ]);
    expect(groups[1].goals[0].nameEn).toBe('Goal G2.1');
  });

  it('falls back to codes without a map', () => {
    const groups = groupScorecard(fixtureScorecard, null);
    expect(groups.map((i) => [i.code, i.nameTh])).toEqual([
      ['I1', 'I1'],
      ['I2', 'I2'],
    ]);
  });
});

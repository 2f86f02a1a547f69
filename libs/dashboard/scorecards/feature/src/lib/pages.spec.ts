jest.mock('@swimlane/ngx-charts', () => jest.requireActual('../../../../../../tools/jest/ngx-charts.stub'));

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Type } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import {
  fixtureApproval,
  fixtureComparison,
  fixtureMap,
  fixtureScorecard,
} from '@provdash/dashboard/scorecards/data-access';
import { FakeRealtimeSockets, provideRealtimeTesting } from '@provdash/dashboard/shared/realtime';
import type { KpiResultDto } from '@provdash/shared/contracts';
import { byRank, ComparePage } from './compare.page';
import { historySeries } from './kpi-history.page';
import { ProvincePage } from './province.page';
import { StrategyMapPage } from './strategy-map.page';

const settle = async (fixture: ComponentFixture<unknown>) => {
  await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
  fixture.detectChanges();
};

function create<T>(page: Type<T>, inputs: Record<string, unknown>) {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { th: {} },
        translocoConfig: { defaultLang: 'th', availableLangs: ['th'] },
        preloadLangs: true,
      }),
    ],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideRealtimeTesting()],
  });
  const fixture = TestBed.createComponent(page);
  for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
  fixture.detectChanges();
  return { fixture, http: TestBed.inject(HttpTestingController), el: fixture.nativeElement as HTMLElement };
}

describe('ProvincePage', () => {
  it('groups the KPIs by issue then goal, each with a status chip, and sums the lights', async () => {
    const { fixture, http, el } = create(ProvincePage, { code: '50', fy: '2569' });
    http.expectOne('/api/org-units/clusters').flush({ clusters: [], unclustered: [] });
    const sc = http.expectOne((r) => r.url === '/api/org-units/50/scorecard');
    expect(sc.request.params.get('fiscalYear')).toBe('2569');
    sc.flush(fixtureScorecard);
    http.expectOne((r) => r.url === '/api/plans').flush([fixtureMap.plan]);
    await settle(fixture);
    http.expectOne('/api/plans/plan-50').flush(fixtureMap);
    await settle(fixture);

    const issues = [...el.querySelectorAll('[data-testid="issue"]')];
    expect(issues.map((i) => i.getAttribute('data-code'))).toEqual(['I1', 'I2']);
    expect(issues[0].textContent).toContain('เศรษฐกิจฐานราก');
    expect([...issues[0].querySelectorAll('[data-testid="goal"]')].map((g) => g.getAttribute('data-code'))).toEqual([
      'G1.1',
      'G1.2',
    ]);
    const rows = [...el.querySelectorAll('[data-testid="kpi-row"]')];
    expect(rows.map((r) => r.getAttribute('data-code'))).toEqual(['K1.1.1', 'K1.1.2', 'K1.2.1', 'K2.1.1']);
    expect(rows.map((r) => r.querySelector('[data-testid="status-chip"]')?.getAttribute('data-status'))).toEqual([
      'green',
      'amber',
      'red',
      'grey',
    ]);
    expect(rows[0].querySelector('[data-testid="kpi-achievement"]')?.textContent?.trim()).toBe('90.4 %');
    expect(rows[0].textContent).toContain('12,965.13');
    expect(rows[0].textContent).toContain('12 ต.ค. 2569');
    expect(el.querySelector('[data-testid="performance-index"]')?.textContent).toBe('91.4 %');
    expect(el.querySelector('[data-testid="open-map"]')?.getAttribute('href')).toBe('/plan/plan-50?fy=2569');
  });
});

describe('ProvincePage live', () => {
  afterEach(() => jest.useRealTimers());

  it('moves the changed KPI and the headline on an approval, marking them for two seconds', async () => {
    const { fixture, http, el } = create(ProvincePage, { code: '50', fy: '2569' });
    http.expectOne('/api/org-units/clusters').flush({ clusters: [], unclustered: [] });
    http.expectOne((r) => r.url === '/api/org-units/50/scorecard').flush(fixtureScorecard);
    http.expectOne((r) => r.url === '/api/plans').flush([fixtureMap.plan]);
    await settle(fixture);
    http.expectOne('/api/plans/plan-50').flush(fixtureMap);
    const socket = TestBed.inject(FakeRealtimeSockets).socket;
    socket.accept();
    socket.joinOk('public', 1);
    TestBed.tick();
    // Joined after the scorecard was read: read once more, so nothing committed in between is lost.
    http.expectOne((r) => r.url === '/api/org-units/50/scorecard').flush(fixtureScorecard);
    await settle(fixture);

    jest.useFakeTimers();
    socket.live('kpi-result.changed', fixtureApproval('public', 2));
    jest.advanceTimersByTime(200);
    fixture.detectChanges();
    const row = () => el.querySelector('[data-testid="kpi-row"][data-code="K1.2.1"]') as HTMLElement;
    const headline = () => el.querySelector('[data-testid="headline"]') as HTMLElement;
    expect(row().querySelector('[data-testid="status-chip"]')?.getAttribute('data-status')).toBe('green');
    expect(row().querySelector('[data-testid="kpi-actual"]')?.textContent?.trim()).toBe('14,000');
    expect(el.querySelector('[data-testid="performance-index"]')?.textContent).toBe('96.1 %');
    expect(el.querySelector('[data-testid="count-green"] .count')?.textContent).toBe('2');
    expect(row().classList).toContain('live-changed');
    expect(headline().classList).toContain('live-changed');
    expect(el.querySelector('[data-testid="kpi-row"][data-code="K1.1.1"]')?.classList).not.toContain('live-changed');

    jest.advanceTimersByTime(2000);
    fixture.detectChanges();
    expect(row().classList).not.toContain('live-changed');
    expect(headline().classList).not.toContain('live-changed');
    http.expectNone((r) => r.url === '/api/org-units/50/scorecard');
  });
});

describe('StrategyMapPage', () => {
  it('draws the plan goals lit by the scorecard and the arrows', async () => {
    const { fixture, http, el } = create(StrategyMapPage, { planId: 'plan-50', fy: '2569' });
    http.expectOne('/api/plans/plan-50').flush(fixtureMap);
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/org-units/50/scorecard').flush(fixtureScorecard);
    await settle(fixture);
    // The layout (ELK) answers asynchronously.
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid="goal-node"]')).toHaveLength(3);
    expect(el.querySelectorAll('[data-testid="goal-arrow"]')).toHaveLength(2);
    expect(el.querySelector('[data-testid="goal-node"][data-code="G1.2"]')?.getAttribute('data-status')).toBe('red');
  }, 60_000);
});

describe('ComparePage', () => {
  it('ranks provinces with rank 1 first, unranked last, and marks clusters that cannot be combined', async () => {
    const { fixture, http, el } = create(ComparePage, { kpi: 'K1.2.1', fy: '2569' });
    http.expectOne((r) => r.url === '/api/compare/kpis/K1.2.1').flush(fixtureComparison);
    http.expectOne((r) => r.url === '/api/plans').flush([fixtureMap.plan]);
    await settle(fixture);
    http.expectOne('/api/plans/plan-50').flush(fixtureMap);
    await settle(fixture);

    const rows = [...el.querySelectorAll('[data-testid="ranking-row"]')];
    expect(rows.map((r) => r.getAttribute('data-code'))).toEqual(['15', '50', '10']);
    expect(rows.map((r) => r.querySelector('[data-testid="rank"]')?.textContent)).toEqual(['1', '2', '–']);
    expect(rows[0].textContent).toContain('17,007.63');
    expect(rows[0].textContent).toContain('113.2 %');
    expect(
      el.querySelector('[data-testid="cluster-row"][data-code="C15"] [data-testid="not-combinable"]'),
    ).not.toBeNull();
    expect(el.querySelector('[data-testid="cluster-row"][data-code="C02"]')?.textContent).toContain('54,212.67');
  });

  it('orders by rank then code', () => {
    expect(
      byRank([
        { rank: null, code: '10' },
        { rank: 2, code: '50' },
        { rank: 1, code: '15' },
      ]).map((r) => r.code),
    ).toEqual(['15', '50', '10']);
  });
});

describe('historySeries', () => {
  const result = (period: string, fiscalYear: number, value: string): KpiResultDto => ({
    id: period,
    kpiId: 'k',
    fiscalYear,
    period,
    value,
    numerator: null,
    denominator: null,
    narrativeTh: '',
    evidence: [],
    status: 'approved',
    returnReason: null,
    submittedBy: null,
    approvedBy: null,
    submittedAt: null,
    approvedAt: null,
    version: 1,
    updatedAt: '',
  });
  const names = { results: 'r', target: 't' };

  it('sums a summed KPI through the year against the target', () => {
    const s = historySeries(
      [result('2569-M02', 2569, '20'), result('2569-M01', 2569, '10'), result('2568-M12', 2568, '5')],
      2569,
      100,
      true,
      (p) => p,
      names,
    );
    expect(s[0].series).toEqual([
      { name: '2569-M01', value: 10 },
      { name: '2569-M02', value: 30 },
    ]);
    expect(s[1].series.map((p) => p.value)).toEqual([100, 100]);
  });

  it('shows a yearly KPI over all its years', () => {
    const s = historySeries(
      [result('2568', 2568, '2.55'), result('2569', 2569, '2.66')],
      2569,
      2.85,
      false,
      (p) => p,
      names,
    );
    expect(s[0].series.map((p) => p.value)).toEqual([2.55, 2.66]);
  });
});

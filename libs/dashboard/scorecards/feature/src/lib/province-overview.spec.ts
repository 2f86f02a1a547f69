jest.mock('@swimlane/ngx-charts', () => jest.requireActual('../../../../../../tools/jest/ngx-charts.stub'));

import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Type } from '@angular/core';
import { ComponentFixture, DeferBlockState, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import {
  fixtureAgreement,
  fixtureBatch,
  fixtureDisbursement,
  fixtureSlowest,
} from '@provdash/dashboard/overview/data-access';
import { firstPaintInterceptor } from '@provdash/dashboard/auth/data-access';
import { fixtureMap, fixtureScorecard } from '@provdash/dashboard/scorecards/data-access';
import { FakeRealtimeSockets, liveEvent, provideRealtimeTesting } from '@provdash/dashboard/shared/realtime';
import type { ProjectDto } from '@provdash/shared/contracts';
import { KpiHistoryPage } from './kpi-history.page';
import { ProvincePage } from './province.page';

/* The governor's additions to the province view and the KPI page: headline score, disbursement, what to chase, projects. */

const th = {
  overview: {
    agreement: { none: 'ไม่มีคำรับรองปี {{year}}' },
    attention: { redKpis: 'ต่ำกว่าเป้าหมาย ({{count}})', owner: 'รับผิดชอบ {{owner}}' },
    projects: { none: 'ไม่มีโครงการปี {{year}}', status: { delayed: 'ล่าช้า' }, allocated: 'งบ {{amount}} บาท' },
  },
};

const settle = async (fixture: ComponentFixture<unknown>) => {
  await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
  fixture.detectChanges();
};

function create<T>(page: Type<T>, inputs: Record<string, unknown>) {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { th },
        translocoConfig: { defaultLang: 'th', availableLangs: ['th'] },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideHttpClient(withInterceptors([firstPaintInterceptor])),
      provideHttpClientTesting(),
      provideRouter([]),
      provideRealtimeTesting(),
    ],
  });
  const fixture = TestBed.createComponent(page);
  for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
  fixture.detectChanges();
  return { fixture, http: TestBed.inject(HttpTestingController), el: fixture.nativeElement as HTMLElement };
}

async function openProvince(agreement: 'ok' | 404 = 'ok') {
  const ctx = create(ProvincePage, { code: '50', fy: '2569' });
  const { http, fixture } = ctx;
  // The first paint: one request, the screen's composed answer; its parts ask the network nothing.
  const view = http.expectOne((r) => r.url === '/api/screens/province/50');
  expect(view.request.params.get('fiscalYear')).toBe('2569');
  view.flush({
    unit: { code: '50', nameTh: 'เชียงใหม่', nameEn: 'Chiang Mai' },
    scorecard: fixtureScorecard,
    // No signed agreement: the part answers the 404 its route gives, without a request.
    agreement: agreement === 'ok' ? fixtureAgreement : null,
    disbursement: fixtureDisbursement,
    slowest: fixtureSlowest,
  });
  await settle(fixture);
  http.expectNone((r) =>
    /^\/api\/org-units\/50\/(scorecard|agreement-scorecard|disbursement|slowest-projects)$/.test(r.url),
  );
  // Then, below the fold: the directory and the plan's names.
  http.expectOne('/api/org-units/clusters').flush({ clusters: [], unclustered: [] });
  http.expectOne((r) => r.url === '/api/plans').flush([fixtureMap.plan]);
  await settle(fixture);
  http.expectOne('/api/plans/plan-50').flush(fixtureMap);
  await settle(fixture);
  // What the browser draws once idle after the first paint (the disbursement chart).
  for (const block of await fixture.getDeferBlocks()) await block.render(DeferBlockState.Complete);
  return ctx;
}

describe("ProvincePage: the governor's headline figures", () => {
  afterEach(() => jest.useRealTimers());

  it('leads with the agreement score, then the lights, the disbursement chart and what to chase', async () => {
    const { el } = await openProvince();
    const overview = el.querySelector('section.overview');
    expect([...(overview?.children ?? [])].map((c) => c.getAttribute('data-testid'))).toEqual([
      'agreement-score',
      'headline',
      'disbursement',
    ]);
    expect(el.querySelector('[data-testid="agreement-live"]')?.textContent).toBe('3.77');
    expect(el.querySelector('[data-testid="disbursement-chart"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="disbursement-overall"] .big')?.textContent).toBe('25.0 %');
    // The one red KPI of the scorecard, linked to its history, with its owner.
    const red = [...el.querySelectorAll('[data-testid="red-kpi"]')];
    expect(red.map((r) => r.getAttribute('data-code'))).toEqual(['K1.2.1']);
    expect(red[0].getAttribute('href')).toBe('/province/50/kpi/kpi-K1.2.1');
    expect(red[0].textContent).toContain('รับผิดชอบ สำนักงานจังหวัด');
    expect(el.querySelectorAll('[data-testid="slow-project"]')).toHaveLength(2);
  });

  it('says when the province has no signed agreement for the year', async () => {
    const { el } = await openProvince(404);
    expect(el.querySelector('[data-testid="agreement-none"]')?.textContent?.trim()).toBe('ไม่มีคำรับรองปี 2569');
    expect(el.querySelector('[data-testid="agreement-score"] [role="alert"]')).toBeNull();
  });

  it('moves the disbursement tiles live from an import and marks them, without a request for the summary', async () => {
    const { fixture, http, el } = await openProvince();
    const socket = TestBed.inject(FakeRealtimeSockets).socket;
    socket.accept();
    socket.joinOk('public', 1);
    // The late join's reload, once its burst settles.
    await new Promise((resolve) => setTimeout(resolve, 200));
    TestBed.tick();
    http.match((r) => r.url === '/api/org-units/50/scorecard').forEach((r) => r.flush(fixtureScorecard));
    http.match((r) => r.url === '/api/org-units/50/agreement-scorecard').forEach((r) => r.flush(fixtureAgreement));
    http.match((r) => r.url === '/api/org-units/50/disbursement').forEach((r) => r.flush(fixtureDisbursement));
    http.match((r) => r.url === '/api/org-units/50/slowest-projects').forEach((r) => r.flush(fixtureSlowest));
    await settle(fixture);

    jest.useFakeTimers();
    socket.live('disbursement-batch.imported', liveEvent('public', 2, fixtureBatch({ months: ['2026-03-01'] })));
    jest.advanceTimersByTime(200);
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="disbursement-overall"] .big')?.textContent).toBe('35.0 %');
    expect(el.querySelector('[data-testid="disbursement-capital"] .big')?.textContent).toBe('25.0 %');
    expect(el.querySelector('pd-disbursement-panel')?.classList).toContain('live-changed');
    http.expectNone((r) => r.url === '/api/org-units/50/disbursement');
  });
});

describe('KpiHistoryPage: linked projects', () => {
  const project = (code: string, kpiIds: string[], status: ProjectDto['status'] = 'delayed'): ProjectDto => ({
    id: `p-${code}`,
    orgUnitCode: '50',
    strategyId: 's',
    code,
    nameTh: `โครงการ ${code}`,
    nameEn: `Project ${code}`,
    ownerAgencyTh: 'สำนักงานจังหวัด',
    fiscalYear: 2569,
    budgetSource: 'province',
    budgetType: 'capital',
    allocated: '2500000.00',
    startDate: '2025-10-01',
    endDate: '2026-09-30',
    status,
    kpiIds,
    version: 1,
  });

  it("lists the year's projects that serve the KPI, leaving out others and cancelled ones", async () => {
    const { fixture, http, el } = create(KpiHistoryPage, { code: '50', kpiId: 'kpi-K1.2.1', fy: '2569' });
    const list = http.expectOne((r) => r.url === '/api/projects');
    expect(list.request.params.get('orgUnitCode')).toBe('50');
    expect(list.request.params.get('fiscalYear')).toBe('2569');
    list.flush([
      project('P69-001', ['kpi-K1.2.1']),
      project('P69-002', ['kpi-K1.1.1']),
      project('P69-003', ['kpi-K1.2.1', 'kpi-K1.1.1'], 'cancelled'),
    ]);
    http.expectOne((r) => r.url === '/api/org-units/50/scorecard').flush(fixtureScorecard);
    http.expectOne('/api/kpis/kpi-K1.2.1/results').flush([]);
    await settle(fixture);
    const linked = [...el.querySelectorAll('[data-testid="linked-project"]')];
    expect(linked.map((l) => l.getAttribute('data-code'))).toEqual(['P69-001']);
    expect(linked[0].textContent).toContain('ล่าช้า');
    expect(linked[0].textContent).toContain('งบ 2,500,000 บาท');
  });
});

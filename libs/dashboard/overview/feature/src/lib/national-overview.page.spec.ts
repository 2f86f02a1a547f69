jest.mock('@swimlane/ngx-charts', () => jest.requireActual('../../../../../../tools/jest/ngx-charts.stub'));

import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import {
  fixtureAgreementRanking,
  fixtureBatch,
  fixtureClusterStatus,
  fixtureDisbursementRanking,
} from '@provdash/dashboard/overview/data-access';
import { firstPaintInterceptor } from '@provdash/dashboard/auth/data-access';
import { FakeRealtimeSockets, liveEvent, provideRealtimeTesting } from '@provdash/dashboard/shared/realtime';
import { NationalOverviewPage } from './national-overview.page';

const th = {
  overview: {
    national: {
      title: 'ภาพรวมระดับประเทศ',
      disbursementNote: 'เป้าหมาย {{target}}',
      top: 'สูงสุด',
      bottom: 'ต่ำสุด',
      index: 'ดัชนี {{value}}',
      kpis: '{{count}} ตัวชี้วัด',
    },
    feed: {
      title: 'ความเคลื่อนไหววันนี้',
      scope: { public: 'ทั่วประเทศ (ข้อมูลที่เปิดเผย)' },
      empty: 'ยังไม่มีความเคลื่อนไหว',
      import: '{{place}}: นำเข้า GFMIS {{rows}} รายการ อัตรา {{rate}}',
    },
  },
};

async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
  fixture.detectChanges();
}

async function open() {
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
  const fixture = TestBed.createComponent(NationalOverviewPage);
  fixture.componentRef.setInput('fy', '2569');
  fixture.detectChanges();
  TestBed.tick();
  const http = TestBed.inject(HttpTestingController);
  const el = fixture.nativeElement as HTMLElement;
  return { fixture, http, el };
}

describe('NationalOverviewPage', () => {
  afterEach(() => jest.useRealTimers());

  it('shows every cluster, both rankings and an empty feed for the year asked, from one request', async () => {
    const { fixture, http, el } = await open();
    const view = http.expectOne((r) => r.url === '/api/screens/overview');
    expect(view.request.params.get('fiscalYear')).toBe('2569');
    view.flush({
      clusters: fixtureClusterStatus,
      disbursement: fixtureDisbursementRanking,
      agreements: fixtureAgreementRanking,
    });
    http.expectNone((r) => r.url === '/api/public/live/today');
    await settle(fixture);
    // The three read models came from it; the feed and the directory (names for the feed) follow
    // the first paint. A visitor's feed: the public room's earlier events of today (none yet).
    http.expectNone((r) =>
      ['/api/compare/clusters', '/api/disbursement/ranking', '/api/compare/agreements'].includes(r.url),
    );
    http.expectOne((r) => r.url === '/api/public/live/today').flush([]);
    http.expectOne('/api/org-units/clusters').flush({
      clusters: [
        {
          code: 'C15',
          nameTh: 'กลุ่มจังหวัดภาคเหนือตอนบน 1',
          nameEn: 'Upper North 1',
          regionCode: 'north',
          provinces: [],
        },
      ],
      unclustered: [],
    });
    await settle(fixture);
    http.verify();

    expect(el.querySelector('[data-testid="overview-title"]')?.textContent).toBe('ภาพรวมระดับประเทศ');
    expect(el.querySelectorAll('[data-testid="cluster-status"]')).toHaveLength(2);
    const ranking = (id: string) =>
      [...el.querySelectorAll(`[data-testid="${id}"] [data-testid="ranking-entry"]`)].map((e) =>
        [...e.children].map((c) => c.textContent?.trim()).join(' '),
      );
    expect(ranking('disbursement-ranking')).toEqual(['1 ลำปาง 41.0 %', '2 ปทุมธานี 33.0 %', '3 เชียงใหม่ 25.0 %']);
    expect(ranking('agreement-ranking')).toEqual(['1 เชียงใหม่ 3.77', '2 ปทุมธานี 3.10', '3 ลำปาง 2.50']);
    expect(el.querySelector('[data-testid="disbursement-ranking"] .muted')?.textContent).toBe('เป้าหมาย 30.0 %');
    expect(el.querySelector('[data-testid="feed-panel"] .muted')?.textContent).toBe('ทั่วประเทศ (ข้อมูลที่เปิดเผย)');
    expect(el.querySelector('[data-testid="feed-empty"]')?.textContent).toBe('ยังไม่มีความเคลื่อนไหว');
    expect(el.querySelector('[data-testid="directory-link"]')?.getAttribute('href')).toBe('/clusters');
    // The first render of the page (templates compiled on first use) is slow on a busy machine.
  }, 20_000);

  it('adds an import heard in `public` to the feed, and moves the ranking from `ranking.changed`', async () => {
    const { fixture, http, el } = await open();
    http
      .expectOne((r) => r.url === '/api/screens/overview')
      .flush({
        clusters: fixtureClusterStatus,
        disbursement: fixtureDisbursementRanking,
        agreements: fixtureAgreementRanking,
      });
    await settle(fixture);
    http.expectOne('/api/org-units/clusters').flush({ clusters: [], unclustered: [] });
    await settle(fixture);
    const socket = TestBed.inject(FakeRealtimeSockets).socket;
    socket.accept();
    socket.joinOk('public', 1);
    // Joined after the snapshots were read: once the burst settles they are read again, so nothing
    // committed in between is lost.
    await new Promise((resolve) => setTimeout(resolve, 200));
    TestBed.tick();
    http.expectOne((r) => r.url === '/api/compare/clusters').flush(fixtureClusterStatus);
    http.expectOne((r) => r.url === '/api/disbursement/ranking').flush(fixtureDisbursementRanking);
    http.expectOne((r) => r.url === '/api/compare/agreements').flush(fixtureAgreementRanking);
    await settle(fixture);

    jest.useFakeTimers();
    socket.live('disbursement-batch.imported', liveEvent('public', 2, fixtureBatch(), new Date().toISOString()));
    socket.live(
      'ranking.changed',
      liveEvent('public', 3, {
        kind: 'disbursement',
        fiscalYear: 2569,
        rows: [
          { orgUnitCode: '50', value: 35, rank: 1 },
          { orgUnitCode: '52', value: 34, rank: 2 },
          { orgUnitCode: '13', value: 33, rank: 3 },
        ],
      }),
    );
    jest.advanceTimersByTime(200);
    fixture.detectChanges();
    const item = el.querySelector('[data-testid="feed-item"]');
    expect(item?.getAttribute('data-kind')).toBe('import');
    // The directory was empty here: the place is named by its code.
    expect(item?.querySelector('span')?.textContent).toBe('50: นำเข้า GFMIS 12 รายการ อัตรา 35.0 %');
    expect(item?.querySelector('time')?.textContent).toMatch(/25\d\d \d\d:\d\d$/);
    const first = el.querySelector('[data-testid="disbursement-ranking"] [data-testid="ranking-entry"]');
    expect(first?.getAttribute('data-code')).toBe('50');
    expect(el.querySelector('[data-testid="disbursement-ranking"]')?.classList).toContain('live-changed');
  });
});

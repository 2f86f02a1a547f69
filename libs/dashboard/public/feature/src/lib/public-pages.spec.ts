jest.mock('@swimlane/ngx-charts', () => jest.requireActual('../../../../../../tools/jest/ngx-charts.stub'));

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { THAILAND_TILE_GRID } from '@provdash/dashboard/scorecards/ui';
import type { OpenDataCatalogueDto, PublicOverviewDto } from '@provdash/shared/contracts';
import { OpenDataPage } from './open-data.page';
import { PublicOverviewPage } from './public-overview.page';

const counts = { green: 3, amber: 1, red: 1, grey: 0, none: 0 };
const overview: PublicOverviewDto = {
  fiscalYear: 2569,
  asOf: '2026-05-01',
  kpiCounts: counts,
  disbursementTarget: 50,
  disbursement: { allocated: '1000.00', disbursed: '600.00', rate: 60 },
  provinces: [
    {
      code: '50',
      nameTh: 'เชียงใหม่',
      nameEn: 'Chiang Mai',
      clusterCode: 'C15',
      kpiCounts: counts,
      performanceIndex: 91.2,
      lastRound: { round: 6, score: 3.765, formatted: '3.7650', rank: 2 },
      disbursementRate: 60,
      disbursementRank: 1,
    },
    {
      code: '52',
      nameTh: 'ลำปาง',
      nameEn: 'Lampang',
      clusterCode: 'C15',
      kpiCounts: counts,
      performanceIndex: 80,
      lastRound: { round: 6, score: 4.1, formatted: '4.1000', rank: 1 },
      disbursementRate: 40,
      disbursementRank: 2,
    },
  ],
};

function setUp<T>(component: new (...args: never[]) => T) {
  TestBed.configureTestingModule({
    imports: [
      component,
      TranslocoTestingModule.forRoot({
        langs: { th: {} },
        translocoConfig: { defaultLang: 'th', availableLangs: ['th'] },
        preloadLangs: true,
      }),
    ],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
  });
  return TestBed.createComponent(component);
}

describe('public pages', () => {
  it('overview: ranks provinces by their evaluated agreement round and links each to its public page', async () => {
    const fixture = setUp(PublicOverviewPage);
    fixture.detectChanges();
    TestBed.inject(HttpTestingController).expectOne('/api/public/overview').flush(overview);
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const rows = [...el.querySelectorAll('[data-testid="province-row"]')];
    expect(rows.map((r) => r.getAttribute('data-code'))).toEqual(['52', '50']);
    expect(rows[1].querySelector('a')?.getAttribute('href')).toBe('/public/province/50?fy=2569');
    expect(rows[1].querySelector('[data-testid="round-score"]')?.textContent).toContain('3.7650');
  });

  it('overview: maps every province on the tile grid, by agreement round or disbursement rate, linking to its page', async () => {
    // All 77 provinces, each with an evaluated round and a rate.
    const full: PublicOverviewDto = {
      ...overview,
      provinces: THAILAND_TILE_GRID.map(({ code, cluster }, i) => ({
        ...overview.provinces[0],
        code,
        nameTh: `จังหวัด ${code}`,
        nameEn: `Province ${code}`,
        clusterCode: cluster,
        lastRound: { round: 6, score: 2 + i / 40, formatted: (2 + i / 40).toFixed(4), rank: 77 - i },
        disbursementRate: 20 + i,
        disbursementRank: 77 - i,
      })),
    };
    const fixture = setUp(PublicOverviewPage);
    fixture.detectChanges();
    TestBed.inject(HttpTestingController).expectOne('/api/public/overview').flush(full);
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const map = el.querySelector('[data-testid="public-map"]');
    expect(map?.getAttribute('data-metric')).toBe('agreement');
    const tiles = [...(map?.querySelectorAll('[data-testid="tile"]') ?? [])];
    expect(tiles).toHaveLength(77);
    expect(tiles.filter((t) => t.classList.contains('nodata'))).toHaveLength(0);
    expect(tiles.every((t) => t.querySelector('.val')?.textContent?.trim() !== '–')).toBe(true);
    const first = map?.querySelector(`[data-testid="tile"][data-code="${THAILAND_TILE_GRID[0].code}"]`);
    expect(first?.querySelector('.val')?.textContent?.trim()).toBe('2.00');
    expect(first?.getAttribute('data-status')).toBe('red');
    expect(map?.querySelectorAll('[data-testid="cartogram-legend"] li').length).toBeGreaterThan(1);

    (el.querySelector('[data-testid="map-disbursement"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(map?.getAttribute('data-metric')).toBe('disbursement');
    expect(first?.querySelector('.val')?.textContent?.trim()).toBe('20');
    expect(first?.getAttribute('aria-pressed')).toBe('false');
    expect(map?.querySelectorAll('[data-testid="tile"]:not(.nodata)')).toHaveLength(77);

    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (map?.querySelector('[data-testid="tile"][data-code="50"]') as HTMLButtonElement).click();
    expect(navigate).toHaveBeenCalledWith(['/public/province', '50'], { queryParams: { fy: 2569 } });
  });

  it('catalogue: every dataset with its licence and three downloads', async () => {
    const fixture = setUp(OpenDataPage);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    const catalogue: OpenDataCatalogueDto = {
      publisherTh: 'สป.มท.',
      publisherEn: 'MOI',
      licence: { name: 'Open Government Licence – Thailand', url: 'https://example.org/ogl' },
      fiscalYears: [2568, 2569],
      datasets: [
        {
          id: 'results',
          titleTh: 'ผลการดำเนินงาน',
          titleEn: 'Results',
          descriptionTh: '',
          descriptionEn: '',
          byFiscalYear: true,
          filters: ['fiscalYear', 'scope'],
          formats: ['csv', 'json', 'xlsx'],
          lastUpdated: '2026-05-01T03:00:00Z',
          apiPath: '/api/public/results',
          downloadPath: '/api/public/datasets/results',
          licence: { name: 'Open Government Licence – Thailand', url: 'https://example.org/ogl' },
        },
      ],
    };
    http.expectOne('/api/public/catalogue').flush(catalogue);
    http.expectOne((r) => r.url === '/api/public/org-units').flush({ data: [] });
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="licence"]')?.textContent).toContain('Open Government Licence – Thailand');
    expect(el.querySelector('[data-testid="download-csv"]')?.getAttribute('href')).toBe(
      '/api/public/datasets/results.csv',
    );
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { ClusterDirectoryDto } from '@provdash/shared/contracts';
import { ClusterDirectoryPage } from './cluster-directory.page';

const th = {
  clusters: {
    title: 'กลุ่มจังหวัด',
    summary: '{{clusters}} กลุ่มจังหวัด · {{provinces}} จังหวัด',
    unclustered: 'ไม่อยู่ในกลุ่มจังหวัด',
  },
  regions: { central: 'ภาคกลาง' },
  common: { loading: 'กำลังโหลด', loadError: 'โหลดข้อมูลไม่สำเร็จ' },
};

const directory: ClusterDirectoryDto = {
  clusters: [
    {
      code: 'C01',
      nameTh: 'กลุ่มจังหวัดภาคกลางตอนบน 1',
      nameEn: 'Upper Central 1',
      regionCode: 'central',
      provinces: [
        {
          code: '12',
          type: 'province',
          nameTh: 'นนทบุรี',
          nameEn: 'Nonthaburi',
          parentCode: 'C01',
          iso: 'TH-12',
          lat: null,
          lon: null,
        },
      ],
    },
  ],
  unclustered: [
    {
      code: '10',
      type: 'province',
      nameTh: 'กรุงเทพมหานคร',
      nameEn: 'Bangkok',
      parentCode: null,
      iso: 'TH-10',
      lat: null,
      lon: null,
    },
  ],
};

describe('ClusterDirectoryPage', () => {
  async function render(body: ClusterDirectoryDto | 'error') {
    TestBed.configureTestingModule({
      imports: [
        ClusterDirectoryPage,
        TranslocoTestingModule.forRoot({
          langs: { th },
          translocoConfig: { defaultLang: 'th', availableLangs: ['th'] },
        }),
      ],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const fixture = TestBed.createComponent(ClusterDirectoryPage);
    fixture.detectChanges();
    const req = TestBed.inject(HttpTestingController).expectOne('/api/org-units/clusters');
    if (body === 'error') req.flush('down', { status: 503, statusText: 'Service Unavailable' });
    else req.flush(body);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows each cluster with its provinces in Thai, English beneath', async () => {
    const el = await render(directory);
    const cluster = el.querySelector('[data-testid="cluster"][data-code="C01"]');
    expect(cluster?.textContent).toContain('กลุ่มจังหวัดภาคกลางตอนบน 1');
    expect(cluster?.textContent).toContain('Upper Central 1');
    expect(cluster?.querySelector('[data-code="12"] .name')?.textContent).toBe('นนทบุรี');
    expect(cluster?.querySelector('[data-code="12"] .alt')?.textContent).toBe('Nonthaburi');
    expect(el.querySelector('[data-testid="unclustered"]')?.textContent).toContain('กรุงเทพมหานคร');
    expect(cluster?.querySelector('[data-code="12"] a.name')?.getAttribute('href')).toBe('/province/12');
    expect(el.querySelector('[data-testid="summary"]')?.textContent?.trim()).toBe('1 กลุ่มจังหวัด · 2 จังหวัด');
  });

  it('says so in Thai when the API cannot be reached', async () => {
    const el = await render('error');
    expect(el.querySelector('[role="alert"]')?.textContent).toBe('โหลดข้อมูลไม่สำเร็จ');
    expect(el.querySelectorAll('[data-testid="cluster"]')).toHaveLength(0);
  });
});

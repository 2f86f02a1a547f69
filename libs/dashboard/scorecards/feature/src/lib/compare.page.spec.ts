jest.mock('@swimlane/ngx-charts', () => jest.requireActual('../../../../../../tools/jest/ngx-charts.stub'));

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import {
  fixtureDirectory,
  fixtureDisbursement,
  fixtureDisbursementClusters,
  type MetricRow,
} from '@provdash/dashboard/scorecards/data-access';
import { provideRealtimeTesting } from '@provdash/dashboard/shared/realtime';
import { columnsFor, ComparePage, sortRows } from './compare.page';

const th = {
  scorecards: {
    status: {
      green: 'บรรลุเป้าหมาย',
      amber: 'ใกล้เป้าหมาย',
      red: 'ต่ำกว่าเป้าหมาย',
      grey: 'ไม่มีผลรายงาน',
      none: 'ไม่ประเมิน',
    },
    compare: {
      rank: 'อันดับ',
      code: 'รหัสจังหวัด',
      province: 'จังหวัด',
      clusterCode: 'รหัสกลุ่มจังหวัด',
      cluster: 'กลุ่มจังหวัด',
      status: 'สถานะ',
      allocated: 'งบประมาณจัดสรร (บาท)',
      disbursed: 'เบิกจ่ายแล้ว (บาท)',
      gap: 'ห่างจากเป้าหมาย (จุดร้อยละ)',
      valueLabel: { disbursement: 'อัตราการเบิกจ่าย' },
      metrics: { disbursement: 'อัตราการเบิกจ่ายงบประมาณ' },
      clusterMembers: '{{name}}: สมาชิก {{count}} จังหวัด',
    },
  },
};

// The first render of the 77 tiles takes more than jest's 5 s on a busy machine (shared CPUs).
jest.setTimeout(30_000);

const settle = async (fixture: ComponentFixture<unknown>) => {
  await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
  fixture.detectChanges();
};

async function openDisbursement(inputs: Record<string, string> = {}) {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { th },
        translocoConfig: { defaultLang: 'th', availableLangs: ['th'] },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      provideRealtimeTesting(),
      provideNoopAnimations(),
    ],
  });
  const fixture = TestBed.createComponent(ComparePage);
  for (const [k, v] of Object.entries({ metric: 'disbursement', fy: '2569', ...inputs })) {
    fixture.componentRef.setInput(k, v);
  }
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http
    .expectOne((r) => r.url === '/api/disbursement/ranking' && r.params.get('level') === 'province')
    .flush(fixtureDisbursement);
  http
    .expectOne((r) => r.url === '/api/disbursement/ranking' && r.params.get('level') === 'cluster')
    .flush(fixtureDisbursementClusters);
  http.expectOne('/api/org-units/clusters').flush(fixtureDirectory);
  http.match((r) => r.url.startsWith('/api/plans'));
  await settle(fixture);
  await settle(fixture);
  return { fixture, http, el: fixture.nativeElement as HTMLElement };
}

const codes = (el: HTMLElement) =>
  [...el.querySelectorAll('[data-testid="ranking-row"]')].map((r) => r.getAttribute('data-code'));

describe('ComparePage: disbursement', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shows every province on the map, ranked in the table, with baht and the gap', async () => {
    const { el } = await openDisbursement();
    expect(codes(el)).toEqual(['57', '50', '52', '55', '10']);
    expect(el.querySelectorAll('[data-testid="tile"]')).toHaveLength(77);
    expect(el.querySelector('[data-testid="tile"][data-code="52"]')?.getAttribute('data-status')).toBe('amber');
    const cm = el.querySelector('[data-testid="ranking-row"][data-code="50"]');
    expect(cm?.textContent).toContain('80.0 %');
    expect(cm?.textContent).toContain('2,000');
    expect(cm?.textContent).toContain('1,600');
    expect(el.querySelectorAll('[data-testid="cluster-row"]')).toHaveLength(2);
    expect(el.querySelectorAll('[data-testid="strip-row"]')).toHaveLength(2);
  });

  it("compares a cluster's members: the table and the chart keep them, the map mutes the rest", async () => {
    const { el } = await openDisbursement({ cluster: 'C15' });
    expect(codes(el)).toEqual(['50', '52']);
    expect(el.querySelector('[data-testid="cluster-note"]')?.textContent).toContain('C15');
    expect(el.querySelector('[data-testid="tile"][data-code="57"]')?.classList).toContain('muted');
    expect(el.querySelector('[data-testid="tile"][data-code="50"]')?.classList).not.toContain('muted');
    expect(el.querySelector('[data-testid="strip-row"][data-code="C15"]')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('picks a cluster into the URL from the strip, and back out when picked again', async () => {
    const { el } = await openDisbursement({ cluster: 'C15' });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    el.querySelector('[data-testid="strip-row"][data-code="C16"]')?.dispatchEvent(new MouseEvent('click'));
    el.querySelector('[data-testid="strip-row"][data-code="C15"]')?.dispatchEvent(new MouseEvent('click'));
    expect(navigate.mock.calls.map((c) => c[1]?.queryParams)).toEqual([{ cluster: 'C16' }, { cluster: null }]);
  });

  it('sorts by a column header, rows without a figure staying last', async () => {
    const { fixture, el } = await openDisbursement();
    const header = [...el.querySelectorAll('th')].find((h) => h.textContent?.includes('อัตราการเบิกจ่าย'));
    const button = (header?.querySelector('[role="button"]') ?? header) as HTMLElement;
    button.click();
    await settle(fixture);
    expect(codes(el)).toEqual(['55', '52', '50', '57', '10']);
    button.click();
    await settle(fixture);
    expect(codes(el)).toEqual(['57', '50', '52', '55', '10']);
  });

  it('exports the table as shown: a BOM, Thai headers, plain numbers, the cluster filter applied', async () => {
    const { fixture, el } = await openDisbursement({ cluster: 'C15' });
    const blobs: Blob[] = [];
    const names: string[] = [];
    (URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = (b: Blob) => {
      blobs.push(b);
      return 'blob:x';
    };
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    (el.querySelector('[data-testid="export-csv"]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(names).toEqual(['compare-disbursement-overall-2569-C15.csv']);
    const bytes = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(blobs[0]);
    });
    // The BOM, as bytes: a text reader would swallow it.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.slice(1).split('\r\n')).toEqual([
      'อันดับ,รหัสจังหวัด,จังหวัด,รหัสกลุ่มจังหวัด,กลุ่มจังหวัด,อัตราการเบิกจ่าย,งบประมาณจัดสรร (บาท),เบิกจ่ายแล้ว (บาท),ห่างจากเป้าหมาย (จุดร้อยละ),สถานะ',
      // The cluster by code and by name, never a bare code (issue 16).
      '2,50,เชียงใหม่,C15,กลุ่มจังหวัดภาคเหนือตอนบน 1,80,2000,1600,5,บรรลุเป้าหมาย',
      '3,52,ลำปาง,C15,กลุ่มจังหวัดภาคเหนือตอนบน 1,70,1000,700,-5,ใกล้เป้าหมาย',
      '',
    ]);
  });
});

describe('sortRows', () => {
  const row = (code: string, rank: number | null, value: number | null, clusterCode: string | null): MetricRow => ({
    code,
    nameTh: code,
    nameEn: code,
    clusterCode,
    rank,
    value,
    status: 'green',
  });
  const rows = [row('10', null, null, null), row('52', 2, 70, 'C15'), row('50', 1, 80, 'C15'), row('57', 2, 70, 'C16')];
  const order = (active: string, direction: 'asc' | 'desc' | '') =>
    sortRows(rows, { active, direction }, (r) => r.nameTh).map((r) => r.code);

  it('orders by rank then code when nothing else is asked', () => {
    expect(order('rank', 'asc')).toEqual(['50', '52', '57', '10']);
    expect(order('rank', '')).toEqual(['50', '52', '57', '10']);
  });

  it('keeps rows without a figure last whichever way, and ties in rank order', () => {
    expect(order('value', 'desc')).toEqual(['50', '52', '57', '10']);
    expect(order('value', 'asc')).toEqual(['52', '57', '50', '10']);
    expect(order('cluster', 'desc')).toEqual(['57', '50', '52', '10']);
  });

  it('gives each metric its own columns', () => {
    expect(columnsFor('kpi')).toEqual(['rank', 'province', 'cluster', 'actual', 'value', 'status']);
    expect(columnsFor('disbursement')).toContain('allocated');
    expect(columnsFor('agreement')).toContain('lastRound');
  });
});

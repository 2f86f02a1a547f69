jest.mock('@swimlane/ngx-charts', () => jest.requireActual('../../../../../../tools/jest/ngx-charts.stub'));

import { Type } from '@angular/core';
import { ComponentFixture, DeferBlockState, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the fixtures live with the data they imitate
import {
  fixtureAgreement,
  fixtureClusterStatus,
  fixtureDisbursement,
  fixtureSlowest,
  type FeedItem,
} from '@provdash/dashboard/overview/data-access';
import type { ScorecardKpiDto } from '@provdash/shared/contracts';
import { AgreementScoreTile } from './agreement-score-tile';
import { AttentionLists } from './attention-lists';
import { ClusterStatusGrid } from './cluster-status-grid';
import { disbursementSeries, disbursementSeriesWithForecast } from './disbursement-chart';
import { DisbursementPanel } from './disbursement-panel';
import { formatBaht, formatDistance, formatMonth, formatPoints } from './format';
import { feedLine, LiveFeedList } from './live-feed-list';
import { RankingList } from './ranking-list';

const status = {
  green: 'บรรลุเป้าหมาย',
  amber: 'ใกล้เป้าหมาย',
  red: 'ต่ำกว่าเป้าหมาย',
  grey: 'ไม่มีข้อมูล',
  none: 'ไม่ประเมิน',
};
const th = {
  common: { loading: 'กำลังโหลด', loadError: 'โหลดข้อมูลไม่สำเร็จ' },
  scorecards: { status, statusHint: status, kpi: { achievement: 'ผลสัมฤทธิ์' } },
  overview: {
    previousYear: 'ดูปีงบประมาณ {{year}}',
    agreement: {
      title: 'คะแนนคำรับรอง',
      outOf: 'จาก 5',
      live: 'ณ {{date}}',
      noScore: 'ยังไม่มีผล',
      round: 'รอบ {{round}} เดือน: {{score}} ({{date}})',
      noRound: 'ยังไม่ประเมิน',
      none: 'ไม่มีคำรับรองปี {{year}}',
      status: { evaluated_6: 'ประเมินรอบ 6 เดือนแล้ว' },
    },
    disbursement: {
      title: 'การเบิกจ่าย',
      asOf: 'ณ {{date}}',
      overall: 'ภาพรวม',
      capital: 'งบลงทุน',
      target: 'เป้าหมาย {{value}}',
      noTarget: 'ไม่มีเป้าหมาย',
      ahead: 'ถึงเป้าหมาย',
      behind: 'ต่ำกว่าเป้าหมาย {{points}} จุด',
      amounts: 'เบิกจ่าย {{disbursed}} จาก {{allocated}} บาท',
      lapse: { label: 'ความเสี่ยง', none: 'ต่ำ' },
      chart: 'อัตราเบิกจ่ายสะสม',
      chartAria: '{{month}}: {{rate}} เป้าหมาย {{target}}',
      series: { overall: 'เบิกจ่าย', overallTarget: 'เป้าหมาย', capital: 'ลงทุน', capitalTarget: 'เป้าหมายลงทุน' },
      table: 'ตาราง',
      month: 'เดือน',
      none: 'ไม่มีโครงการปี {{year}}',
    },
    attention: {
      redKpis: 'ต่ำกว่าเป้าหมาย ({{count}})',
      noRed: 'ไม่มี',
      owner: 'รับผิดชอบ {{owner}}',
      updated: 'ล่าสุด {{date}}',
      noUpdate: 'ยังไม่มี',
      slowest: 'เบิกจ่ายช้าที่สุด',
      noProjects: 'ไม่มีโครงการ',
      rate: 'เบิกจ่าย {{rate}}',
      progress: 'ความก้าวหน้า {{value}}',
      budgetType: { capital: 'งบลงทุน', current: 'งบประจำ' },
    },
    national: {
      index: 'ดัชนี {{value}}',
      kpis: '{{count}} ตัวชี้วัด',
      top: 'สูงสุด',
      bottom: 'ต่ำสุด',
      noRanking: 'ไม่มี',
    },
    feed: {
      empty: 'ยังไม่มี',
      kpiApproved: '{{place}}: อนุมัติผล {{kpi}} ({{period}})',
      import: '{{place}}: นำเข้า GFMIS {{rows}} รายการ อัตรา {{rate}}',
    },
  },
};
const en = {
  ...th,
  overview: {
    ...th.overview,
    feed: { ...th.overview.feed, kpiApproved: '{{place}}: {{kpi}} result approved ({{period}})' },
  },
};

function render<T>(component: Type<T>, inputs: Record<string, unknown>) {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { th, en },
        translocoConfig: { defaultLang: 'th', availableLangs: ['th', 'en'], reRenderOnLangChange: true },
        preloadLangs: true,
      }),
    ],
    providers: [provideRouter([])],
  });
  const fixture = TestBed.createComponent(component);
  for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const text = (sel: string) => el.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim();
  return { fixture, el, text };
}

/** Draws the @defer blocks as the browser does once idle after the first paint (the disbursement chart). */
async function drawDeferred(fixture: ComponentFixture<unknown>) {
  for (const block of await fixture.getDeferBlocks()) await block.render(DeferBlockState.Complete);
}

describe('formatting', () => {
  it('writes baht with Thai grouping, points with a sign, months in B.E. for Thai', () => {
    expect(formatBaht('2500000.50')).toBe('2,500,001');
    expect(formatBaht(null)).toBe('–');
    expect(formatPoints(-5)).toBe('-5.0');
    expect(formatPoints(2.25)).toBe('+2.3');
    expect(formatPoints(null)).toBe('–');
    expect(formatDistance(-12.34)).toBe('12.3');
    expect(formatMonth('2025-10', 'th')).toBe('ต.ค. 2568');
    expect(formatMonth('2025-10', 'en')).toBe('Oct 2025');
  });
});

describe('disbursementSeries', () => {
  it('draws the rate and the capital rate, each with its target, month by month under fixed keys', () => {
    const series = disbursementSeries(fixtureDisbursement.curve);
    expect(series.map((s) => [s.name, s.target, s.series.length])).toEqual([
      ['overall', false, 6],
      ['overallTarget', true, 6],
      ['capital', false, 6],
      ['capitalTarget', true, 6],
    ]);
    expect(series[0].series[5]).toEqual({ name: 5, value: 25 });
    expect(series[3].series.map((p) => p.value)).toEqual([0, 0, 20, 20, 20, 20]);
  });

  it('leaves out a line with no figures (no capital projects, no targets set)', () => {
    const curve = fixtureDisbursement.curve.map((p) => ({ ...p, target: null, byType: [] }));
    expect(disbursementSeries(curve).map((s) => s.name)).toEqual(['overall']);
  });
});

describe('disbursementSeriesWithForecast', () => {
  const forecast = { method: 'scaled' as const, through: 4, toDate: 20, projected: 82.5, low: 75, high: 90, years: 2 };

  it('adds the forecast last, from the last month it stands on to September, with its range; every other point an empty range', () => {
    const series = disbursementSeriesWithForecast(fixtureDisbursement.curve, forecast);
    expect(series.map((s) => s.name)).toEqual(['overall', 'overallTarget', 'capital', 'capitalTarget', 'forecast']);
    expect(series[4].series).toEqual([
      { name: 3, value: 20, min: 20, max: 20 },
      { name: 11, value: 82.5, min: 75, max: 90 },
    ]);
    expect(series[0].series.every((p) => p.min === p.value && p.max === p.value)).toBe(true);
  });

  it('draws none for a complete year or without a forecast', () => {
    expect(disbursementSeriesWithForecast(fixtureDisbursement.curve, { ...forecast, method: 'final' }).map((s) => s.name)).not.toContain('forecast');
    expect(disbursementSeriesWithForecast(fixtureDisbursement.curve, null)).toEqual(disbursementSeries(fixtureDisbursement.curve));
  });
});

describe('DisbursementPanel', () => {
  it('gives each rate against its target in words and a symbol, the chart, and the same figures as a table', async () => {
    const { el, text, fixture } = render(DisbursementPanel, {
      summary: fixtureDisbursement,
      curve: fixtureDisbursement.curve,
      state: 'ready',
    });
    expect(text('[data-testid="disbursement-overall"] .big')).toBe('25.0 %');
    expect(text('[data-testid="disbursement-overall"] .verdict')).toBe('! ต่ำกว่าเป้าหมาย 5.0 จุด');
    expect(text('[data-testid="disbursement-capital"] .verdict')).toBe('! ต่ำกว่าเป้าหมาย 10.0 จุด');
    expect(text('[data-testid="disbursement-overall"] .amounts')).toBe('เบิกจ่าย 250,000 จาก 1,000,000 บาท');
    // Before the chart's code has loaded, its slot keeps the room it will take.
    expect(el.querySelector('[data-testid="disbursement-chart-slot"]')).not.toBeNull();
    await drawDeferred(fixture);
    expect(el.querySelector('[data-testid="disbursement-chart-slot"]')).toBeNull();
    // The legend names the lines in the reader's language, each beside a sample of its line.
    expect([...el.querySelectorAll('.legend li')].map((li) => li.textContent?.trim())).toEqual([
      'เบิกจ่าย',
      'เป้าหมาย',
      'ลงทุน',
      'เป้าหมายลงทุน',
    ]);
    expect(el.querySelector('.legend li[data-line="overallTarget"] line')?.getAttribute('stroke-dasharray')).toBe(
      '6 4',
    );
    expect(el.querySelector('[data-testid="disbursement-chart"]')?.getAttribute('aria-label')).toBe(
      'มี.ค. 2569: 25.0 % เป้าหมาย 30.0 %',
    );
    const rows = [...el.querySelectorAll('[data-testid="disbursement-table"] tbody tr')];
    expect(rows).toHaveLength(6);
    expect([...rows[5].children].map((c) => c.textContent)).toEqual([
      'มี.ค. 2569',
      '25.0 %',
      '30.0 %',
      '10.0 %',
      '20.0 %',
    ]);
  });

  it('says so when the province has no projects that year, and shows a failure as an alert', () => {
    const none = { ...fixtureDisbursement, total: { ...fixtureDisbursement.total, allocated: '0.00' } };
    const panel = render(DisbursementPanel, { summary: none, curve: none.curve, state: 'ready' });
    expect(panel.text('[data-testid="disbursement-none"]')).toBe('ไม่มีโครงการปี 2569');
    expect(panel.el.querySelector('[data-testid="disbursement-previous-year"]')?.getAttribute('href')).toBe(
      '/?fy=2568',
    );
    TestBed.resetTestingModule();
    expect(render(DisbursementPanel, { state: 'error' }).text('[role="alert"]')).toBe('โหลดข้อมูลไม่สำเร็จ');
  });
});

describe('AgreementScoreTile', () => {
  it('shows the live score to two decimals (the exact one on hover) and the official round exactly, in B.E. for Thai', () => {
    const { text, el } = render(AgreementScoreTile, { agreement: fixtureAgreement, state: 'ready', fiscalYear: 2569 });
    expect(text('[data-testid="agreement-live"]')).toBe('3.77');
    expect(el.querySelector('[data-testid="agreement-live"]')?.getAttribute('title')).toBe('3.7650');
    // Evaluated at 10:00 on 2 April 2026 in Bangkok.
    expect(text('[data-testid="agreement-round"]')).toBe('รอบ 6 เดือน: 3.5120 (2 เม.ย. 2569)');
  });

  it('tells a year without a signed agreement from a failure', () => {
    const tile = render(AgreementScoreTile, { state: 'none', fiscalYear: 2570 });
    expect(tile.text('[data-testid="agreement-none"]')).toBe('ไม่มีคำรับรองปี 2570');
    // Early in a year nothing is signed yet: the last year's score is one click away.
    expect(tile.text('[data-testid="agreement-previous-year"]')).toBe('ดูปีงบประมาณ 2569');
    expect(tile.el.querySelector('[data-testid="agreement-previous-year"]')?.getAttribute('href')).toBe('/?fy=2569');
  });
});

describe('AttentionLists', () => {
  const red = {
    kpiId: 'k-9',
    code: 'K1.2.1',
    nameTh: 'รายได้จากการท่องเที่ยว',
    nameEn: 'Tourism revenue',
    status: 'red',
    achievement: 62.5,
    ownerAgencyTh: 'สำนักงานการท่องเที่ยวและกีฬาจังหวัด',
    lastApprovedAt: '2026-03-12T05:00:00.000Z',
  } as ScorecardKpiDto;

  it('links each red KPI to its history, with owner and last update; lists the slowest projects', () => {
    const { el, text } = render(AttentionLists, { code: '50', redKpis: [red], slowest: fixtureSlowest });
    const link = el.querySelector('[data-testid="red-kpi"]');
    expect(link?.getAttribute('href')).toBe('/province/50/kpi/k-9');
    expect(text('[data-testid="red-kpi"] .meta')).toBe(
      'ผลสัมฤทธิ์ 62.5 % · รับผิดชอบ สำนักงานการท่องเที่ยวและกีฬาจังหวัด · ล่าสุด 12 มี.ค. 2569',
    );
    const projects = [...el.querySelectorAll('[data-testid="slow-project"]')];
    expect(projects.map((p) => p.getAttribute('data-code'))).toEqual(['P69-007', 'P69-012']);
    expect(projects[1].textContent).toContain('ยังไม่มี');
    expect(text('[data-testid="slow-project"] .meta')).toContain('งบลงทุน · ความก้าวหน้า 10.0 %');
  });

  it('says when no KPI is below target', () => {
    expect(render(AttentionLists, { code: '50', redKpis: [], slowest: [] }).text('[data-testid="no-red-kpis"]')).toBe(
      'ไม่มี',
    );
  });
});

describe('ClusterStatusGrid', () => {
  it("names each province's light in words for screen readers and links it to the province", () => {
    const { el } = render(ClusterStatusGrid, {
      clusters: fixtureClusterStatus.clusters,
      changed: new Set(['province:52']),
    });
    expect(el.querySelectorAll('[data-testid="cluster-status"]')).toHaveLength(2);
    const lampang = el.querySelector('[data-testid="cluster-province"][data-code="52"]');
    expect(lampang?.getAttribute('aria-label')).toBe('ลำปาง: ต่ำกว่าเป้าหมาย');
    expect(lampang?.getAttribute('href')).toBe('/province/52');
    expect(lampang?.textContent?.trim()).toBe('✕ ลำปาง');
    expect(lampang?.classList).toContain('live-changed');
    const c15 = el.querySelector('[data-testid="cluster-status"][data-code="C15"] .counts');
    expect(c15?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '✓บรรลุเป้าหมาย 2 !ใกล้เป้าหมาย 1 ✕ต่ำกว่าเป้าหมาย 1 ?ไม่มีข้อมูล 0',
    );
  });
});

describe('ClusterStatusGrid placeholder', () => {
  it('while loading draws 18 empty tiles, hidden from screen readers, with no link', () => {
    const { el } = render(ClusterStatusGrid, { clusters: [], placeholder: true });
    const frame = el.querySelector('[data-testid="clusters-placeholder"]');
    expect(frame?.getAttribute('aria-hidden')).toBe('true');
    expect(frame?.querySelectorAll(':scope > li')).toHaveLength(18);
    expect(el.querySelectorAll('a')).toHaveLength(0);
    expect(el.querySelectorAll('[data-testid="cluster-status"]')).toHaveLength(0);
  });
});

describe('RankingList', () => {
  const entries = Array.from({ length: 12 }, (_, i) => ({
    code: String(10 + i),
    name: `P${i}`,
    rank: i < 11 ? i + 1 : null,
    value: `${90 - i} %`,
  }));

  it('shows the top and the bottom five of the ranked provinces', () => {
    const { el } = render(RankingList, { entries });
    const codes = (end: string) =>
      [...el.querySelectorAll(`[data-testid="ranking-entry"][data-end="${end}"]`)].map((e) =>
        e.getAttribute('data-code'),
      );
    expect(codes('top')).toEqual(['10', '11', '12', '13', '14']);
    // The unranked province (no figure) is at neither end.
    expect(codes('bottom')).toEqual(['16', '17', '18', '19', '20']);
  });

  it('while loading draws the frame of both ends (five rows each), hidden from screen readers, no entry nor "no ranking"', () => {
    const { el } = render(RankingList, { entries: [], placeholder: true });
    const frame = el.querySelector('[data-testid="ranking-placeholder"]');
    expect(frame?.getAttribute('aria-hidden')).toBe('true');
    expect(frame?.querySelectorAll('ol')).toHaveLength(2);
    expect(frame?.querySelectorAll('li')).toHaveLength(10);
    expect(el.querySelectorAll('[data-testid="ranking-entry"]')).toHaveLength(0);
    expect(el.querySelector('.muted')).toBeNull();
  });

  it('shows one list when there are too few for two ends', () => {
    const { el } = render(RankingList, { entries: entries.slice(0, 3) });
    expect(el.querySelectorAll('[data-end="top"]')).toHaveLength(3);
    expect(el.querySelectorAll('[data-end="bottom"]')).toHaveLength(0);
  });
});

describe('LiveFeedList', () => {
  const approval: FeedItem = {
    kind: 'kpi-approved',
    key: 'public#5',
    at: '2026-03-02T07:05:00.000Z',
    orgUnitCode: '50',
    fiscalYear: 2569,
    kpiCode: 'K1.2.1',
    kpiNameTh: 'รายได้จากการท่องเที่ยว',
    kpiNameEn: 'Tourism revenue',
    period: '2569-M05',
  };
  const places = new Map([['50', { nameTh: 'เชียงใหม่', nameEn: 'Chiang Mai' }]]);

  it('writes each change as a sentence with its Bangkok time, B.E. in Thai and A.D. in English', () => {
    const { fixture, el, text } = render(LiveFeedList, { items: [approval], places });
    expect(text('[data-testid="feed-item"] time')).toBe('2 มี.ค. 2569 14:05');
    expect(text('[data-testid="feed-item"] span')).toBe(
      'เชียงใหม่: อนุมัติผล K1.2.1 รายได้จากการท่องเที่ยว (ก.พ. 2569)',
    );
    TestBed.inject(TranslocoService).setActiveLang('en');
    TestBed.tick();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="feed-item"] time')?.textContent).toBe('2 Mar 2026, 14:05');
    expect(text('[data-testid="feed-item"] span')).toBe(
      'Chiang Mai: K1.2.1 Tourism revenue result approved (Feb 2026)',
    );
  });

  it('says when nothing has happened yet, and names an unknown place by its code', () => {
    expect(render(LiveFeedList, { items: [] }).text('[data-testid="feed-empty"]')).toBe('ยังไม่มี');
    const line = feedLine(
      { kind: 'import', key: 'k', at: '', orgUnitCode: '99', fiscalYear: 2569, rows: 3, rate: 41.5 },
      places,
      'th',
    );
    expect(line).toEqual({ key: 'overview.feed.import', params: { place: '99', rows: 3, rate: '41.5 %' } });
  });
});

import { Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the fixtures live with the data they imitate
import { fixtureMap, fixtureScorecard } from '@provdash/dashboard/scorecards/data-access';
import type { KpiStatusName, StatusSummaryDto } from '@provdash/shared/contracts';
import { BUDDHIST_ERA_DATE_FORMATS, BuddhistEraDateAdapter, isoDay } from './buddhist-era-date-adapter';
import { formatInstant, formatNumber, formatPercent } from './format';
import { PeriodFilters } from './period-filters';
import { StatusChip } from './status-chip';
import { StrategyMapDiagram } from './strategy-map-diagram';
import type { MapGraphNode } from './strategy-map-layout';

const th = {
  scorecards: {
    status: {
      green: 'บรรลุเป้าหมาย',
      amber: 'ใกล้เป้าหมาย',
      red: 'ต่ำกว่าเป้าหมาย',
      grey: 'ไม่มีข้อมูล',
      none: 'ไม่ประเมิน',
    },
    statusHint: { green: 'g', amber: 'a', red: 'r', grey: 'x', none: 'n' },
    map: { aria: '{{goals}} เป้าประสงค์ {{links}} ลูกศร', linkedUp: 'เชื่อมโยงเป้าประสงค์กลุ่มจังหวัด' },
    filters: { fiscalYear: 'ปีงบประมาณ', asOf: 'ข้อมูล ณ วันที่' },
  },
};

function configure() {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({ langs: { th }, translocoConfig: { defaultLang: 'th', availableLangs: ['th'] } }),
    ],
  });
}

@Component({ imports: [StatusChip], template: `<pd-status-chip [status]="status()" />` })
class ChipHost {
  readonly status = input<KpiStatusName>('green');
}

describe('StatusChip', () => {
  it.each<[KpiStatusName, string, string]>([
    ['green', 'บรรลุเป้าหมาย', '✓'],
    ['amber', 'ใกล้เป้าหมาย', '!'],
    ['red', 'ต่ำกว่าเป้าหมาย', '✕'],
    ['grey', 'ไม่มีข้อมูล', '?'],
    ['none', 'ไม่ประเมิน', '–'],
  ])('shows %s as words and a symbol, not colour alone', async (status, label, symbol) => {
    configure();
    const fixture = TestBed.createComponent(ChipHost);
    fixture.componentRef.setInput('status', status);
    await fixture.whenStable();
    const chip = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="status-chip"]');
    expect(chip?.getAttribute('data-status')).toBe(status);
    expect(chip?.classList).toContain(`s-${status}`);
    expect(chip?.textContent).toBe(`${symbol}${label}`);
    expect(chip?.querySelector('.sym')?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('StrategyMapDiagram', () => {
  // The first layout loads ELK (1.6 MB of JavaScript): slow on a busy machine.
  jest.setTimeout(60_000);
  const summaries = new Map<string, StatusSummaryDto>(fixtureScorecard.rollup.goals.map((g) => [g.code, g.summary]));

  async function render(narrow: boolean, opened: MapGraphNode[] = []) {
    configure();
    const fixture = TestBed.createComponent(StrategyMapDiagram);
    fixture.componentRef.setInput('map', fixtureMap);
    fixture.componentRef.setInput('summaries', summaries);
    fixture.componentRef.setInput('kpiStatuses', new Map(fixtureScorecard.kpis.map((k) => [k.kpiId, k.status])));
    fixture.componentRef.setInput('narrow', narrow);
    fixture.componentInstance.nodeOpen.subscribe((n) => opened.push(n));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('draws a band per issue in plan order, a node per goal coloured by its light, an arrow per link', async () => {
    const el = await render(false);
    expect([...el.querySelectorAll('[data-testid="issue-band"]')].map((b) => b.getAttribute('data-code'))).toEqual([
      'I1',
      'I2',
    ]);
    const nodes = el.querySelectorAll('[data-testid="goal-node"]');
    expect(nodes).toHaveLength(3);
    expect([...nodes].map((n) => [n.getAttribute('data-code'), n.getAttribute('data-status')])).toEqual([
      ['G1.1', 'green'],
      ['G1.2', 'red'],
      ['G2.1', 'grey'],
    ]);
    expect(el.querySelectorAll('[data-testid="goal-arrow"]')).toHaveLength(2);
    expect(el.querySelectorAll('[data-testid="cluster-link"]')).toHaveLength(1);
    expect(el.querySelector('[data-code="G1.2"] [data-testid="cluster-link"]')).not.toBeNull();
    expect(el.querySelector('svg')?.getAttribute('aria-label')).toBe('3 เป้าประสงค์ 2 ลูกศร');
    expect(el.querySelector('[data-code="G1.2"]')?.textContent).toContain('ต่ำกว่าเป้าหมาย');
  });

  it('draws the KPIs lit by their own status, as links that say which KPI was chosen', async () => {
    const opened: MapGraphNode[] = [];
    const el = await render(true, opened);
    const kpis = [...el.querySelectorAll<SVGGElement>('[data-testid="kpi-node"]')];
    expect(kpis.map((k) => k.getAttribute('data-code'))).toEqual(['K1.1.1', 'K1.1.2', 'K1.2.1', 'K2.1.1']);
    for (const k of kpis) {
      const own = fixtureScorecard.kpis.find((c) => c.code === k.getAttribute('data-code'));
      expect(k.getAttribute('data-status')).toBe(own?.status ?? 'none');
      expect(k.getAttribute('role')).toBe('link');
    }
    // Goals and issues are drawn, not links.
    expect(el.querySelector('[data-testid="goal-node"]')?.getAttribute('role')).toBeNull();
    kpis[1].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(opened.map((n) => [n.kind, n.id])).toEqual([['kpi', 'kpi-K1.1.2']]);
    // A phone starts at full size, panned inside its frame.
    const svg = el.querySelector('svg');
    expect(Number(svg?.getAttribute('width'))).toBeGreaterThan(300);
    expect(el.querySelector('[data-testid="map-frame"]')?.classList).not.toContain('fit');
  });
});

describe('formatting', () => {
  it('groups Thai numbers and gives percentages one decimal', () => {
    expect(formatNumber(12965.13)).toBe('12,965.13');
    expect(formatNumber(null)).toBe('–');
    expect(formatPercent(90.35667)).toBe('90.4 %');
    expect(formatPercent(100)).toBe('100.0 %');
  });

  it('shows the Bangkok day of an instant in B.E. for Thai readers', () => {
    expect(formatInstant('2026-10-11T18:00:00.000Z', 'th')).toBe('12 ต.ค. 2569');
    expect(formatInstant('2026-10-12T07:00:00.000Z', 'en')).toBe('12 Oct 2026');
    expect(formatInstant(null, 'th')).toBe('–');
  });
});

@Component({
  imports: [PeriodFilters],
  template: `<pd-period-filters
    [years]="[2570, 2569]"
    [fiscalYear]="2569"
    [withAsOf]="withAsOf()"
    asOf="2026-03-31"
    (asOfPicked)="picked.push($event)"
  />`,
})
class FiltersHost {
  readonly withAsOf = input(false);
  readonly picked: (string | null)[] = [];
}

describe('PeriodFilters', () => {
  it('labels the year in Thai and shows the day only where the screen asks for it', async () => {
    configure();
    const fixture = TestBed.createComponent(FiltersHost);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('mat-label')?.textContent).toContain('ปีงบประมาณ');
    expect(el.querySelector('[data-testid="fy-select"]')?.textContent).toContain('2569');
    expect(el.querySelector('[data-testid="as-of"]')).toBeNull();

    fixture.componentRef.setInput('withAsOf', true);
    await fixture.whenStable();
    const day = el.querySelector<HTMLInputElement>('[data-testid="as-of"]');
    if (!day) throw new Error('no as-of field');
    // The Buddhist Era in Thai, as every screen writes a day (it was the browser's Gregorian mm/dd/yyyy).
    expect(day.value).toBe('31 มี.ค. 2569');
    const type = (text: string) => {
      day.value = text;
      day.dispatchEvent(new Event('input'));
      day.dispatchEvent(new Event('change'));
    };
    type('30/6/2569');
    type('1 ต.ค. 2568');
    type('');
    expect(fixture.componentInstance.picked).toEqual(['2026-06-30', '2025-10-01', null]);
  });

  it('reads and writes A.D. in English, and takes a B.E. year typed there too', () => {
    const adapter = TestBed.runInInjectionContext(() => new BuddhistEraDateAdapter());
    adapter.setLocale('en-GB');
    const d = adapter.parse('30 Jun 2026', null) as Date;
    expect(isoDay(d)).toBe('2026-06-30');
    expect(adapter.format(d, BUDDHIST_ERA_DATE_FORMATS.display.dateInput)).toBe('30 Jun 2026');
    expect(adapter.getYearName(d)).toBe('2026');
    expect(isoDay(adapter.parse('30/06/2569', null) as Date)).toBe('2026-06-30');
    expect(adapter.isValid(adapter.parse('31/2/2026', null) as Date)).toBe(false);
    adapter.setLocale('th-TH');
    expect(adapter.getYearName(d)).toBe('2569');
    expect(adapter.format(d, BUDDHIST_ERA_DATE_FORMATS.display.dateInput)).toBe('30 มิ.ย. 2569');
  });
});

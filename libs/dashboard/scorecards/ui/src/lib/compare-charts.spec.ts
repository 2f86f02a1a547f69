import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { ClusterStripChart, median, niceTicks, type StripDatum } from './cluster-strip-chart';
import {
  classColours,
  classOf,
  contrastRatio,
  FIGURE_PALETTE,
  formatFigure,
  formatFigureShort,
  inkOn,
  legendClasses,
  NO_DATA_FILL,
  quantileBreaks,
} from './metric-scale';
import { STATUS_COLOR } from './status-chip';
import { type CartogramDatum, clusterEdges, TileCartogram, tileInDirection } from './tile-cartogram';
import { THAILAND_TILE_GRID } from './thailand-tile-grid';

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
      map: {
        tile: '{{name}}: {{value}} อันดับที่ {{rank}} {{status}}',
        tileUnranked: '{{name}}: {{value}} ไม่มีอันดับ {{status}}',
        hint: 'ใช้ปุ่มลูกศร',
        legend: 'คำอธิบายสี',
        symbols: 'สัญลักษณ์สถานะ',
        noData: 'ไม่มีข้อมูล',
      },
      strip: { row: '{{name}}: {{count}} จังหวัด ค่ามัธยฐาน {{median}}' },
    },
  },
};

function configure() {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { th },
        translocoConfig: { defaultLang: 'th', availableLangs: ['th'] },
        preloadLangs: true,
      }),
    ],
  });
}

describe('figure scale', () => {
  it('cuts the figures into up to five classes of about equal size, each starting at its break', () => {
    const values = Array.from({ length: 77 }, (_, i) => i + 1);
    const breaks = quantileBreaks(values);
    expect(breaks).toEqual([16, 31, 47, 62]);
    expect(classOf(1, breaks)).toBe(0);
    expect(classOf(15.99, breaks)).toBe(0);
    expect(classOf(16, breaks)).toBe(1);
    expect(classOf(77, breaks)).toBe(4);
    const counts = [0, 0, 0, 0, 0];
    values.forEach((v) => counts[classOf(v, breaks)]++);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('merges classes when the figures repeat, and spreads the palette over the classes left', () => {
    expect(quantileBreaks([5, 5, 5, 5])).toEqual([]);
    expect(quantileBreaks([1, 1, 1, 9, 9])).toEqual([9]);
    expect(quantileBreaks([])).toEqual([]);
    expect(classColours(2)).toEqual([FIGURE_PALETTE[0], FIGURE_PALETTE[4]]);
    expect(classColours(1)).toEqual([FIGURE_PALETTE[2]]);
  });

  it('gives the legend the real range of each class', () => {
    expect(legendClasses([1, 2, 9, 10], [9]).map((c) => [c.from, c.to])).toEqual([
      [1, 2],
      [9, 10],
    ]);
  });

  it('puts text on every fill with at least AA contrast (4.5:1)', () => {
    for (const fill of [...FIGURE_PALETTE, NO_DATA_FILL, '#eceff1']) {
      expect(contrastRatio(fill, inkOn(fill))).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });

  it('formats percent, two-decimal scores and plain numbers with Thai grouping', () => {
    expect(formatFigure(96.12, 'percent')).toBe('96.1 %');
    expect(formatFigure(3.765, 'score')).toBe('3.77');
    expect(formatFigure(1.3585, 'score')).toBe('1.36');
    expect(formatFigure(1234567.891, 'number')).toBe('1,234,567.89');
    expect(formatFigure(null, 'score')).toBe('–');
    expect(formatFigureShort(96.62, 'percent')).toBe('97');
    expect(formatFigureShort(3.765, 'score')).toBe('3.77');
  });
});

describe('TileCartogram', () => {
  const data: CartogramDatum[] = THAILAND_TILE_GRID.map((t, i) => ({
    code: t.code,
    name: `จังหวัด ${t.code}`,
    value: t.code === '10' ? null : i,
    rank: t.code === '10' ? null : 77 - i,
    status: t.code === '10' ? 'none' : i % 2 ? 'green' : 'red',
  }));

  async function render(inputs: Record<string, unknown> = {}) {
    configure();
    const fixture = TestBed.createComponent(TileCartogram);
    fixture.componentRef.setInput('data', data);
    for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }
  const tile = (el: HTMLElement, code: string) =>
    el.querySelector(`[data-testid="tile"][data-code="${code}"]`) as HTMLButtonElement;

  it('draws one button per province, its figure, status symbol and an accessible label', async () => {
    const { el } = await render();
    expect(el.querySelectorAll('[data-testid="tile"]')).toHaveLength(77);
    const cm = tile(el, '50');
    const i = THAILAND_TILE_GRID.findIndex((t) => t.code === '50');
    expect(cm.getAttribute('aria-label')).toBe(
      `จังหวัด 50: ${formatFigure(i, 'percent')} อันดับที่ ${77 - i} ${i % 2 ? 'บรรลุเป้าหมาย' : 'ต่ำกว่าเป้าหมาย'}`,
    );
    expect(cm.querySelector('.sym')?.textContent).toBe(i % 2 ? '✓' : '✕');
    expect(tile(el, '10').getAttribute('aria-label')).toBe('จังหวัด 10: – ไม่มีอันดับ ไม่ประเมิน');
    expect(tile(el, '10').classList).toContain('nodata');
    // Only one tile is in the tab order.
    expect(el.querySelectorAll('[data-testid="tile"][tabindex="0"]')).toHaveLength(1);
    expect(el.querySelectorAll('[data-testid="cartogram-legend"] li').length).toBeGreaterThanOrEqual(5);
  });

  it('colours each tile by its light (red below target), not by a ramp that made the worst yellow', async () => {
    const { el } = await render();
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    for (const t of THAILAND_TILE_GRID.filter((x) => x.code !== '10')) {
      const d = data.find((x) => x.code === t.code);
      expect(tile(el, t.code).style.backgroundColor).toBe(rgb(STATUS_COLOR[d?.status ?? 'none']));
    }
    const legend = [...el.querySelectorAll('[data-testid="cartogram-legend"] li[data-status]')];
    expect(legend.map((li) => li.getAttribute('data-status'))).toEqual(['green', 'amber', 'red', 'grey', 'none']);
  });

  it('selects on click and moves focus to the neighbouring tile with the arrow keys', async () => {
    const { fixture, el } = await render();
    const picked: string[] = [];
    fixture.componentInstance.selectProvince.subscribe((c) => picked.push(c));
    tile(el, '50').click();
    expect(picked).toEqual(['50']);
    await fixture.whenStable();
    expect(tile(el, '50').getAttribute('tabindex')).toBe('0');

    const from = THAILAND_TILE_GRID.find((t) => t.code === '50');
    const below = from && tileInDirection(THAILAND_TILE_GRID, from, 'ArrowDown');
    tile(el, '50').focus();
    tile(el, '50').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await fixture.whenStable();
    expect(document.activeElement?.getAttribute('data-code')).toBe(below?.code);
    expect(tile(el, below?.code ?? '').getAttribute('tabindex')).toBe('0');
  });

  it('mutes the provinces outside the chosen cluster and marks the selected one', async () => {
    const { el } = await render({ cluster: 'C15', selected: '52' });
    const muted = [...el.querySelectorAll('[data-testid="tile"].muted')].map((t) => t.getAttribute('data-code'));
    expect(muted).toHaveLength(77 - 4);
    expect(muted).not.toContain('50');
    expect(tile(el, '52').getAttribute('aria-pressed')).toBe('true');
    expect(tile(el, '52').classList).toContain('selected');
  });

  it('outlines the clusters: edges between two members are open, edges to another cluster drawn', () => {
    const edges = clusterEdges(THAILAND_TILE_GRID);
    const bangkok = edges.get('10');
    expect(bangkok).toEqual(['top', 'right', 'bottom', 'left']);
    for (const t of THAILAND_TILE_GRID) {
      for (const side of edges.get(t.code) ?? []) {
        const [dr, dc] = { top: [-1, 0], right: [0, 1], bottom: [1, 0], left: [0, -1] }[side];
        const other = THAILAND_TILE_GRID.find((o) => o.row === t.row + dr && o.col === t.col + dc);
        expect(other?.cluster === t.cluster && t.cluster !== null).toBe(false);
      }
    }
  });

  it('finds a tile in every direction from the middle, and none beyond the edge', () => {
    const middle = THAILAND_TILE_GRID.find((t) => t.code === '14');
    if (!middle) throw new Error('no Ayutthaya');
    for (const key of ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'] as const) {
      expect(tileInDirection(THAILAND_TILE_GRID, middle, key)).toBeDefined();
    }
    const top = THAILAND_TILE_GRID.reduce((a, b) => (b.row < a.row ? b : a));
    expect(tileInDirection(THAILAND_TILE_GRID, top, 'ArrowUp')).toBeUndefined();
  });
});

describe('ClusterStripChart', () => {
  const rows: StripDatum[] = [
    { code: '50', name: 'เชียงใหม่', clusterCode: 'C15', value: 80, status: 'green' },
    { code: '51', name: 'ลำพูน', clusterCode: 'C15', value: 60, status: 'red' },
    { code: '52', name: 'ลำปาง', clusterCode: 'C15', value: 70, status: 'amber' },
    { code: '57', name: 'เชียงราย', clusterCode: 'C16', value: null, status: 'grey' },
    { code: '10', name: 'กรุงเทพมหานคร', clusterCode: null, value: 99, status: 'green' },
  ];

  async function render() {
    configure();
    const fixture = TestBed.createComponent(ClusterStripChart);
    fixture.componentRef.setInput('rows', rows);
    fixture.componentRef.setInput('clusters', [
      { code: 'C15', name: 'ภาคเหนือตอนบน 1' },
      { code: 'C16', name: 'ภาคเหนือตอนบน 2' },
    ]);
    fixture.componentRef.setInput('target', 75);
    fixture.componentRef.setInput('width', 400);
    fixture.componentRef.setInput('cluster', 'C16');
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('draws a row per cluster with a dot per member that has a figure, its median and the target', async () => {
    const { el } = await render();
    const strips = [...el.querySelectorAll('[data-testid="strip-row"]')];
    expect(strips.map((r) => r.getAttribute('data-code'))).toEqual(['C15', 'C16']);
    const dots = [...strips[0].querySelectorAll('[data-testid="strip-dot"]')];
    expect(dots.map((d) => d.getAttribute('data-code'))).toEqual(['51', '52', '50']);
    expect(dots.map((d) => d.getAttribute('fill'))).toEqual([STATUS_COLOR.red, STATUS_COLOR.amber, STATUS_COLOR.green]);
    expect(strips[0].getAttribute('aria-label')).toBe('ภาคเหนือตอนบน 1: 3 จังหวัด ค่ามัธยฐาน 70.0 %');
    expect(strips[1].querySelectorAll('[data-testid="strip-dot"]')).toHaveLength(0);
    expect(strips[1].getAttribute('aria-pressed')).toBe('true');
    expect(el.querySelectorAll('[data-testid="strip-median"]')).toHaveLength(1);
    expect(el.querySelector('[data-testid="strip-target"]')).not.toBeNull();
    // Dots sit in value order along the axis.
    const xs = dots.map((d) => Number(d.getAttribute('cx')));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('selects a cluster by click or by Enter', async () => {
    const { fixture, el } = await render();
    const picked: string[] = [];
    fixture.componentInstance.selectCluster.subscribe((c) => picked.push(c));
    const row = el.querySelector('[data-testid="strip-row"][data-code="C15"]') as SVGGElement;
    row.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(picked).toEqual(['C15', 'C15']);
  });

  it('rounds the axis ticks and finds medians', () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(median([1, 2, 3])).toBe(2);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

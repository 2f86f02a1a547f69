import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { flushChartRemovals, formatFigure, formatNumber } from '@provdash/dashboard/scorecards/ui';
import { injectLang, localName } from '@provdash/dashboard/shared/i18n';
import type {
  ClusterDirectoryDto,
  ExplorerCellDto,
  ExplorerDto,
  ExplorerHeaderDto,
  ExplorerSavedViewDto,
  ExplorerViewQuery,
} from '@provdash/shared/contracts';
import {
  bangkokDateOf,
  EXPLORER_MEASURES,
  explorerDimensionsOf,
  fiscalYearOf,
  periodLabel,
  type ExplorerDimension,
  type ExplorerMeasure,
} from '@provdash/shared/domain';
import { BarChartModule, LegendPosition } from '@swimlane/ngx-charts';
import { map } from 'rxjs';
import {
  apiQuery,
  chartSeries,
  EXPLORER_FILTERS,
  figureFormatOf,
  isFilterDimension,
  viewFromParams,
  viewParams,
  withMeasure,
  type ExplorerFilter,
} from './explorer-view';

/**
 * `/ministry/analysis/explorer`: the pivot table. A measure cut by rows and columns over fiscal
 * years and filters, with totals the API pools from their parts; a header filters the view to
 * itself; the table switches to a chart and downloads as CSV or Excel. The whole view lives in the
 * address, so a link (or a saved view) reproduces it. One request per view.
 */
@Component({
  selector: 'pd-explorer-page',
  imports: [
    BarChartModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggle,
    RouterLink,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './explorer.page.html',
  styleUrls: ['./desk-page.scss', './completeness.page.scss', './explorer.page.scss'],
})
export class ExplorerPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  readonly lang = injectLang();
  private readonly current = fiscalYearOf(bangkokDateOf(new Date()));
  readonly yearChoices = Array.from({ length: 10 }, (_, i) => this.current - i);
  readonly measures = EXPLORER_MEASURES;
  readonly pillars = [1, 2, 3, 4, 5, 6];
  readonly legendBelow = LegendPosition.Below;

  /** The view, read from the address each time it changes (a saved view's link, back and forward). */
  readonly query = toSignal(this.route.queryParamMap.pipe(map((p) => viewFromParams(p, this.current))), {
    initialValue: viewFromParams(this.route.snapshot.queryParamMap, this.current),
  });
  readonly asChart = toSignal(this.route.queryParamMap.pipe(map((p) => p.get('chart') === '1')), {
    initialValue: this.route.snapshot.queryParamMap.get('chart') === '1',
  });
  readonly showParts = signal(false);
  readonly dimensions = computed(() => explorerDimensionsOf(this.query().measure));

  readonly view = httpResource<ExplorerDto>(() => `/api/analysis/explorer?${apiQuery(this.query())}`);
  readonly directory = httpResource<ClusterDirectoryDto>(() => '/api/org-units/clusters');
  readonly saved = httpResource<ExplorerSavedViewDto[]>(() => '/api/analysis/explorer/views');
  readonly provinces = computed(() => {
    const d = this.directory.value();
    if (!d) return [];
    const cluster = this.query().cluster;
    return [
      ...d.clusters.filter((c) => !cluster || c.code === cluster).flatMap((c) => c.provinces),
      ...(cluster ? [] : d.unclustered),
    ];
  });

  /** Names of what a filter holds, learnt from the headers seen (a filter set from a header keeps its name). */
  private readonly known = new Map<string, ExplorerHeaderDto>();

  readonly saveName = signal('');
  readonly saveError = signal<string | null>(null);
  readonly saving = signal(false);

  constructor() {
    flushChartRemovals();
  }

  /** A changed view goes to the address; the address drives the rest. */
  private go(view: ExplorerViewQuery, chart = this.asChart()): void {
    void this.router.navigate([], { queryParams: { ...viewParams(view), ...(chart ? { chart: '1' } : {}) } });
  }

  setMeasure(measure: ExplorerMeasure): void {
    this.go(withMeasure(this.query(), measure, this.current));
  }
  setRows(rows: ExplorerDimension): void {
    const q = this.query();
    this.go({ ...q, rows, cols: q.cols === rows ? null : q.cols });
  }
  setCols(cols: ExplorerDimension | null): void {
    const q = this.query();
    this.go({ ...q, cols: cols === q.rows ? null : cols });
  }
  swap(): void {
    const q = this.query();
    if (q.cols) this.go({ ...q, rows: q.cols, cols: q.rows });
  }
  setYears(years: number[]): void {
    if (years.length) this.go({ ...this.query(), fiscalYears: [...years].sort((a, b) => a - b) });
  }
  setFilter(filter: ExplorerFilter, value: string | number | null): void {
    const q = { ...this.query(), [filter]: value === '' ? null : value };
    if (filter === 'cluster') q.province = null;
    this.go(q);
  }
  setChart(chart: boolean): void {
    this.go(this.query(), chart);
  }

  /** Filters the view to one header: the table then shows that region, KPI, pillar… alone. */
  filterTo(dim: ExplorerDimension, h: ExplorerHeaderDto): void {
    if (!isFilterDimension(dim) || h.key === null) return;
    this.known.set(`${dim}:${h.key}`, h);
    this.setFilter(dim, dim === 'pillar' ? Number(h.key) : h.key);
  }

  readonly activeFilters = computed(() => {
    const q = this.query();
    return EXPLORER_FILTERS.filter((f) => q[f] !== null).map((f) => ({ filter: f, value: String(q[f]) }));
  });

  filterLabel(filter: ExplorerFilter, value: string): string {
    if (filter === 'pillar') return `${value}. ${this.transloco.translate('planBuilder.pillars.' + value)}`;
    const fromDirectory = this.directoryName(filter, value);
    if (fromDirectory) return fromDirectory;
    const h = this.known.get(`${filter}:${value}`);
    return h?.nameTh ? `${value} ${this.headerText(h)}` : value;
  }

  private directoryName(filter: ExplorerFilter, code: string): string | null {
    const d = this.directory.value();
    if (!d) return null;
    if (filter === 'cluster') {
      const c = d.clusters.find((x) => x.code === code);
      return c ? localName(c, this.lang()) : null;
    }
    if (filter === 'province') {
      const p = [...d.clusters.flatMap((c) => c.provinces), ...d.unclustered].find((x) => x.code === code);
      return p ? localName(p, this.lang()) : null;
    }
    return null;
  }

  /** A row's or column's name as the table and chart show it. */
  headerName(dim: ExplorerDimension | null, h: ExplorerHeaderDto): string {
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    if (!dim) return t('analysis.explorer.value');
    if (h.key === null) return dim === 'cluster' ? t('analysis.completeness.noCluster') : '–';
    switch (dim) {
      case 'pillar':
        return `${h.key}. ${t('planBuilder.pillars.' + h.key)}`;
      case 'period':
        return periodLabel(h.key, this.lang() === 'en' ? 'en' : 'th');
      case 'fiscalYear':
        return t('analysis.fy', { fy: h.key });
      case 'kpi':
      case 'goal':
        return `${h.key} ${this.headerText(h)}`;
      default:
        return this.headerText(h) || h.key;
    }
  }

  private headerText(h: ExplorerHeaderDto): string {
    return h.nameTh ? localName({ nameTh: h.nameTh, nameEn: h.nameEn }, this.lang()) : '';
  }

  figure(cell: ExplorerCellDto): string {
    return formatFigure(cell.value, figureFormatOf(this.query().measure));
  }

  /** The two parts a figure is the quotient of, as the reader can check it. */
  parts(cell: ExplorerCellDto): string {
    const t = (key: string, params: Record<string, unknown>) => this.transloco.translate(key, params);
    const m = this.query().measure;
    const params = { part: formatNumber(cell.part), whole: formatNumber(cell.whole) };
    return t(`analysis.explorer.parts.${m}`, params);
  }

  reason(cell: ExplorerCellDto): string | null {
    return cell.reason ? this.transloco.translate(`analysis.explorer.reason.${cell.reason}`) : null;
  }

  readonly chart = computed(() => {
    const v = this.view.value();
    if (!v) return [];
    return chartSeries(
      v,
      (i) => this.headerName(v.query.rows, v.rows[i]),
      (j) => this.headerName(v.query.cols, v.cols[j]),
    );
  });
  /** Room for every bar: a group per row, a bar per column. */
  readonly chartHeight = computed(() => {
    const v = this.view.value();
    const bars = (v?.rows.length ?? 0) * Math.max(1, v?.query.cols ? v.cols.length : 1);
    return Math.max(260, Math.min(1600, bars * 14 + 140));
  });

  exportUrl(format: 'csv' | 'xlsx'): string {
    return `/api/analysis/explorer/export?${apiQuery(this.query())}&format=${format}`;
  }

  /** Keeps the view under a name in the ministry's shared list. */
  save(): void {
    const name = this.saveName().trim();
    if (!name) {
      this.saveError.set(this.transloco.translate('analysis.explorer.saveNameRequired'));
      return;
    }
    this.saving.set(true);
    this.saveError.set(null);
    const query = { ...viewParams(this.query()) } as Record<string, string | number>;
    if (this.query().cols === null) delete query['cols'];
    if (query['pillar'] !== undefined) query['pillar'] = Number(query['pillar']);
    this.http.post<ExplorerSavedViewDto>('/api/analysis/explorer/views', { name, query }).subscribe({
      next: () => {
        this.saving.set(false);
        this.saveName.set('');
        this.saved.reload();
      },
      error: (e: { error?: { message?: string } }) => {
        this.saving.set(false);
        this.saveError.set(e.error?.message ?? this.transloco.translate('analysis.loadError'));
      },
    });
  }

  remove(view: ExplorerSavedViewDto): void {
    this.http.delete(`/api/analysis/explorer/views/${view.id}`).subscribe({ next: () => this.saved.reload() });
  }

  /** A saved view's address: the explorer with its query. */
  savedParams(view: ExplorerSavedViewDto): Record<string, string> {
    return viewParams(view.query);
  }

  readonly name = localName;
}

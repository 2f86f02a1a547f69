import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import {
  CHART_KEY,
  type ComparisonQuery,
  ComparisonStore,
  METRIC_KINDS,
  type MetricKind,
  type MetricRow,
  valueOf,
} from '@provdash/dashboard/scorecards/data-access';
import {
  AchievementBarChart,
  ClusterStripChart,
  csvBlob,
  downloadBlob,
  formatBaht,
  formatFigure,
  formatNumber,
  median,
  PeriodFilters,
  StatusChip,
  svgPngBlob,
  TileCartogram,
  type AchievementBar,
  type CartogramDatum,
  type ExportTable,
  type StripCluster,
  xlsxBlob,
} from '@provdash/dashboard/scorecards/ui';
import type { DisbursementBudgetType } from '@provdash/shared/contracts';
import { DISBURSEMENT_BUDGET_TYPES, formatDateLabel } from '@provdash/shared/domain';
import {
  currentFiscalYear,
  FISCAL_YEARS,
  injectLang,
  injectViewportWidth,
  localName,
  parseDay,
  parseFiscalYear,
} from './page-helpers';

/** Ranked first, unranked (no data) last, ties by province code. */
export function byRank<T extends { rank: number | null; code: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code));
}

export function sameBars(a: readonly AchievementBar[], b: readonly AchievementBar[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.name === b[i].name && x.value === b[i].value && x.status === b[i].status)
  );
}

export type CompareColumn =
  | 'rank'
  | 'province'
  | 'cluster'
  | 'actual'
  | 'value'
  | 'lastRound'
  | 'allocated'
  | 'disbursed'
  | 'gap'
  | 'status';

/** The table's columns for a metric: what identifies the row, the figure it is ranked on, and what explains it. */
export function columnsFor(kind: MetricKind): CompareColumn[] {
  const extra: Record<MetricKind, CompareColumn[]> = {
    kpi: ['actual', 'value'],
    goal: ['value'],
    agreement: ['value', 'lastRound'],
    disbursement: ['value', 'allocated', 'disbursed', 'gap'],
  };
  return ['rank', 'province', 'cluster', ...extra[kind], 'status'];
}

const STATUS_ORDER = { green: 0, amber: 1, red: 2, grey: 3, none: 4 } as const;

type FigureColumn = 'actual' | 'lastRound' | 'allocated' | 'disbursed' | 'gap';

/**
 * The columns that show one more figure of a row: the number it sorts and exports by, and the text
 * the table shows (baht from the API's exact decimal string, not from the number).
 */
export const FIGURE_COLUMNS: Record<
  FigureColumn,
  { of: (r: MetricRow) => number | null; text: (r: MetricRow) => string }
> = {
  actual: { of: (r) => r.actual ?? null, text: (r) => formatNumber(r.actual ?? null) },
  lastRound: { of: (r) => r.lastRound ?? null, text: (r) => formatFigure(r.lastRound ?? null, 'score') },
  allocated: {
    of: (r) => (r.allocated === undefined ? null : Number(r.allocated)),
    text: (r) => formatBaht(r.allocated ?? null),
  },
  disbursed: {
    of: (r) => (r.disbursed === undefined ? null : Number(r.disbursed)),
    text: (r) => formatBaht(r.disbursed ?? null),
  },
  gap: { of: (r) => r.gap ?? null, text: (r) => formatNumber(r.gap ?? null) },
};
const isFigureColumn = (c: string): c is FigureColumn => c in FIGURE_COLUMNS;

/** A row's figure in a column, as a number or text to sort by; null sorts last either way. */
function sortKey(row: MetricRow, column: string, name: string): number | string | null {
  switch (column) {
    case 'province':
      return name;
    case 'cluster':
      return row.clusterCode;
    case 'status':
      return STATUS_ORDER[row.status];
    case 'rank':
      return row.rank;
    default:
      return isFigureColumn(column) ? FIGURE_COLUMNS[column].of(row) : row.value;
  }
}

/** The rows in the table's order: by the sorted column (rows without a figure last), then by rank. */
export function sortRows(rows: readonly MetricRow[], sort: Sort, nameOf: (row: MetricRow) => string): MetricRow[] {
  const ranked = byRank(rows);
  if (!sort.active || !sort.direction) return ranked;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = ranked.map((row, i) => ({ row, i, key: sortKey(row, sort.active, nameOf(row)) }));
  return keyed
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? a.i - b.i : a.key === null ? 1 : -1;
      const c = typeof a.key === 'string' ? a.key.localeCompare(String(b.key), 'th') : a.key - (b.key as number);
      return c * sign || a.i - b.i;
    })
    .map((k) => k.row);
}

const CLUSTER_CODE = /^C\d{2}$/;

/** Drop the common "กลุ่มจังหวัด" prefix where space is short: every row of the strip is one. */
function shortClusterName(name: string): string {
  return name.replace(/^กลุ่มจังหวัด/, '');
}

/**
 * The ministry's view: one metric (a KPI, a goal, the agreement score or the disbursement rate)
 * across the 77 provinces, as a tile map, a ranked bar chart, a strip of each cluster and a table;
 * a cluster can be picked to compare its members. Everything follows the URL, so a view can be shared.
 */
@Component({
  selector: 'pd-compare-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    TranslocoDirective,
    StatusChip,
    AchievementBarChart,
    ClusterStripChart,
    TileCartogram,
    PeriodFilters,
  ],
  providers: [ComparisonStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './compare.page.html',
  styleUrl: './compare.page.scss',
})
export class ComparePage {
  readonly metric = input<string>();
  readonly kpi = input<string>();
  readonly goal = input<string>();
  readonly budget = input<string>();
  readonly cluster = input<string>();
  readonly fy = input<string>();
  readonly asOf = input<string>();

  protected readonly store = inject(ComparisonStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = injectLang();
  private readonly viewport = injectViewportWidth();
  protected readonly chartWidth = computed(() => Math.max(280, Math.min(this.viewport() - 40, 1100)));
  protected readonly years = FISCAL_YEARS;
  protected readonly kinds = METRIC_KINDS;
  protected readonly budgetTypes = DISBURSEMENT_BUDGET_TYPES;
  protected readonly fiscalYear = computed(() => parseFiscalYear(this.fy()) ?? currentFiscalYear());
  protected readonly chartKey = CHART_KEY;

  /** The metric: named in the URL, else implied by a KPI or goal code; a KPI until something is picked. */
  protected readonly kind = computed<MetricKind>(() => {
    const metric = this.metric() as MetricKind | undefined;
    if (metric && METRIC_KINDS.includes(metric)) return metric;
    return this.goal() && !this.kpi() ? 'goal' : 'kpi';
  });
  protected readonly budgetType = computed<DisbursementBudgetType>(() => {
    const b = this.budget() as DisbursementBudgetType | undefined;
    return b && DISBURSEMENT_BUDGET_TYPES.includes(b) ? b : 'overall';
  });
  protected readonly clusterCode = computed(() => {
    const c = this.cluster();
    return c && CLUSTER_CODE.test(c) ? c : null;
  });
  /**
   * The KPI (or goal) compared: the one in the URL, else the plan's first (its first KPI reported
   * within the year), so the page opens on a comparison instead of an empty screen (the URL stays
   * as it was until something is picked).
   */
  protected readonly kpiCode = computed(() => this.kpi() || this.firstKpi());
  protected readonly goalCode = computed(() => this.goal() || this.firstGoal());
  /**
   * The plan's first KPI and goal, kept while the plan reloads (the comparison's year picks the
   * plan, so a default that came and went with it would set the query, reload the plan and clear
   * itself, over and over).
   */
  private readonly firstKpi = linkedSignal<string | undefined, string | undefined>({
    source: () => this.store.defaultKpiCode(),
    computation: (code, previous) => code ?? previous?.value,
  });
  private readonly firstGoal = linkedSignal<string | undefined, string | undefined>({
    source: () => this.store.goalOptions()[0]?.code,
    computation: (code, previous) => code ?? previous?.value,
  });
  /** Nothing to compare yet: the plan's KPIs (or goals) are still loading, or there are none. */
  protected readonly needsPick = computed(
    () => (this.kind() === 'kpi' && !this.kpiCode()) || (this.kind() === 'goal' && !this.goalCode()),
  );
  /** The cluster's name where the table shows it ("กลุ่มจังหวัดภาคเหนือตอนบน 1"), its code else. */
  private readonly clusterNames = computed(() => new Map(this.clusterOptions().map((c) => [c.code, c.name])));

  protected readonly view = computed(() => {
    const v = this.store.view();
    // A view of another kind is the one before a switch, still resolving: show none rather than a wrong one.
    return v && v.kind === this.kind() ? v : undefined;
  });
  protected readonly kpiResult = this.store.kpiView;
  protected readonly goalResult = this.store.goalView;
  protected readonly format = computed(() => this.view()?.format ?? 'percent');

  protected readonly clusterOptions = computed<StripCluster[]>(() =>
    (valueOf(this.store.directory)?.clusters ?? [])
      .map((c) => ({ code: c.code, name: localName(c, this.lang()) }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  );
  protected readonly clusterName = computed(
    () => this.clusterOptions().find((c) => c.code === this.clusterCode())?.name ?? this.clusterCode() ?? '',
  );

  protected readonly rows = computed<MetricRow[]>(() => this.view()?.rows ?? []);
  protected readonly hasFigures = computed(() => this.rows().some((r) => r.value !== null));
  /** The rows the chart and table show: a cluster's members when one is picked. */
  protected readonly shownRows = computed(() => {
    const cluster = this.clusterCode();
    return cluster ? this.rows().filter((r) => r.clusterCode === cluster) : this.rows();
  });

  protected readonly sort = signal<Sort>({ active: 'rank', direction: 'asc' });
  protected readonly columns = computed(() => columnsFor(this.kind()));
  protected readonly sortedRows = computed(() => sortRows(this.shownRows(), this.sort(), (r) => this.name(r)));

  /** Equal bars are the same bars: a reload or a live burst that changed nothing does not redraw the chart. */
  protected readonly bars = computed<AchievementBar[]>(
    () =>
      byRank(this.shownRows())
        .filter((r) => r.value !== null)
        .map((r) => ({ name: this.name(r), value: r.value as number, status: r.status })),
    { equal: sameBars },
  );

  /** Every province on the map; one without a row is named from the directory and shows no figure. */
  protected readonly cartogram = computed<CartogramDatum[]>(() => {
    const directory = valueOf(this.store.directory);
    const units = [...(directory?.clusters.flatMap((c) => c.provinces) ?? []), ...(directory?.unclustered ?? [])];
    const rowOf = new Map(this.rows().map((r) => [r.code, r]));
    const codes = new Set([...units.map((u) => u.code), ...rowOf.keys()]);
    return [...codes].map((code) => {
      const row = rowOf.get(code);
      const unit = units.find((u) => u.code === code);
      return {
        code,
        name: this.name(row ?? unit),
        value: row?.value ?? null,
        rank: row?.rank ?? null,
        status: row?.status ?? 'none',
      };
    });
  });

  protected readonly stripRows = computed(() => this.rows().map((r) => ({ ...r, name: this.name(r) })));
  /** Clusters by their median, best first: the strip reads as a ranking too. */
  protected readonly stripClusters = computed<StripCluster[]>(() => {
    const medianOf = (code: string) =>
      median(
        this.rows()
          .filter((r) => r.clusterCode === code && r.value !== null)
          .map((r) => r.value as number)
          .sort((a, b) => a - b),
      ) ?? -Infinity;
    return this.clusterOptions()
      .map((c) => ({ code: c.code, name: shortClusterName(c.name), m: medianOf(c.code) }))
      .sort((a, b) => b.m - a.m || a.code.localeCompare(b.code))
      .map(({ code, name }) => ({ code, name }));
  });

  protected readonly selected = signal<string | null>(null);
  protected readonly selectedRow = computed(() => this.rows().find((r) => r.code === this.selected()));

  protected readonly summary = computed(() => {
    const v = this.view();
    if (!v) return null;
    const values = v.rows
      .map((r) => r.value)
      .filter((x): x is number => x !== null)
      .sort((a, b) => a - b);
    return {
      count: values.length,
      total: v.rows.length,
      median: formatFigure(median(values), v.format),
      date: formatDateLabel(v.asOf, this.lang()),
      target: v.kind === 'disbursement' && v.target !== null ? formatFigure(v.target, 'percent') : null,
    };
  });

  protected readonly exportError = signal(false);
  protected readonly exporting = signal(false);
  private readonly barChart = viewChild('barChart', { read: ElementRef });
  private readonly stripChart = viewChild('stripChart', { read: ElementRef });

  protected readonly trackCode = (_: number, row: MetricRow) => row.code;
  protected readonly figure = formatFigure;
  protected readonly figureColumns = Object.entries(FIGURE_COLUMNS).map(([key, c]) => ({ key, text: c.text }));

  constructor() {
    effect(() => {
      const kind = this.kind();
      const base = { fiscalYear: this.fiscalYear(), asOf: parseDay(this.asOf()) };
      let query: ComparisonQuery | undefined;
      if (kind === 'agreement') query = { kind, ...base };
      else if (kind === 'disbursement') query = { kind, budgetType: this.budgetType(), ...base };
      else {
        const code = kind === 'kpi' ? this.kpiCode() : this.goalCode();
        query = code ? { kind, code, ...base } : undefined;
      }
      this.store.query.set(query);
    });
  }

  protected name(unit: { nameTh: string; nameEn: string } | null | undefined): string {
    return localName(unit, this.lang());
  }

  protected clusterLabel(code: string | null): string {
    const name = code ? this.clusterNames().get(code) : undefined;
    // The column is headed "cluster": its name without the common prefix, the code while names load.
    return name ? shortClusterName(name) : (code ?? '–');
  }

  protected pick(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }

  protected pickKind(kind: MetricKind): void {
    this.pick({ metric: kind, kpi: null, goal: null });
  }

  /** Picking the cluster shown again shows every province again. */
  protected pickCluster(code: string | null): void {
    this.pick({ cluster: code === this.clusterCode() ? null : code });
  }

  protected selectProvince(code: string | null): void {
    this.selected.set(code === this.selected() ? null : code);
  }

  protected selectBar(name: string): void {
    const row = this.rows().find((r) => this.name(r) === name);
    if (row) this.selectProvince(row.code);
  }

  protected heading(t: (key: string, params?: Record<string, unknown>) => string): string {
    const year = this.fiscalYear();
    if (this.kind() === 'agreement') return t('scorecards.compare.heading.agreement', { year });
    if (this.kind() === 'disbursement') {
      const type = t(`scorecards.compare.budgetTypes.${this.budgetType()}`);
      return t('scorecards.compare.heading.disbursement', { year, type });
    }
    return '';
  }

  /** The table as shown (cluster filter, sort order, language), with plain numbers for the spreadsheet. */
  private exportTable(): ExportTable {
    const t = (key: string, params?: object) => this.transloco.translate(`scorecards.compare.${key}`, params);
    const kind = this.kind();
    const columns = this.columns();
    const header = columns.flatMap((c) => {
      if (c === 'province') return [t('code'), t('province')];
      // A cluster as people know it, by name, with its code beside it for joining with other data.
      if (c === 'cluster') return [t('clusterCode'), t('cluster')];
      if (c === 'value') return [t(`valueLabel.${kind}`)];
      return [t(c)];
    });
    const rows = this.sortedRows().map((r) =>
      columns.flatMap((c): (string | number | null)[] => {
        switch (c) {
          case 'rank':
            return [r.rank];
          case 'province':
            return [r.code, this.name(r)];
          case 'cluster':
            return [r.clusterCode, r.clusterCode ? (this.clusterNames().get(r.clusterCode) ?? null) : null];
          case 'value':
            return [r.value];
          case 'status':
            return [this.transloco.translate(`scorecards.status.${r.status}`)];
          default:
            return [FIGURE_COLUMNS[c].of(r)];
        }
      }),
    );
    return { sheet: t(`metrics.${kind}`), header, rows };
  }

  /** An ASCII file name that says what was compared: `compare-disbursement-capital-2569-C15`. */
  private fileName(): string {
    const kind = this.kind();
    const what =
      kind === 'kpi'
        ? this.kpiCode()
        : kind === 'goal'
          ? this.goalCode()
          : kind === 'disbursement'
            ? this.budgetType()
            : '';
    return ['compare', kind, what, this.fiscalYear(), this.clusterCode()]
      .filter((p) => p !== null && p !== undefined && p !== '')
      .join('-')
      .replace(/[^A-Za-z0-9._-]/g, '_');
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.exportError.set(false);
    this.exporting.set(true);
    try {
      await work();
    } catch {
      this.exportError.set(true);
    } finally {
      this.exporting.set(false);
    }
  }

  protected exportCsv(): Promise<void> {
    return this.run(async () => downloadBlob(csvBlob(this.exportTable()), `${this.fileName()}.csv`));
  }

  protected exportXlsx(): Promise<void> {
    return this.run(async () => downloadBlob(await xlsxBlob(this.exportTable()), `${this.fileName()}.xlsx`));
  }

  protected exportPng(chart: 'bar' | 'strip'): Promise<void> {
    return this.run(async () => {
      const host = (chart === 'bar' ? this.barChart() : this.stripChart())?.nativeElement as HTMLElement | undefined;
      // ngx-charts draws the tooltip layer and legend as further SVGs: the chart is the outermost one.
      const svg = host?.querySelector<SVGSVGElement>('svg');
      if (!svg) throw new Error('No chart to export');
      downloadBlob(await svgPngBlob(svg), `${this.fileName()}-${chart}.png`);
    });
  }
}

import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExplorerCellDto, ExplorerDto, ExplorerHeaderDto, ExplorerViewQuery } from '@provdash/shared/contracts';
import {
  bangkokDateOf,
  comparePeriods,
  explorerDimensionsOf,
  explorerFigure,
  explorerValueKind,
  fiscalYearOf,
  MAX_FISCAL_YEAR,
  MIN_FISCAL_YEAR,
  type AggregationKind,
  type ExplorerDimension,
  type ExplorerParts,
  type RollupMethod,
} from '@provdash/shared/domain';
import type { DataSource } from 'typeorm';
import { ApiError } from '../../common/api-error';
import type { ExplorerQueryDto } from './dto/explorer.dto';
import { explorerSql } from './explorer-queries';

/** One grouped row of the statement: its level (GROUPING bits: 0 cell, 1 row total, 2 column total, 3 grand total), keys, names and parts. */
interface PartsRow {
  level: number;
  row_key: string | null;
  col_key: string | null;
  row_th: string | null;
  row_en: string | null;
  row_sort: number | string | null;
  col_th: string | null;
  col_en: string | null;
  col_sort: number | string | null;
  entries?: number;
  kpis?: number;
  value_sum?: string | null;
  numerator_sum?: string | null;
  denominator_sum?: string | null;
  single?: string | null;
  rollup?: RollupMethod | null;
  aggregation?: AggregationKind | null;
  multiplier?: string | null;
  achievement_sum?: string | null;
  achievement_count?: number;
  met?: number;
  judged?: number;
  disbursed?: string | null;
  allocated?: string | null;
  score_sum?: string | null;
  scored?: number;
}

const KPI_ONLY_FILTERS = ['kpi', 'goal', 'pillar'] as const;
const num = (v: string | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * The explorer (issue 22 item 3): a measure cut by rows and columns over fiscal years and filters,
 * with totals that pool their parts. Approved data only, like the scorecards: public.
 */
@Injectable()
export class ExplorerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The view a query describes, checked: the dimensions its measure has, distinct rows and columns, real years. */
  normalise(q: ExplorerQueryDto): ExplorerViewQuery {
    const cols = q.cols ?? null;
    const allowed = explorerDimensionsOf(q.measure);
    const invalid = (field: string, th: string, en: string) =>
      new ApiError(HttpStatus.BAD_REQUEST, 'validation.failed', [
        { field, constraints: { explorer: `${th} | ${en}` } },
      ]);
    for (const [field, dim] of [
      ['rows', q.rows],
      ['cols', cols],
    ] as const) {
      if (dim && !allowed.includes(dim)) {
        throw invalid(field, `ตัวชี้วัดนี้แยกตาม "${dim}" ไม่ได้`, `${q.measure} cannot be cut by ${dim}`);
      }
    }
    if (cols === q.rows) throw invalid('cols', 'แถวและคอลัมน์ต้องต่างกัน', 'rows and columns must differ');
    if (q.measure === 'disbursementRate' || q.measure === 'agreementScore') {
      const kpiFilter = KPI_ONLY_FILTERS.find((f) => q[f] !== undefined);
      if (kpiFilter) {
        throw invalid(kpiFilter, 'ตัวกรองนี้ใช้ได้เฉพาะกับผลตัวชี้วัด', `${kpiFilter} filters KPI measures only`);
      }
    }
    const years = q.years
      ? [...new Set(q.years.split(',').map(Number))].sort((a, b) => a - b)
      : [fiscalYearOf(bangkokDateOf(new Date()))];
    if (years.some((y) => y < MIN_FISCAL_YEAR || y > MAX_FISCAL_YEAR)) {
      throw invalid(
        'years',
        `ปีงบประมาณต้องอยู่ระหว่าง ${MIN_FISCAL_YEAR}–${MAX_FISCAL_YEAR}`,
        `years must lie in ${MIN_FISCAL_YEAR}–${MAX_FISCAL_YEAR}`,
      );
    }
    return {
      measure: q.measure,
      rows: q.rows,
      cols,
      fiscalYears: years,
      region: q.region ?? null,
      cluster: q.cluster ?? null,
      province: q.province ?? null,
      kpi: q.kpi ?? null,
      goal: q.goal ?? null,
      pillar: q.pillar ?? null,
    };
  }

  async explore(q: ExplorerQueryDto): Promise<ExplorerDto> {
    const query = this.normalise(q);
    const places = [query.fiscalYears, query.region, query.cluster, query.province];
    const kpiFilters = [query.kpi, query.goal, query.pillar];
    const onKpis = query.measure !== 'disbursementRate' && query.measure !== 'agreementScore';
    const rows: PartsRow[] = await this.dataSource.query(
      explorerSql(query.measure, query.rows, query.cols),
      onKpis ? [...places, ...kpiFilters] : places,
    );
    return assemble(query, rows);
  }
}

/** Headers in their natural order, cells and totals from the grouped rows. */
function assemble(query: ExplorerViewQuery, rows: readonly PartsRow[]): ExplorerDto {
  const money = query.measure === 'disbursementRate';
  // Money's allocation rows carry no month: with the period as an axis they group under a null
  // period, which is not a header but the allocation of the places beside it.
  const periodAxis = money ? (query.rows === 'period' ? 'row' : query.cols === 'period' ? 'col' : null) : null;
  const isAllocationOnly = (r: PartsRow) =>
    (periodAxis === 'row' && r.row_key === null && (r.level & 2) === 0) ||
    (periodAxis === 'col' && r.col_key === null && (r.level & 1) === 0);

  const grouped = new Map<string, PartsRow>();
  const keyOf = (level: number, row: string | null, col: string | null) =>
    `${level}\u0000${row ?? '\u0001'}\u0000${col ?? '\u0001'}`;
  for (const r of rows) grouped.set(keyOf(r.level, r.row_key, r.col_key), r);

  const headers = (
    axis: 'row' | 'col',
    dim: ExplorerDimension | null,
  ): (ExplorerHeaderDto & { sort: number | string | null })[] => {
    if (!dim) return [{ key: null, nameTh: null, nameEn: null, sort: null }];
    // Cells name every header once (without columns a row's total is its cell); totals add nothing new.
    const cellLevel = query.cols ? 0 : 1;
    const seen = new Map<string | null, ExplorerHeaderDto & { sort: number | string | null }>();
    for (const r of rows) {
      if (r.level !== cellLevel || isAllocationOnly(r)) continue;
      const key = axis === 'row' ? r.row_key : r.col_key;
      if (!seen.has(key)) {
        seen.set(key, {
          key,
          nameTh: axis === 'row' ? r.row_th : r.col_th,
          nameEn: axis === 'row' ? r.row_en : r.col_en,
          sort: axis === 'row' ? r.row_sort : r.col_sort,
        });
      }
    }
    return [...seen.values()].sort((a, b) => compareHeaders(dim, a, b));
  };
  const rowHeaders = headers('row', query.rows);
  const colHeaders = headers('col', query.cols);

  const cell = (level: number, row: string | null, col: string | null): ExplorerCellDto => {
    const r = grouped.get(keyOf(level, row, col));
    if (!money || !periodAxis) return cellOf(query, r);
    // The allocation of a month's cell is its places' allocation: the same group with no month.
    const alloc = grouped.get(keyOf(level, periodAxis === 'row' ? null : row, periodAxis === 'col' ? null : col));
    const periodTotal = (periodAxis === 'row' && (level & 2) !== 0) || (periodAxis === 'col' && (level & 1) !== 0);
    const merged = {
      ...(r ?? ({} as PartsRow)),
      allocated: periodTotal ? (r?.allocated ?? null) : (alloc?.allocated ?? null),
    };
    return cellOf(query, merged);
  };

  const noCols = query.cols === null;
  return {
    query,
    rows: rowHeaders.map(({ sort: _s, ...h }) => h),
    cols: colHeaders.map(({ sort: _s, ...h }) => h),
    cells: rowHeaders.map((rh) => colHeaders.map((ch) => (noCols ? cell(1, rh.key, null) : cell(0, rh.key, ch.key)))),
    rowTotals: rowHeaders.map((rh) => cell(1, rh.key, null)),
    colTotals: noCols ? [cell(3, null, null)] : colHeaders.map((ch) => cell(2, null, ch.key)),
    total: cell(3, null, null),
  };
}

function compareHeaders(
  dim: ExplorerDimension,
  a: { key: string | null; sort: number | string | null },
  b: { key: string | null; sort: number | string | null },
): number {
  // A province outside every cluster (null cluster) is listed last.
  if (a.key === null || b.key === null) return a.key === b.key ? 0 : a.key === null ? 1 : -1;
  if (dim === 'period') return comparePeriods(a.key, b.key);
  if (dim === 'fiscalYear' || dim === 'pillar') return Number(a.key) - Number(b.key);
  if (typeof a.sort === 'number' && typeof b.sort === 'number' && a.sort !== b.sort) return a.sort - b.sort;
  return a.key.localeCompare(b.key, 'en', { numeric: true });
}

/** A group's parts as the domain lib reads them, its figure, and the two parts the screen shows beside it. */
function cellOf(query: ExplorerViewQuery, r: PartsRow | undefined): ExplorerCellDto {
  const parts: ExplorerParts = r
    ? {
        entries: r.entries,
        kpis: r.kpis,
        valueSum: num(r.value_sum),
        numeratorSum: num(r.numerator_sum),
        denominatorSum: num(r.denominator_sum),
        single: num(r.single),
        achievementSum: num(r.achievement_sum),
        achievementCount: r.achievement_count,
        met: r.met,
        judged: r.judged,
        disbursed: r.disbursed ?? null,
        allocated: r.allocated ?? null,
        scoreSum: num(r.score_sum),
        scored: r.scored,
      }
    : {};
  const valueKind = r?.rollup && r.aggregation ? explorerValueKind(r.rollup, r.aggregation) : 'single';
  const figure = explorerFigure(query.measure, parts, { valueKind, multiplier: num(r?.multiplier) ?? 1 });
  const [part, whole] = shownParts(query.measure, valueKind, parts);
  return { value: figure.value, reason: figure.reason, part, whole };
}

function shownParts(
  measure: ExplorerViewQuery['measure'],
  kind: string,
  p: ExplorerParts,
): [number | null, number | null] {
  switch (measure) {
    case 'value':
      return kind === 'ratio'
        ? [p.numeratorSum ?? null, p.denominatorSum ?? null]
        : [kind === 'sum' ? (p.valueSum ?? null) : (p.single ?? null), p.entries ?? 0];
    case 'achievement':
      return [p.achievementSum ?? null, p.achievementCount ?? 0];
    case 'status':
      return [p.met ?? 0, p.judged ?? 0];
    case 'disbursementRate':
      return [
        num(p.disbursed === undefined ? null : String(p.disbursed)),
        num(p.allocated === undefined ? null : String(p.allocated)),
      ];
    case 'agreementScore':
      return [p.scoreSum ?? null, p.scored ?? 0];
  }
}

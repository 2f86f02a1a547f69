import type { ExplorerDimension, ExplorerMeasure, ExplorerNullReason } from '@provdash/shared/domain';

/** What a view shows: a measure, the rows and columns it is cut by, the years and the filters. */
export interface ExplorerViewQuery {
  measure: ExplorerMeasure;
  rows: ExplorerDimension;
  /** `null`: one column (the row totals alone). */
  cols: ExplorerDimension | null;
  /** Buddhist-Era fiscal years, oldest first. */
  fiscalYears: number[];
  region: string | null;
  cluster: string | null;
  province: string | null;
  kpi: string | null;
  goal: string | null;
  pillar: number | null;
}

/** A row or column: its key (a code, a period key, a year, a pillar number) and its name where the API knows it. */
export interface ExplorerHeaderDto {
  key: string | null;
  nameTh: string | null;
  nameEn: string | null;
}

/**
 * A cell: the figure (unrounded; `null` with its reason) and the two parts it is the quotient of,
 * so a reader can check it: value (sum) Σ values / entries, value (ratio) Σ numerators / Σ
 * denominators, achievement Σ achievements / results, status met / judged, disbursement disbursed
 * / allocated, agreement score Σ scores / provinces.
 */
export interface ExplorerCellDto {
  value: number | null;
  reason: ExplorerNullReason | null;
  part: number | null;
  whole: number | null;
}

export interface ExplorerDto {
  query: ExplorerViewQuery;
  rows: ExplorerHeaderDto[];
  cols: ExplorerHeaderDto[];
  /** `cells[i][j]`: row i, column j. */
  cells: ExplorerCellDto[][];
  rowTotals: ExplorerCellDto[];
  colTotals: ExplorerCellDto[];
  total: ExplorerCellDto;
}

/** A named view kept for the ministry's analysts; its address reproduces it for anyone. */
export interface ExplorerSavedViewDto {
  id: string;
  name: string;
  query: ExplorerViewQuery;
  ownerName: string | null;
  mine: boolean;
  createdAt: string;
}

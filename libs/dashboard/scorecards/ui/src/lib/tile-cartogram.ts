import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  linkedSignal,
  output,
} from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import type { KpiStatusName } from '@provdash/shared/contracts';
import { KPI_STATUSES } from '@provdash/shared/domain';
import { type FigureFormat, formatFigure, formatFigureShort, inkOn, NO_DATA_FILL } from './metric-scale';
import { STATUS_COLOR, STATUS_SYMBOL } from './status-chip';
import { type ProvinceTile, THAILAND_TILE_GRID, TILE_GRID_COLS, TILE_GRID_ROWS } from './thailand-tile-grid';

export interface CartogramDatum {
  code: string;
  name: string;
  value: number | null;
  rank: number | null;
  status: KpiStatusName;
}

const EDGE = '#263238';
const MUTED_FILL = '#eceff1';
const MUTED_INK = '#37474f';

type Side = 'top' | 'right' | 'bottom' | 'left';
const STEP: Record<Side, [number, number]> = { top: [-1, 0], right: [0, 1], bottom: [1, 0], left: [0, -1] };
const SHADOW: Record<Side, string> = {
  top: `inset 0 2px 0 0 ${EDGE}`,
  right: `inset -2px 0 0 0 ${EDGE}`,
  bottom: `inset 0 -2px 0 0 ${EDGE}`,
  left: `inset 2px 0 0 0 ${EDGE}`,
};

/** The sides of each tile that face another cluster or the sea: drawn dark, so clusters read as blocks. */
export function clusterEdges(tiles: readonly ProvinceTile[]): Map<string, Side[]> {
  const at = new Map(tiles.map((t) => [`${t.row},${t.col}`, t]));
  return new Map(
    tiles.map((t) => [
      t.code,
      (Object.keys(STEP) as Side[]).filter((side) => {
        const [dr, dc] = STEP[side];
        const other = at.get(`${t.row + dr},${t.col + dc}`);
        return !other || other.cluster !== t.cluster || t.cluster === null;
      }),
    ]),
  );
}

/**
 * From a tile, the nearest tile in the direction of an arrow key: straight ahead first, then the
 * least sideways. Lets a keyboard move across the map as the eye does.
 */
export function tileInDirection(
  tiles: readonly ProvinceTile[],
  from: ProvinceTile,
  key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight',
): ProvinceTile | undefined {
  const vertical = key === 'ArrowUp' || key === 'ArrowDown';
  const sign = key === 'ArrowDown' || key === 'ArrowRight' ? 1 : -1;
  let best: ProvinceTile | undefined;
  let bestScore = Infinity;
  for (const t of tiles) {
    const ahead = (vertical ? t.row - from.row : t.col - from.col) * sign;
    const aside = Math.abs(vertical ? t.col - from.col : t.row - from.row);
    if (ahead <= 0) continue;
    const score = ahead + aside * 2.5;
    if (score < bestScore) [best, bestScore] = [t, score];
  }
  return best;
}

const EDGES = clusterEdges(THAILAND_TILE_GRID);

/**
 * Thailand as one equal tile per province (a tile-grid cartogram: province areas differ a
 * hundredfold, so a real map would hide the small central provinces). Tiles are coloured by their
 * status, carry it as a symbol too and the figure as text, and are buttons:
 * Tab reaches the map once, the arrow keys move between neighbours, Enter selects.
 */
@Component({
  selector: 'pd-tile-cartogram',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tile-cartogram.html',
  styleUrl: './tile-cartogram.scss',
})
export class TileCartogram {
  readonly data = input.required<readonly CartogramDatum[]>();
  readonly format = input<FigureFormat>('percent');
  readonly selected = input<string | null>(null);
  /** Members of this cluster stand out; the others are muted. */
  readonly cluster = input<string | null>(null);
  readonly changed = input<ReadonlySet<string>>(new Set());
  readonly label = input('');
  readonly selectProvince = output<string>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly cols = TILE_GRID_COLS;
  protected readonly rows = TILE_GRID_ROWS;
  protected readonly symbol = STATUS_SYMBOL;
  protected readonly statuses: readonly KpiStatusName[] = KPI_STATUSES;

  protected readonly statusFill = STATUS_COLOR;
  protected readonly noData = NO_DATA_FILL;

  /**
   * Tiles take the colour of their light (the palette of every status on screen: red below target,
   * amber near it, green on it), so the worst provinces stand out in red; the figure is the text.
   */
  protected readonly tiles = computed(() => {
    const byCode = new Map(this.data().map((d) => [d.code, d]));
    const cluster = this.cluster();
    return THAILAND_TILE_GRID.map((tile) => {
      const d = byCode.get(tile.code);
      const value = d?.value ?? null;
      const status = d?.status ?? ('none' as KpiStatusName);
      const muted = cluster !== null && tile.cluster !== cluster;
      const fill = muted ? MUTED_FILL : value === null ? NO_DATA_FILL : STATUS_COLOR[status];
      return {
        ...tile,
        name: d?.name ?? tile.code,
        value,
        rank: d?.rank ?? null,
        status,
        muted,
        fill,
        ink: muted ? MUTED_INK : inkOn(fill),
        shadow: (EDGES.get(tile.code) ?? []).map((side) => SHADOW[side]).join(', ') || 'none',
      };
    });
  });

  /** The one tile in the tab order: the selected province, else the last one focused, else the first. */
  protected readonly focusCode = linkedSignal(() => this.selected() ?? THAILAND_TILE_GRID[0].code);

  protected ink(fill: string): string {
    return inkOn(fill);
  }

  protected full(value: number | null): string {
    return formatFigure(value, this.format());
  }

  protected short(value: number | null): string {
    return formatFigureShort(value, this.format());
  }

  protected pick(code: string): void {
    this.focusCode.set(code);
    this.selectProvince.emit(code);
  }

  protected move(event: KeyboardEvent): void {
    const from = THAILAND_TILE_GRID.find((t) => t.code === this.focusCode());
    if (!from) return;
    let next: ProvinceTile | undefined;
    if (event.key === 'Home') next = THAILAND_TILE_GRID[0];
    else if (event.key === 'End') next = THAILAND_TILE_GRID[THAILAND_TILE_GRID.length - 1];
    else if (event.key.startsWith('Arrow')) {
      next = tileInDirection(THAILAND_TILE_GRID, from, event.key as Parameters<typeof tileInDirection>[2]);
    } else return;
    event.preventDefault();
    if (!next) return;
    this.focusCode.set(next.code);
    this.host.nativeElement.querySelector<HTMLElement>(`[data-testid="tile"][data-code="${next.code}"]`)?.focus();
  }
}

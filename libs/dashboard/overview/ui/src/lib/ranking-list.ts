import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

export interface RankingEntry {
  code: string;
  name: string;
  rank: number | null;
  /** The figure as shown: "45.2 %", "3.7650". */
  value: string;
}

/** How many provinces each end of a ranking shows: enough to see who leads and who trails. */
export const RANKING_ENDS = 5;

/**
 * One national ranking, its top and its bottom: the provinces with a rank, best first; unranked
 * ones (no figure) are left out of both ends. Each province opens its own view.
 */
@Component({
  selector: 'pd-ranking-list',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (placeholder()) {
      <!-- While the ranking loads: its two ends' exact frame, so nothing below moves when it comes. -->
      <div class="ends" aria-hidden="true" data-testid="ranking-placeholder">
        @for (end of placeholderEnds; track end) {
          <div class="end">
            <h3>{{ 'overview.national.' + end | transloco }}</h3>
            <ol>
              @for (row of placeholderRows; track row) {
                <li class="placeholder"><span class="rank">&nbsp;</span><span class="bar"></span><span></span></li>
              }
            </ol>
          </div>
        }
      </div>
    }
    <div class="ends">
      @for (end of ends(); track end.key) {
        <div class="end">
          <h3>{{ 'overview.national.' + end.key | transloco }}</h3>
          <ol>
            @for (e of end.rows; track e.code) {
              <li data-testid="ranking-entry" [attr.data-code]="e.code" [attr.data-end]="end.key">
                <span class="rank">{{ e.rank }}</span>
                <a [routerLink]="['/province', e.code]">{{ e.name }}</a>
                <span class="value">{{ e.value }}</span>
              </li>
            }
          </ol>
        </div>
      }
    </div>
    @if (!placeholder() && !ranked().length) {
      <p class="muted">{{ 'overview.national.noRanking' | transloco }}</p>
    }
  `,
  styles: `
    .ends {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
      gap: 8px 16px;
    }
    h3 {
      margin: 4px 0;
      font-size: 0.85rem;
      color: var(--mat-sys-on-surface-variant);
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: grid;
      grid-template-columns: 2.5em 1fr auto;
      gap: 8px;
      align-items: baseline;
      padding: 4px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .rank,
    .value {
      font-variant-numeric: tabular-nums;
      text-align: right;
    }
    .value {
      font-weight: 600;
    }
    a {
      color: inherit;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .placeholder .bar {
      display: block;
      height: 0.9em;
      width: 60%;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
    }
  `,
})
export class RankingList {
  readonly entries = input.required<RankingEntry[]>();
  readonly size = input(RANKING_ENDS);
  /** Draws the ranking's empty frame (both ends, every row) while it loads, instead of entries. */
  readonly placeholder = input(false);
  protected readonly placeholderEnds = ['top', 'bottom'];
  protected readonly placeholderRows = Array.from({ length: RANKING_ENDS }, (_, i) => i);

  protected readonly ranked = computed(() => this.entries().filter((e) => e.rank !== null));
  protected readonly ends = computed(() => {
    const ranked = this.ranked();
    const n = this.size();
    if (!ranked.length || this.placeholder()) return [];
    // With fewer than two ends' worth, one list says it all.
    if (ranked.length <= 2 * n) return [{ key: 'top', rows: ranked }];
    return [
      { key: 'top', rows: ranked.slice(0, n) },
      { key: 'bottom', rows: ranked.slice(-n) },
    ];
  });
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { formatPercent, STATUS_SYMBOL, STATUS_TONES, StatusChip } from '@provdash/dashboard/scorecards/ui';
import type { ClusterStatusRowDto, KpiStatusName } from '@provdash/shared/contracts';
import { injectLang, localName } from './lang';

const COUNTED: KpiStatusName[] = ['green', 'amber', 'red', 'grey'];

/**
 * The 18 clusters at a glance: each cluster's light and index over all its provinces' KPIs, how
 * many KPIs stand at each light, and its provinces as links, each with its own light (symbol and
 * words for screen readers, colour for a quick look). `changed` holds `province:<code>` keys.
 */
@Component({
  selector: 'pd-cluster-status-grid',
  imports: [RouterLink, TranslocoPipe, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (placeholder()) {
      <!-- While the clusters load: tiles of their size, so what follows does not move when they come. -->
      <ul class="grid" aria-hidden="true" data-testid="clusters-placeholder">
        @for (i of placeholderTiles; track i) {
          <li class="cluster placeholder">
            <div class="head"><h3>&nbsp;</h3></div>
            <p class="index">&nbsp;</p>
            <p class="counts">&nbsp;</p>
            <ul class="provinces">
              @for (j of placeholderProvinces; track j) {
                <li><span class="province">&nbsp;</span></li>
              }
            </ul>
          </li>
        }
      </ul>
    }
    <ul class="grid">
      @for (c of clusters(); track c.clusterCode) {
        <li
          class="cluster"
          data-testid="cluster-status"
          [attr.data-code]="c.clusterCode"
          [attr.data-status]="c.summary.status"
        >
          <div class="head">
            <h3>{{ name(c) }}</h3>
            <pd-status-chip [status]="c.summary.status" />
          </div>
          <p class="index">
            {{ 'overview.national.index' | transloco: { value: pct(c.summary.performanceIndex) } }} ·
            {{ 'overview.national.kpis' | transloco: { count: c.summary.kpiCount } }}
          </p>
          <p class="counts">
            @for (s of counted; track s) {
              <span [class]="'count s-' + s" [attr.title]="'scorecards.status.' + s | transloco">
                <span aria-hidden="true">{{ symbol[s] }}</span>
                <span class="visually-hidden">{{ 'scorecards.status.' + s | transloco }}</span>
                {{ c.summary.counts[s] }}
              </span>
            }
          </p>
          <ul class="provinces">
            @for (p of c.provinces; track p.code) {
              <li>
                <a
                  [class]="'province s-' + p.summary.status"
                  [class.live-changed]="changed().has('province:' + p.code)"
                  data-testid="cluster-province"
                  [attr.data-code]="p.code"
                  [attr.data-status]="p.summary.status"
                  [routerLink]="['/province', p.code]"
                  [attr.aria-label]="name(p) + ': ' + ('scorecards.status.' + p.summary.status | transloco)"
                  ><span aria-hidden="true">{{ symbol[p.summary.status] }}</span> {{ name(p) }}</a
                >
              </li>
            }
          </ul>
        </li>
      }
    </ul>
  `,
  styles: [
    STATUS_TONES,
    `
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
        gap: 12px;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .cluster {
        padding: 10px 12px;
        border: 1px solid var(--mat-sys-outline-variant);
        border-radius: 12px;
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: flex-start;
        gap: 8px;
      }
      h3 {
        margin: 0;
        font-size: 0.95rem;
      }
      p {
        margin: 4px 0;
        font-size: 0.85rem;
      }
      .index {
        color: var(--mat-sys-on-surface-variant);
      }
      .counts {
        display: flex;
        gap: 10px;
        font-variant-numeric: tabular-nums;
      }
      .provinces {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        list-style: none;
        margin: 4px 0 0;
        padding: 0;
      }
      .province {
        display: inline-block;
        padding: 2px 8px;
        border-radius: 12px;
        border: 1px solid transparent;
        font-size: 0.8rem;
        color: inherit;
        text-decoration: none;
      }
      .province:focus-visible {
        outline: 2px solid var(--mat-sys-primary);
        outline-offset: 1px;
      }
      .count.s-green,
      .count.s-amber,
      .count.s-red,
      .count.s-grey {
        background: none;
        border: none;
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      .live-changed {
        outline: 2px solid var(--mat-sys-tertiary);
      }
      .placeholder .province,
      .placeholder h3 {
        background: var(--mat-sys-surface-container-high);
        border-radius: 12px;
      }
      .placeholder h3 {
        width: 70%;
      }
      .placeholder .province {
        width: 4.5em;
      }
    `,
  ],
})
export class ClusterStatusGrid {
  readonly clusters = input.required<ClusterStatusRowDto[]>();
  readonly changed = input<ReadonlySet<string>>(new Set());
  /** Draws the 18 tiles' empty frames while the clusters load, instead of `clusters`. */
  readonly placeholder = input(false);
  protected readonly placeholderTiles = Array.from({ length: 18 }, (_, i) => i);
  protected readonly placeholderProvinces = [0, 1, 2, 3];

  private readonly lang = injectLang();
  protected readonly counted = COUNTED;
  protected readonly symbol = STATUS_SYMBOL;
  protected readonly pct = formatPercent;

  protected name(unit: { nameTh: string; nameEn: string }): string {
    return localName(unit, this.lang());
  }
}

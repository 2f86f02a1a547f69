import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import type { RiskDto } from '@provdash/shared/contracts';
import { riskLevel } from '@provdash/shared/domain';

const SCALE = [1, 2, 3, 4, 5];

/** The cell a risk sits in: its inherent pair, or its residual one (none until assessed). */
function cellOf(r: RiskDto, mode: 'inherent' | 'residual'): { l: number; i: number } | null {
  if (mode === 'inherent') return { l: r.likelihood, i: r.impact };
  return r.residualLikelihood !== null && r.residualImpact !== null ? { l: r.residualLikelihood, i: r.residualImpact } : null;
}

/**
 * The 5×5 likelihood × impact heat map of a set of risks (the 5×5 rule of the shared domain colours
 * the cells), inherent or residual. Each cell is a button telling how many risks sit there; picking
 * one narrows the list beside it. Presentational: the risks come in, the pick goes out.
 */
@Component({
  selector: 'pd-risk-heat-map',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="heat" data-testid="risk-heat-map" [attr.data-mode]="mode()" *transloco="let t; prefix: 'riskRegister.heat'">
      <figcaption>{{ caption() || t(mode()) }}</figcaption>
      <div class="grid" role="grid" [attr.aria-label]="t(mode())">
        @for (l of rows; track l) {
          <div class="axis" role="rowheader">{{ l }}</div>
          @for (i of scale; track i) {
            <button
              type="button"
              role="gridcell"
              [class]="'cell b-' + band(l, i)"
              [class.on]="selected()?.l === l && selected()?.i === i"
              [attr.aria-label]="t('cell', { l, i, n: count(l, i) })"
              [attr.data-testid]="'heat-' + l + '-' + i"
              [attr.data-count]="count(l, i)"
              (click)="pick.emit({ l, i })"
            >
              {{ count(l, i) || '' }}
            </button>
          }
        }
        <div></div>
        @for (i of scale; track i) {
          <div class="axis">{{ i }}</div>
        }
      </div>
      <div class="legend">
        <span>↑ {{ t('likelihood') }}</span><span>{{ t('impact') }} →</span>
      </div>
      @if (mode() === 'residual' && unassessed() > 0) {
        <p class="note" data-testid="heat-unassessed">{{ t('unassessed', { n: unassessed() }) }}</p>
      }
    </figure>
  `,
  styles: `
    .heat {
      margin: 0;
    }
    figcaption {
      font-weight: 500;
      margin-bottom: 8px;
    }
    .grid {
      display: grid;
      grid-template-columns: 24px repeat(5, minmax(0, 1fr));
      gap: 3px;
    }
    .axis {
      display: flex;
      align-items: center;
      justify-content: center;
      font-size: 0.8rem;
      color: #555;
    }
    .cell {
      aspect-ratio: 1;
      min-height: 40px;
      border: 0;
      border-radius: 6px;
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    .cell.on {
      outline: 3px solid #1a56a6;
    }
    .b-low {
      background: #cfe9d5;
      color: #0f5223;
    }
    .b-medium {
      background: #fbe7a6;
      color: #5c3c00;
    }
    .b-high {
      background: #f7c08a;
      color: #6b2e00;
    }
    .b-extreme {
      background: #e98a84;
      color: #5a0d09;
    }
    .legend {
      display: flex;
      justify-content: space-between;
      font-size: 0.8rem;
      color: #555;
      margin-top: 4px;
    }
    .note {
      font-size: 0.85rem;
      color: #555;
      margin: 6px 0 0;
    }
  `,
})
export class RiskHeatMap {
  readonly risks = input.required<RiskDto[]>();
  readonly mode = input<'inherent' | 'residual'>('inherent');
  readonly selected = input<{ l: number; i: number } | null>(null);
  readonly caption = input<string>('');
  readonly pick = output<{ l: number; i: number }>();
  readonly scale = SCALE;
  readonly rows = [...SCALE].reverse();

  private readonly counts = computed(() => {
    const m = new Map<string, number>();
    for (const r of this.risks()) {
      const c = cellOf(r, this.mode());
      if (c) m.set(`${c.l}:${c.i}`, (m.get(`${c.l}:${c.i}`) ?? 0) + 1);
    }
    return m;
  });
  readonly unassessed = computed(() => this.risks().filter((r) => !cellOf(r, 'residual')).length);

  count(l: number, i: number): number {
    return this.counts().get(`${l}:${i}`) ?? 0;
  }

  band(l: number, i: number): string {
    return riskLevel(l, i).band;
  }
}

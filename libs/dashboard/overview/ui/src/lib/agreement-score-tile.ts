import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
// eslint-disable-next-line @nx/enforce-module-boundaries -- layering debt: moves to a shared/util lib (issue 15, item 5)
import { lastOf } from '@provdash/dashboard/overview/data-access';
import { formatInstant } from '@provdash/dashboard/scorecards/ui';
import type { AgreementScorecardDto } from '@provdash/shared/contracts';
import { formatAgreementScoreShort, formatDateLabel } from '@provdash/shared/domain';
import { injectLang, LoadState } from './lang';

/**
 * The governor's headline: the performance-agreement score, live and as the last round froze it.
 * The page marks the element `live-changed` when an event moved it.
 */
@Component({
  selector: 'pd-agreement-score-tile',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="agreement-title">
      <h2 id="agreement-title">{{ 'overview.agreement.title' | transloco }}</h2>
      @switch (state()) {
        @case ('loading') {
          <p class="muted" role="status">{{ 'common.loading' | transloco }}…</p>
        }
        @case ('none') {
          <p class="muted" data-testid="agreement-none">
            {{ 'overview.agreement.none' | transloco: { year: fiscalYear() } }}
          </p>
          <!-- Early in a year nothing is signed yet: the last year's score is one click away. -->
          @if (fiscalYear(); as fy) {
            <a
              data-testid="agreement-previous-year"
              [routerLink]="[]"
              [queryParams]="{ fy: fy - 1 }"
              queryParamsHandling="merge"
              >{{ 'overview.previousYear' | transloco: { year: fy - 1 } }}</a
            >
          }
        }
        @case ('error') {
          <p class="error" role="alert">{{ 'common.loadError' | transloco }}</p>
        }
        @default {
          @if (agreement(); as a) {
            <p class="score">
              <!-- Two decimals on screen; the exact four-decimal score is official only at the rounds (and in the PDF). -->
              <span class="big" data-testid="agreement-live" [attr.title]="a.live.formatted">{{
                a.live.score === null ? '–' : short(a.live.score)
              }}</span>
              <span class="of">{{ 'overview.agreement.outOf' | transloco }}</span>
            </p>
            <p class="muted">
              {{
                (a.live.formatted ? 'overview.agreement.live' : 'overview.agreement.noScore')
                  | transloco: { date: asOf() }
              }}
            </p>
            @if (lastRound(); as r) {
              <p data-testid="agreement-round">
                {{
                  'overview.agreement.round'
                    | transloco: { round: r.round, score: r.formatted, date: when(r.evaluatedAt) }
                }}
              </p>
            } @else {
              <p class="muted" data-testid="agreement-round">{{ 'overview.agreement.noRound' | transloco }}</p>
            }
            <p class="status">{{ 'overview.agreement.status.' + a.status | transloco }}</p>
          }
        }
      }
    </section>
  `,
  host: { 'data-testid': 'agreement-score' },
  styles: `
    :host {
      display: block;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    h2 {
      margin: 0 0 4px;
      font-size: 1rem;
    }
    p {
      margin: 2px 0;
    }
    .score {
      display: flex;
      align-items: baseline;
      gap: 8px;
    }
    .big {
      font-size: 2.4rem;
      font-weight: 600;
      line-height: 1.1;
      font-variant-numeric: tabular-nums;
    }
    .muted,
    .of,
    .status {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class AgreementScoreTile {
  readonly agreement = input<AgreementScorecardDto | undefined>();
  readonly state = input.required<LoadState>();
  readonly fiscalYear = input<number | null>(null);

  private readonly lang = injectLang();
  protected readonly lastRound = computed(() => lastOf(this.agreement()?.rounds));
  protected readonly asOf = computed(() => {
    const a = this.agreement();
    return a ? formatDateLabel(a.live.asOf, this.lang()) : '';
  });

  protected readonly short = formatAgreementScoreShort;

  protected when(iso: string): string {
    return formatInstant(iso, this.lang());
  }
}

import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { injectLang } from '@provdash/dashboard/overview/ui';
import { formatNumber } from '@provdash/dashboard/scorecards/ui';
import type { AgreementDto } from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf } from '@provdash/shared/domain';
import { exactScore, indicatorRows, shortScore } from './agreement-view';

/**
 * `/public/agreement/:code?fy=`: a province's agreement for everyone — its frozen rounds only, each
 * with the per-indicator table the governor sees (weight, result, level, score, next level, points),
 * and the evaluator's adjustments with their reasons. Drafts and rounds under review never show:
 * the API gives the public signed agreements and frozen reviews only.
 */
@Component({
  selector: 'pd-public-agreement-page',
  imports: [MatTooltipModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './public-agreement.page.html',
  styleUrl: './agreement.page.scss',
})
export class PublicAgreementPage {
  readonly code = input.required<string>();
  readonly fy = input<string>();
  readonly lang = injectLang();
  readonly fiscalYear = computed(() => Number(this.fy()) || fiscalYearOf(bangkokDateOf(new Date())));
  readonly agreement = httpResource<AgreementDto>(() => ({
    url: `/api/org-units/${this.code()}/agreement`,
    params: { fiscalYear: this.fiscalYear() },
  }));
  /** The frozen rounds, latest first, each with its per-indicator table and the review that produced it. */
  readonly rounds = computed(() => {
    const a = this.agreement.hasValue() ? this.agreement.value() : null;
    if (!a) return [];
    return [...a.rounds].reverse().map((r) => ({
      round: r,
      rows: indicatorRows(r.snapshot.indicators),
      review: a.reviews.find((v) => v.round === r.round) ?? null,
    }));
  });
  readonly years = computed(() => {
    const now = fiscalYearOf(bangkokDateOf(new Date()));
    return [now, now - 1, now - 2, now - 3];
  });
  readonly short = shortScore;
  readonly exact = exactScore;
  readonly number = formatNumber;

  adjustment(review: { lines: { indicatorId: string; decision: string; reason: string | null }[] } | null, id: string) {
    const l = review?.lines.find((x) => x.indicatorId === id);
    return l?.decision === 'adjusted' ? l.reason : null;
  }
}

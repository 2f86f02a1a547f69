import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
// eslint-disable-next-line @nx/enforce-module-boundaries -- layering debt: moves to a shared/util lib (issue 15, item 5)
import type { FeedItem } from '@provdash/dashboard/overview/data-access';
import { formatPercent, formatPeriod } from '@provdash/dashboard/scorecards/ui';
// eslint-disable-next-line @nx/enforce-module-boundaries -- layering debt: moves to a shared/util lib (issue 15, item 5)
import { formatLiveTime } from '@provdash/dashboard/shared/realtime';
import { injectLang, localName } from './lang';

export type PlaceNames = ReadonlyMap<string, { nameTh: string; nameEn: string }>;

/** One feed item as a sentence: the translation key and its parameters in the reader's language. */
export function feedLine(
  item: FeedItem,
  places: PlaceNames,
  lang: 'th' | 'en',
): { key: string; params: Record<string, string | number> } {
  const place = localName(places.get(item.orgUnitCode), lang) || item.orgUnitCode;
  switch (item.kind) {
    case 'kpi-approved':
    case 'kpi-withdrawn': {
      const name = lang === 'en' ? item.kpiNameEn : item.kpiNameTh;
      return {
        key: item.kind === 'kpi-approved' ? 'overview.feed.kpiApproved' : 'overview.feed.kpiWithdrawn',
        params: {
          place,
          kpi: name ? `${item.kpiCode} ${name}` : item.kpiCode,
          period: formatPeriod(item.period, lang),
        },
      };
    }
    case 'progress-approved':
    case 'progress-withdrawn':
      return {
        key: item.kind === 'progress-approved' ? 'overview.feed.progressApproved' : 'overview.feed.progressWithdrawn',
        params: { place, percent: formatPercent(item.percent), period: formatPeriod(item.period, lang) },
      };
    case 'import':
      return { key: 'overview.feed.import', params: { place, rows: item.rows, rate: formatPercent(item.rate) } };
    case 'rollback':
      return { key: 'overview.feed.rollback', params: { place } };
    case 'agreement-score':
      return { key: 'overview.feed.agreementScore', params: { place, score: item.score ?? '–' } };
    case 'agreement-round':
      return { key: 'overview.feed.agreementRound', params: { place, round: item.round, score: item.score } };
  }
}

/**
 * "What changed today": each approval or import as a short line in the reader's language, with its
 * time on the Bangkok clock (date in B.E. for Thai readers). New lines are announced politely.
 */
@Component({
  selector: 'pd-live-feed-list',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (lines().length) {
      <ol aria-live="polite" data-testid="feed">
        @for (line of lines(); track line.item.key) {
          <li
            data-testid="feed-item"
            [attr.data-kind]="line.item.kind"
            [attr.data-unit]="line.item.orgUnitCode"
            [class.live-changed]="changed().has(line.item.key)"
          >
            <time [attr.datetime]="line.item.at">{{ line.time }}</time>
            <span>{{ line.key | transloco: line.params }}</span>
          </li>
        }
      </ol>
    } @else {
      <p class="muted" data-testid="feed-empty" aria-live="polite">{{ 'overview.feed.empty' | transloco }}</p>
    }
  `,
  styles: `
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: 360px;
      overflow-y: auto;
    }
    li {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 8px;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    time {
      color: var(--mat-sys-on-surface-variant);
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .live-changed {
      animation: live-changed 2s ease-out;
    }
    @keyframes live-changed {
      from {
        background-color: var(--mat-sys-tertiary-container);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .live-changed {
        animation: none;
      }
    }
    @media (max-width: 600px) {
      li {
        grid-template-columns: 1fr;
        gap: 0;
      }
    }
  `,
})
export class LiveFeedList {
  readonly items = input.required<FeedItem[]>();
  readonly places = input<PlaceNames>(new Map());
  readonly changed = input<ReadonlySet<string>>(new Set());

  private readonly lang = injectLang();

  protected readonly lines = computed(() => {
    const lang = this.lang();
    return this.items().map((item) => ({
      item,
      time: formatLiveTime(new Date(item.at), lang).full,
      ...feedLine(item, this.places(), lang),
    }));
  });
}

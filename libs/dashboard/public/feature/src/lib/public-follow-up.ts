import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import type { PublicFollowUpDto } from '@provdash/shared/contracts';
import { formatDateLabel } from '@provdash/shared/domain';
import { injectLang } from './helpers';

/**
 * A province's directives and open risks on its public page, only when the province publishes them
 * (its governor's switch; docs/open-data.md). Agencies, never people. Asked for after the first paint.
 */
@Component({
  selector: 'pd-public-follow-up',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (view.hasValue() && view.value(); as v) {
      @if (v.public) {
        <section class="follow-up" data-testid="public-follow-up" *transloco="let t; prefix: 'riskRegister'">
          <h2>{{ t('public.title') }}</h2>
          <p class="intro">{{ t('public.intro') }}</p>
          <h3>{{ t('public.risks') }}</h3>
          <ul>
            @for (r of v.risks; track r.id) {
              <li data-testid="public-risk">
                <span [class]="'score b-' + r.band">{{ r.likelihood }}×{{ r.impact }} = {{ r.score }}</span>
                @if (r.residualScore !== null) {
                  <span class="muted">{{ t('public.residual') }} {{ r.residualScore }}</span>
                }
                <strong>{{ r.description }}</strong>
                <span class="muted">{{ t('levels.' + r.level) }} · {{ t('form.responses.' + r.response) }}</span>
                @if (r.treatment) {
                  <span class="muted">{{ t('public.treatment') }}: {{ r.treatment }}</span>
                }
              </li>
            } @empty {
              <li>{{ t('public.noRisks') }}</li>
            }
          </ul>
          <h3>{{ t('public.directives') }}</h3>
          <ul>
            @for (d of v.directives; track d.id) {
              <li data-testid="public-directive">
                <strong>{{ d.title }}</strong>
                <span class="muted"
                  >{{ d.ownerAgency }} · {{ t('public.due', { date: day(d.dueDate) }) }} · {{ d.percent }}% ·
                  {{ d.state === 'closed' ? t('public.closed') : d.overdue ? t('public.overdue') : t('public.open') }}</span
                >
              </li>
            } @empty {
              <li>{{ t('public.noDirectives') }}</li>
            }
          </ul>
        </section>
      }
    }
  `,
  styles: `
    .follow-up {
      margin-top: 24px;
    }
    ul {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: baseline;
      overflow-wrap: anywhere;
    }
    .intro,
    .muted {
      color: #555;
      font-size: 0.9rem;
    }
    .score {
      padding: 2px 8px;
      border-radius: 10px;
      font-weight: 600;
    }
    .b-low { background: #cfe9d5; color: #0f5223; }
    .b-medium { background: #fbe7a6; color: #5c3c00; }
    .b-high { background: #f7c08a; color: #6b2e00; }
    .b-extreme { background: #e98a84; color: #5a0d09; }
  `,
})
export class PublicFollowUp {
  readonly code = input.required<string>();
  protected readonly lang = injectLang();
  private readonly painted = signal(false);
  readonly view = httpResource<PublicFollowUpDto>(() =>
    this.painted() ? `/api/public/provinces/${encodeURIComponent(this.code())}/follow-up` : undefined,
  );

  constructor() {
    afterNextRender(() => this.painted.set(true));
  }

  day(iso: string): string {
    return formatDateLabel(iso, this.lang());
  }
}

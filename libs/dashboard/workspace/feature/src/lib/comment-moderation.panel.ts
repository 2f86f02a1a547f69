import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import type { ModerationCommentDto } from '@provdash/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { formatInstant, injectLang } from './format';

/**
 * People's Audit for the province's approver: citizens' comments waiting on its KPIs, oldest first,
 * each shown publicly (approve) or kept out of sight (hide). A stale version (someone else decided
 * meanwhile) reloads the queue.
 */
@Component({
  selector: 'pd-comment-moderation-panel',
  imports: [MatButtonModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'public.moderation'">
      <h3>{{ t('title') }}</h3>
      <ul class="queue">
        @for (c of queue.hasValue() ? queue.value() : []; track c.id) {
          <li data-testid="pending-comment" [attr.data-id]="c.id">
            <div>
              <strong>{{ c.kpiCode }}</strong> {{ c.kpiNameTh }}
              <p class="body">{{ c.body }}</p>
              <small>{{ c.authorName || t('anonymous') }} · {{ day(c.createdAt) }}</small>
            </div>
            <div class="actions">
              <button
                mat-flat-button
                type="button"
                data-testid="comment-approve"
                [disabled]="busy() === c.id"
                (click)="decide(c, 'approve')"
              >
                {{ t('approve') }}
              </button>
              <button
                mat-stroked-button
                type="button"
                data-testid="comment-hide"
                [disabled]="busy() === c.id"
                (click)="decide(c, 'hide')"
              >
                {{ t('hide') }}
              </button>
            </div>
          </li>
        } @empty {
          <li>{{ t('none') }}</li>
        }
      </ul>
    </ng-container>
  `,
  styles: `
    .queue {
      list-style: none;
      padding: 0;
    }
    .queue li {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 8px;
      padding: 8px 0;
      border-bottom: 1px solid #eceff1;
    }
    .body {
      white-space: pre-line;
      margin: 4px 0;
    }
    .actions {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    small {
      color: #546e7a;
    }
  `,
})
export class CommentModerationPanel {
  readonly code = input.required<string>();
  private readonly http = inject(HttpClient);
  protected readonly queue = httpResource<ModerationCommentDto[]>(
    () => `/api/provinces/${encodeURIComponent(this.code())}/kpi-comments`,
  );
  protected readonly busy = signal<string | null>(null);

  private readonly lang = injectLang();

  protected day(iso: string): string {
    return formatInstant(iso, this.lang());
  }

  protected async decide(c: ModerationCommentDto, action: 'approve' | 'hide'): Promise<void> {
    this.busy.set(c.id);
    try {
      await firstValueFrom(this.http.post(`/api/kpi-comments/${c.id}/${action}`, { version: c.version }));
    } catch {
      // Decided by someone else meanwhile (409) or refused: the reload shows how it stands.
    } finally {
      this.busy.set(null);
      this.queue.reload();
    }
  }
}

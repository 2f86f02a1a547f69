import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { kpiCommentsResource } from '@provdash/dashboard/public/data-access';
import { formatInstant } from '@provdash/dashboard/scorecards/ui';
import { firstValueFrom } from 'rxjs';
import { injectLang } from './helpers';

/**
 * People's Audit under a public KPI: the comments the province approved, and a short form. A new
 * comment waits for the province's approver; the writer is told so rather than seeing it at once.
 */
@Component({
  selector: 'pd-kpi-comments',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'public.comments'">
      <h2>{{ t('title') }}</h2>
      <ul class="comments" data-testid="comments">
        @for (c of comments.hasValue() ? comments.value() : []; track c.id) {
          <li data-testid="comment">
            <p class="narrative">{{ c.body }}</p>
            <small>{{ c.authorName || t('anonymous') }} · {{ when(c.createdAt) }}</small>
          </li>
        } @empty {
          <li>{{ t('none') }}</li>
        }
      </ul>
      <form class="comment" (ngSubmit)="send()" data-testid="comment-form">
        <mat-form-field appearance="outline">
          <mat-label>{{ t('body') }}</mat-label>
          <textarea
            matInput
            name="body"
            rows="3"
            maxlength="1000"
            required
            [(ngModel)]="body"
            data-testid="comment-body"
          ></textarea>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('name') }}</mat-label>
          <input matInput name="authorName" maxlength="80" [(ngModel)]="authorName" data-testid="comment-name" />
        </mat-form-field>
        <!-- Left empty by people; robots that fill every field give themselves away. -->
        <input class="hp" name="website" tabindex="-1" autocomplete="off" aria-hidden="true" [(ngModel)]="website" />
        <button
          mat-flat-button
          type="submit"
          [disabled]="sending() || body.trim().length < 5"
          data-testid="comment-send"
        >
          {{ t('send') }}
        </button>
        @if (notice(); as n) {
          <p role="status" data-testid="comment-notice">{{ t(n) }}</p>
        }
      </form>
    </ng-container>
  `,
  styles: `
    .hp {
      position: absolute;
      left: -10000px;
      width: 1px;
      height: 1px;
    }
    .comments {
      list-style: none;
      padding: 0;
    }
    .comments li {
      padding: 8px 0;
      border-bottom: 1px solid #eceff1;
    }
    .narrative {
      white-space: pre-line;
      margin: 0 0 2px;
    }
    small {
      color: #546e7a;
    }
    form.comment {
      display: grid;
      gap: 8px;
      max-width: 560px;
    }
  `,
})
export class KpiComments {
  readonly kpiId = input.required<string>();
  private readonly http = inject(HttpClient);
  private readonly lang = injectLang();
  private readonly revision = signal(0);
  protected readonly comments = kpiCommentsResource(() => this.kpiId(), this.revision);
  protected body = '';
  protected authorName = '';
  protected website = '';
  protected readonly sending = signal(false);
  protected readonly notice = signal<'pending' | 'tooMany' | 'failed' | null>(null);
  protected readonly when = (iso: string) => formatInstant(iso, this.lang());

  protected async send(): Promise<void> {
    this.sending.set(true);
    this.notice.set(null);
    try {
      await firstValueFrom(
        this.http.post(`/api/public/kpis/${encodeURIComponent(this.kpiId())}/comments`, {
          body: this.body,
          ...(this.authorName.trim() && { authorName: this.authorName }),
          ...(this.website && { website: this.website }),
        }),
      );
      this.body = '';
      this.notice.set('pending');
    } catch (e) {
      this.notice.set(e instanceof HttpErrorResponse && e.status === 429 ? 'tooMany' : 'failed');
    } finally {
      this.sending.set(false);
    }
  }
}

import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, Injector, input, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { RealtimeService } from '@provdash/dashboard/shared/realtime';
import type { MonthlyReportDto } from '@provdash/shared/contracts';
import { formatInstant, formatMonth } from '@provdash/dashboard/scorecards/ui';
import { firstValueFrom } from 'rxjs';
import { injectLang } from './format';

/**
 * The province's monthly reports (made on the 5th for the month before): newest first, each as PDF
 * and XLSX. A report made while the desk is open appears at once (the workspace room's
 * `monthly-report.ready`). Files come through HttpClient, which carries the sign-in.
 */
@Component({
  selector: 'pd-monthly-reports-panel',
  imports: [MatButtonModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'public.reports'">
      <p class="intro">{{ t('intro') }}</p>
      @if (canWrite()) {
        <button mat-stroked-button type="button" data-testid="report-now" [disabled]="making()" (click)="makeNow()">
          {{ t('makeNow', { month: monthLabel(lastMonth) }) }}
        </button>
      }
      @if (error()) {
        <p class="error" role="alert">{{ t('failed') }}</p>
      }
      <ul class="reports">
        @for (r of reports.hasValue() ? reports.value() : []; track r.id) {
          <li data-testid="monthly-report" [attr.data-month]="r.month">
            <strong>{{ monthLabel(r.month) }}</strong>
            <span class="meta">{{ t('generated', { date: dateLabel(r.generatedAt) }) }}</span>
            <button mat-button type="button" data-testid="report-pdf" (click)="download(r, 'pdf')">PDF</button>
            <button mat-button type="button" data-testid="report-xlsx" (click)="download(r, 'xlsx')">XLSX</button>
          </li>
        } @empty {
          <li>{{ t('none') }}</li>
        }
      </ul>
    </ng-container>
  `,
  styles: `
    .reports {
      list-style: none;
      padding: 0;
    }
    .reports li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 4px 0;
      border-bottom: 1px solid #eceff1;
    }
    .meta {
      color: #546e7a;
      font-size: 0.85rem;
    }
    .error {
      color: #b00020;
    }
  `,
})
export class MonthlyReportsPanel implements OnInit {
  readonly code = input.required<string>();
  readonly canWrite = input(false);
  private readonly http = inject(HttpClient);
  protected readonly reports = httpResource<MonthlyReportDto[]>(
    () => `/api/provinces/${encodeURIComponent(this.code())}/monthly-reports`,
  );
  protected readonly making = signal(false);
  protected readonly error = signal(false);
  protected readonly lastMonth = (() => {
    const d = new Date();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - 1);
    return d.toISOString().slice(0, 7);
  })();

  private readonly realtime = inject(RealtimeService);
  private readonly injector = inject(Injector);

  /**
   * Watched once the inputs are set: the watch reads its room at once, and a required input read in
   * the constructor throws NG0950 (the tab stayed blank).
   */
  ngOnInit(): void {
    this.realtime.watch(
      () => `workspace:${this.code()}`,
      { 'monthly-report.ready': () => this.reports.reload() },
      { injector: this.injector },
    );
  }

  private readonly lang = injectLang();

  protected monthLabel(month: string): string {
    return formatMonth(month, this.lang());
  }

  protected dateLabel(iso: string): string {
    return formatInstant(iso, this.lang());
  }

  protected async makeNow(): Promise<void> {
    this.making.set(true);
    this.error.set(false);
    try {
      await firstValueFrom(
        this.http.post(`/api/provinces/${encodeURIComponent(this.code())}/monthly-reports`, { month: this.lastMonth }),
      );
      this.reports.reload();
    } catch {
      this.error.set(true);
    } finally {
      this.making.set(false);
    }
  }

  protected async download(r: MonthlyReportDto, format: 'pdf' | 'xlsx'): Promise<void> {
    try {
      const blob = await firstValueFrom(
        this.http.get(format === 'pdf' ? r.pdfUrl : r.xlsxUrl, { responseType: 'blob' }),
      );
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `monthly-report-${r.orgUnitCode}-${r.month}.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      this.error.set(true);
    }
  }
}

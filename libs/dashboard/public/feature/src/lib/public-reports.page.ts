import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { OrgUnitsStore } from '@provdash/dashboard/org-units/data-access';
import { publicMonthlyReportsResource } from '@provdash/dashboard/public/data-access';
import { formatInstant, formatMonth } from '@provdash/dashboard/scorecards/ui';
import type { OrgUnitDto } from '@provdash/shared/contracts';
import { injectLang, localName } from './helpers';

/**
 * The governors' monthly reports for everyone (`/public/reports?code=50`): pick a province, then a
 * month's PDF or XLSX. Reports hold approved data only; the links are plain downloads.
 */
@Component({
  selector: 'pd-public-reports-page',
  imports: [RouterLink, MatFormFieldModule, MatProgressBarModule, MatSelectModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <section class="page">
        <header class="head">
          <h1 data-testid="reports-title">{{ t('public.reports.title') }}</h1>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ t('public.reports.province') }}</mat-label>
            <mat-select data-testid="reports-province" [value]="code()" (valueChange)="pick($event)">
              @for (p of provinces(); track p.code) {
                <mat-option [value]="p.code">{{ name(p) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </header>
        <p class="hint">{{ t('public.reports.publicIntro') }}</p>
        @if (!code()) {
          <p data-testid="reports-pick">{{ t('public.reports.pick') }}</p>
        } @else {
          @if (reports.isLoading()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('common.loading')" />
          }
          @if (reports.error()) {
            <p class="error" role="alert">{{ t('common.loadError') }}</p>
          }
          @if (selected(); as p) {
            <h2>
              <a [routerLink]="['/public/province', p.code]" data-testid="reports-province-link">{{ name(p) }}</a>
            </h2>
          }
          <ul class="report-list">
            @for (r of reports.hasValue() ? reports.value() : []; track r.id) {
              <li data-testid="public-report" [attr.data-month]="r.month">
                <strong class="month">{{ month(r.month) }}</strong>
                <small>{{ t('public.reports.generated', { date: instant(r.generatedAt) }) }}</small>
                <span class="links">
                  <a [href]="r.pdfUrl" target="_blank" rel="noopener" data-testid="public-report-pdf"
                    >PDF<span class="sr-only"> {{ month(r.month) }}</span></a
                  >
                  <a [href]="r.xlsxUrl" download data-testid="public-report-xlsx"
                    >XLSX<span class="sr-only"> {{ month(r.month) }}</span></a
                  >
                </span>
              </li>
            } @empty {
              @if (reports.hasValue()) {
                <li data-testid="public-reports-none">{{ t('public.reports.none') }}</li>
              }
            }
          </ul>
        }
      </section>
    </ng-container>
  `,
  styleUrl: './public-pages.scss',
  styles: `
    .report-list {
      list-style: none;
      padding: 0;
    }
    .report-list li {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 12px;
      padding: 8px 0;
      border-bottom: 1px solid #eceff1;
    }
    .month {
      min-width: 7em;
    }
    .links {
      display: inline-flex;
      gap: 16px;
      margin-left: auto;
    }
    .links a {
      color: #0d47a1;
      font-weight: 500;
      padding: 4px 0;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
})
export class PublicReportsPage {
  /** Query parameter: the province's code. */
  readonly code = input<string>();
  private readonly router = inject(Router);
  private readonly orgUnits = inject(OrgUnitsStore);
  protected readonly lang = injectLang();
  protected readonly reports = publicMonthlyReportsResource(() => this.code());

  protected readonly provinces = computed<OrgUnitDto[]>(() => {
    const d = this.orgUnits.directory.hasValue() ? this.orgUnits.directory.value() : undefined;
    const all = d ? [...d.clusters.flatMap((c) => c.provinces), ...d.unclustered] : [];
    const lang = this.lang();
    return all.sort((a, b) =>
      lang === 'en' ? a.nameEn.localeCompare(b.nameEn) : a.nameTh.localeCompare(b.nameTh, 'th'),
    );
  });
  protected readonly selected = computed(() => this.provinces().find((p) => p.code === this.code()));

  protected name(p: { nameTh: string; nameEn: string }): string {
    return localName(p, this.lang());
  }

  protected month(m: string): string {
    return formatMonth(m, this.lang());
  }

  protected instant(iso: string): string {
    return formatInstant(iso, this.lang());
  }

  protected pick(code: string): void {
    void this.router.navigate([], { queryParams: { code }, queryParamsHandling: 'merge' });
  }
}

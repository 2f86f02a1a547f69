import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { apiProblem } from '@provdash/dashboard/workspace/data-access';
import type { NewYearDto, NewYearRolloverDto } from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf } from '@provdash/shared/domain';
import { firstValueFrom } from 'rxjs';

/**
 * `/workspace/new-year` (docs/guide-strategy-office-october.md): last year's targets copied into the
 * new year as drafts in one action, the drafts reviewed (each edited on its KPI's page), and an
 * approver's publish. Past the plan's last year it says a new plan is built in the plan builder.
 */
@Component({
  selector: 'pd-new-year-page',
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'kpiSetup.newYear'">
      <section class="page">
        <h1>{{ t('title') }}</h1>
        <p class="sub">{{ t('intro') }}</p>
        <mat-form-field>
          <mat-label>{{ t('year') }}</mat-label>
          <mat-select [value]="year()" (valueChange)="year.set($event)" data-testid="new-year-year">
            @for (y of years; track y) {
              <mat-option [value]="y">{{ t('fy', { year: y }) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (notice(); as n) {
          <p class="ok" role="status" data-testid="new-year-notice">{{ n }}</p>
        }
        @if (problem(); as p) {
          <div class="rejected" role="alert" data-testid="new-year-problem">
            <p>{{ p }}</p>
            <p>{{ t('planBuilder') }}</p>
          </div>
        } @else if (review(); as r) {
          <div class="actions">
            <button mat-flat-button color="primary" type="button" [disabled]="busy()" (click)="rollover()" data-testid="new-year-rollover">
              {{ t('rollover', { from: r.fiscalYear - 1, to: r.fiscalYear }) }}
            </button>
            @if (mayApprove() && drafts() > 0) {
              <button mat-stroked-button type="button" [disabled]="busy()" (click)="publish()" data-testid="new-year-publish">
                {{ t('publish', { count: drafts() }) }}
              </button>
            }
          </div>
          @if (r.planEndFy === r.fiscalYear) {
            <p class="note" data-testid="new-year-last-plan-year">{{ t('lastPlanYear', { year: r.planEndFy }) }}</p>
          }
          <div class="table-wrap">
            <table data-testid="new-year-table">
              <thead>
                <tr>
                  <th>{{ t('kpi') }}</th>
                  <th class="num">{{ t('lastYear', { year: r.fiscalYear - 1 }) }}</th>
                  <th class="num">{{ t('thisYear', { year: r.fiscalYear }) }}</th>
                  <th>{{ t('state') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (k of r.kpis; track k.kpiId) {
                  <tr [attr.data-kpi-code]="k.code" [attr.data-state]="k.state ?? 'none'">
                    <td>
                      <a [routerLink]="['/workspace/kpis', k.kpiId]" data-testid="new-year-kpi-link"><strong>{{ k.code }}</strong></a>
                      {{ k.nameTh }}
                    </td>
                    <td class="num">{{ k.lastYearTarget ?? '–' }}</td>
                    <td class="num" data-testid="new-year-target">{{ k.target ?? '–' }}</td>
                    <td>{{ t('states.' + (k.state ?? 'none')) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else {
          <p>{{ t('loading') }}</p>
        }
      </section>
    </ng-container>
  `,
  styleUrl: './kpi-setup.pages.scss',
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin: 8px 0 16px;
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid #e0e0e0;
      vertical-align: top;
    }
    .num {
      text-align: right;
      white-space: nowrap;
    }
    .note {
      color: #663c00;
    }
    .rejected {
      background: #fff4e5;
      color: #663c00;
      padding: 12px 16px;
      border-radius: 8px;
    }
  `,
})
export class NewYearPage {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);
  private readonly transloco = inject(TranslocoService);
  private readonly currentFy = fiscalYearOf(bangkokDateOf(new Date()));
  protected readonly years = [this.currentFy, this.currentFy + 1];
  protected readonly year = signal(this.currentFy + 1);
  protected readonly review = signal<NewYearDto | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly drafts = computed(() => this.review()?.kpis.filter((k) => k.state === 'draft').length ?? 0);
  protected readonly mayApprove = computed(() => ['province_approver', 'admin'].includes(this.auth.user()?.role ?? ''));
  private readonly unitCode = computed(() => this.auth.user()?.scope.code ?? '');

  constructor() {
    effect(() => {
      this.notice.set(null);
      void this.load(this.year());
    });
  }

  private async load(fy: number): Promise<void> {
    this.problem.set(null);
    this.review.set(null);
    try {
      this.review.set(
        await firstValueFrom(
          this.http.get<NewYearDto>(`/api/org-units/${this.unitCode()}/new-year`, { params: { fiscalYear: fy } }),
        ),
      );
    } catch (e) {
      this.problem.set(apiProblem(e).message ?? this.transloco.translate('kpiSetup.offline'));
    }
  }

  protected rollover(): Promise<void> {
    return this.act('rollover', 'copied');
  }

  protected publish(): Promise<void> {
    return this.act('publish', 'published');
  }

  private async act(step: 'rollover' | 'publish', said: string): Promise<void> {
    this.busy.set(true);
    try {
      const r = await firstValueFrom(
        this.http.post<NewYearRolloverDto>(`/api/org-units/${this.unitCode()}/new-year/${step}`, {
          fiscalYear: this.year(),
        }),
      );
      this.notice.set(this.transloco.translate(`kpiSetup.newYear.${said}`, { count: r.copied }));
      await this.load(this.year());
    } catch (e) {
      this.problem.set(apiProblem(e).message ?? this.transloco.translate('kpiSetup.offline'));
    } finally {
      this.busy.set(false);
    }
  }
}

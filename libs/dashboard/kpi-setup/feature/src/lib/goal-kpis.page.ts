import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { apiProblem } from '@provdash/dashboard/workspace/data-access';
import type { KpiDefinitionDto, KpiSetupDto } from '@provdash/shared/contracts';
import { map } from 'rxjs';
import { KpiForm } from './kpi-form';
import type { Lang } from './kpi-form.model';
import { KpiSetupApi } from './kpi-setup.api';

/**
 * `/workspace/goals/:goalId/kpis`: a goal's KPIs (code, name, unit, direction, frequency, the
 * latest target) and the form to define a new one; a defined KPI opens on its own page for its
 * targets. The plan builder links here.
 */
@Component({
  selector: 'pd-goal-kpis-page',
  imports: [MatButtonModule, RouterLink, TranslocoDirective, KpiForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'kpiSetup'">
      <section class="page">
        @if (setup(); as s) {
          <p class="crumbs"><a routerLink="/workspace">{{ t('back') }}</a></p>
          <h1 data-testid="goal-title">
            {{ t('goalTitle', { code: s.goal.code }) }} · {{ lang() === 'en' ? s.goal.nameEn || s.goal.nameTh : s.goal.nameTh }}
          </h1>
          <p class="sub">{{ t('goalSub', { issue: s.goal.issueCode, unit: s.goal.orgUnitCode }) }}</p>
          @if (s.kpis.length) {
            <ul class="kpis" data-testid="goal-kpis">
              @for (k of s.kpis; track k.id) {
                <li [attr.data-kpi-code]="k.code">
                  <a [routerLink]="['/workspace/kpis', k.id]" data-testid="goal-kpi-link">
                    <strong>{{ k.code }}</strong> {{ lang() === 'en' ? k.nameEn || k.nameTh : k.nameTh }}
                  </a>
                  <span class="meta">
                    {{ lang() === 'en' ? k.unitEn : k.unitTh }} · {{ t('direction.' + k.direction) }} ·
                    {{ t('frequency.' + k.frequency) }} ·
                    @if (latestTarget(k); as lt) {
                      {{ t('latestTarget', { year: lt.fiscalYear, value: lt.target }) }}
                    } @else {
                      {{ t('noTarget') }}
                    }
                    @if (k.retired) {
                      · {{ t('retired') }}
                    }
                  </span>
                </li>
              }
            </ul>
          } @else {
            <p data-testid="goal-kpis-empty">{{ t('noKpis') }}</p>
          }
          @if (defining()) {
            <h2>{{ t('defineTitle') }}</h2>
            <pd-kpi-form
              [goalId]="goalId()"
              [people]="s.people"
              (saved)="created($event)"
              (cancelled)="defining.set(false)"
            />
          } @else {
            <button mat-flat-button color="primary" type="button" data-testid="define-kpi" (click)="defining.set(true)">
              {{ t('define') }}
            </button>
          }
        } @else if (problem()) {
          <p role="alert" data-testid="goal-kpis-error">{{ problem() }}</p>
        } @else {
          <p>{{ t('loading') }}</p>
        }
      </section>
    </ng-container>
  `,
  styleUrl: './kpi-setup.pages.scss',
})
export class GoalKpisPage {
  readonly goalId = input.required<string>();
  private readonly api = inject(KpiSetupApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = toSignal(this.transloco.langChanges$.pipe(map((l): Lang => (l === 'en' ? 'en' : 'th'))), {
    initialValue: (this.transloco.getActiveLang() === 'en' ? 'en' : 'th') as Lang,
  });
  protected readonly setup = signal<KpiSetupDto | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly defining = signal(false);
  protected readonly count = computed(() => this.setup()?.kpis.length ?? 0);

  constructor() {
    effect(() => void this.load(this.goalId()));
  }

  private async load(goalId: string): Promise<void> {
    try {
      this.setup.set(await this.api.goalSetup(goalId));
    } catch (e) {
      this.problem.set(apiProblem(e).message ?? this.transloco.translate('kpiSetup.offline'));
    }
  }

  protected latestTarget(k: KpiDefinitionDto) {
    return [...k.targets].reverse().find((t) => t.target !== null) ?? null;
  }

  protected created(kpi: KpiDefinitionDto): void {
    void this.router.navigate(['/workspace/kpis', kpi.id], { queryParams: { created: 1 } });
  }
}

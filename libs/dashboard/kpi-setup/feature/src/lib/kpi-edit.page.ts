import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { apiProblem } from '@provdash/dashboard/workspace/data-access';
import type { KpiDefinitionDto, KpiSetupDto } from '@provdash/shared/contracts';
import { map } from 'rxjs';
import { KpiForm } from './kpi-form';
import type { Lang } from './kpi-form.model';
import { KpiSetupApi } from './kpi-setup.api';
import { TargetEditor } from './target-editor';

/** `/workspace/kpis/:kpiId`: the KPI's definition, then its yearly target and trajectory. */
@Component({
  selector: 'pd-kpi-edit-page',
  imports: [RouterLink, TranslocoDirective, KpiForm, TargetEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'kpiSetup'">
      <section class="page">
        @if (kpi(); as k) {
          <p class="crumbs">
            <a [routerLink]="['/workspace/goals', k.goalId, 'kpis']" data-testid="kpi-goal-link">{{
              t('backToGoal', { code: setup()?.goal?.code })
            }}</a>
          </p>
          <h1 data-testid="kpi-title">{{ k.code }} · {{ lang() === 'en' ? k.nameEn || k.nameTh : k.nameTh }}</h1>
          @if (justCreated()) {
            <p class="ok" role="status" data-testid="kpi-created">{{ t('created') }}</p>
          }
          <h2>{{ t('targets.title') }}</h2>
          <pd-target-editor [kpi]="k" (saved)="replace($event)" (reload)="load(kpiId())" />
          <h2>{{ t('definitionTitle') }}</h2>
          @if (savedNote()) {
            <p class="ok" role="status" data-testid="kpi-saved">{{ t('saved') }}</p>
          }
          <pd-kpi-form
            [goalId]="k.goalId"
            [kpi]="k"
            [people]="setup()?.people ?? []"
            (saved)="replace($event); savedNote.set(true)"
            (reload)="load(kpiId())"
            (cancelled)="load(kpiId())"
          />
        } @else if (problem()) {
          <p role="alert" data-testid="kpi-error">{{ problem() }}</p>
        } @else {
          <p>{{ t('loading') }}</p>
        }
      </section>
    </ng-container>
  `,
  styleUrl: './kpi-setup.pages.scss',
})
export class KpiEditPage {
  readonly kpiId = input.required<string>();
  /** `?created=1` after defining it on the goal's page. */
  readonly created = input<string | undefined>(undefined);
  private readonly api = inject(KpiSetupApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = toSignal(this.transloco.langChanges$.pipe(map((l): Lang => (l === 'en' ? 'en' : 'th'))), {
    initialValue: (this.transloco.getActiveLang() === 'en' ? 'en' : 'th') as Lang,
  });
  protected readonly setup = signal<KpiSetupDto | null>(null);
  protected readonly kpi = signal<KpiDefinitionDto | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly savedNote = signal(false);
  protected readonly justCreated = computed(() => this.created() === '1');

  constructor() {
    effect(() => void this.load(this.kpiId()));
  }

  protected async load(kpiId: string): Promise<void> {
    this.savedNote.set(false);
    try {
      const s = await this.api.kpiSetup(kpiId);
      this.setup.set(s);
      this.kpi.set(s.kpis.find((k) => k.id === kpiId) ?? null);
    } catch (e) {
      this.problem.set(apiProblem(e).message ?? this.transloco.translate('kpiSetup.offline'));
    }
  }

  protected replace(kpi: KpiDefinitionDto): void {
    // The public definition hides the owner; the editor keeps the one it knows.
    this.kpi.set({ ...kpi, ownerUserId: kpi.ownerUserId ?? this.kpi()?.ownerUserId ?? null });
  }
}

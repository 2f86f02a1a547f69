import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { formatBaht, injectLang, localName } from '@provdash/dashboard/overview/ui';
import { projectsUrl } from '@provdash/dashboard/projects/data-access';
import type { ProjectDto } from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf } from '@provdash/shared/domain';

/** `/workspace/projects`: the projects of the officer's province (or cluster) this fiscal year, to open, edit or add. */
@Component({
  selector: 'pd-project-list-page',
  imports: [RouterLink, MatButtonModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'projectSetup'">
      <main class="page">
        <div class="head">
          <div>
            <h1>{{ t('list.title') }}</h1>
            <p class="muted">{{ t('list.intro', { unit: unitName(), year: fiscalYear }) }}</p>
          </div>
          <a mat-flat-button routerLink="/workspace/projects/new" data-testid="new-project">{{ t('list.new') }}</a>
        </div>
        @if (projects.isLoading()) {
          <p class="muted">{{ t('list.loading') }}</p>
        } @else if (projects.error()) {
          <p class="error" role="alert">{{ t('list.loadError') }}</p>
        } @else if (list().length === 0) {
          <p class="muted" data-testid="no-projects">{{ t('list.empty') }}</p>
        } @else {
          <ul class="items">
            @for (p of list(); track p.id) {
              <li data-testid="project-row" [attr.data-code]="p.code">
                <a class="name" [routerLink]="['/projects', p.id]" data-testid="project-link">
                  <b>{{ p.code }}</b> {{ lang() === 'en' ? p.nameEn : p.nameTh }}
                </a>
                <span class="meta">
                  {{ t('type.' + p.budgetType) }} · {{ t('source.' + p.budgetSource) }} · {{ baht(p.allocated) }}
                  {{ t('baht') }} · {{ t('status.' + p.status) }}
                </span>
                @if (p.status !== 'cancelled') {
                  <a
                    mat-stroked-button
                    [routerLink]="['/workspace/projects', p.id, 'edit']"
                    data-testid="edit-project"
                    [attr.aria-label]="t('list.editFor', { code: p.code })"
                    >{{ t('list.edit') }}</a
                  >
                }
              </li>
            }
          </ul>
        }
      </main>
    </ng-container>
  `,
  styles: `
    .page {
      max-width: 960px;
      margin: 0 auto;
      padding: 16px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
    }
    h1 {
      margin: 8px 0 4px;
      font-size: 1.5rem;
    }
    .muted {
      opacity: 0.75;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .items {
      list-style: none;
      margin: 12px 0;
      padding: 0;
    }
    li {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 2px 12px;
      align-items: center;
      padding: 10px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .name {
      color: inherit;
      text-decoration: none;
    }
    .name:hover,
    .name:focus {
      text-decoration: underline;
    }
    .meta {
      grid-column: 1;
      font-size: 0.85em;
      opacity: 0.8;
    }
    li > a[mat-stroked-button] {
      grid-column: 2;
      grid-row: 1 / span 2;
    }
  `,
})
export class ProjectListPage {
  private readonly auth = inject(AuthStore);
  readonly lang = injectLang();
  readonly fiscalYear = fiscalYearOf(bangkokDateOf(new Date()));
  readonly unitName = computed(() => localName(this.auth.user()?.scope, this.lang()));
  readonly projects = httpResource<ProjectDto[]>(() => {
    const code = this.auth.user()?.scope.code;
    return code ? projectsUrl(code, this.fiscalYear) : undefined;
  });
  readonly list = computed(() => this.projects.value() ?? []);
  baht(v: string): string {
    return formatBaht(v);
  }
}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * The analysis desk's frame: one link per screen above the screen itself, so an analyst moves
 * between completeness, the pillars, the explorer and data quality without going back to the
 * account menu (which lives in the initial bundle and stays small). The links wrap on a phone
 * rather than scroll out of reach.
 */
@Component({
  selector: 'pd-analysis-desk',
  imports: [RouterLink, RouterLinkActive, RouterOutlet, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; read: 'analysis.desk'">
      <nav class="desk-tabs" [attr.aria-label]="t('label')">
        @for (tab of tabs; track tab) {
          <a
            [routerLink]="'/ministry/analysis/' + tab"
            routerLinkActive="active"
            ariaCurrentWhenActive="page"
            [attr.data-testid]="'desk-tab-' + tab"
            >{{ t(tab) }}</a
          >
        }
      </nav>
      <router-outlet />
    </ng-container>
  `,
  styles: `
    .desk-tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      max-width: 1200px;
      margin: 8px auto 0;
      padding: 0 16px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    a {
      padding: 10px 12px;
      color: var(--mat-sys-on-surface-variant);
      text-decoration: none;
      border-bottom: 3px solid transparent;
      font-weight: 500;
    }
    a:hover,
    a:focus-visible {
      color: var(--mat-sys-primary);
    }
    a.active {
      color: var(--mat-sys-primary);
      border-bottom-color: var(--mat-sys-primary);
    }
    /* A phone: five links in two rows rather than three. */
    @media (max-width: 600px) {
      .desk-tabs {
        gap: 0 2px;
        padding: 0 8px;
      }
      a {
        padding: 8px 6px;
        font-size: 0.95rem;
      }
    }
  `,
})
export class AnalysisDesk {
  readonly tabs = ['completeness', 'pillars', 'explorer', 'likely-to-miss', 'quality'] as const;
}

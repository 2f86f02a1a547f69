import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * The analysis desk's frame: one tab per screen above the screen itself, so an analyst moves
 * between completeness, the pillars, the explorer and data quality without going back to the
 * account menu (which lives in the initial bundle and stays small).
 */
@Component({
  selector: 'pd-analysis-desk',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; read: 'analysis.desk'">
      <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="t('label')" class="desk-tabs">
        @for (tab of tabs; track tab) {
          <a
            mat-tab-link
            [routerLink]="tab"
            routerLinkActive
            #active="routerLinkActive"
            [active]="active.isActive"
            [attr.data-testid]="'desk-tab-' + tab"
            >{{ t(tab) }}</a
          >
        }
      </nav>
      <mat-tab-nav-panel #panel><router-outlet /></mat-tab-nav-panel>
    </ng-container>
  `,
  styles: `
    .desk-tabs {
      margin-bottom: 16px;
    }
  `,
})
export class AnalysisDesk {
  readonly tabs = ['completeness', 'pillars', 'quality'] as const;
}

import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthStore, SIGN_IN_PATH } from '@provdash/dashboard/auth/data-access';
import type { RoleName, ScopeDto } from '@provdash/shared/contracts';
import { filter, map } from 'rxjs';

const IMPORT_ROLES: readonly RoleName[] = ['province_officer', 'province_approver', 'admin'];
/** Who fills a plan from Excel: the province's writers and the cluster office (the API checks the unit). */
const PLAN_IMPORT_ROLES: readonly RoleName[] = ['province_officer', 'province_approver', 'cluster_officer'];
/** Who builds a plan (the plan builder's roleGuard says the same). */
const PLAN_ROLES: readonly RoleName[] = ['province_officer', 'province_approver', 'cluster_officer', 'admin'];
/** The province's own people (and admins) have a desk in the workspace: drafts and names are on it. */
const WORKSPACE_ROLES: readonly RoleName[] = ['province_officer', 'province_approver', 'governor', 'admin'];
/** The follow-up loop (directives): the province's own people and admins (the API checks the province). */
const FOLLOW_UP_ROLES: readonly RoleName[] = ['governor', 'province_officer', 'province_approver', 'admin'];
/** Who registers projects: a province's officers, a cluster office for the cluster's own. */
const PROJECT_ROLES: readonly RoleName[] = ['province_officer', 'province_approver', 'cluster_officer', 'admin'];
/** The ministry's year set-up: central staff and admins. */
const YEAR_SETUP_ROLES: readonly RoleName[] = ['central_analyst', 'admin'];
/** The province's performance agreement: its own people (the agreements lib's AGREEMENT_ROLES say the same). */
const AGREEMENT_ROLES: readonly RoleName[] = ['province_officer', 'province_approver', 'governor', 'admin'];
/** Who evaluates agreement rounds (the API's `evaluate`): the central evaluator and admins. */
const EVALUATION_ROLES: readonly RoleName[] = ['central_evaluator', 'admin'];
/** The ministry's view of every province's agreement (ranking, movers, evaluation progress). */
const AGREEMENT_RANKING_ROLES: readonly RoleName[] = ['central_analyst', 'central_evaluator', 'admin'];
/** People administration (the API's `administer`): admins only. */
const PEOPLE_ROLES: readonly RoleName[] = ['admin'];
/** The audit trail (the API's `approve`): admins, and a province's approvers for their province. */
const AUDIT_ROLES: readonly RoleName[] = ['admin', 'province_approver'];

/** The toolbar's account corner: who is signed in and for which area, or a way to sign in. */
@Component({
  selector: 'pd-user-menu',
  imports: [MatButton, MatMenu, MatMenuItem, MatMenuTrigger, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @if (!store.ready()) {
        <!-- Not yet known whether a session survives the reload: show neither state rather than the wrong one. -->
        <span class="pending" aria-hidden="true"></span>
      } @else if (store.user(); as user) {
        <!-- The menu's code loads only for a signed-in user: the public, most visitors, never need it. -->
        @defer (on immediate) {
          <button
            mat-button
            class="trigger"
            data-testid="user-menu"
            [matMenuTriggerFor]="menu"
            [attr.aria-label]="t('auth.menu.label', { name: user.displayName })"
          >
            <svg class="avatar" viewBox="0 0 24 24" aria-hidden="true">
              <path
                d="M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9Zm0 2.25c-3.3 0-9 1.66-9 4.95V21h18v-1.8c0-3.29-5.7-4.95-9-4.95Z"
              />
            </svg>
            <span class="who">
              <span class="name">{{ user.displayName }}</span>
              <span class="scope">{{ scopeName(user.scope) }}</span>
            </span>
          </button>
          <mat-menu #menu="matMenu" xPosition="before">
            <div class="card" data-testid="user-card">
              <div class="card-name">{{ user.displayName }}</div>
              <div class="card-role" data-testid="user-role">{{ t('roles.' + user.role) }}</div>
              <div class="card-scope" data-testid="user-scope">{{ scopeName(user.scope) }}</div>
            </div>
            <a mat-menu-item routerLink="/me" data-testid="profile-link">{{ t('auth.menu.profile') }}</a>
            @if (hasWorkspace()) {
              <a mat-menu-item routerLink="/workspace" data-testid="workspace-link">{{ t('auth.menu.workspace') }}</a>
            }
            @if (mayFollowUp()) {
              <a mat-menu-item routerLink="/follow-up" data-testid="follow-up-link">{{ t('followUp.menu') }}</a>
              <a mat-menu-item routerLink="/follow-up/meetings" data-testid="meetings-link">{{ t('meeting.menu') }}</a>
            }
            @if (mayPlan()) {
              <a mat-menu-item routerLink="/workspace/plan" data-testid="plan-builder-link">{{
                t('planBuilder.menu')
              }}</a>
            }
            @if (mayImport()) {
              <a mat-menu-item routerLink="/workspace/gfmis-import" data-testid="gfmis-import-link">{{
                t('auth.menu.gfmisImport')
              }}</a>
            }
            @if (mayRegisterProjects()) {
              <a mat-menu-item routerLink="/workspace/projects" data-testid="projects-link">{{
                t('projectSetup.menu')
              }}</a>
            }
            @if (mayReadAgreement()) {
              <a mat-menu-item routerLink="/workspace/agreement" data-testid="agreement-link">{{
                t('agreementDesk.menu')
              }}</a>
            }
            @if (mayEvaluate()) {
              <a mat-menu-item routerLink="/ministry/agreements/evaluate" data-testid="agreement-evaluation-link">{{
                t('agreementDesk.evaluateMenu')
              }}</a>
            }
            @if (mayRankAgreements()) {
              <a mat-menu-item routerLink="/ministry/agreements/ranking" data-testid="agreement-ranking-link">{{
                t('agreementRanking.menu')
              }}</a>
            }
            @if (maySetUpYear()) {
              <a mat-menu-item routerLink="/ministry/agreements/templates" data-testid="agreement-templates-link">{{
                t('agreementDesk.templates.menu')
              }}</a>
              <a mat-menu-item routerLink="/ministry/agreements/queue" data-testid="agreement-queue-link">{{
                t('agreementFlow.queue.menu')
              }}</a>
              <!-- The analysis desk: completeness, the pillars and the explorer are its tabs. -->
              <a mat-menu-item routerLink="/ministry/analysis" data-testid="completeness-link">{{
                t('analysis.desk.menu')
              }}</a>
              <a mat-menu-item routerLink="/ministry/year-setup" data-testid="year-setup-link">{{
                t('yearSetup.menu')
              }}</a>
            }
            @if (mayImportPlan()) {
              <a mat-menu-item routerLink="/workspace/plan-import" data-testid="plan-import-link">{{
                t('kpiSetup.import.menu')
              }}</a>
              <a mat-menu-item routerLink="/workspace/new-year" data-testid="new-year-link">{{
                t('kpiSetup.newYear.menu')
              }}</a>
            }
            @if (mayManagePeople()) {
              <a mat-menu-item routerLink="/admin/people" data-testid="people-link">{{ t('people.menu') }}</a>
            }
            @if (mayReadAudit()) {
              <a mat-menu-item routerLink="/admin/audit" data-testid="audit-link">{{ t('auditTrail.menu') }}</a>
            }
            <button mat-menu-item type="button" data-testid="sign-out" (click)="signOut()">
              {{ t('auth.menu.signOut') }}
            </button>
          </mat-menu>
        } @placeholder {
          <span class="pending" aria-hidden="true"></span>
        }
      } @else {
        <a mat-button class="sign-in" data-testid="sign-in-link" [routerLink]="signInPath" [queryParams]="returnTo()">{{
          t('auth.menu.signIn')
        }}</a>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: inline-flex;
      min-width: 0;
    }
    .pending {
      display: inline-block;
      width: 40px;
    }
    .trigger {
      min-width: 0;
      max-width: 260px;
      height: auto;
      min-height: 40px;
      text-align: start;
    }
    .avatar {
      width: 28px;
      height: 28px;
      flex: none;
      fill: currentColor;
      vertical-align: middle;
    }
    .who {
      display: inline-flex;
      flex-direction: column;
      min-width: 0;
      /* The button's label does not shrink, so a long name would widen the toolbar past the screen:
         the name is cut here (trigger 260px less the avatar, its gap and the button's padding). */
      max-width: 200px;
      margin-inline-start: 8px;
      vertical-align: middle;
      line-height: 1.25;
    }
    .name,
    .scope {
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    .scope {
      font-size: 0.8em;
      opacity: 0.8;
    }
    .card {
      padding: 8px 16px 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      line-height: 1.4;
    }
    .card-name {
      font-weight: 600;
    }
    .card-role,
    .card-scope {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.9em;
    }
    .sign-in {
      white-space: nowrap;
    }
    /* On a phone the toolbar has room for the avatar only; the menu says the rest. */
    @media (max-width: 600px) {
      .who {
        display: none;
      }
      .trigger {
        padding: 0 8px;
      }
      .sign-in {
        padding: 0 4px;
      }
    }
  `,
})
export class UserMenu {
  protected readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  protected readonly signInPath = SIGN_IN_PATH;
  /** Who may upload a province's GFMIS report (the route's roleGuard says the same). */
  protected readonly mayImport = computed(() => IMPORT_ROLES.includes(this.store.user()?.role as RoleName));
  /** The plan import and the new fiscal year: the province's writers and the cluster office. */
  protected readonly mayImportPlan = computed(() => PLAN_IMPORT_ROLES.includes(this.store.user()?.role as RoleName));
  protected readonly mayManagePeople = computed(() => PEOPLE_ROLES.includes(this.store.user()?.role as RoleName));
  protected readonly mayReadAudit = computed(() => AUDIT_ROLES.includes(this.store.user()?.role as RoleName));
  protected readonly mayFollowUp = computed(() => FOLLOW_UP_ROLES.includes(this.store.user()?.role as RoleName));
  protected readonly mayPlan = computed(() => PLAN_ROLES.includes(this.store.user()?.role as RoleName));
  protected readonly hasWorkspace = computed(() => WORKSPACE_ROLES.includes(this.store.user()?.role as RoleName));
  protected readonly mayRegisterProjects = computed(() => PROJECT_ROLES.includes(this.store.user()?.role as RoleName));
  protected readonly mayReadAgreement = computed(() => AGREEMENT_ROLES.includes(this.store.user()?.role as RoleName));
  protected readonly mayEvaluate = computed(() => EVALUATION_ROLES.includes(this.store.user()?.role as RoleName));
  protected readonly mayRankAgreements = computed(() =>
    AGREEMENT_RANKING_ROLES.includes(this.store.user()?.role as RoleName),
  );
  protected readonly maySetUpYear = computed(() => YEAR_SETUP_ROLES.includes(this.store.user()?.role as RoleName));
  private readonly transloco = inject(TranslocoService);
  private readonly lang = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((e): e is NavigationEnd => e instanceof NavigationEnd),
      map((e) => e.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );

  /** Sign in, then come back to this page (unless this page is the sign-in page itself). */
  protected readonly returnTo = computed(() => {
    const url = this.url();
    const returnUrl = url.startsWith(SIGN_IN_PATH) ? this.router.parseUrl(url).queryParams['returnUrl'] : url;
    return returnUrl && returnUrl !== '/' ? { returnUrl } : {};
  });

  protected scopeName(scope: ScopeDto): string {
    return this.lang() === 'en' ? scope.nameEn : scope.nameTh;
  }

  protected async signOut(): Promise<void> {
    await this.store.logout();
    await this.router.navigateByUrl('/');
  }
}

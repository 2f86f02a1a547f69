import { NgTemplateOutlet } from '@angular/common';
import { CdkDrag, CdkDragDrop, CdkDragHandle, CdkDropList, moveItemInArray } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { MapGraphNode, StrategyMapDiagram } from '@provdash/dashboard/scorecards/ui';
import type { ApiProblem } from '@provdash/dashboard/workspace/data-access';
import type { GoalDto, IssueDto, MapNodeDto, PlanSummaryDto } from '@provdash/shared/contracts';
import { canPublishPlan, fiscalYearOf } from '@provdash/shared/domain';
import { firstValueFrom } from 'rxjs';
import { ConfirmDialog, NodeDialog, NodeDialogData, NodeDialogResult } from './node.dialog';
import { NodeKind, PlanBuilderStore } from './plan-builder.store';
import { PlanDialog, PlanDialogData, PlanDialogResult } from './plan.dialog';
import { injectLang, nextCode, sortedBySeq } from './plan-outline';

/**
 * The plan builder (issue 18 item 1) at `/workspace/plan`: the strategy office (or a cluster office
 * for its cluster) creates the four-year plan, outlines it (issues → goals → strategies: add, edit,
 * retire and restore, reorder by dragging or with the up/down buttons), links goals up to the
 * cluster's plan and a national strategy pillar, draws the cause → effect arrows on the map itself,
 * and the approver publishes it. A draft is seen only by the unit's own people.
 */
@Component({
  selector: 'pd-plan-builder-page',
  imports: [
    CdkDrag,
    CdkDragHandle,
    CdkDropList,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTabsModule,
    NgTemplateOutlet,
    RouterLink,
    TranslocoDirective,
    StrategyMapDiagram,
  ],
  providers: [PlanBuilderStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-builder.page.html',
  styleUrl: './plan-builder.page.scss',
})
export class PlanBuilderPage {
  /** Query parameters (component input binding): the unit (admins) and the plan. */
  readonly code = input<string>();
  readonly plan = input<string>();

  protected readonly store = inject(PlanBuilderStore);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = injectLang();
  protected readonly sorted = sortedBySeq;

  /** What the last action came to (read out by screen readers); `conflict` offers a reload. */
  protected readonly notice = signal<{ text: string; error: boolean; conflict?: boolean } | null>(null);
  /** Map editor: the goal picked as the cause, waiting for its effect. */
  protected readonly cause = signal<string | null>(null);
  protected readonly selectedTab = signal(0);

  protected readonly plans = computed<PlanSummaryDto[]>(() =>
    this.store.plans.hasValue() ? this.store.plans.value() : [],
  );
  protected readonly map = this.store.currentMap;
  protected readonly issues = computed<IssueDto[]>(() => sortedBySeq(this.map()?.issues ?? []));
  /** Every live goal of the plan, in outline order: the "link to…" choices and the map's nodes. */
  protected readonly goals = computed<GoalDto[]>(() =>
    this.issues()
      .filter((i) => !i.retired)
      .flatMap((i) => sortedBySeq(i.goals).filter((g) => !g.retired)),
  );
  protected readonly goalById = computed(() => new Map(this.goals().map((g) => [g.id, g])));
  protected readonly mayPublish = computed(() => {
    const user = this.auth.user();
    const unit = this.unitCode();
    if (!user || !unit) return false;
    if (user.role === 'admin') return true;
    return user.scope.code === unit && canPublishPlan({ role: user.role, scopePath: user.scope.path }, user.scope);
  });
  protected readonly unitCode = computed(() => this.code() ?? this.auth.user()?.scope.code);
  protected readonly opensGoal = (n: MapGraphNode) => n.kind === 'goal';
  /** The editor draws the plan's chain without the projects: arrows are between goals. */
  protected readonly editorMap = computed(() => {
    const m = this.map();
    return m ? { ...m, projects: [] } : undefined;
  });
  /** A phone draws the map at full size, panned with a finger: boxes big enough to tap. */
  protected readonly narrow = typeof matchMedia === 'function' && matchMedia('(max-width: 639px)').matches;

  constructor() {
    effect(() => {
      const user = this.auth.user();
      this.store.unitCode.set(this.unitCode());
      // A province's cluster is the code above it in its path (TH/north/C15/50 → C15).
      const path = user?.scope.type === 'province' && user.scope.code === this.unitCode() ? user.scope.path : '';
      const above = path.split('/').slice(-2, -1)[0];
      this.store.clusterCode.set(above && above.startsWith('C') ? above : undefined);
    });
    // The plan asked for, else a draft being built, else the newest.
    effect(() => {
      const list = this.plans();
      const asked = this.plan();
      const chosen = list.find((p) => p.id === asked) ?? list.find((p) => p.status === 'draft') ?? list[0];
      this.store.planId.set(chosen?.id);
    });
  }

  protected name(x: { nameTh: string; nameEn: string }): string {
    return this.lang() === 'en' ? x.nameEn || x.nameTh : x.nameTh;
  }

  protected choosePlan(id: string): void {
    void this.router.navigate([], { queryParams: { plan: id }, queryParamsHandling: 'merge' });
  }

  // ── the plan ────────────────────────────────────────────────────────────────────────────────
  protected async editPlan(plan?: PlanSummaryDto): Promise<void> {
    const latest = this.plans()[0];
    const startFy = latest ? Math.max(latest.endFy + 1, fiscalYearOf(new Date())) : fiscalYearOf(new Date()) + 1;
    const data: PlanDialogData = { store: this.store, plan, startFy };
    const r = await this.open<PlanDialog, PlanDialogData, PlanDialogResult>(PlanDialog, data);
    if (r === 'reload') return this.reload();
    if (!r) return;
    this.say(plan ? 'notice.saved' : 'notice.created');
    this.store.plans.reload();
    if (!plan) this.choosePlan(r.saved.id);
    else this.store.map.reload();
  }

  protected async publish(plan: PlanSummaryDto): Promise<void> {
    const t = (k: string) => this.transloco.translate(`planBuilder.${k}`);
    const yes = await this.confirm(t('publish.title'), t('publish.text'), t('publish.yes'));
    if (!yes) return;
    const r = await this.store.publish(plan.id, plan.version);
    if (!r.ok) return this.fail(r.problem);
    this.say('notice.published');
    this.store.reload();
  }

  // ── the outline ─────────────────────────────────────────────────────────────────────────────
  protected async add(kind: NodeKind, parent: { id: string; code?: string }, siblings: MapNodeDto[]): Promise<void> {
    const prefix = { issue: 'I', goal: 'G', strategy: 'S' }[kind];
    await this.nodeDialog({
      kind,
      parentId: parent.id,
      suggestedCode: nextCode(prefix, parent.code ?? null, siblings),
    });
  }

  protected async edit(kind: NodeKind, node: MapNodeDto | GoalDto): Promise<void> {
    await this.nodeDialog({ kind, parentId: '', node, suggestedCode: node.code });
  }

  protected async retire(kind: NodeKind, node: MapNodeDto, retired: boolean): Promise<void> {
    const r = await this.store.updateNode(kind, node.id, node.version, { retired });
    if (!r.ok) return this.fail(r.problem);
    this.say(retired ? 'notice.retired' : 'notice.restored', { code: node.code });
    this.store.map.reload();
  }

  /** Up or down one place (the keyboard's way to reorder; dragging is the pointer's). */
  protected async move(kind: NodeKind, siblings: MapNodeDto[], index: number, by: -1 | 1): Promise<void> {
    const to = index + by;
    if (to < 0 || to >= siblings.length) return;
    await this.reorder(kind, siblings, index, to);
  }

  protected async dropped<T>(kind: NodeKind, siblings: MapNodeDto[], e: CdkDragDrop<T>): Promise<void> {
    if (e.previousIndex !== e.currentIndex) await this.reorder(kind, siblings, e.previousIndex, e.currentIndex);
  }

  private async reorder(kind: NodeKind, siblings: MapNodeDto[], from: number, to: number): Promise<void> {
    const ordered = [...siblings];
    moveItemInArray(ordered, from, to);
    const r = await this.store.reorder(kind, ordered);
    this.store.map.reload();
    if (!r.ok) return this.fail(r.problem);
    this.say('notice.moved', { code: siblings[from].code });
  }

  // ── cause → effect arrows ───────────────────────────────────────────────────────────────────
  protected effectsOf(goalId: string): GoalDto[] {
    const byId = this.goalById();
    return (this.map()?.links ?? [])
      .filter((l) => l.causeGoalId === goalId)
      .map((l) => byId.get(l.effectGoalId))
      .filter((g): g is GoalDto => g !== undefined);
  }

  /** The map editor: the first goal clicked is the cause, the second its effect. */
  protected picked(n: MapGraphNode): void {
    const cause = this.cause();
    if (!cause) {
      this.cause.set(n.id);
      this.say('map.pickedCause', { code: n.code });
    } else if (cause === n.id) {
      this.cause.set(null);
      this.notice.set(null);
    } else {
      this.cause.set(null);
      void this.link(cause, n.id);
    }
  }

  protected async link(causeGoalId: string, effectGoalId: string): Promise<void> {
    const r = await this.store.link(causeGoalId, effectGoalId);
    if (!r.ok) return this.fail(r.problem);
    const byId = this.goalById();
    this.say('notice.linked', { cause: byId.get(causeGoalId)?.code, effect: byId.get(effectGoalId)?.code });
    this.store.map.reload();
  }

  protected async unlink(causeGoalId: string, effectGoalId: string): Promise<void> {
    const byId = this.goalById();
    const codes = { cause: byId.get(causeGoalId)?.code ?? '', effect: byId.get(effectGoalId)?.code ?? '' };
    const t = (k: string, p?: object) => this.transloco.translate(`planBuilder.${k}`, p);
    const yes = await this.confirm(t('unlink.title'), t('unlink.text', codes), t('unlink.yes'));
    if (!yes) return;
    const r = await this.store.unlink(causeGoalId, effectGoalId);
    if (!r.ok) return this.fail(r.problem);
    this.say('notice.unlinked', codes);
    this.store.map.reload();
  }

  protected reload(): void {
    this.notice.set(null);
    this.store.reload();
  }

  protected linkChoices(goal: GoalDto): GoalDto[] {
    const taken = new Set(this.effectsOf(goal.id).map((g) => g.id));
    return this.goals().filter((g) => g.id !== goal.id && !taken.has(g.id));
  }

  private async nodeDialog(d: Omit<NodeDialogData, 'store' | 'clusterGoals' | 'lang'>): Promise<void> {
    const data: NodeDialogData = {
      ...d,
      store: this.store,
      clusterGoals: this.store.clusterGoals(),
      lang: this.lang(),
    };
    const r = await this.open<NodeDialog, NodeDialogData, NodeDialogResult>(NodeDialog, data);
    if (r === 'reload') return this.reload();
    if (r !== 'saved') return;
    this.say('notice.saved');
    this.store.map.reload();
  }

  private async open<C, D, R>(component: new (...a: never[]) => C, data: D): Promise<R | undefined> {
    const ref = this.dialog.open<C, D, R>(component as never, {
      data,
      width: '600px',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
    });
    return firstValueFrom(ref.afterClosed());
  }

  private async confirm(title: string, text: string, yes: string): Promise<boolean> {
    const no = this.transloco.translate('planBuilder.cancel');
    const r = await this.open<ConfirmDialog, object, boolean>(ConfirmDialog, { title, text, yes, no });
    return r === true;
  }

  private say(key: string, params?: object): void {
    this.notice.set({ text: this.transloco.translate(`planBuilder.${key}`, params), error: false });
  }

  /** A refusal outside a form: a stale version offers the reload, anything else says why. */
  private fail(p: ApiProblem): void {
    if (p.status === 409 && p.code === 'conflict.version') {
      this.notice.set({ text: this.transloco.translate('planBuilder.conflict'), error: true, conflict: true });
      return;
    }
    const detail = p.details.flatMap((d) => d.messages).join(' ');
    const text: string = detail || p.message || this.transloco.translate<string>('planBuilder.errors.failed');
    this.notice.set({ text, error: true });
  }
}

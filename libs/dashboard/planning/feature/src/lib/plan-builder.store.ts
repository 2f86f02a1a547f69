import { HttpClient, httpResource } from '@angular/common/http';
import { computed, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { RealtimeService } from '@provdash/dashboard/shared/realtime';
import { apiProblem, type Outcome } from '@provdash/dashboard/workspace/data-access';
import type { GoalDto, MapNodeDto, PlanSummaryDto, RoomName, StrategyMapDto } from '@provdash/shared/contracts';
import { firstValueFrom, Observable } from 'rxjs';

export type NodeKind = 'issue' | 'goal' | 'strategy';

export interface PlanBody {
  nameTh: string;
  nameEn: string;
  visionTh: string;
  visionEn: string;
  startFy: number;
  endFy: number;
}

export interface NodeBody {
  code?: string;
  nameTh?: string;
  nameEn?: string;
  seq?: number;
  retired?: boolean;
  nationalPillar?: number | null;
  contributesToGoalId?: string | null;
}

/** The row a node is edited through (PATCH) and the parent route a new one is added under (POST). */
const PATCH: Record<NodeKind, string> = { issue: 'issues', goal: 'goals', strategy: 'strategies' };
const UNDER: Record<NodeKind, (parentId: string) => string> = {
  issue: (planId) => `/api/plans/${planId}/issues`,
  goal: (issueId) => `/api/issues/${issueId}/goals`,
  strategy: (goalId) => `/api/goals/${goalId}/strategies`,
};

/**
 * The plan builder's state for one unit: its plans (drafts included for its own people), the chosen
 * plan's whole map (retired items included: the editor shows them struck through), the cluster
 * plan above it for upward links, and every write of the strategy routes. Each write answers an
 * Outcome; the caller reloads the map once its step is done. Provide it on the page.
 */
@Injectable()
export class PlanBuilderStore {
  private readonly http = inject(HttpClient);

  readonly unitCode = signal<string | undefined>(undefined);
  /** The cluster above the province, whose plan's goals a province goal may contribute to. */
  readonly clusterCode = signal<string | undefined>(undefined);
  readonly planId = signal<string | undefined>(undefined);

  readonly plans = httpResource<PlanSummaryDto[]>(() => {
    const code = this.unitCode();
    return code ? { url: '/api/plans', params: { unit: code } } : undefined;
  });
  readonly map = httpResource<StrategyMapDto>(() => {
    const id = this.planId();
    return id ? `/api/plans/${encodeURIComponent(id)}` : undefined;
  });
  private readonly clusterPlans = httpResource<PlanSummaryDto[]>(() => {
    const code = this.clusterCode();
    return code ? { url: '/api/plans', params: { unit: code } } : undefined;
  });
  /** The cluster's published plan that overlaps the chosen plan's years (else its newest). */
  private readonly clusterPlanId = computed(() => {
    const list = this.clusterPlans.hasValue() ? this.clusterPlans.value() : [];
    const mine = this.currentMap()?.plan;
    const overlapping = mine ? list.find((p) => p.startFy <= mine.endFy && p.endFy >= mine.startFy) : undefined;
    return (overlapping ?? list[0])?.id;
  });
  private readonly clusterMap = httpResource<StrategyMapDto>(() => {
    const id = this.clusterPlanId();
    return id ? `/api/plans/${encodeURIComponent(id)}` : undefined;
  });
  /** The cluster plan's live goals, for the "contributes to" choice. */
  readonly clusterGoals = computed<GoalDto[]>(() => {
    const m = this.clusterMap.hasValue() ? this.clusterMap.value() : undefined;
    return (m?.issues ?? []).filter((i) => !i.retired).flatMap((i) => i.goals.filter((g) => !g.retired));
  });

  /** The last map loaded: kept on screen while a reload runs, so the outline does not blink. */
  readonly currentMap = computed<StrategyMapDto | undefined>(() =>
    this.map.hasValue() ? this.map.value() : undefined,
  );
  readonly busy = signal(false);

  /** Resources whose reload() came while they loaded: reloaded once that load is done (see reload()). */
  private readonly reloadAfterLoad = new Set<{ reload(): boolean; isLoading: () => boolean }>();
  private readonly settle = effect(() => {
    for (const r of [this.map, this.plans]) {
      if (!r.isLoading() && this.reloadAfterLoad.delete(r)) untracked(() => r.reload());
    }
  });

  /**
   * Colleagues build the same plan (and the plan import writes it): any change to the unit's plan
   * definition, heard on its scope room, reloads the plans and the map. An open form keeps the
   * version it was opened with, so its save after someone else's gets 409 and the "changed by
   * someone else" message, never a silent overwrite.
   */
  readonly live = inject(RealtimeService).watch(
    (): RoomName | null => {
      const code = this.unitCode();
      if (!code) return null;
      return /^C\d/.test(code) ? `cluster:${code}` : `province:${code}`;
    },
    {
      'target.changed': (e) => {
        if (e.data.kind === 'definition' && e.data.orgUnitCode === this.unitCode()) this.reload();
      },
      refetch: () => this.reload(),
    },
  );

  /**
   * Reloads the plans and the map. A resource's reload() is dropped while it is loading, and that
   * load may have left before the write it must show (a socket's refetch racing a publish kept
   * "draft" on screen): such a resource reloads again once its load is done, as LiveOverlay does.
   */
  reload(): void {
    for (const r of [this.map, this.plans]) if (!r.reload() && untracked(r.isLoading)) this.reloadAfterLoad.add(r);
  }

  createPlan(body: PlanBody): Promise<Outcome<PlanSummaryDto>> {
    return this.write(this.http.post<PlanSummaryDto>('/api/plans', { orgUnitCode: this.unitCode(), ...body }));
  }

  updatePlan(id: string, version: number, body: Partial<PlanBody>): Promise<Outcome<PlanSummaryDto>> {
    return this.write(this.http.patch<PlanSummaryDto>(`/api/plans/${id}`, { version, ...body }));
  }

  publish(id: string, version: number): Promise<Outcome<PlanSummaryDto>> {
    return this.write(this.http.post<PlanSummaryDto>(`/api/plans/${id}/publish`, { version }));
  }

  addNode(kind: NodeKind, parentId: string, body: NodeBody): Promise<Outcome<MapNodeDto>> {
    return this.write(this.http.post<MapNodeDto>(UNDER[kind](parentId), body));
  }

  updateNode(kind: NodeKind, id: string, version: number, body: NodeBody): Promise<Outcome<MapNodeDto>> {
    return this.write(this.http.patch<MapNodeDto>(`/api/${PATCH[kind]}/${id}`, { version, ...body }));
  }

  link(causeGoalId: string, effectGoalId: string): Promise<Outcome<unknown>> {
    return this.write(this.http.post(`/api/goals/${causeGoalId}/links`, { effectGoalId }));
  }

  unlink(causeGoalId: string, effectGoalId: string): Promise<Outcome<unknown>> {
    return this.write(this.http.delete(`/api/goals/${causeGoalId}/links/${effectGoalId}`));
  }

  /**
   * Puts siblings in the given order: each one whose place changed is saved with its new `seq`
   * (and the version it was read at, so a stale order is refused, never silently applied).
   */
  async reorder(kind: NodeKind, ordered: MapNodeDto[]): Promise<Outcome<unknown>> {
    for (const [i, n] of ordered.entries()) {
      if (n.seq === i + 1) continue;
      const r = await this.updateNode(kind, n.id, n.version, { seq: i + 1 });
      if (!r.ok) return r;
    }
    return { ok: true, value: null };
  }

  private async write<T>(call: Observable<T>): Promise<Outcome<T>> {
    this.busy.set(true);
    try {
      return { ok: true, value: await firstValueFrom(call) };
    } catch (e) {
      return { ok: false, problem: apiProblem(e) };
    } finally {
      this.busy.set(false);
    }
  }
}

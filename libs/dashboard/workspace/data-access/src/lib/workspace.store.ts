import { HttpClient, httpResource } from '@angular/common/http';
import { computed, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { RealtimeService } from '@provdash/dashboard/shared/realtime';
import type {
  KpiResultDto,
  ProjectProgressDto,
  SaveKpiResultDto,
  WorkspaceDto,
  WorkspaceQueueItemDto,
} from '@provdash/shared/contracts';
import { firstValueFrom, Observable } from 'rxjs';
import { ApiProblem, apiProblem } from './api-problem';
import { kpiWorkItems, projectWorkItems, WorkFilter } from './work-items';

export interface WorkspaceTarget {
  code: string;
  fiscalYear: number;
}

/** A write's answer: the saved row, or why the API refused it. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: ApiProblem };

export interface SaveProgressBody {
  percent: number;
  milestoneNote?: string;
  version?: number;
}

export const workspaceUrl = (code: string) => `/api/workspace/${encodeURIComponent(code)}`;
const resultUrl = (kpiId: string, period: string) =>
  `/api/kpis/${encodeURIComponent(kpiId)}/results/${encodeURIComponent(period)}`;
const progressUrl = (projectId: string, period: string) =>
  `/api/projects/${encodeURIComponent(projectId)}/progress/${encodeURIComponent(period)}`;

/**
 * The strategy office's desk for one province and year (GET /api/workspace/:code): what is due,
 * late and waiting for approval, and the writes that move entries along (the KPI results and
 * project progress routes). Every write reloads the desk, and so does any change another person
 * makes in the province's workspace room. Provide it on the page.
 */
/** The key of an entry's save or submission while it is under way (`WorkspaceStore.pending`). */
export const pendingKey = (step: 'save' | 'submit' | 'reopen', id: string, period: string): string => `${step}:${id}:${period}`;

@Injectable()
export class WorkspaceStore {
  private readonly http = inject(HttpClient);
  private readonly realtime = inject(RealtimeService);

  readonly target = signal<WorkspaceTarget | undefined>(undefined);
  readonly filter = signal<WorkFilter>('todo');

  readonly desk = httpResource<WorkspaceDto>(() => {
    const t = this.target();
    return t ? { url: workspaceUrl(t.code), params: { fiscalYear: String(t.fiscalYear) } } : undefined;
  });

  /** The last desk loaded: kept on screen while a reload runs, so lists do not blink. */
  readonly data = computed<WorkspaceDto | undefined>(() => (this.desk.hasValue() ? this.desk.value() : undefined));
  readonly kpiItems = computed(() => {
    const d = this.data();
    return d ? kpiWorkItems(d, this.filter()) : [];
  });
  readonly projectItems = computed(() => {
    const d = this.data();
    return d ? projectWorkItems(d, this.filter()) : [];
  });
  readonly queue = computed<WorkspaceQueueItemDto[]>(() => this.data()?.queue ?? []);
  readonly people = computed(() => new Map((this.data()?.people ?? []).map((p) => [p.id, p.displayName])));
  readonly can = computed(() => this.data()?.can ?? { write: false, approve: false });

  /** The write under way (`approve:<entry id>`, `save:<kpi id>:<period>`…), for the button that started it. */
  readonly pending = signal<string | null>(null);

  /** A change came while the desk was loading: that load may have read the desk before it. */
  private reloadWanted = false;

  constructor() {
    // A resource refuses a reload while it loads, so a write landing mid-load reloads after it.
    effect(() => {
      if (this.desk.isLoading() || !this.reloadWanted) return;
      this.reloadWanted = false;
      untracked(() => this.desk.reload());
    });
    const reload = () => this.reload();
    // The desk changes as colleagues enter, submit and approve: follow the province's workspace room.
    this.realtime.watch(
      () => {
        const t = this.target();
        return t ? `workspace:${t.code}` : null;
      },
      {
        'kpi-result.changed': reload,
        'kpi-results.imported': reload,
        'project-progress.changed': reload,
        refetch: reload,
      },
    );
  }

  /** Who a user id is, for "submitted by" lines; null when the desk does not know them. */
  personName(id: string | null | undefined): string | null {
    return id ? (this.people().get(id) ?? null) : null;
  }

  saveKpiResult(kpiId: string, period: string, body: SaveKpiResultDto): Promise<Outcome<KpiResultDto>> {
    return this.write(pendingKey('save', kpiId, period), this.http.put<KpiResultDto>(resultUrl(kpiId, period), body));
  }

  submitKpiResult(kpiId: string, period: string, version: number): Promise<Outcome<KpiResultDto>> {
    return this.write(
      pendingKey('submit', kpiId, period),
      this.http.post<KpiResultDto>(`${resultUrl(kpiId, period)}/submit`, { version }),
    );
  }

  saveProgress(projectId: string, period: string, body: SaveProgressBody): Promise<Outcome<ProjectProgressDto>> {
    return this.write(
      pendingKey('save', projectId, period),
      this.http.put<ProjectProgressDto>(progressUrl(projectId, period), body),
    );
  }

  submitProgress(projectId: string, period: string, version: number): Promise<Outcome<ProjectProgressDto>> {
    return this.write(
      pendingKey('submit', projectId, period),
      this.http.post<ProjectProgressDto>(`${progressUrl(projectId, period)}/submit`, { version }),
    );
  }

  /** Approves a queued submission; the API refuses one's own (403 `access.selfApproval`). */
  approve(item: WorkspaceQueueItemDto): Promise<Outcome<unknown>> {
    return this.write(
      `approve:${item.id}`,
      this.http.post(`${this.queueUrl(item)}/approve`, { version: item.version }),
    );
  }

  /** Sends a queued submission back to the office with the reason (required by the API). */
  returnItem(item: WorkspaceQueueItemDto, reason: string): Promise<Outcome<unknown>> {
    return this.write(
      `return:${item.id}`,
      this.http.post(`${this.queueUrl(item)}/return`, { version: item.version, reason }),
    );
  }

  /**
   * Reopens an approved KPI result with the reason (required): it goes back to the office as
   * returned, leaves the shared and public screens, and the audit trail keeps who and why.
   */
  reopenKpiResult(kpiId: string, period: string, version: number, reason: string): Promise<Outcome<KpiResultDto>> {
    return this.write(
      pendingKey('reopen', kpiId, period),
      this.http.post<KpiResultDto>(`${resultUrl(kpiId, period)}/reopen`, { version, reason }),
    );
  }

  /** A KPI's results of one year as the API lists them, drafts included for the province's people. */
  kpiHistory(kpiId: string, fiscalYear: number): Promise<KpiResultDto[]> {
    return firstValueFrom(
      this.http.get<KpiResultDto[]>(`/api/kpis/${encodeURIComponent(kpiId)}/results`, {
        params: { fiscalYear: String(fiscalYear) },
      }),
    );
  }

  progressHistory(projectId: string): Promise<ProjectProgressDto[]> {
    return firstValueFrom(
      this.http.get<ProjectProgressDto[]>(`/api/projects/${encodeURIComponent(projectId)}/progress`),
    );
  }

  /** Loads the desk again, now or, if a load is under way, right after it. */
  reload(): void {
    if (this.desk.reload() || !this.target()) return;
    this.reloadWanted = true;
  }

  private queueUrl(item: WorkspaceQueueItemDto): string {
    return item.kind === 'kpi-result' ? resultUrl(item.parentId, item.period) : progressUrl(item.parentId, item.period);
  }

  private async write<T>(key: string, call: Observable<T>): Promise<Outcome<T>> {
    this.pending.set(key);
    try {
      const value = await firstValueFrom(call);
      this.reload();
      return { ok: true, value };
    } catch (error) {
      const problem = apiProblem(error);
      // Someone else moved the entry meanwhile: show the desk as it now stands.
      if (problem.status === 409) this.reload();
      return { ok: false, problem };
    } finally {
      this.pending.set(null);
    }
  }
}

import type {
  EntryStatusName,
  WorkspaceDto,
  WorkspaceEntryBase,
  WorkspaceKpiDto,
  WorkspaceKpiEntryDto,
  WorkspaceProgressEntryDto,
  WorkspaceProjectDto,
} from '@provdash/shared/contracts';

/** One period of one KPI or project: a line of the office's to-do list. */
export type WorkItem =
  | { kind: 'kpi'; key: string; kpi: WorkspaceKpiDto; entry: WorkspaceKpiEntryDto }
  | { kind: 'project'; key: string; project: WorkspaceProjectDto; entry: WorkspaceProgressEntryDto };

export type KpiWorkItem = Extract<WorkItem, { kind: 'kpi' }>;
export type ProjectWorkItem = Extract<WorkItem, { kind: 'project' }>;

/** `todo`: what the office must act on; `all`: every expected period, approved ones included. */
export type WorkFilter = 'todo' | 'all';

/** Nothing entered, a draft, or returned: the entry is the office's to move, not the approver's. */
export function withOffice(status: EntryStatusName): boolean {
  return status === 'missing' || status === 'draft' || status === 'returned';
}

/**
 * Late and due periods still with the office, and drafts or returns of the running one. A running
 * period with nothing entered is not asked for yet: its month has not ended.
 */
export function needsAction(entry: WorkspaceEntryBase): boolean {
  if (!withOffice(entry.status)) return false;
  return entry.timing !== 'running' || entry.status !== 'missing';
}

/** Late first, then this round's due periods, then returned and drafts, then the rest. */
export function urgency(entry: WorkspaceEntryBase): number {
  if (entry.late) return 0;
  if (entry.timing === 'due' && withOffice(entry.status)) return 1;
  if (entry.status === 'returned') return 2;
  if (entry.status === 'draft') return 3;
  return 4;
}

function pick<T extends WorkItem>(items: T[], filter: WorkFilter): T[] {
  if (filter === 'all') return items;
  // Sorting is stable: within one urgency the strategy-map order and the period order stay.
  return items.filter((i) => needsAction(i.entry)).sort((a, b) => urgency(a.entry) - urgency(b.entry));
}

export function kpiWorkItems(desk: WorkspaceDto, filter: WorkFilter): KpiWorkItem[] {
  const items = desk.kpis.flatMap((kpi) =>
    kpi.entries.map((entry): KpiWorkItem => ({ kind: 'kpi', key: `k:${kpi.kpiId}:${entry.period}`, kpi, entry })),
  );
  return pick(items, filter);
}

export function projectWorkItems(desk: WorkspaceDto, filter: WorkFilter): ProjectWorkItem[] {
  const items = desk.projects.flatMap((project) =>
    project.entries.map(
      (entry): ProjectWorkItem => ({ kind: 'project', key: `p:${project.projectId}:${entry.period}`, project, entry }),
    ),
  );
  return pick(items, filter);
}

/** May the office edit this entry now? Approved ones are locked; submitted ones are with the approver. */
export function isEditable(entry: WorkspaceEntryBase): boolean {
  return withOffice(entry.status);
}

/** May it be sent for approval as it stands? Only something entered and not yet sent. */
export function isSubmittable(entry: WorkspaceEntryBase): boolean {
  return entry.status === 'draft' || entry.status === 'returned';
}

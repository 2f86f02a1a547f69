import type { ScorecardDto, ScorecardKpiDto, StatusSummaryDto, StrategyMapDto } from '@provdash/shared/contracts';
import { KPI_STATUSES } from '@provdash/shared/domain';

export { KPI_STATUSES };

export interface GoalGroup {
  code: string;
  nameTh: string;
  nameEn: string;
  summary: StatusSummaryDto | null;
  kpis: ScorecardKpiDto[];
}

export interface IssueGroup {
  code: string;
  nameTh: string;
  nameEn: string;
  summary: StatusSummaryDto | null;
  goals: GoalGroup[];
}

/**
 * The scorecard's KPIs grouped by strategic issue, then goal, in the plan's order. Names come from
 * the strategy map; without it (still loading, or a KPI outside the map) the codes stand in.
 */
export function groupScorecard(scorecard: ScorecardDto, map?: StrategyMapDto | null): IssueGroup[] {
  const issueSummary = new Map(scorecard.rollup.issues.map((i) => [i.code, i.summary]));
  const goalSummary = new Map(scorecard.rollup.goals.map((g) => [g.code, g.summary]));
  const issues = new Map<string, IssueGroup>();
  const goals = new Map<string, GoalGroup>();
  const issueGroup = (code: string, nameTh = code, nameEn = code): IssueGroup => {
    let group = issues.get(code);
    if (!group) {
      group = { code, nameTh, nameEn, summary: issueSummary.get(code) ?? null, goals: [] };
      issues.set(code, group);
    }
    return group;
  };
  const goalGroup = (issue: IssueGroup, code: string, nameTh = code, nameEn = code): GoalGroup => {
    let group = goals.get(code);
    if (!group) {
      group = { code, nameTh, nameEn, summary: goalSummary.get(code) ?? null, kpis: [] };
      goals.set(code, group);
      issue.goals.push(group);
    }
    return group;
  };

  for (const issue of [...(map?.issues ?? [])].filter((i) => !i.retired).sort((a, b) => a.seq - b.seq)) {
    const group = issueGroup(issue.code, issue.nameTh, issue.nameEn);
    for (const goal of [...issue.goals].filter((g) => !g.retired).sort((a, b) => a.seq - b.seq)) {
      goalGroup(group, goal.code, goal.nameTh, goal.nameEn);
    }
  }
  for (const kpi of scorecard.kpis) {
    goalGroup(issueGroup(kpi.issueCode), kpi.goalCode).kpis.push(kpi);
  }
  // Goals with nothing to show on this scorecard (no KPI this year) would be empty cards.
  return [...issues.values()]
    .map((issue) => ({ ...issue, goals: issue.goals.filter((g) => g.kpis.length > 0) }))
    .filter((issue) => issue.goals.length > 0);
}

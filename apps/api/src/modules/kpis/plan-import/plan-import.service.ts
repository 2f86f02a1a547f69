import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  effectiveHardLimits,
  MAX_FISCAL_YEAR,
  MIN_FISCAL_YEAR,
  periodsOfYear,
  validHardLimits,
  type Frequency,
} from '@provdash/shared/domain';
import type { PlanImportCountsDto, PlanImportReportDto } from '@provdash/shared/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { ApiError, notFound } from '../../../common/api-error';
import { DomainEventBus } from '../../../common/domain-events/domain-event-bus';
import { Lang, message, MessageKey } from '../../../common/messages';
import { Cell, DataTable, SheetRow } from '../../../common/spreadsheet-import/sheet-definition';
import { readTable } from '../../../common/spreadsheet-import/spreadsheet-reader';
import { ImportRejected } from '../../../common/spreadsheet-import/spreadsheet-upload';
import { OrgUnit } from '../../org-units/org-unit.entity';
import { GoalLink } from '../../strategy/goal-link.entity';
import { Goal } from '../../strategy/goal.entity';
import { Plan } from '../../strategy/plan.entity';
import { StrategicIssue } from '../../strategy/strategic-issue.entity';
import { Strategy } from '../../strategy/strategy.entity';
import type { ImportErrorDto } from '../import/dto/results-import.dto';
import { KpiTarget } from '../kpi-target.entity';
import { Kpi } from '../kpi.entity';
import {
  DIRECTION_WORDS,
  FREQUENCY_WORDS,
  PLAN_COLUMNS,
  PLAN_SHEET,
  PlanColumn,
  planColumnLabel,
  ROLLUP_WORDS,
} from './plan-sheet';

const CODE = /^[A-Za-z0-9.\-_]{1,16}$/;
const KPI_CODE = /^[A-Za-z0-9.\-_]{1,32}$/;

/** One row of the file, checked: everything the write needs, nothing looked up again. */
interface PlanRow {
  row: number;
  issueCode: string;
  issueName: string;
  issueNameEn: string;
  goalCode: string;
  goalName: string;
  goalNameEn: string;
  nationalPillar: number | null;
  /** The cluster goal this goal contributes to (resolved), or null: a blank cell keeps what is stored. */
  clusterGoalId: string | null;
  /** Cause → effect arrows from this row's goal, as goal keys `${issueCode}|${goalCode}`. */
  leadsTo: string[];
  strategy: { code: string; nameTh: string; nameEn: string } | null;
  /** Null on a row that only names a strategy, arrows or the cluster goal of its goal. */
  kpi: KpiPart | null;
  target: string | null;
  trajectory: { period: string; target: string }[];
}

interface KpiPart {
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  direction: Kpi['direction'];
  bandMin: string | null;
  bandMax: string | null;
  frequency: Frequency;
  rollup: Kpi['rollup'];
  numeratorTh: string;
  denominatorTh: string;
  baselineValue: string | null;
  baselineFy: number | null;
  hardMin: string | null;
  hardMax: string | null;
  ownerAgencyTh: string;
  dataSource: string;
}

export type PlanImportCounts = PlanImportCountsDto;
export type PlanImportReport = PlanImportReportDto;

const zero = (): PlanImportCounts => ({ issues: 0, goals: 0, kpis: 0, targets: 0, strategies: 0, links: 0 });

/**
 * The plan import (issue 18.2, docs/plan-import.md): a province's (or cluster's) strategic issues,
 * goals, KPIs and one fiscal year's targets and trajectories from the sheet offices keep, matched
 * by codes so a second import updates in place and the same file twice changes nothing. All or
 * nothing: every row and column is checked first with the rules of the KPI form; a file with one
 * error writes nothing and answers 422 with every error. Rows are saved through the entities, so
 * the audit subscriber records each change as a form save would.
 */
@Injectable()
export class PlanImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  async import(
    code: string,
    fiscalYear: number,
    file: Buffer | undefined,
    dryRun: boolean,
    lang: Lang,
    pasted = false,
  ) {
    if (!file) throw new ApiError(HttpStatus.BAD_REQUEST, 'import.fileRequired');
    const table = pasted ? await readPasted(file) : await readTable(file, PLAN_SHEET);
    return this.dataSource.transaction(async (m) => {
      const unit = await m.findOne(OrgUnit, { where: { code } });
      if (!unit || (unit.type !== 'province' && unit.type !== 'cluster')) throw notFound('notFound.unit');
      const plan = await m
        .createQueryBuilder(Plan, 'p')
        .where('p.org_unit_id = :unit', { unit: unit.id })
        .andWhere('p.start_fy <= :fy AND p.end_fy >= :fy', { fy: fiscalYear })
        .orderBy('p.start_fy', 'DESC')
        .getOne();
      // A plan's span is the plan builder's; the import fills a plan, it never starts one.
      if (!plan) throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'planImport.noPlan');

      const state = await loadState(m, unit, plan, fiscalYear);
      const { rows, errors, count } = check(table, state, fiscalYear, lang);
      const report: PlanImportReport = {
        dryRun,
        fiscalYear,
        planId: plan.id,
        rows: count,
        accepted: 0,
        skipped: 0,
        created: zero(),
        updated: zero(),
        errors,
      };
      if (errors.length) throw new ImportRejected({ dryRun, rows: count, accepted: 0, skipped: 0, errors });
      await this.apply(m, unit, plan, state, rows, fiscalYear, report, dryRun);
      return report;
    });
  }

  /**
   * Compares each row with what is stored and, unless a dry run, writes only the differences: an
   * unchanged row saves nothing, so its versions and the audit trail stay as they were.
   */
  private async apply(
    m: EntityManager,
    unit: OrgUnit,
    plan: Plan,
    state: PlanState,
    rows: PlanRow[],
    fiscalYear: number,
    report: PlanImportReport,
    dryRun: boolean,
  ): Promise<void> {
    let issueSeq = Math.max(0, ...[...state.issues.values()].map((i) => i.seq));
    const goalSeq = new Map<string, number>();
    const changedRows = new Set<number>();
    for (const r of rows) {
      let changed = false;
      // The issue
      let issue = state.issues.get(r.issueCode);
      if (!issue) {
        issue = m.create(StrategicIssue, {
          planId: plan.id,
          code: r.issueCode,
          seq: ++issueSeq,
          nameTh: r.issueName,
          nameEn: r.issueNameEn,
          retiredAt: null,
        });
        if (!dryRun) await m.save(issue);
        else issue.id = `new-issue-${r.issueCode}`;
        state.issues.set(r.issueCode, issue);
        report.created.issues++;
        changed = true;
      } else if ((r.issueName && issue.nameTh !== r.issueName) || (r.issueNameEn && issue.nameEn !== r.issueNameEn)) {
        if (r.issueName) issue.nameTh = r.issueName;
        if (r.issueNameEn) issue.nameEn = r.issueNameEn;
        if (!dryRun) await m.save(issue);
        report.updated.issues++;
        changed = true;
      }
      // The goal
      const goalKey = `${r.issueCode}|${r.goalCode}`;
      let goal = state.goals.get(goalKey);
      if (!goal) {
        const seq = (goalSeq.get(r.issueCode) ?? state.goalSeqs.get(issue.id) ?? 0) + 1;
        goalSeq.set(r.issueCode, seq);
        goal = m.create(Goal, {
          issueId: issue.id,
          code: r.goalCode,
          seq,
          nameTh: r.goalName,
          nameEn: r.goalNameEn,
          nationalPillar: r.nationalPillar,
          contributesToGoalId: r.clusterGoalId,
          retiredAt: null,
        });
        if (!dryRun) await m.save(goal);
        else goal.id = `new-goal-${goalKey}`;
        state.goals.set(goalKey, goal);
        report.created.goals++;
        changed = true;
      } else if (
        (r.goalName && goal.nameTh !== r.goalName) ||
        (r.goalNameEn && goal.nameEn !== r.goalNameEn) ||
        (r.nationalPillar !== null && goal.nationalPillar !== r.nationalPillar) ||
        (r.clusterGoalId !== null && goal.contributesToGoalId !== r.clusterGoalId)
      ) {
        if (r.goalName) goal.nameTh = r.goalName;
        if (r.goalNameEn) goal.nameEn = r.goalNameEn;
        if (r.nationalPillar !== null) goal.nationalPillar = r.nationalPillar;
        if (r.clusterGoalId !== null) goal.contributesToGoalId = r.clusterGoalId;
        if (!dryRun) await m.save(goal);
        report.updated.goals++;
        changed = true;
      }
      // The strategy the row names under its goal
      if (r.strategy) {
        const key = `${goalKey}|${r.strategy.code}`;
        const stored = state.strategies.get(key);
        if (!stored) {
          const seq = (state.strategySeqs.get(goalKey) ?? 0) + 1;
          state.strategySeqs.set(goalKey, seq);
          const created = m.create(Strategy, { goalId: goal.id, seq, ...r.strategy, retiredAt: null });
          if (!dryRun) await m.save(created);
          state.strategies.set(key, created);
          report.created.strategies++;
          changed = true;
        } else if (
          (r.strategy.nameTh && stored.nameTh !== r.strategy.nameTh) ||
          (r.strategy.nameEn && stored.nameEn !== r.strategy.nameEn)
        ) {
          if (r.strategy.nameTh) stored.nameTh = r.strategy.nameTh;
          if (r.strategy.nameEn) stored.nameEn = r.strategy.nameEn;
          if (!dryRun) await m.save(stored);
          report.updated.strategies++;
          changed = true;
        }
      }
      if (r.kpi && (await this.applyKpi(m, unit, state, r, r.kpi, goal, fiscalYear, report, dryRun))) changed = true;
      if (changed) changedRows.add(r.row);
    }
    // Arrows last: their effect goal may be created on a later row.
    for (const r of rows) {
      const cause = state.goals.get(`${r.issueCode}|${r.goalCode}`);
      for (const effectKey of r.leadsTo) {
        const effect = state.goals.get(effectKey);
        if (!cause || !effect || state.links.has(`${cause.id}>${effect.id}`)) continue;
        if (!dryRun) await m.save(m.create(GoalLink, { causeGoalId: cause.id, effectGoalId: effect.id }));
        state.links.add(`${cause.id}>${effect.id}`);
        report.created.links++;
        changedRows.add(r.row);
      }
    }
    report.accepted = changedRows.size;
    report.skipped = rows.length - changedRows.size;
  }

  /** The row's KPI and its year's target; true when anything differs from what is stored. */
  private async applyKpi(
    m: EntityManager,
    unit: OrgUnit,
    state: PlanState,
    r: PlanRow,
    part: KpiPart,
    goal: Goal,
    fiscalYear: number,
    report: PlanImportReport,
    dryRun: boolean,
  ): Promise<boolean> {
    let changed = false;
    let kpi = state.kpis.get(part.code.toUpperCase());
    if (!kpi) {
      kpi = m.create(Kpi, {
        ...part,
        goalId: goal.id,
        orgUnitId: unit.id,
        ratioMultiplier: part.rollup === 'ratio' ? '100' : null,
        aggregation: 'none',
        ownerAgencyEn: '',
        definitionTh: '',
        plausibleMin: null,
        plausibleMax: null,
        ownerUserId: null,
        retiredAt: null,
      });
      if (!dryRun) await m.save(kpi);
      state.kpis.set(part.code.toUpperCase(), kpi);
      report.created.kpis++;
      changed = true;
    } else {
      const diff = (Object.keys(part) as (keyof KpiPart)[]).filter(
        (k) => k !== 'code' && !same(kpi?.[k] ?? null, part[k]),
      );
      if (diff.length) {
        for (const k of diff) (kpi as unknown as Record<string, unknown>)[k] = part[k];
        if (!dryRun) await m.save(kpi);
        report.updated.kpis++;
        changed = true;
      }
    }
    // The year's target and trajectory (a blank target leaves what is stored alone)
    if (r.target !== null) {
      const stored = kpi.id ? (state.targets.get(kpi.id) ?? []) : [];
      const yearKey = String(fiscalYear);
      const want = new Map([[yearKey, r.target], ...r.trajectory.map((p) => [p.period, p.target] as [string, string])]);
      const gone = stored.filter((t) => !want.has(t.period));
      const put = [...want].filter(([period, target]) => {
        const s = stored.find((t) => t.period === period);
        return !s || !same(s.target, target);
      });
      if (gone.length || put.length) {
        if (stored.length) report.updated.targets++;
        else report.created.targets++;
        changed = true;
        if (!dryRun) {
          if (gone.length) await m.remove(gone);
          for (const [period, target] of put) {
            const row =
              stored.find((t) => t.period === period) ?? m.create(KpiTarget, { kpiId: kpi.id, fiscalYear, period });
            row.target = target;
            await m.save(row);
          }
          await this.events.publish(m, 'kpiTarget.set', { unit, kpiId: kpi.id, fiscalYear, target: r.target });
        }
      }
    }
    return changed;
  }
}

/**
 * Rows pasted from the template's sheet (Excel copies tab-separated text): with their header rows
 * they are a CSV like any other; without, the template's columns in its order are assumed, and the
 * row numbers are the lines of the pasted text. Either way the same reader and the same checks.
 */
async function readPasted(file: Buffer): Promise<DataTable<PlanColumn>> {
  try {
    return await readTable(file, PLAN_SHEET);
  } catch (e) {
    if (!(e instanceof ApiError) || e.key !== PLAN_SHEET.noHeaderKey) throw e;
  }
  // The same line ending as the pasted text: the CSV reader takes the first line's for every record.
  const eol = file.includes('\r\n') ? '\r\n' : '\n';
  const header = Buffer.from(PLAN_COLUMNS.map((c) => c.en).join('\t') + eol, 'utf8');
  const table = await readTable(Buffer.concat([header, file]), PLAN_SHEET);
  return { ...table, rows: table.rows.map((r) => ({ ...r, row: r.row - 1 })) };
}

interface PlanState {
  issues: Map<string, StrategicIssue>;
  /** By `${issueCode}|${goalCode}`. */
  goals: Map<string, Goal>;
  goalSeqs: Map<string, number>;
  /** Every KPI of the unit by upper-case code (codes are unique in a province, across its plans). */
  kpis: Map<string, Kpi>;
  /** Goal codes of the unit's KPIs, to tell a KPI moved to another goal. */
  kpiGoal: Map<string, string>;
  targets: Map<string, KpiTarget[]>;
  /** By `${issueCode}|${goalCode}|${strategyCode}`. */
  strategies: Map<string, Strategy>;
  strategySeqs: Map<string, number>;
  /** Stored arrows as `${causeGoalId}>${effectGoalId}`. */
  links: Set<string>;
  /** Goals of the plan of the province's cluster covering the year, by code (none for a cluster). */
  clusterGoals: Map<string, string>;
}

async function loadState(m: EntityManager, unit: OrgUnit, plan: Plan, fiscalYear: number): Promise<PlanState> {
  const issues = await m.find(StrategicIssue, { where: { planId: plan.id } });
  const goals = issues.length ? await m.find(Goal, { where: { issueId: In(issues.map((i) => i.id)) } }) : [];
  const codeOfIssue = new Map(issues.map((i) => [i.id, i.code]));
  const kpis = await m.find(Kpi, { where: { orgUnitId: unit.id } });
  const goalKeyOf: Map<string, string> = new Map(
    (
      await m.query(
        `SELECT g.id, i.code || '|' || g.code AS key FROM goal g JOIN strategic_issue i ON i.id = g.issue_id
          JOIN plan p ON p.id = i.plan_id WHERE p.org_unit_id = $1`,
        [unit.id],
      )
    ).map((r: { id: string; key: string }) => [r.id, r.key]),
  );
  const targets = kpis.length
    ? await m.find(KpiTarget, { where: { kpiId: In(kpis.map((k) => k.id)), fiscalYear } })
    : [];
  const goalSeqs = new Map<string, number>();
  for (const g of goals) goalSeqs.set(g.issueId, Math.max(goalSeqs.get(g.issueId) ?? 0, g.seq));
  const byKpi = new Map<string, KpiTarget[]>();
  for (const t of targets) byKpi.set(t.kpiId, [...(byKpi.get(t.kpiId) ?? []), t]);
  const goalKeyOfId = new Map(goals.map((g) => [g.id, `${codeOfIssue.get(g.issueId)}|${g.code}`]));
  const strategies = goals.length ? await m.find(Strategy, { where: { goalId: In(goals.map((g) => g.id)) } }) : [];
  const strategySeqs = new Map<string, number>();
  for (const st of strategies) {
    const key = goalKeyOfId.get(st.goalId) ?? '';
    strategySeqs.set(key, Math.max(strategySeqs.get(key) ?? 0, st.seq));
  }
  const links = goals.length ? await m.find(GoalLink, { where: { causeGoalId: In(goals.map((g) => g.id)) } }) : [];
  const clusterGoals: { id: string; code: string }[] =
    unit.type === 'province'
      ? await m.query(
          `SELECT g.id, g.code FROM goal g JOIN strategic_issue i ON i.id = g.issue_id JOIN plan p ON p.id = i.plan_id
             JOIN org_unit c ON c.id = p.org_unit_id
            WHERE c.type = 'cluster' AND $1 LIKE c.path || '/%' AND p.start_fy <= $2 AND p.end_fy >= $2
              AND g.retired_at IS NULL`,
          [unit.path, fiscalYear],
        )
      : [];
  return {
    strategies: new Map(strategies.map((st) => [`${goalKeyOfId.get(st.goalId)}|${st.code}`, st])),
    strategySeqs,
    links: new Set(links.map((l) => `${l.causeGoalId}>${l.effectGoalId}`)),
    clusterGoals: new Map(clusterGoals.map((g) => [g.code, g.id])),
    issues: new Map(issues.map((i) => [i.code, i])),
    goals: new Map(goals.map((g) => [`${codeOfIssue.get(g.issueId)}|${g.code}`, g])),
    goalSeqs,
    kpis: new Map(kpis.map((k) => [k.code.toUpperCase(), k])),
    kpiGoal: new Map(kpis.map((k) => [k.code.toUpperCase(), goalKeyOf.get(k.goalId) ?? ''])),
    targets: byKpi,
  };
}

/** The columns of a KPI: a row without a KPI code must leave them all blank. */
const KPI_COLUMNS: PlanColumn[] = [
  'kpiNameTh',
  'kpiNameEn',
  'unitTh',
  'unitEn',
  'direction',
  'bandMin',
  'bandMax',
  'frequency',
  'rollup',
  'numeratorTh',
  'denominatorTh',
  'baselineValue',
  'baselineFy',
  'hardMin',
  'hardMax',
  'ownerAgencyTh',
  'dataSource',
  'target',
  'trajectory',
];

/** Checks every row and column; the errors name the spreadsheet row and the column's header. */
function check(table: DataTable<PlanColumn>, state: PlanState, fiscalYear: number, lang: Lang) {
  const errors: ImportErrorDto[] = [];
  const rows: PlanRow[] = [];
  const cell = (r: SheetRow, key: PlanColumn): Cell => {
    const i = table.columns[key];
    return i === undefined ? null : (r.cells[i] ?? null);
  };
  const issueNames = new Map<string, string>();
  const goalIssue = new Map<string, string>();
  const clusterOfGoal = new Map<string, string>();
  /** Strategy code → `${goalKey}|${name}` first seen in the file. */
  const strategyOwner = new Map<string, string>();
  const storedStrategyGoal = new Map<string, string>();
  for (const key of state.strategies.keys()) {
    const at = key.lastIndexOf('|');
    storedStrategyGoal.set(key.slice(at + 1), key.slice(0, at));
  }
  const arrows: { row: number; cause: string; codes: string[]; planRow: PlanRow | null }[] = [];
  const seen = new Set<string>();
  const fileIssues = new Set<string>();
  const fileGoals = new Set<string>();
  let carry = { issueCode: '', issueName: '', issueNameEn: '', goalCode: '', goalName: '', goalNameEn: '' };
  let count = 0;

  for (const r of table.rows) {
    count++;
    const fail = (column: PlanColumn | null, key: MessageKey) =>
      errors.push({ row: r.row, column: column && planColumnLabel(column, lang), message: message(key, lang) });
    const s = (key: PlanColumn) => text(cell(r, key));
    const dec = (key: PlanColumn): string | null => {
      const v = decimalText(cell(r, key));
      if (v === undefined) return null;
      if (!DECIMAL.test(v)) {
        fail(key, 'import.notNumber');
        return null;
      }
      return v;
    };

    // A blank issue (or goal) cell is the one above it: offices merge these cells.
    const issueCode = s('issueCode') || carry.issueCode;
    const newIssue = s('issueCode') !== '' && s('issueCode') !== carry.issueCode;
    const issueName = s('issueName') || (newIssue ? '' : carry.issueName);
    const issueNameEn = s('issueNameEn') || (newIssue ? '' : carry.issueNameEn);
    const goalCode = s('goalCode') || (newIssue ? '' : carry.goalCode);
    const newGoal = s('goalCode') !== '' && s('goalCode') !== carry.goalCode;
    const goalName = s('goalName') || (newGoal || newIssue ? '' : carry.goalName);
    const goalNameEn = s('goalNameEn') || (newGoal || newIssue ? '' : carry.goalNameEn);
    carry = { issueCode, issueName, issueNameEn, goalCode, goalName, goalNameEn };
    const goalKey = `${issueCode}|${goalCode}`;

    if (!issueCode) fail('issueCode', 'planImport.codeRequired');
    else if (!CODE.test(issueCode)) fail('issueCode', 'planImport.codeInvalid');
    // A new issue is named on the first row that has it; later rows may leave the names blank.
    else if (!state.issues.has(issueCode) && !fileIssues.has(issueCode)) {
      if (!issueName) fail('issueName', 'planImport.nameRequired');
      if (!issueNameEn) fail('issueNameEn', 'planImport.nameEnRequired');
    }
    if (issueCode && issueName) {
      const before = issueNames.get(issueCode);
      if (before !== undefined && before !== issueName) fail('issueName', 'planImport.inconsistent');
      issueNames.set(issueCode, issueName);
    }
    if (!goalCode) fail('goalCode', 'planImport.codeRequired');
    else if (!CODE.test(goalCode)) fail('goalCode', 'planImport.codeInvalid');
    else if (!state.goals.has(goalKey) && !fileGoals.has(goalKey)) {
      if (!goalName) fail('goalName', 'planImport.nameRequired');
      if (!goalNameEn) fail('goalNameEn', 'planImport.nameEnRequired');
    }
    if (goalCode) {
      const other = goalIssue.get(goalCode);
      if (other !== undefined && other !== issueCode) fail('goalCode', 'planImport.inconsistent');
      goalIssue.set(goalCode, issueCode);
    }
    if (issueCode) fileIssues.add(issueCode);
    if (goalCode) fileGoals.add(goalKey);
    const pillarText = s('nationalPillar');
    const pillar = pillarText === '' ? null : Number(pillarText);
    if (pillar !== null && !(Number.isInteger(pillar) && pillar >= 1 && pillar <= 6))
      fail('nationalPillar', 'planImport.pillarInvalid');

    // Up to the cluster: a goal of the plan of the province's own cluster covering the year.
    const clusterCode = s('clusterGoal');
    let clusterGoalId: string | null = null;
    if (clusterCode) {
      clusterGoalId = state.clusterGoals.get(clusterCode) ?? null;
      if (!clusterGoalId) fail('clusterGoal', 'planImport.clusterGoalUnknown');
      const before = clusterOfGoal.get(goalKey);
      if (before !== undefined && before !== clusterCode) fail('clusterGoal', 'planImport.inconsistent');
      clusterOfGoal.set(goalKey, clusterCode);
    }

    // A strategy of the row's goal; a code names one strategy across the plan.
    const strategyCode = s('strategyCode');
    const strategyName = s('strategyName');
    const strategyNameEn = s('strategyNameEn');
    let strategy: PlanRow['strategy'] = null;
    if (strategyCode) {
      const storedGoal = storedStrategyGoal.get(strategyCode);
      const owner = strategyOwner.get(strategyCode);
      if (!CODE.test(strategyCode)) fail('strategyCode', 'planImport.codeInvalid');
      else if (
        (storedGoal !== undefined && storedGoal !== goalKey) ||
        (owner !== undefined && owner !== `${goalKey}|${strategyName}`)
      )
        fail('strategyCode', 'planImport.strategyDuplicate');
      else {
        if (storedGoal === undefined) {
          if (!strategyName) fail('strategyName', 'planImport.nameRequired');
          if (!strategyNameEn) fail('strategyNameEn', 'planImport.nameEnRequired');
        }
        strategy = { code: strategyCode, nameTh: strategyName, nameEn: strategyNameEn };
      }
      strategyOwner.set(strategyCode, `${goalKey}|${strategyName}`);
    } else if (strategyName || strategyNameEn) fail('strategyCode', 'planImport.codeRequired');
    for (const [key, v, max] of [
      ['issueName', issueName, 500],
      ['issueNameEn', issueNameEn, 500],
      ['goalName', goalName, 500],
      ['goalNameEn', goalNameEn, 500],
      ['strategyName', strategyName, 500],
      ['strategyNameEn', strategyNameEn, 500],
    ] as [PlanColumn, string, number][]) {
      if (v.length > max) fail(key, 'planImport.tooLong');
    }

    const leadsText = s('leadsTo');
    const leadsCodes = leadsText === '' ? [] : leadsText.split(/[;,|\s]+/).filter(Boolean);
    const base = {
      row: r.row,
      issueCode,
      issueName,
      issueNameEn,
      goalCode,
      goalName,
      goalNameEn,
      nationalPillar: pillar,
      clusterGoalId,
      leadsTo: [] as string[],
      strategy,
    };

    const kpiCode = s('kpiCode');
    if (!kpiCode) {
      // A goal row: only a strategy, arrows or the cluster goal of its goal, or a goal with no KPI yet.
      if (KPI_COLUMNS.some((k) => s(k) !== '')) fail('kpiCode', 'planImport.kpiColumnsWithoutCode');
      else if (!strategyCode && !leadsText && !clusterCode && !s('goalCode')) fail('kpiCode', 'import.kpiRequired');
      const planRow: PlanRow = { ...base, kpi: null, target: null, trajectory: [] };
      rows.push(planRow);
      if (leadsCodes.length) arrows.push({ row: r.row, cause: goalKey, codes: leadsCodes, planRow });
      continue;
    }
    const existing = state.kpis.get(kpiCode.toUpperCase());
    if (!KPI_CODE.test(kpiCode)) fail('kpiCode', 'planImport.codeInvalid');
    else if (seen.has(kpiCode.toUpperCase())) fail('kpiCode', 'planImport.duplicate');
    else if (existing && state.kpiGoal.get(kpiCode.toUpperCase()) !== goalKey) fail('kpiCode', 'planImport.kpiMoved');
    seen.add(kpiCode.toUpperCase());

    const nameTh = s('kpiNameTh') || existing?.nameTh || '';
    const nameEn = s('kpiNameEn') || existing?.nameEn || nameTh;
    const unitTh = s('unitTh') || existing?.unitTh || '';
    const unitEn = s('unitEn') || existing?.unitEn || unitTh;
    if (!nameTh) fail('kpiNameTh', 'planImport.nameRequired');
    if (!unitTh) fail('unitTh', 'planImport.nameRequired');
    for (const [key, v, max] of [
      ['kpiNameTh', nameTh, 500],
      ['kpiNameEn', nameEn, 500],
      ['unitTh', unitTh, 50],
      ['unitEn', unitEn, 50],
      ['numeratorTh', s('numeratorTh'), 300],
      ['denominatorTh', s('denominatorTh'), 300],
      ['ownerAgencyTh', s('ownerAgencyTh'), 300],
      ['dataSource', s('dataSource'), 300],
    ] as [PlanColumn, string, number][]) {
      if (v.length > max) fail(key, 'planImport.tooLong');
    }
    const word = <T>(key: PlanColumn, words: Record<string, T>, fallback: T | undefined): T | undefined => {
      const w = s(key).toLowerCase();
      if (w === '') {
        if (fallback === undefined) fail(key, 'planImport.wordRequired');
        return fallback;
      }
      const found = words[w];
      if (found === undefined) fail(key, 'planImport.wordUnknown');
      return found;
    };
    const direction = word('direction', DIRECTION_WORDS, existing?.direction);
    const frequency = word('frequency', FREQUENCY_WORDS, existing?.frequency);
    const rollup = word('rollup', ROLLUP_WORDS, existing?.rollup);
    // Fixed for a KPI's life: results already entered depend on them (as PATCH kpis/:id keeps them).
    if (existing) {
      if (direction && direction !== existing.direction) fail('direction', 'planImport.fixedChanged');
      if (frequency && frequency !== existing.frequency) fail('frequency', 'planImport.fixedChanged');
      if (rollup && rollup !== existing.rollup) fail('rollup', 'planImport.fixedChanged');
    }

    const bandMin = dec('bandMin');
    const bandMax = dec('bandMax');
    if (direction === 'band' && (bandMin === null || bandMax === null || Number(bandMin) > Number(bandMax)))
      fail('bandMin', 'kpi.bandRequired');
    const numeratorTh = s('numeratorTh');
    const denominatorTh = s('denominatorTh');
    if (rollup === 'ratio' && (!numeratorTh || !denominatorTh))
      fail(numeratorTh ? 'denominatorTh' : 'numeratorTh', 'kpi.ratioPartsRequired');
    const baselineValue = dec('baselineValue');
    const fyText = s('baselineFy');
    const baselineFy = fyText === '' ? null : Number(fyText);
    if (
      baselineFy !== null &&
      !(Number.isInteger(baselineFy) && baselineFy >= MIN_FISCAL_YEAR && baselineFy <= MAX_FISCAL_YEAR)
    )
      fail('baselineFy', 'planImport.yearInvalid');
    const hardMin = dec('hardMin');
    const hardMax = dec('hardMax');
    const limits = effectiveHardLimits({ unitTh, unitEn, nameTh, nameEn, hardMin, hardMax });
    if (!validHardLimits(limits)) fail('hardMin', 'kpi.hardLimitsInvalid');

    const target = dec('target');
    const outside = (v: string) =>
      (limits.min !== null && Number(v) < Number(limits.min)) ||
      (limits.max !== null && Number(v) > Number(limits.max));
    if (target !== null && outside(target)) fail('target', 'planImport.targetImpossible');
    const trajectory: { period: string; target: string }[] = [];
    const trajText = s('trajectory');
    if (trajText !== '') {
      const parts = trajText.split(/[;|]/).map((p) => p.trim().replace(/,/g, ''));
      const periods = frequency ? periodsOfYear(fiscalYear, frequency) : [];
      if (target === null) fail('target', 'planImport.targetRequired');
      if (frequency === 'yearly' || parts.length !== periods.length || parts.some((p) => p !== '' && !DECIMAL.test(p)))
        fail('trajectory', 'planImport.trajectoryInvalid');
      else if (parts.some((p) => p !== '' && outside(p))) fail('trajectory', 'planImport.targetImpossible');
      else parts.forEach((p, i) => p !== '' && trajectory.push({ period: periods[i], target: canonical(p) }));
    }

    if (direction && frequency && rollup) {
      const planRow: PlanRow = {
        ...base,
        kpi: {
          code: kpiCode,
          nameTh,
          nameEn,
          unitTh,
          unitEn,
          direction,
          bandMin: direction === 'band' ? bandMin : null,
          bandMax: direction === 'band' ? bandMax : null,
          frequency,
          rollup,
          numeratorTh: rollup === 'ratio' ? numeratorTh : '',
          denominatorTh: rollup === 'ratio' ? denominatorTh : '',
          baselineValue,
          baselineFy,
          hardMin,
          hardMax,
          ownerAgencyTh: s('ownerAgencyTh') || existing?.ownerAgencyTh || '',
          dataSource: s('dataSource') || existing?.dataSource || '',
        },
        target,
        trajectory,
      };
      rows.push(planRow);
      if (leadsCodes.length) arrows.push({ row: r.row, cause: goalKey, codes: leadsCodes, planRow });
    } else if (leadsCodes.length) arrows.push({ row: r.row, cause: goalKey, codes: leadsCodes, planRow: null });
  }

  // Cause → effect arrows, once every goal of the file is known: each code a goal of the plan or
  // the file, never the goal itself, never closing a loop with the stored arrows or earlier ones.
  const goalByCode = new Map<string, string>();
  for (const key of state.goals.keys()) goalByCode.set(key.slice(key.indexOf('|') + 1), key);
  for (const [goalCode, issueCode] of goalIssue) goalByCode.set(goalCode, `${issueCode}|${goalCode}`);
  const keyOfId = new Map([...state.goals].map(([key, g]) => [g.id, key]));
  const next = new Map<string, Set<string>>();
  const addArrow = (a: string, b: string) => next.set(a, new Set([...(next.get(a) ?? []), b]));
  for (const link of state.links) {
    const [cause, effect] = link.split('>').map((id) => keyOfId.get(id));
    if (cause && effect) addArrow(cause, effect);
  }
  const reaches = (from: string, to: string): boolean => {
    const todo = [from];
    const done = new Set<string>();
    while (todo.length) {
      const at = todo.pop() as string;
      if (at === to) return true;
      if (done.has(at)) continue;
      done.add(at);
      todo.push(...(next.get(at) ?? []));
    }
    return false;
  };
  for (const a of arrows) {
    const fail = (key: MessageKey) =>
      errors.push({ row: a.row, column: planColumnLabel('leadsTo', lang), message: message(key, lang) });
    for (const code of a.codes) {
      const effect = goalByCode.get(code);
      if (!effect) fail('planImport.linkUnknown');
      else if (effect === a.cause) fail('planImport.linkSelf');
      else if (reaches(effect, a.cause)) fail('planImport.linkLoop');
      else {
        addArrow(a.cause, effect);
        a.planRow?.leadsTo.push(effect);
      }
    }
  }
  errors.sort((x, y) => x.row - y.row);
  return { rows, errors, count };
}

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

/** Numbers compare as numbers ("50" is "50.0"); text and null as they are. */
function same(a: unknown, b: unknown): boolean {
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'string' && typeof b === 'string' && DECIMAL.test(a) && DECIMAL.test(b))
    return Number(a) === Number(b);
  return a === b;
}

function canonical(v: string): string {
  return String(Number(v)) === v ? v : v.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

function text(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString();
  return String(c).trim();
}

/** A cell as decimal text: Excel's binary noise rounded to six places, typed text without grouping. */
function decimalText(c: Cell): string | undefined {
  if (c === null) return undefined;
  if (typeof c === 'number') {
    if (!Number.isFinite(c) || Math.abs(c) >= 1e15) return String(c);
    const fixed = c.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
    return fixed === '-0' ? '0' : fixed;
  }
  const s = text(c).replace(/[\s\u00a0,]/g, '');
  return s === '' ? undefined : s;
}

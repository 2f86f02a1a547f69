import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DisbursementBudgetType,
  DisbursementTargetDto,
  ProjectDto,
  ProjectProgressDto,
  RiskDto,
} from '@provdash/shared/contracts';
import {
  bangkokDateOf,
  canSeeUnapproved,
  parsePeriod,
  periodRange,
  residualLevel,
  riskLevel,
  validateQuarterlyTargets,
} from '@provdash/shared/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { DomainEventBus } from '../../common/domain-events/domain-event-bus';
import { PROJECT_PROGRESS_EVENT } from '../../common/domain-events/domain-events';
import { applyReviewStep, assertEditable, editorsSinceApproval, ReviewStep } from '../../common/review-workflow';
import { ApiError, conflict, FieldError, notFound } from '../../common/api-error';
import type { MessageKey } from '../../common/messages';
import type { ActorClaims } from '../access/actor';
import { Kpi } from '../kpis/kpi.entity';
import { OrgUnit } from '../org-units/org-unit.entity';
import { DisbursementTarget } from './disbursement-target.entity';
import {
  CreateProjectBody,
  CreateRiskBody,
  ProgressTransitionBody,
  SaveProgressBody,
  SaveTargetBody,
  UpdateProjectBody,
  UpdateRiskBody,
} from './dto/project.dto';
import { ProjectKpi } from './project-kpi.entity';
import { ProjectProgress } from './project-progress.entity';
import { Project } from './project.entity';
import { Risk } from './risk.entity';
import { assessmentChanged, checkResidual, recordAssessment } from './risk-assessments';

/** The fields a PATCH body actually carries (the validation pipe leaves absent ones as undefined). */
function given<T extends object>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const unprocessable = (key: MessageKey) => new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, key);

/** Progress has no reopen: a wrong approved figure is corrected by next month's entry. */
export type ProgressTransition = Exclude<ReviewStep, 'reopen'>;

export function projectDto(p: Project, unitCode: string, kpiIds: string[]): ProjectDto {
  return {
    id: p.id,
    orgUnitCode: unitCode,
    strategyId: p.strategyId,
    code: p.code,
    nameTh: p.nameTh,
    nameEn: p.nameEn,
    ownerAgencyTh: p.ownerAgencyTh,
    responsiblePerson: p.responsiblePerson,
    fiscalYear: p.fiscalYear,
    budgetSource: p.budgetSource,
    budgetType: p.budgetType,
    allocated: p.allocated,
    startDate: p.startDate,
    endDate: p.endDate,
    status: p.status,
    kpiIds,
    version: p.version,
  };
}

export function progressDto(r: ProjectProgress, showPeople: boolean): ProjectProgressDto {
  return {
    id: r.id,
    projectId: r.projectId,
    period: r.period,
    percent: r.percent,
    milestoneNote: r.milestoneNote,
    status: r.status,
    returnReason: showPeople ? r.returnReason : null,
    submittedBy: showPeople ? r.submittedBy : null,
    approvedBy: showPeople ? r.approvedBy : null,
    version: r.version,
  };
}

function targetDto(t: DisbursementTarget): DisbursementTargetDto {
  return {
    fiscalYear: t.fiscalYear,
    budgetType: t.budgetType,
    q1: t.q1,
    q2: t.q2,
    q3: t.q3,
    q4: t.q4,
    version: t.version,
  };
}

export function riskDto(r: Risk): RiskDto {
  const { score, band } = riskLevel(r.likelihood, r.impact);
  const residual = residualLevel(r.residualLikelihood, r.residualImpact);
  return {
    id: r.id,
    projectId: r.projectId,
    kpiId: r.kpiId,
    orgUnitId: r.orgUnitId,
    level: r.orgUnitId ? 'organisation' : 'operational',
    description: r.description,
    likelihood: r.likelihood,
    impact: r.impact,
    score,
    band,
    residualLikelihood: r.residualLikelihood,
    residualImpact: r.residualImpact,
    residualScore: residual?.score ?? null,
    residualBand: residual?.band ?? null,
    response: r.response,
    owner: r.owner,
    mitigation: r.mitigation,
    reviewDate: r.reviewDate,
    status: r.status,
    version: r.version,
  };
}

/**
 * Projects, their monthly progress (draft → submitted → approved, as KPI results), the national
 * disbursement targets and 4T risks. Every write is a `save` inside a transaction, so the audit
 * subscriber records it in the same transaction; stale versions get 409.
 */
@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  async list(orgUnitCode: string, fiscalYear: number | undefined): Promise<ProjectDto[]> {
    const unit = await this.dataSource.getRepository(OrgUnit).findOne({ where: { code: orgUnitCode } });
    if (!unit) throw notFound('notFound.unit');
    const rows = await this.dataSource.getRepository(Project).find({
      where: { orgUnitId: unit.id, ...(fiscalYear && { fiscalYear }) },
      order: { fiscalYear: 'ASC', code: 'ASC' },
    });
    const links = await this.links(
      this.dataSource.manager,
      rows.map((r) => r.id),
    );
    return rows.map((p) => projectDto(p, unit.code, links.get(p.id) ?? []));
  }

  async get(id: string): Promise<ProjectDto> {
    const p = await this.dataSource.getRepository(Project).findOne({ where: { id }, relations: { orgUnit: true } });
    if (!p) throw notFound();
    return projectDto(p, p.orgUnit.code, (await this.links(this.dataSource.manager, [id])).get(id) ?? []);
  }

  async create(body: CreateProjectBody): Promise<ProjectDto> {
    return this.dataSource.transaction(async (m) => {
      const unit = await m.findOne(OrgUnit, { where: { code: body.orgUnitCode } });
      if (!unit) throw notFound('notFound.unit');
      // A cluster's own projects (cluster budget) belong to the cluster, under its plan and KPIs.
      if (unit.type !== 'province' && unit.type !== 'cluster') throw unprocessable('project.notProvince');
      await this.checkStrategy(m, unit.id, body.strategyId);
      if (body.endDate < body.startDate) throw unprocessable('project.datesInvalid');
      const { kpiIds, orgUnitCode: _code, ...fields } = body;
      const saved = await m.save(
        m.create(Project, {
          ...fields,
          responsiblePerson: fields.responsiblePerson ?? '',
          orgUnitId: unit.id,
          status: body.status ?? 'not_started',
        }),
      );
      await this.setKpis(m, saved, kpiIds ?? []);
      return projectDto(saved, unit.code, [...new Set(kpiIds ?? [])]);
    });
  }

  async update(id: string, body: UpdateProjectBody): Promise<ProjectDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.lockedProject(m, id);
      if (p.version !== body.version) throw conflict();
      if (p.status === 'cancelled') throw conflict('project.cancelled');
      const { version: _v, kpiIds, ...changes } = given(body);
      if (changes.strategyId) await this.checkStrategy(m, p.orgUnitId, changes.strategyId);
      Object.assign(p, changes);
      if (p.endDate < p.startDate) throw unprocessable('project.datesInvalid');
      const saved = await m.save(p);
      if (kpiIds) await this.setKpis(m, saved, kpiIds);
      const unit = await m.findOneByOrFail(OrgUnit, { id: p.orgUnitId });
      return projectDto(saved, unit.code, (await this.links(m, [id])).get(id) ?? []);
    });
  }

  async listProgress(projectId: string, actor: ActorClaims | null): Promise<ProjectProgressDto[]> {
    const p = await this.dataSource
      .getRepository(Project)
      .findOne({ where: { id: projectId }, relations: { orgUnit: true } });
    if (!p) throw notFound();
    const insider = actor !== null && canSeeUnapproved({ role: actor.role, scopePath: actor.scope }, p.orgUnit);
    const rows = await this.dataSource.getRepository(ProjectProgress).find({
      where: { projectId, ...(!insider && { status: 'approved' as const }) },
      order: { period: 'ASC' },
    });
    return rows.map((r) => progressDto(r, insider));
  }

  async saveProgress(projectId: string, period: string, body: SaveProgressBody): Promise<ProjectProgressDto> {
    const parsed = parsePeriod(period);
    if (!parsed || parsed.frequency !== 'monthly') throw new ApiError(HttpStatus.BAD_REQUEST, 'progress.periodInvalid');
    if (periodRange(parsed).start > bangkokDateOf(new Date())) throw unprocessable('result.futurePeriod');
    return this.dataSource.transaction(async (m) => {
      const p = await this.lockedProject(m, projectId);
      if (p.status === 'cancelled') throw conflict('project.cancelled');
      let row = await m.findOne(ProjectProgress, { where: { projectId, period }, lock: { mode: 'pessimistic_write' } });
      if (row) {
        assertEditable(row, body.version);
      } else {
        row = m.create(ProjectProgress, { projectId, period });
      }
      row.percent = body.percent;
      if (body.milestoneNote !== undefined) row.milestoneNote = body.milestoneNote;
      row.status = 'draft';
      const saved = await m.save(row);
      await this.announceProgress(m, saved, 'save');
      return progressDto(saved, true);
    });
  }

  async transitionProgress(
    projectId: string,
    period: string,
    step: ProgressTransition,
    body: ProgressTransitionBody,
    actor: ActorClaims,
  ): Promise<ProjectProgressDto> {
    return this.dataSource.transaction(async (m) => {
      const row = await m.findOne(ProjectProgress, {
        where: { projectId, period },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw notFound();
      const editors = step === 'approve' ? await editorsSinceApproval(m, 'project_progress', row.id) : [];
      applyReviewStep(row, step, body, actor.sub, new Date(), editors);
      const saved = await m.save(row);
      await this.announceProgress(m, saved, step);
      return progressDto(saved, true);
    });
  }

  async listTargets(fiscalYear: number | undefined): Promise<DisbursementTargetDto[]> {
    const rows = await this.dataSource.getRepository(DisbursementTarget).find({
      where: fiscalYear ? { fiscalYear } : {},
      order: { fiscalYear: 'ASC', budgetType: 'ASC' },
    });
    return rows.map(targetDto);
  }

  async saveTarget(fiscalYear: number, budgetType: DisbursementBudgetType, body: SaveTargetBody) {
    const quarters = { Q1: body.q1, Q2: body.q2, Q3: body.q3, Q4: body.q4 };
    const errors = validateQuarterlyTargets(quarters);
    if (errors.length) {
      // Named per quarter (q1…q4), so the form shows each refusal next to its own field.
      const fields = errors.map(
        (e): FieldError => ({
          field: e.quarter.toLowerCase(),
          constraints:
            e.code === 'TARGETS_DECREASING'
              ? { targetDecreasing: 'must not be below the previous quarter (targets are cumulative)' }
              : { targetOutOfRange: 'must be between 0 and 100' },
        }),
      );
      throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'disbursementTarget.invalid', fields);
    }
    return this.dataSource.transaction(async (m) => {
      let row = await m.findOne(DisbursementTarget, {
        where: { fiscalYear, budgetType },
        lock: { mode: 'pessimistic_write' },
      });
      if (row && row.version !== body.version) throw conflict();
      row ??= m.create(DisbursementTarget, { fiscalYear, budgetType });
      Object.assign(row, { q1: body.q1, q2: body.q2, q3: body.q3, q4: body.q4 });
      const saved = await m.save(row);
      // A national setting: every screen that draws the target curve hears of it.
      await this.events.publish(m, 'disbursementTarget.set', {
        fiscalYear,
        budgetType,
        quarters: [Number(saved.q1), Number(saved.q2), Number(saved.q3), Number(saved.q4)],
      });
      return targetDto(saved);
    });
  }

  /** Risks of the unit itself, its projects and KPIs, and of the units below it. */
  async listRisks(unitCode: string): Promise<RiskDto[]> {
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT r.id FROM risk r
       LEFT JOIN project p ON p.id = r.project_id LEFT JOIN kpi k ON k.id = r.kpi_id
       JOIN org_unit u ON u.id = COALESCE(r.org_unit_id, p.org_unit_id, k.org_unit_id)
       JOIN org_unit scope ON scope.code = $1
       WHERE u.path = scope.path OR u.path LIKE scope.path || '/%'
       ORDER BY r.likelihood * r.impact DESC, r.created_at`,
      [unitCode],
    );
    const rows = await this.dataSource.getRepository(Risk).findBy({ id: In(ids.map((r) => r.id)) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((r) => riskDto(byId.get(r.id) as Risk));
  }

  async createRisk(
    subject: { projectId: string } | { kpiId: string },
    body: CreateRiskBody,
    claims: ActorClaims,
  ): Promise<RiskDto> {
    return this.dataSource.transaction(async (m) => {
      if ('projectId' in subject) {
        await this.lockedProject(m, subject.projectId);
      } else if (!(await m.findOne(Kpi, { where: { id: subject.kpiId } }))) {
        throw notFound();
      }
      const risk = m.create(Risk, {
        projectId: null,
        kpiId: null,
        orgUnitId: null,
        ...subject,
        ...body,
        residualLikelihood: body.residualLikelihood ?? null,
        residualImpact: body.residualImpact ?? null,
        mitigation: body.mitigation ?? '',
      });
      checkResidual(risk);
      const saved = await m.save(risk);
      await recordAssessment(m, saved, claims.sub);
      return riskDto(saved);
    });
  }

  /** A change of likelihood, impact, residual or response is kept as a new assessment too. */
  async updateRisk(id: string, body: UpdateRiskBody, claims: ActorClaims): Promise<RiskDto> {
    return this.dataSource.transaction(async (m) => {
      const risk = await m.findOne(Risk, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!risk) throw notFound();
      if (risk.version !== body.version) throw conflict();
      const before = { ...risk };
      const { version: _v, ...changes } = given(body);
      Object.assign(risk, changes);
      checkResidual(risk);
      const saved = await m.save(risk);
      if (assessmentChanged(before, saved)) await recordAssessment(m, saved, claims.sub);
      return riskDto(saved);
    });
  }

  /** Tells whoever reacts (the live events: projects-live.reactor.ts), in the entry's transaction. */
  private async announceProgress(m: EntityManager, row: ProjectProgress, step: ReviewStep | 'save') {
    await this.events.publish(m, PROJECT_PROGRESS_EVENT[step], {
      projectId: row.projectId,
      period: row.period,
      version: row.version,
      status: row.status,
      percent: Number(row.percent),
    });
  }

  private async lockedProject(m: EntityManager, id: string): Promise<Project> {
    const p = await m.findOne(Project, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!p) throw notFound();
    return p;
  }

  /** The strategy must sit in one of the province's own plans. */
  private async checkStrategy(m: EntityManager, orgUnitId: string, strategyId: string): Promise<void> {
    const [row] = await m.query(
      `SELECT 1 FROM strategy s JOIN goal g ON g.id = s.goal_id JOIN strategic_issue i ON i.id = g.issue_id
       JOIN plan p ON p.id = i.plan_id WHERE s.id = $1 AND p.org_unit_id = $2`,
      [strategyId, orgUnitId],
    );
    if (!row) throw unprocessable('project.strategyOutside');
  }

  /** Replaces the project's KPI links; each added or removed link is audited. */
  private async setKpis(m: EntityManager, project: Project, kpiIds: string[]): Promise<void> {
    const wanted = [...new Set(kpiIds)];
    if (wanted.length) {
      const found = await m.count(Kpi, { where: { id: In(wanted), orgUnitId: project.orgUnitId } });
      if (found !== wanted.length) throw unprocessable('project.kpiOutside');
    }
    const current = await m.find(ProjectKpi, { where: { projectId: project.id } });
    const gone = current.filter((l) => !wanted.includes(l.kpiId));
    if (gone.length) await m.remove(gone);
    const have = new Set(current.map((l) => l.kpiId));
    const added = wanted
      .filter((k) => !have.has(k))
      .map((kpiId) => m.create(ProjectKpi, { projectId: project.id, kpiId }));
    if (added.length) await m.save(added);
  }

  private async links(m: EntityManager, projectIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (!projectIds.length) return map;
    const rows = await m.find(ProjectKpi, { where: { projectId: In(projectIds) }, order: { kpiId: 'ASC' } });
    for (const r of rows) map.set(r.projectId, [...(map.get(r.projectId) ?? []), r.kpiId]);
    return map;
  }
}

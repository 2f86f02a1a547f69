import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GoalDto, MapNodeDto, PlanSummaryDto, StrategyMapDto } from '@provdash/shared/contracts';
import { canPublishPlan, canSeeDraftPlan, isWithin } from '@provdash/shared/domain';
import { DataSource, EntityManager, EntityTarget, In } from 'typeorm';
import { ApiError, conflict, forbidden, notFound } from '../../common/api-error';
import type { ActorClaims } from '../access/actor';
import type { ResolvedUnit } from '../access/actor';
import { Kpi } from '../kpis/kpi.entity';
import { OrgUnit } from '../org-units/org-unit.entity';
import { MapNode } from '../../database/versioned.entity';
import {
  CreateGoalBody,
  CreateNodeBody,
  CreatePlanBody,
  UpdateGoalBody,
  UpdateNodeBody,
  UpdatePlanBody,
} from './dto/strategy.dto';
import { GoalLink } from './goal-link.entity';
import { Goal } from './goal.entity';
import { Plan } from './plan.entity';
import { StrategicIssue } from './strategic-issue.entity';
import { mapProjects } from './strategy-map.queries';
import { Strategy } from './strategy.entity';

const invalid = (field: string, constraint: string, text: string) =>
  new ApiError(HttpStatus.BAD_REQUEST, 'validation.failed', [{ field, constraints: { [constraint]: text } }]);

const node = (n: MapNode & { id: string }): MapNodeDto => ({
  id: n.id,
  code: n.code,
  seq: n.seq,
  nameTh: n.nameTh,
  nameEn: n.nameEn,
  retired: n.retiredAt !== null,
  version: n.version,
});

const planDto = (p: Plan, orgUnitCode: string): PlanSummaryDto => ({
  id: p.id,
  orgUnitCode,
  nameTh: p.nameTh,
  nameEn: p.nameEn,
  visionTh: p.visionTh,
  visionEn: p.visionEn,
  startFy: p.startFy,
  endFy: p.endFy,
  status: p.status,
  publishedAt: p.publishedAt?.toISOString() ?? null,
  version: p.version,
});

/** Whether the caller (null when signed out) may see this unit's draft plans. */
const insider = (actor: ActorClaims | null, unit: OrgUnit): boolean =>
  actor !== null && canSeeDraftPlan({ role: actor.role, scopePath: actor.scope }, unit);

/**
 * Plans and their strategy maps. Nothing here is ever deleted: issues, goals and strategies are
 * retired (and can be restored), so results recorded under them keep their meaning.
 */
@Injectable()
export class StrategyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A unit's plans, newest first; drafts only for the unit's own people (canSeeDraftPlan). */
  async listPlans(unitCode: string, actor: ActorClaims | null): Promise<PlanSummaryDto[]> {
    const plans = await this.dataSource.getRepository(Plan).find({
      where: { orgUnit: { code: unitCode } },
      relations: { orgUnit: true },
      order: { startFy: 'DESC' },
    });
    return plans
      .filter((p) => p.status === 'published' || insider(actor, p.orgUnit))
      .map((p) => planDto(p, p.orgUnit.code));
  }

  /** The whole map in six indexed queries, whatever its size. */
  async map(planId: string, actor: ActorClaims | null): Promise<StrategyMapDto> {
    const plan = await this.dataSource
      .getRepository(Plan)
      .findOne({ where: { id: planId }, relations: { orgUnit: true } });
    // A draft is not there for anyone outside its unit: the same 404 as a plan that does not exist.
    if (!plan || (plan.status !== 'published' && !insider(actor, plan.orgUnit))) throw notFound();
    const issues = await this.dataSource
      .getRepository(StrategicIssue)
      .find({ where: { planId }, order: { seq: 'ASC' } });
    const issueIds = issues.map((i) => i.id);
    const goals = issueIds.length
      ? await this.dataSource.getRepository(Goal).find({ where: { issueId: In(issueIds) }, order: { seq: 'ASC' } })
      : [];
    const goalIds = goals.map((g) => g.id);
    const [strategies, kpis, links] = goalIds.length
      ? await Promise.all([
          this.dataSource.getRepository(Strategy).find({ where: { goalId: In(goalIds) }, order: { seq: 'ASC' } }),
          this.dataSource.getRepository(Kpi).find({ where: { goalId: In(goalIds) }, order: { code: 'ASC' } }),
          this.dataSource.getRepository(GoalLink).find({ where: { causeGoalId: In(goalIds) } }),
        ])
      : [[], [], []];
    const projects = await mapProjects(
      this.dataSource,
      strategies.map((s) => s.id),
    );
    const goalDto = (g: Goal): GoalDto => ({
      ...node(g),
      nationalPillar: g.nationalPillar,
      contributesToGoalId: g.contributesToGoalId,
      strategies: strategies.filter((s) => s.goalId === g.id).map(node),
      kpis: kpis
        .filter((k) => k.goalId === g.id)
        .map((k) => ({
          id: k.id,
          code: k.code,
          nameTh: k.nameTh,
          nameEn: k.nameEn,
          unitTh: k.unitTh,
          unitEn: k.unitEn,
          direction: k.direction,
          frequency: k.frequency,
          rollup: k.rollup,
          retired: k.retiredAt !== null,
          version: k.version,
        })),
    });
    return {
      plan: planDto(plan, plan.orgUnit.code),
      issues: issues.map((i) => ({ ...node(i), goals: goals.filter((g) => g.issueId === i.id).map(goalDto) })),
      links: links.map((l) => ({ causeGoalId: l.causeGoalId, effectGoalId: l.effectGoalId })),
      projects,
    };
  }

  async createPlan(body: CreatePlanBody, unit: ResolvedUnit): Promise<PlanSummaryDto> {
    if (body.endFy < body.startFy)
      throw invalid('endFy', 'PLAN_YEARS_ORDER', 'The last year must not be before the first.');
    return this.dataSource.transaction(async (m) => {
      const plan = m.create(Plan, {
        orgUnitId: unit.id,
        nameTh: body.nameTh,
        nameEn: body.nameEn,
        visionTh: body.visionTh,
        visionEn: body.visionEn,
        startFy: body.startFy,
        endFy: body.endFy,
        // Built in the open would show half a plan: a new plan waits for the approver to publish it.
        status: 'draft',
        publishedAt: null,
      });
      await m.save(plan);
      return planDto(plan, unit.code);
    });
  }

  /**
   * Puts a draft plan on every open screen. The save is audited like any other (the audit
   * subscriber records status draft → published and who did it) and, being a plan definition
   * change, goes live through definition.changed → target.changed to the unit's rooms.
   */
  async publish(id: string, version: number, actor: ActorClaims): Promise<PlanSummaryDto> {
    return this.dataSource.transaction(async (m) => {
      const plan = await this.locked(m, Plan, id, version);
      const unit = await m.findOneByOrFail(OrgUnit, { id: plan.orgUnitId });
      if (!canPublishPlan({ role: actor.role, scopePath: actor.scope }, unit))
        throw forbidden('plan.publishNotAllowed');
      if (plan.status === 'published') throw conflict('plan.alreadyPublished');
      plan.status = 'published';
      plan.publishedAt = new Date();
      await m.save(plan);
      return planDto(plan, unit.code);
    });
  }

  async updatePlan(id: string, body: UpdatePlanBody): Promise<PlanSummaryDto> {
    return this.dataSource.transaction(async (m) => {
      const plan = await this.locked(m, Plan, id, body.version);
      const { version: _version, ...changes } = body;
      Object.assign(plan, changes);
      if (plan.endFy < plan.startFy)
        throw invalid('endFy', 'PLAN_YEARS_ORDER', 'The last year must not be before the first.');
      await m.save(plan);
      const unit = await m.findOneByOrFail(OrgUnit, { id: plan.orgUnitId });
      return planDto(plan, unit.code);
    });
  }

  addIssue(planId: string, body: CreateNodeBody): Promise<MapNodeDto> {
    return this.addNode(StrategicIssue, { planId }, body);
  }

  async addGoal(issueId: string, body: CreateGoalBody): Promise<MapNodeDto> {
    return this.dataSource.transaction(async (m) => {
      if (body.contributesToGoalId) await this.checkUpwardLink(m, issueId, body.contributesToGoalId);
      return this.addNodeIn(m, Goal, { issueId }, body, {
        nationalPillar: body.nationalPillar ?? null,
        contributesToGoalId: body.contributesToGoalId ?? null,
      });
    });
  }

  addStrategy(goalId: string, body: CreateNodeBody): Promise<MapNodeDto> {
    return this.addNode(Strategy, { goalId }, body);
  }

  updateIssue(id: string, body: UpdateNodeBody): Promise<MapNodeDto> {
    return this.dataSource.transaction(async (m) => this.updateNode(m, StrategicIssue, id, body));
  }

  updateStrategy(id: string, body: UpdateNodeBody): Promise<MapNodeDto> {
    return this.dataSource.transaction(async (m) => this.updateNode(m, Strategy, id, body));
  }

  updateGoal(id: string, body: UpdateGoalBody): Promise<MapNodeDto> {
    return this.dataSource.transaction(async (m) => {
      const goal = await this.locked(m, Goal, id, body.version);
      if (body.contributesToGoalId) await this.checkUpwardLink(m, goal.issueId, body.contributesToGoalId);
      if (body.contributesToGoalId !== undefined) goal.contributesToGoalId = body.contributesToGoalId;
      if (body.nationalPillar !== undefined) goal.nationalPillar = body.nationalPillar;
      return this.applyNode(m, goal, body);
    });
  }

  /** A cause → effect arrow between two goals of the same plan; arrows may not form a loop. */
  async link(causeGoalId: string, effectGoalId: string): Promise<{ causeGoalId: string; effectGoalId: string }> {
    if (causeGoalId === effectGoalId) throw invalid('effectGoalId', 'GOAL_SELF_LINK', 'A goal cannot cause itself.');
    return this.dataSource.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT ci.plan_id = ei.plan_id AS same_plan,
                EXISTS (
                  WITH RECURSIVE reach(goal_id) AS (
                    SELECT effect_goal_id FROM goal_link WHERE cause_goal_id = $2
                    UNION SELECT l.effect_goal_id FROM goal_link l JOIN reach r ON l.cause_goal_id = r.goal_id
                  ) SELECT 1 FROM reach WHERE goal_id = $1
                ) AS loops
         FROM goal c JOIN strategic_issue ci ON ci.id = c.issue_id, goal e JOIN strategic_issue ei ON ei.id = e.issue_id
         WHERE c.id = $1 AND e.id = $2`,
        [causeGoalId, effectGoalId],
      );
      if (!row) throw notFound();
      if (!row.same_plan) throw invalid('effectGoalId', 'GOAL_OTHER_PLAN', 'Both goals must belong to the same plan.');
      if (row.loops)
        throw invalid(
          'effectGoalId',
          'GOAL_LINK_LOOP',
          'This arrow would close a loop (the effect leads back to the cause).',
        );
      const existing = await m.findOneBy(GoalLink, { causeGoalId, effectGoalId });
      if (!existing) await m.save(m.create(GoalLink, { causeGoalId, effectGoalId }));
      return { causeGoalId, effectGoalId };
    });
  }

  async unlink(causeGoalId: string, effectGoalId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const link = await m.findOneBy(GoalLink, { causeGoalId, effectGoalId });
      if (!link) throw notFound();
      await m.remove(link);
    });
  }

  /** A province goal links up: to a goal of a plan owned by a unit above the province (its cluster, or the nation). */
  private async checkUpwardLink(m: EntityManager, issueId: string, targetGoalId: string): Promise<void> {
    const [row] = await m.query(
      `SELECT own.path AS own_path, up.path AS target_path
       FROM strategic_issue i JOIN plan p ON p.id = i.plan_id JOIN org_unit own ON own.id = p.org_unit_id,
            goal g JOIN strategic_issue gi ON gi.id = g.issue_id JOIN plan gp ON gp.id = gi.plan_id
            JOIN org_unit up ON up.id = gp.org_unit_id
       WHERE i.id = $1 AND g.id = $2`,
      [issueId, targetGoalId],
    );
    if (!row) throw notFound();
    if (row.own_path === row.target_path || !isWithin(row.target_path, row.own_path)) {
      throw invalid(
        'contributesToGoalId',
        'GOAL_NOT_ABOVE',
        'Must be a goal of a plan above this one (cluster or nation).',
      );
    }
  }

  private addNode<T extends MapNode & { id: string }>(
    target: EntityTarget<T>,
    parent: Partial<T>,
    body: CreateNodeBody,
  ) {
    return this.dataSource.transaction((m) => this.addNodeIn(m, target, parent, body));
  }

  private async addNodeIn<T extends MapNode & { id: string }>(
    m: EntityManager,
    target: EntityTarget<T>,
    parent: Partial<T>,
    body: CreateNodeBody,
    extra: Partial<T> = {},
  ): Promise<MapNodeDto> {
    const siblings = await m.count(target, { where: parent as never });
    const created = m.create(target, {
      ...parent,
      ...extra,
      code: body.code,
      nameTh: body.nameTh,
      nameEn: body.nameEn,
      seq: body.seq ?? siblings + 1,
      retiredAt: null,
    } as never) as unknown as T;
    await m.save(created);
    return node(created);
  }

  private async updateNode<T extends MapNode & { id: string }>(
    m: EntityManager,
    target: EntityTarget<T>,
    id: string,
    body: UpdateNodeBody,
  ): Promise<MapNodeDto> {
    return this.applyNode(m, await this.locked(m, target, id, body.version), body);
  }

  private async applyNode<T extends MapNode & { id: string }>(m: EntityManager, n: T, body: UpdateNodeBody) {
    if (body.nameTh !== undefined) n.nameTh = body.nameTh;
    if (body.nameEn !== undefined) n.nameEn = body.nameEn;
    if (body.seq !== undefined) n.seq = body.seq;
    if (body.retired !== undefined) n.retiredAt = body.retired ? (n.retiredAt ?? new Date()) : null;
    await m.save(n);
    return node(n);
  }

  /** Loads a row for update and checks the version the writer read: a stale write gets 409 and changes nothing. */
  private async locked<T extends { id: string; version: number }>(
    m: EntityManager,
    target: EntityTarget<T>,
    id: string,
    version: number,
  ): Promise<T> {
    const row = await m.findOne(target, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound();
    if (row.version !== version) throw conflict();
    return row;
  }
}

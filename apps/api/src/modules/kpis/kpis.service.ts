import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KpiDefinitionDto, KpiSetupDto } from '@provdash/shared/contracts';
import { effectiveHardLimits, parsePeriod, validHardLimits } from '@provdash/shared/domain';
import { DataSource, EntityManager, Not } from 'typeorm';
import { ApiError, conflict, notFound } from '../../common/api-error';
import { DomainEventBus } from '../../common/domain-events/domain-event-bus';
import type { MessageKey } from '../../common/messages';
import type { ResolvedUnit } from '../access/actor';
import { OrgUnit } from '../org-units/org-unit.entity';
import { Goal } from '../strategy/goal.entity';
import { CreateKpiBody, KpiDetailsBody, SetTargetBody, UpdateKpiBody } from './dto/kpi.dto';
import { KpiTarget } from './kpi-target.entity';
import { Kpi } from './kpi.entity';

const unprocessable = (key: MessageKey) => new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, key);

const DETAIL_FIELDS: (keyof KpiDetailsBody)[] = [
  'nameTh',
  'nameEn',
  'unitTh',
  'unitEn',
  'ownerAgencyTh',
  'ownerAgencyEn',
  'dataSource',
  'definitionTh',
  'ownerUserId',
  'numeratorTh',
  'denominatorTh',
  'baselineValue',
  'baselineFy',
  'plausibleMin',
  'plausibleMax',
  'hardMin',
  'hardMax',
  'bandMin',
  'bandMax',
  'aggregation',
];

/**
 * KPI definitions and their targets per fiscal year (a yearly target, optionally a trajectory).
 * Direction, frequency and roll-up are fixed at creation: results already entered depend on them.
 */
@Injectable()
export class KpisService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  async get(id: string): Promise<KpiDefinitionDto> {
    const kpi = await this.dataSource.getRepository(Kpi).findOne({ where: { id }, relations: { orgUnit: true } });
    if (!kpi) throw notFound();
    const targets = await this.dataSource
      .getRepository(KpiTarget)
      .find({ where: { kpiId: id, state: 'published' }, order: { period: 'ASC' } });
    // Public: the owner person is an officer's identity, which the public never sees.
    return { ...toDefinition(kpi, kpi.orgUnit.code, targets), ownerUserId: null };
  }

  /** The goal of a KPI, for the setup screen opened on the KPI. */
  async goalOf(kpiId: string): Promise<string> {
    const kpi = await this.dataSource.getRepository(Kpi).findOneBy({ id: kpiId });
    if (!kpi) throw notFound();
    return kpi.goalId;
  }

  /** A goal's KPIs with every target (drafts included: the writer's view) and the people who may own one. */
  async setup(goalId: string): Promise<KpiSetupDto> {
    const [goal] = await this.dataSource.query(
      `SELECT g.id, g.code, g.name_th AS "nameTh", g.name_en AS "nameEn", u.code AS "orgUnitCode",
              u.id AS "orgUnitId", i.code AS "issueCode"
         FROM goal g JOIN strategic_issue i ON i.id = g.issue_id JOIN plan p ON p.id = i.plan_id
         JOIN org_unit u ON u.id = p.org_unit_id WHERE g.id = $1`,
      [goalId],
    );
    if (!goal) throw notFound();
    const kpis = await this.dataSource.getRepository(Kpi).find({ where: { goalId }, order: { code: 'ASC' } });
    const targets = kpis.length
      ? await this.dataSource
          .getRepository(KpiTarget)
          .find({ where: kpis.map((k) => ({ kpiId: k.id })), order: { period: 'ASC' } })
      : [];
    const people: { id: string; displayName: string }[] = await this.dataSource.query(
      `SELECT id, display_name AS "displayName" FROM app_user
        WHERE org_unit_id = $1 AND disabled_at IS NULL ORDER BY display_name`,
      [goal.orgUnitId],
    );
    const { orgUnitId: _unit, ...goalDto } = goal;
    return {
      goal: goalDto,
      kpis: kpis.map((k) =>
        toDefinition(
          k,
          goal.orgUnitCode,
          targets.filter((t) => t.kpiId === k.id),
        ),
      ),
      people,
    };
  }

  async create(goalId: string, body: CreateKpiBody, unit: ResolvedUnit): Promise<KpiDefinitionDto> {
    return this.dataSource.transaction(async (m) => {
      const goal = await m.findOneBy(Goal, { id: goalId });
      if (!goal) throw notFound();
      // Codes are the province's keys (imports match on them): a taken one is named on its field.
      if (await m.existsBy(Kpi, { orgUnitId: unit.id, code: body.code }))
        throw new ApiError(HttpStatus.CONFLICT, 'kpi.codeTaken', [
          { field: 'code', constraints: { codeTaken: 'This KPI code is already used in this province.' } },
        ]);
      const kpi = m.create(Kpi, {
        goalId,
        orgUnitId: unit.id,
        code: body.code,
        direction: body.direction,
        frequency: body.frequency,
        rollup: body.rollup,
        ratioMultiplier: body.rollup === 'ratio' ? (body.ratioMultiplier ?? '100') : null,
        ownerAgencyTh: '',
        ownerAgencyEn: '',
        dataSource: '',
        definitionTh: '',
        bandMin: null,
        bandMax: null,
        baselineValue: null,
        baselineFy: null,
        plausibleMin: null,
        plausibleMax: null,
        hardMin: null,
        hardMax: null,
        ownerUserId: null,
        numeratorTh: '',
        denominatorTh: '',
        retiredAt: null,
      });
      applyDetails(kpi, body, true);
      await checkOwner(m, kpi);
      await m.save(kpi);
      return toDefinition(kpi, unit.code, []);
    });
  }

  async update(id: string, body: UpdateKpiBody): Promise<KpiDefinitionDto> {
    return this.dataSource.transaction(async (m) => {
      const kpi = await m.findOne(Kpi, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!kpi) throw notFound();
      if (kpi.version !== body.version) throw conflict();
      applyDetails(kpi, body);
      if (body.retired !== undefined) kpi.retiredAt = body.retired ? (kpi.retiredAt ?? new Date()) : null;
      if (body.ownerUserId !== undefined) await checkOwner(m, kpi);
      await m.save(kpi);
      return this.definitionIn(m, kpi);
    });
  }

  /** Sets a fiscal year's target and replaces its trajectory; the yearly row's version guards against stale writes. */
  async setTarget(id: string, fiscalYear: number, body: SetTargetBody): Promise<KpiDefinitionDto> {
    return this.dataSource.transaction(async (m) => {
      const kpi = await m.findOneBy(Kpi, { id });
      if (!kpi) throw notFound();
      if (!parsePeriod(String(fiscalYear))) throw unprocessable('target.periodInvalid');
      const points = body.trajectory ?? [];
      const wrong = points.some((p) => {
        const parsed = parsePeriod(p.period);
        return !parsed || parsed.fiscalYear !== fiscalYear || parsed.frequency !== kpi.frequency;
      });
      if (wrong || new Set(points.map((p) => p.period)).size !== points.length)
        throw unprocessable('target.periodInvalid');

      const yearKey = String(fiscalYear);
      let yearly = await m.findOne(KpiTarget, {
        where: { kpiId: id, period: yearKey },
        lock: { mode: 'pessimistic_write' },
      });
      if (yearly && yearly.version !== body.version) throw conflict();
      yearly ??= m.create(KpiTarget, { kpiId: id, fiscalYear, period: yearKey, state: 'published' });
      yearly.target = body.target;
      await m.save(yearly);

      // The trajectory is replaced as a whole; each removed or changed point is audited with its old value.
      const old = await m.find(KpiTarget, { where: { kpiId: id, fiscalYear, period: Not(yearKey) } });
      const keep = new Map(points.map((p) => [p.period, p.target]));
      const gone = old.filter((o) => !keep.has(o.period));
      if (gone.length) await m.remove(gone);
      for (const p of points) {
        const existing = old.find((o) => o.period === p.period);
        if (existing && existing.target === p.target) continue;
        // A drafted year's new points are drafts too: the year is published as a whole.
        const row = existing ?? m.create(KpiTarget, { kpiId: id, fiscalYear, period: p.period, state: yearly.state });
        row.target = p.target;
        await m.save(row);
      }
      const unit = await m.findOneByOrFail(OrgUnit, { id: kpi.orgUnitId });
      await this.events.publish(m, 'kpiTarget.set', { unit, kpiId: id, fiscalYear, target: body.target });
      return this.definitionIn(m, kpi);
    });
  }

  private async definitionIn(m: EntityManager, kpi: Kpi): Promise<KpiDefinitionDto> {
    const [unit] = await m.query(`SELECT code FROM org_unit WHERE id = $1`, [kpi.orgUnitId]);
    const targets = await m.find(KpiTarget, { where: { kpiId: kpi.id }, order: { period: 'ASC' } });
    return toDefinition(kpi, unit.code, targets);
  }
}

function applyDetails(kpi: Kpi, body: KpiDetailsBody, creating = false): void {
  for (const field of DETAIL_FIELDS) {
    if (body[field] !== undefined) (kpi as unknown as Record<string, unknown>)[field] = body[field];
  }
  if (kpi.direction === 'band') {
    const ok = kpi.bandMin !== null && kpi.bandMax !== null && Number(kpi.bandMin) <= Number(kpi.bandMax);
    if (!ok) throw unprocessable('kpi.bandRequired');
  }
  if (!validHardLimits(effectiveHardLimits(kpi))) throw unprocessable('kpi.hardLimitsInvalid');
  // A new ratio KPI names its parts; KPIs defined before the parts were asked for keep working until edited there.
  if (kpi.rollup === 'ratio' && (creating || body.numeratorTh !== undefined || body.denominatorTh !== undefined)) {
    const missing = (['numeratorTh', 'denominatorTh'] as const).filter((f) => !kpi[f]?.trim());
    if (missing.length)
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'kpi.ratioPartsRequired',
        missing.map((field) => ({ field, constraints: { ratioPartRequired: 'A ratio KPI says what this part counts.' } })),
      );
  }
}

/** The owner person must be an active user of the KPI's own province (not a neighbour's officer). */
async function checkOwner(m: EntityManager, kpi: Kpi): Promise<void> {
  if (kpi.ownerUserId === null || kpi.ownerUserId === undefined) return;
  const [ok] = await m.query(`SELECT 1 FROM app_user WHERE id = $1 AND org_unit_id = $2 AND disabled_at IS NULL`, [
    kpi.ownerUserId,
    kpi.orgUnitId,
  ]);
  if (!ok)
    throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'kpi.ownerNotInUnit', [
      { field: 'ownerUserId', constraints: { ownerNotInUnit: "The KPI's owner must be an active user of the KPI's province." } },
    ]);
}

function toDefinition(kpi: Kpi, orgUnitCode: string, targets: KpiTarget[]): KpiDefinitionDto {
  const years = [...new Set(targets.map((t) => t.fiscalYear))].sort();
  return {
    id: kpi.id,
    goalId: kpi.goalId,
    orgUnitCode,
    code: kpi.code,
    nameTh: kpi.nameTh,
    nameEn: kpi.nameEn,
    unitTh: kpi.unitTh,
    unitEn: kpi.unitEn,
    direction: kpi.direction,
    frequency: kpi.frequency,
    rollup: kpi.rollup,
    ratioMultiplier: kpi.ratioMultiplier,
    aggregation: kpi.aggregation,
    bandMin: kpi.bandMin,
    bandMax: kpi.bandMax,
    baselineValue: kpi.baselineValue,
    baselineFy: kpi.baselineFy,
    plausibleMin: kpi.plausibleMin,
    plausibleMax: kpi.plausibleMax,
    hardMin: kpi.hardMin,
    hardMax: kpi.hardMax,
    hardLimits: effectiveHardLimits(kpi),
    ownerAgencyTh: kpi.ownerAgencyTh,
    ownerAgencyEn: kpi.ownerAgencyEn,
    dataSource: kpi.dataSource,
    definitionTh: kpi.definitionTh,
    ownerUserId: kpi.ownerUserId ?? null,
    numeratorTh: kpi.numeratorTh,
    denominatorTh: kpi.denominatorTh,
    retired: kpi.retiredAt !== null,
    version: kpi.version,
    targets: years.map((fy) => {
      const yearly = targets.find((t) => t.period === String(fy));
      return {
        fiscalYear: fy,
        target: yearly?.target ?? null,
        version: yearly?.version ?? null,
        state: yearly?.state ?? null,
        trajectory: targets
          .filter((t) => t.fiscalYear === fy && t.period !== String(fy))
          .map((t) => ({ period: t.period, target: t.target })),
      };
    }),
  };
}

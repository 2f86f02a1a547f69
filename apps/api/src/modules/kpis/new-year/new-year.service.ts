import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NewYearDto, NewYearRolloverDto } from '@provdash/shared/contracts';
import { canPublishPlan, parsePeriod } from '@provdash/shared/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { ApiError, forbidden, notFound } from '../../../common/api-error';
import type { ActorClaims } from '../../access/actor';
import { DomainEventBus } from '../../../common/domain-events/domain-event-bus';
import { OrgUnit } from '../../org-units/org-unit.entity';
import { KpiTarget } from '../kpi-target.entity';

/**
 * The new fiscal year (issue 18.3, docs/guide-strategy-office-october.md): one action copies last
 * year's yearly targets and trajectories of the unit's KPIs into the next year as **drafts**; the
 * office edits them on the KPI's page (the drafts keep their state), and an approver publishes
 * them. Drafts count nowhere outside the unit's own screens: scorecards, the public dashboard and
 * open data read published targets only.
 */
@Injectable()
export class NewYearService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  /** The unit's KPIs of the plan covering `fiscalYear`, with last year's and this year's targets. */
  async review(code: string, fiscalYear: number): Promise<NewYearDto> {
    return this.dataSource.transaction(async (m) => {
      const { unit, planEndFy } = await this.unitAndPlan(m, code, fiscalYear);
      const kpis = await this.kpisOf(m, unit.id, fiscalYear);
      const targets = kpis.length
        ? await m.find(KpiTarget, {
            where: { kpiId: In(kpis.map((k) => k.id)), fiscalYear: In([fiscalYear - 1, fiscalYear]) },
          })
        : [];
      const yearly = (kpiId: string, fy: number) => targets.find((t) => t.kpiId === kpiId && t.period === String(fy));
      return {
        orgUnitCode: unit.code,
        fiscalYear,
        planEndFy,
        kpis: kpis.map((k) => {
          const now = yearly(k.id, fiscalYear);
          return {
            kpiId: k.id,
            code: k.code,
            nameTh: k.name_th,
            nameEn: k.name_en,
            unitTh: k.unit_th,
            lastYearTarget: yearly(k.id, fiscalYear - 1)?.target ?? null,
            target: now?.target ?? null,
            state: now ? now.state : null,
            trajectoryPoints: targets.filter(
              (t) => t.kpiId === k.id && t.fiscalYear === fiscalYear && t.period !== String(fiscalYear),
            ).length,
          };
        }),
      };
    });
  }

  /**
   * Copies FY−1's targets into `fiscalYear` as drafts, for each KPI that has a target last year and
   * none this year: a second run finds every KPI done and copies nothing. Each row is saved through
   * the entity, so the audit subscriber records it.
   */
  async rollover(code: string, fiscalYear: number): Promise<NewYearRolloverDto> {
    return this.dataSource.transaction(async (m) => {
      const { unit } = await this.unitAndPlan(m, code, fiscalYear);
      const kpis = await this.kpisOf(m, unit.id, fiscalYear);
      const ids = kpis.map((k) => k.id);
      const last = ids.length ? await m.find(KpiTarget, { where: { kpiId: In(ids), fiscalYear: fiscalYear - 1 } }) : [];
      const already = new Set(
        (ids.length ? await m.find(KpiTarget, { where: { kpiId: In(ids), fiscalYear } }) : []).map((t) => t.kpiId),
      );
      let copied = 0;
      let skipped = 0;
      for (const k of kpis) {
        const rows = last.filter((t) => t.kpiId === k.id);
        if (!rows.some((t) => t.period === String(fiscalYear - 1)) || already.has(k.id)) {
          skipped++;
          continue;
        }
        for (const t of rows) {
          await m.save(
            m.create(KpiTarget, {
              kpiId: k.id,
              fiscalYear,
              period: shiftPeriod(t.period, fiscalYear),
              target: t.target,
              state: 'draft',
            }),
          );
        }
        copied++;
      }
      return { fiscalYear, copied, skipped };
    });
  }

  /** The approver's step: every draft target of the year becomes published (and counts). */
  async publish(code: string, fiscalYear: number, actor: ActorClaims): Promise<NewYearRolloverDto> {
    return this.dataSource.transaction(async (m) => {
      // Refused before anything about the year is told: the officer of a province is no approver.
      const named = await m.findOne(OrgUnit, { where: { code } });
      if (named && !canPublishPlan({ role: actor.role, scopePath: actor.scope }, named))
        throw forbidden('plan.publishNotAllowed');
      const { unit } = await this.unitAndPlan(m, code, fiscalYear);
      const kpis = await this.kpisOf(m, unit.id, fiscalYear);
      const drafts = kpis.length
        ? await m.find(KpiTarget, { where: { kpiId: In(kpis.map((k) => k.id)), fiscalYear, state: 'draft' } })
        : [];
      for (const d of drafts) {
        d.state = 'published';
        await m.save(d);
      }
      const yearly = drafts.filter((d) => d.period === String(fiscalYear));
      for (const d of yearly)
        await this.events.publish(m, 'kpiTarget.set', { unit, kpiId: d.kpiId, fiscalYear, target: d.target });
      return { fiscalYear, copied: yearly.length, skipped: 0 };
    });
  }

  private async unitAndPlan(m: EntityManager, code: string, fiscalYear: number) {
    const unit = await m.findOne(OrgUnit, { where: { code } });
    if (!unit || (unit.type !== 'province' && unit.type !== 'cluster')) throw notFound('notFound.unit');
    const [plan] = await m.query(
      `SELECT end_fy FROM plan WHERE org_unit_id = $1 AND start_fy <= $2 AND end_fy >= $2 ORDER BY start_fy DESC LIMIT 1`,
      [unit.id, fiscalYear],
    );
    // The plan's period ended: the new year's KPIs belong to a new plan, built in the plan builder.
    if (!plan) throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'planImport.noPlan');
    return { unit, planEndFy: Number(plan.end_fy) };
  }

  private kpisOf(m: EntityManager, unitId: string, fiscalYear: number) {
    return m.query(
      `SELECT k.id, k.code, k.name_th, k.name_en, k.unit_th
         FROM kpi k JOIN goal g ON g.id = k.goal_id JOIN strategic_issue i ON i.id = g.issue_id
         JOIN plan p ON p.id = i.plan_id
        WHERE p.org_unit_id = $1 AND p.start_fy <= $2 AND p.end_fy >= $2 AND k.retired_at IS NULL
        ORDER BY i.seq, g.seq, k.code`,
      [unitId, fiscalYear],
    ) as Promise<{ id: string; code: string; name_th: string; name_en: string; unit_th: string }[]>;
  }
}

/** "2570-Q3" of last year → "2571-Q3"; the year's own key → the new year. */
function shiftPeriod(period: string, fiscalYear: number): string {
  const p = parsePeriod(period);
  if (!p || !period.includes('-')) return String(fiscalYear);
  return `${fiscalYear}${period.slice(4)}`;
}

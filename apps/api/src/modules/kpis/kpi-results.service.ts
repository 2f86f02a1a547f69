import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KpiResultDto } from '@provdash/shared/contracts';
import {
  bangkokDateOf,
  canSeeUnapproved,
  historyRange,
  isOutsidePlausibleRange,
  parsePeriod,
  periodRange,
  plausibleRange,
  PlausibleRange,
} from '@provdash/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError, notFound } from '../../common/api-error';
import { DomainEventBus } from '../../common/domain-events/domain-event-bus';
import { KPI_RESULT_EVENT } from '../../common/domain-events/domain-events';
import { applyReviewStep, assertEditable, editorsSinceApproval, ReviewStep } from '../../common/review-workflow';
import type { MessageKey } from '../../common/messages';
import type { ActorClaims } from '../access/actor';
import { OrgUnit } from '../org-units/org-unit.entity';
import { SaveKpiResultBody, TransitionBody } from './dto/kpi-result.dto';
import { hardLimitError, hardLimitProblem } from './hard-limits';
import { KpiResult } from './kpi-result.entity';
import { Kpi } from './kpi.entity';

const unprocessable = (key: MessageKey) => new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, key);

function toDto(r: KpiResult, showPeople: boolean): KpiResultDto {
  return {
    id: r.id,
    kpiId: r.kpiId,
    fiscalYear: r.fiscalYear,
    period: r.period,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    narrativeTh: r.narrativeTh,
    evidence: r.evidence,
    status: r.status,
    returnReason: showPeople ? r.returnReason : null,
    submittedBy: showPeople ? r.submittedBy : null,
    approvedBy: showPeople ? r.approvedBy : null,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export type Transition = ReviewStep;

/**
 * KPI results and their workflow: draft → submitted → approved, or returned with a reason.
 * Approval locks the period; an approver reopens it with a reason. Every change goes through
 * `save` in a transaction, so the audit subscriber records it in the same transaction.
 */
@Injectable()
export class KpiResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  /** Approved results for everyone; drafts, submissions and returns only for the province's own people. */
  async list(kpiId: string, fiscalYear: number | undefined, actor: ActorClaims | null): Promise<KpiResultDto[]> {
    const kpi = await this.dataSource
      .getRepository(Kpi)
      .findOne({ where: { id: kpiId }, relations: { orgUnit: true } });
    if (!kpi) throw notFound();
    const insider = actor !== null && canSeeUnapproved({ role: actor.role, scopePath: actor.scope }, kpi.orgUnit);
    const rows = await this.dataSource.getRepository(KpiResult).find({
      where: { kpiId, ...(fiscalYear && { fiscalYear }), ...(!insider && { status: 'approved' as const }) },
      order: { period: 'ASC' },
    });
    return rows.map((r) => toDto(r, insider));
  }

  async save(kpiId: string, period: string, body: SaveKpiResultBody): Promise<KpiResultDto> {
    return this.dataSource.transaction(async (m) => {
      const kpi = await this.kpi(m, kpiId);
      const impossible = hardLimitProblem(kpi, body);
      if (impossible) throw hardLimitError(impossible);
      const problem = checkEntry(kpi, period, body, bangkokDateOf(new Date()), await this.historyRange(m, kpi));
      if (problem) throw unprocessable(problem);
      const result = await this.writeDraft(m, kpi, period, body, body.version);
      await this.announce(m, kpi, result, 'save');
      return toDto(result, true);
    });
  }

  /**
   * Writes one entry as a draft inside the caller's transaction (the form and the file import
   * share it). `expectedVersion` is the version the writer read; `'any'` is for an import, which
   * replaces whatever draft is there. Approved periods are locked; submitted ones wait for the approver.
   */
  async writeDraft(
    m: EntityManager,
    kpi: Kpi,
    period: string,
    body: SaveKpiResultBody,
    expectedVersion: number | undefined | 'any',
  ): Promise<KpiResult> {
    let result = await m.findOne(KpiResult, { where: { kpiId: kpi.id, period }, lock: { mode: 'pessimistic_write' } });
    if (result) {
      assertEditable(result, expectedVersion);
    } else {
      const fiscalYear = parsePeriod(period)?.fiscalYear ?? 0;
      result = m.create(KpiResult, { kpiId: kpi.id, period, fiscalYear, status: 'draft', evidence: [] });
    }
    const ratio = kpi.rollup === 'ratio';
    result.value = ratio ? null : (body.value ?? null);
    result.numerator = ratio ? (body.numerator ?? null) : null;
    result.denominator = ratio ? (body.denominator ?? null) : null;
    if (body.narrativeTh !== undefined) result.narrativeTh = body.narrativeTh;
    if (body.evidence !== undefined) result.evidence = body.evidence.map((e) => ({ url: e.url, title: e.title }));
    // Editing a returned result starts it over as a draft; the reason stays until it is resubmitted.
    result.status = 'draft';
    return m.save(result);
  }

  async transition(kpiId: string, period: string, step: Transition, body: TransitionBody, actor: ActorClaims) {
    return this.dataSource.transaction(async (m) => {
      const kpi = await this.kpi(m, kpiId);
      const result = await m.findOne(KpiResult, { where: { kpiId, period }, lock: { mode: 'pessimistic_write' } });
      if (!result) throw notFound();
      const editors = step === 'approve' ? await editorsSinceApproval(m, 'kpi_result', result.id) : [];
      applyReviewStep(result, step, body, actor.sub, new Date(), editors);
      await m.save(result);
      await this.announce(m, kpi, result, step);
      return toDto(result, true);
    });
  }

  /**
   * Tells whoever reacts (the live events, agreement scores), in the entry's transaction. The
   * payload carries the entry's values whatever the step; which rooms may see them is the
   * reactor's rule (kpi-live.reactor.ts).
   */
  private async announce(m: EntityManager, kpi: Kpi & { orgUnit: OrgUnit }, r: KpiResult, step: ReviewStep | 'save') {
    const { code, type, path } = kpi.orgUnit;
    await this.events.publish(m, KPI_RESULT_EVENT[step], {
      kpi: { id: kpi.id, code: kpi.code },
      unit: { code, type, path },
      result: {
        fiscalYear: r.fiscalYear,
        period: r.period,
        version: r.version,
        status: r.status,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
      },
    });
  }

  /**
   * Where the KPI sets no plausible range, its own approved history does: mean ± 3 standard
   * deviations, once there are at least six values to estimate them from.
   */
  async historyRange(m: EntityManager, kpi: Kpi): Promise<Range | null> {
    if (kpi.plausibleMin !== null || kpi.plausibleMax !== null || kpi.rollup === 'ratio') return null;
    const [row] = await m.query(
      `SELECT avg(value)::float8 AS mean, stddev_samp(value)::float8 AS sd, count(value)::int AS n
       FROM kpi_result WHERE kpi_id = $1 AND status = 'approved'`,
      [kpi.id],
    );
    return row ? historyRange(row) : null;
  }

  private async kpi(m: EntityManager, kpiId: string): Promise<Kpi & { orgUnit: OrgUnit }> {
    const kpi = await m.findOne(Kpi, { where: { id: kpiId }, relations: { orgUnit: true } });
    if (!kpi || kpi.retiredAt) throw notFound();
    return kpi;
  }
}

/** A plausible range (an open side is undefined): the domain lib's. */
export type Range = PlausibleRange;

/**
 * Why an entry cannot be saved, or null: a period that does not fit the KPI's frequency or has not
 * started, a missing value (both parts for ratio KPIs), or an outlier — outside the KPI's plausible
 * range, or else outside `history` (mean ± 3 SD of its own approved values) — that the officer has
 * not confirmed with a note explaining it.
 */
export function checkEntry(
  kpi: Kpi,
  period: string,
  body: SaveKpiResultBody,
  today: string,
  history: Range | null = null,
): MessageKey | null {
  const parsed = parsePeriod(period);
  if (!parsed || parsed.frequency !== kpi.frequency) return 'result.periodInvalid';
  if (periodRange(parsed).start > today) return 'result.futurePeriod';
  if (kpi.rollup === 'ratio') {
    if (body.numerator === undefined || body.denominator === undefined || Number(body.denominator) <= 0) {
      return 'result.ratioRequired';
    }
    return null;
  }
  if (body.value === undefined) return 'result.valueRequired';
  // The same rule the data-quality follow-up lists confirmed outliers by (libs/shared/domain data-quality.ts).
  if (!isOutsidePlausibleRange(Number(body.value), plausibleRange(kpi, history))) return null;
  if (!body.confirmOutlier) return 'result.outlier';
  return body.narrativeTh?.trim() ? null : 'result.outlierNote';
}

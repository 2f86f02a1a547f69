import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AgreementChangeDto,
  AgreementDto,
  AgreementResultDto,
  AgreementRoundNumber,
} from '@provdash/shared/contracts';
import {
  bangkokDateOf,
  canSeeUnapproved,
  compareIsoDates,
  formatDecimal,
  parsePeriod,
  periodRange,
} from '@provdash/shared/domain';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { ApiError, conflict, forbidden, notFound } from '../../common/api-error';
import { DomainEventBus } from '../../common/domain-events/domain-event-bus';
import type { MessageKey } from '../../common/messages';
import type { ActorClaims, ResolvedUnit } from '../access/actor';
import { Kpi } from '../kpis/kpi.entity';
import { OrgUnit } from '../org-units/org-unit.entity';
import { AgreementAmendment } from './agreement-amendment.entity';
import { roundAsOf, scoreAgreement } from './agreement-evaluation';
import { AgreementIndicatorResult } from './agreement-indicator-result.entity';
import { AgreementIndicator } from './agreement-indicator.entity';
import { AgreementRound } from './agreement-round.entity';
import { scoringRowsOf } from './agreement-scoring.sql';
import { AgreementTemplateIndicator } from './agreement-template-indicator.entity';
import { AgreementTemplate } from './agreement-template.entity';
import { weightText } from './agreement-templates.service';
import { assertNoProblems, indicatorProblems, indicatorSetProblems } from './agreement-validation';
import { Agreement } from './agreement.entity';
import {
  AddAgreementIndicatorBody,
  DeriveAgreementBody,
  IndicatorChangeBody,
  SaveAgreementResultBody,
  SignAgreementBody,
  VersionBody,
} from './dto/agreement.dto';
import { levelsOf, setLevels } from './indicator-definition';

const unprocessable = (key: MessageKey) => new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, key);

/** What an amendment records of an indicator, before and after. */
type DefinitionField = 'nameTh' | 'nameEn' | 'unitTh' | 'unitEn' | 'weight' | 'levels' | 'kpiId';

function definitionOf(i: AgreementIndicator): Record<DefinitionField, unknown> {
  return {
    nameTh: i.nameTh,
    nameEn: i.nameEn,
    unitTh: i.unitTh,
    unitEn: i.unitEn,
    weight: i.weight,
    levels: levelsOf(i),
    kpiId: i.kpiId,
  };
}

/** Decimal texts compared by value: "70", "70.0" and "70.000000" are the same criterion value. */
const sameDecimal = (a: string, b: string) => formatDecimal(a, 6) === formatDecimal(b, 6);

const ruleOf = (i: AgreementIndicator) => ({
  code: i.code,
  direction: i.direction,
  kind: i.kind,
  weight: i.weight,
  levels: levelsOf(i),
});

function resultDto(r: AgreementIndicatorResult, showPeople: boolean): AgreementResultDto {
  return {
    id: r.id,
    period: r.period,
    value: r.value,
    step: r.step,
    narrativeTh: r.narrativeTh,
    evidence: r.evidence,
    status: r.status,
    enteredBy: showPeople ? r.enteredBy : null,
    approvedBy: showPeople ? r.approvedBy : null,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    version: r.version,
  };
}

/**
 * Province agreements: derived from a published template, edited while draft, signed, amended with a
 * reason once signed, and evaluated at the 6- and 12-month rounds. Every write goes through `save`
 * in a transaction, so the audit subscriber records each row in the same transaction; the agreement
 * row is locked while its indicators change, so two editors cannot together break the 100 % rule.
 */
@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  /**
   * The agreement with its live score as of a date and every frozen round. Drafts, and results not
   * yet approved, only for the province's own people; the live score counts approved data only.
   */
  async get(id: string, actor: ActorClaims | null, asOfDate?: string): Promise<AgreementDto> {
    const m = this.dataSource.manager;
    const agreement = await m.findOne(Agreement, { where: { id }, relations: { orgUnit: true } });
    if (!agreement) throw notFound();
    const insider = actor !== null && canSeeUnapproved({ role: actor.role, scopePath: actor.scope }, agreement.orgUnit);
    if (agreement.status === 'draft' && !insider) throw notFound();
    const asOf = asOfDate ?? bangkokDateOf(new Date());

    const indicators = await m.find(AgreementIndicator, {
      where: { agreementId: id },
      order: { seq: 'ASC', code: 'ASC' },
    });
    const ids = indicators.map((i) => i.id);
    const kpiIds = indicators.map((i) => i.kpiId).filter((k): k is string => k !== null);
    const [results, kpis, rounds, amendments, scoring] = await Promise.all([
      ids.length
        ? m.find(AgreementIndicatorResult, {
            where: { indicatorId: In(ids), ...(!insider && { status: 'approved' as const }) },
            order: { period: 'ASC' },
          })
        : [],
      kpiIds.length ? m.find(Kpi, { where: { id: In(kpiIds) } }) : [],
      m.find(AgreementRound, { where: { agreementId: id }, order: { round: 'ASC' } }),
      m.find(AgreementAmendment, { where: { agreementId: id }, order: { madeAt: 'ASC' } }),
      scoringRowsOf(m, id),
    ]);
    const kpiCode = new Map(kpis.map((k) => [k.id, k.code]));
    return {
      id: agreement.id,
      orgUnitCode: agreement.orgUnit.code,
      orgUnitNameTh: agreement.orgUnit.nameTh,
      orgUnitNameEn: agreement.orgUnit.nameEn,
      fiscalYear: agreement.fiscalYear,
      templateId: agreement.templateId,
      status: agreement.status,
      signedByGovernor: agreement.signedByGovernor,
      signedByMinistry: agreement.signedByMinistry,
      signedAt: agreement.signedAt,
      version: agreement.version,
      indicators: indicators.map((i) => ({
        id: i.id,
        code: i.code,
        nameTh: i.nameTh,
        nameEn: i.nameEn,
        unitTh: i.unitTh,
        unitEn: i.unitEn,
        direction: i.direction,
        kind: i.kind,
        weight: i.weight,
        levels: levelsOf(i),
        kpiId: i.kpiId,
        kpiCode: i.kpiId ? (kpiCode.get(i.kpiId) ?? null) : null,
        fromTemplate: i.templateIndicatorId !== null,
        seq: i.seq,
        version: i.version,
        results: results.filter((r) => r.indicatorId === i.id).map((r) => resultDto(r, insider)),
      })),
      live: scoreAgreement(scoring?.indicators ?? [], agreement.fiscalYear, asOf, 'exclude'),
      rounds: rounds.map((r) => ({
        round: r.round,
        evaluatedAt: r.evaluatedAt.toISOString(),
        score: r.score,
        snapshot: r.snapshot,
      })),
      amendments: amendments.map((a) => ({
        id: a.id,
        reason: a.reason,
        madeBy: insider ? a.madeBy : null,
        madeAt: a.madeAt.toISOString(),
        changes: a.changes,
      })),
    };
  }

  /**
   * A province's draft agreement for the template's fiscal year: every template indicator copied
   * with its default weight and criterion values, linked to the province's KPI of the same code
   * where the plan has one.
   */
  async derive(body: DeriveAgreementBody, unit: ResolvedUnit, actor: ActorClaims): Promise<AgreementDto> {
    if (unit.type !== 'province') throw unprocessable('agreement.provinceOnly');
    const id = await this.dataSource.transaction(async (m) => {
      const template = await m.findOneBy(AgreementTemplate, { id: body.templateId });
      if (!template) throw notFound();
      if (template.status !== 'published') throw conflict('agreement.templateNotPublished');
      if (await m.exists(Agreement, { where: { orgUnitId: unit.id, fiscalYear: template.fiscalYear } })) {
        throw conflict('conflict.duplicate');
      }
      const items = await m.find(AgreementTemplateIndicator, {
        where: { templateId: template.id },
        order: { seq: 'ASC', code: 'ASC' },
      });
      const codes = items.map((i) => i.kpiCode).filter((c): c is string => c !== null);
      const kpis = codes.length
        ? await m.find(Kpi, { where: { orgUnitId: unit.id, code: In(codes), retiredAt: IsNull() } })
        : [];
      const kpiByCode = new Map(kpis.map((k) => [k.code, k.id]));
      const agreement = await m.save(
        m.create(Agreement, {
          orgUnitId: unit.id,
          fiscalYear: template.fiscalYear,
          templateId: template.id,
          status: 'draft',
          signedByGovernor: null,
          signedByMinistry: null,
          signedAt: null,
        }),
      );
      for (const item of items) {
        const indicator = m.create(AgreementIndicator, {
          agreementId: agreement.id,
          templateIndicatorId: item.id,
          code: item.code,
          nameTh: item.nameTh,
          nameEn: item.nameEn,
          unitTh: item.unitTh,
          unitEn: item.unitEn,
          direction: item.direction,
          kind: item.kind,
          weight: item.weight,
          kpiId: item.kpiCode ? (kpiByCode.get(item.kpiCode) ?? null) : null,
          seq: item.seq,
        });
        setLevels(indicator, levelsOf(item));
        await m.save(indicator);
      }
      return agreement.id;
    });
    return this.get(id, actor);
  }

  /** A province-specific indicator, with other weights adjusted in the same write so they still sum to 100. */
  async addIndicator(agreementId: string, body: AddAgreementIndicatorBody, actor: ActorClaims): Promise<AgreementDto> {
    await this.dataSource.transaction(async (m) => {
      const agreement = await this.editable(m, agreementId, body.reason);
      assertNoProblems(indicatorProblems(body.indicator));
      const indicators = await this.indicatorsOf(m, agreementId);
      if (indicators.some((i) => i.code === body.indicator.code)) throw conflict('conflict.duplicate');
      const before = new Map(indicators.map((i) => [i.id, definitionOf(i)]));
      const reweighted = this.applyChanges(indicators, body.weights ?? []);
      for (const w of body.weights ?? []) {
        const row = indicators.find((i) => i.id === w.id) as AgreementIndicator;
        if (!sameDecimal(w.weight, row.weight)) row.weight = weightText(w.weight);
      }
      const added = m.create(AgreementIndicator, {
        agreementId,
        templateIndicatorId: null,
        code: body.indicator.code,
        nameTh: body.indicator.nameTh,
        nameEn: body.indicator.nameEn,
        unitTh: body.indicator.unitTh,
        unitEn: body.indicator.unitEn,
        direction: body.indicator.direction,
        kind: body.indicator.kind,
        weight: weightText(body.indicator.weight),
        kpiId: await this.kpiIdOf(m, agreement, body.indicator.kpiCode, 'indicator.kpiCode'),
        seq: Math.max(0, ...indicators.map((i) => i.seq)) + 1,
      });
      setLevels(added, body.indicator.levels);
      assertNoProblems(
        indicatorSetProblems([
          ...indicators.map((i) => ({ ...ruleOf(i), weight: this.requestedWeight(i, body.weights) })),
          { ...ruleOf(added), weight: body.indicator.weight },
        ]),
      );
      const changes = await this.saveChanged(m, reweighted, before);
      await m.save(added);
      await this.amend(m, agreement, body.reason, actor, [...changes, { ...this.change(added, null), action: 'add' }]);
    });
    return this.get(agreementId, actor);
  }

  /**
   * Changes to weights, criterion values, names or the linked KPI of several indicators at once.
   * The whole set must stay valid: weights summing to exactly 100, levels strictly monotonic.
   */
  async updateIndicators(
    agreementId: string,
    body: { reason?: string; indicators: IndicatorChangeBody[] },
    actor: ActorClaims,
  ): Promise<AgreementDto> {
    if (new Set(body.indicators.map((c) => c.id)).size !== body.indicators.length) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'validation.failed', [
        { field: 'indicators', constraints: { unique: 'each indicator may appear once' } },
      ]);
    }
    await this.dataSource.transaction(async (m) => {
      const agreement = await this.editable(m, agreementId, body.reason);
      const indicators = await this.indicatorsOf(m, agreementId);
      const before = new Map(indicators.map((i) => [i.id, definitionOf(i)]));
      const changed = this.applyChanges(indicators, body.indicators);
      for (const change of body.indicators) {
        const row = indicators.find((i) => i.id === change.id) as AgreementIndicator;
        for (const field of ['nameTh', 'nameEn', 'unitTh', 'unitEn'] as const) {
          if (change[field] !== undefined) row[field] = change[field];
        }
        if (change.weight !== undefined && !sameDecimal(change.weight, row.weight))
          row.weight = weightText(change.weight);
        if (change.levels !== undefined) {
          const current = levelsOf(row);
          const same =
            change.levels.length === current.length && change.levels.every((l, k) => sameDecimal(l, current[k]));
          if (!same) setLevels(row, change.levels);
        }
        if (change.kpiCode !== undefined) {
          row.kpiId = await this.kpiIdOf(m, agreement, change.kpiCode, `indicators.${row.code}.kpiCode`);
        }
      }
      assertNoProblems(
        indicatorSetProblems(
          indicators.map((i) => {
            const change = body.indicators.find((c) => c.id === i.id);
            return { ...ruleOf(i), weight: change?.weight ?? i.weight, levels: change?.levels ?? levelsOf(i) };
          }),
        ),
      );
      await this.amend(m, agreement, body.reason, actor, await this.saveChanged(m, changed, before));
    });
    return this.get(agreementId, actor);
  }

  /** Signed by the governor and the ministry: the agreement is agreed, and from now on amended only with a reason. */
  async sign(agreementId: string, body: SignAgreementBody, actor: ActorClaims): Promise<AgreementDto> {
    await this.dataSource.transaction(async (m) => {
      const agreement = await this.locked(m, agreementId, body.version);
      if (agreement.status !== 'draft') throw conflict('agreement.wrongState');
      const indicators = await this.indicatorsOf(m, agreementId);
      assertNoProblems(indicatorSetProblems(indicators.map(ruleOf)));
      Object.assign(agreement, {
        status: 'agreed',
        signedByGovernor: body.signedByGovernor,
        signedByMinistry: body.signedByMinistry,
        signedAt: body.signedAt,
      });
      await m.save(agreement);
    });
    return this.get(agreementId, actor);
  }

  /**
   * Evaluates a round once it has ended: the score with missing results counted as 0, over the
   * periods due by the day after the round, and every indicator's actual and score, frozen.
   */
  async evaluate(
    agreementId: string,
    round: AgreementRoundNumber,
    body: VersionBody,
    actor: ActorClaims,
  ): Promise<AgreementDto> {
    await this.dataSource.transaction(async (m) => {
      const agreement = await this.locked(m, agreementId, body.version);
      const from = round === 6 ? 'agreed' : 'evaluated_6';
      if (agreement.status !== from) throw conflict('agreement.wrongState');
      const asOf = roundAsOf(agreement.fiscalYear, round);
      if (compareIsoDates(bangkokDateOf(new Date()), asOf) < 0) throw unprocessable('agreement.roundNotDue');
      const rows = await scoringRowsOf(m, agreementId);
      const snapshot = scoreAgreement(rows?.indicators ?? [], agreement.fiscalYear, asOf, 'zero');
      await m.save(
        m.create(AgreementRound, {
          agreementId,
          round,
          asOf,
          evaluatedAt: new Date(),
          evaluatedBy: actor.sub,
          score: snapshot.formatted ?? '0.0000',
          snapshot,
        }),
      );
      agreement.status = round === 6 ? 'evaluated_6' : 'evaluated_12';
      await m.save(agreement);
      await this.events.publish(m, 'agreement.scoresMoved', {
        fiscalYear: agreement.fiscalYear,
        orgUnitCodes: [await this.unitCode(m, agreement.orgUnitId)],
        round: { round, score: snapshot.formatted ?? '0.0000' },
      });
    });
    return this.get(agreementId, actor);
  }

  /**
   * Enters or corrects a manual result of a standalone indicator, as a draft. Changing an approved
   * result needs a reason, and sends it back for approval. Frozen rounds never move.
   */
  async saveResult(
    indicatorId: string,
    period: string,
    body: SaveAgreementResultBody,
    actor: ActorClaims,
  ): Promise<AgreementResultDto> {
    return this.dataSource.transaction(async (m) => {
      const indicator = await m.findOneBy(AgreementIndicator, { id: indicatorId });
      if (!indicator) throw notFound();
      if (indicator.kpiId) throw unprocessable('agreement.linkedIndicator');
      const agreement = await m.findOneByOrFail(Agreement, { id: indicator.agreementId });
      const parsed = parsePeriod(period);
      if (!parsed || parsed.fiscalYear !== agreement.fiscalYear) throw unprocessable('agreement.periodInvalid');
      if (compareIsoDates(periodRange(period).start, bangkokDateOf(new Date())) > 0) {
        throw unprocessable('result.futurePeriod');
      }
      const milestone = indicator.kind === 'milestone';
      if (
        milestone
          ? body.step === undefined || body.value !== undefined
          : body.value === undefined || body.step !== undefined
      ) {
        throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'result.valueRequired', [
          {
            field: milestone ? 'step' : 'value',
            constraints: {
              isDefined: milestone ? 'a milestone takes the steps reached (0–5)' : 'a scale indicator takes a value',
            },
          },
        ]);
      }
      let result = await m.findOne(AgreementIndicatorResult, {
        where: { indicatorId, period },
        lock: { mode: 'pessimistic_write' },
      });
      if (result) {
        if (body.version !== result.version) throw conflict();
        if (result.status === 'approved') {
          if (!body.reason?.trim()) throw unprocessable('agreement.resultLocked');
          Object.assign(result, { changeReason: body.reason.trim(), approvedBy: null, approvedAt: null });
        }
      } else {
        result = m.create(AgreementIndicatorResult, {
          indicatorId,
          period,
          evidence: [],
          narrativeTh: '',
          changeReason: null,
        });
      }
      result.value = milestone ? null : (body.value ?? null);
      result.step = milestone ? (body.step ?? null) : null;
      if (body.narrativeTh !== undefined) result.narrativeTh = body.narrativeTh;
      if (body.evidence !== undefined) result.evidence = body.evidence.map((e) => ({ url: e.url, title: e.title }));
      result.status = 'draft';
      result.enteredBy = actor.sub;
      return resultDto(await m.save(result), true);
    });
  }

  /** An approver accepts a manual result; never one they entered themselves. */
  async approveResult(
    indicatorId: string,
    period: string,
    body: VersionBody,
    actor: ActorClaims,
  ): Promise<AgreementResultDto> {
    return this.dataSource.transaction(async (m) => {
      const result = await m.findOne(AgreementIndicatorResult, {
        where: { indicatorId, period },
        lock: { mode: 'pessimistic_write' },
      });
      if (!result) throw notFound();
      if (body.version !== result.version) throw conflict();
      if (result.status !== 'draft') throw conflict('result.wrongState');
      if (result.enteredBy === actor.sub) throw forbidden('access.selfApproval');
      Object.assign(result, { status: 'approved', approvedBy: actor.sub, approvedAt: new Date() });
      const saved = await m.save(result);
      const indicator = await m.findOneByOrFail(AgreementIndicator, { id: indicatorId });
      const agreement = await m.findOneByOrFail(Agreement, { id: indicator.agreementId });
      await this.events.publish(m, 'agreement.scoresMoved', {
        fiscalYear: agreement.fiscalYear,
        orgUnitCodes: [await this.unitCode(m, agreement.orgUnitId)],
        round: null,
      });
      return resultDto(saved, true);
    });
  }

  /** The agreement locked for a change to its indicators: a draft freely, a signed one with a reason, never after the 12-month round. */
  private async editable(m: EntityManager, id: string, reason: string | undefined): Promise<Agreement> {
    const agreement = await m.findOne(Agreement, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!agreement) throw notFound();
    if (agreement.status === 'evaluated_12') throw conflict('agreement.wrongState');
    if (agreement.status !== 'draft' && !reason?.trim()) throw unprocessable('agreement.reasonRequired');
    return agreement;
  }

  private async unitCode(m: EntityManager, orgUnitId: string): Promise<string> {
    return (await m.findOneByOrFail(OrgUnit, { id: orgUnitId })).code;
  }

  private async locked(m: EntityManager, id: string, version: number): Promise<Agreement> {
    const agreement = await m.findOne(Agreement, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!agreement) throw notFound();
    if (agreement.version !== version) throw conflict();
    return agreement;
  }

  private indicatorsOf(m: EntityManager, agreementId: string) {
    return m.find(AgreementIndicator, { where: { agreementId }, order: { seq: 'ASC', code: 'ASC' } });
  }

  /** The rows a request names, each checked against the version its writer read. */
  private applyChanges(indicators: AgreementIndicator[], changes: { id: string; version: number }[]) {
    return changes.map((change) => {
      const row = indicators.find((i) => i.id === change.id);
      if (!row) throw notFound();
      if (row.version !== change.version) throw conflict();
      return row;
    });
  }

  private requestedWeight(i: AgreementIndicator, weights: { id: string; weight: string }[] | undefined) {
    return weights?.find((w) => w.id === i.id)?.weight ?? i.weight;
  }

  /** A KPI of the agreement's province, by code; `null` unlinks. */
  private async kpiIdOf(m: EntityManager, agreement: Agreement, code: string | null | undefined, field: string) {
    if (code === null || code === undefined) return null;
    const kpi = await m.findOneBy(Kpi, { orgUnitId: agreement.orgUnitId, code, retiredAt: IsNull() });
    if (!kpi) {
      throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'agreement.kpiUnknown', [
        { field, constraints: { isIn: "no KPI with this code in the province's plan" } },
      ]);
    }
    return kpi.id;
  }

  /** Saves the rows a request named; what actually changed is what an amendment records. */
  private async saveChanged(
    m: EntityManager,
    rows: AgreementIndicator[],
    before: Map<string, Record<string, unknown>>,
  ): Promise<AgreementChangeDto[]> {
    const changes: AgreementChangeDto[] = [];
    for (const row of new Set(rows)) {
      const old = before.get(row.id) ?? null;
      await m.save(row);
      if (JSON.stringify(old) !== JSON.stringify(definitionOf(row))) changes.push(this.change(row, old));
    }
    return changes;
  }

  private change(row: AgreementIndicator, before: Record<string, unknown> | null): AgreementChangeDto {
    return { indicatorId: row.id, code: row.code, action: 'update', before, after: definitionOf(row) };
  }

  /** Once agreed, the change is an amendment: its reason and each indicator before and after, in the same transaction. */
  private async amend(
    m: EntityManager,
    agreement: Agreement,
    reason: string | undefined,
    actor: ActorClaims,
    changes: AgreementChangeDto[],
  ): Promise<void> {
    if (agreement.status === 'draft' || changes.length === 0) return;
    await m.save(
      m.create(AgreementAmendment, {
        agreementId: agreement.id,
        reason: (reason ?? '').trim(),
        madeBy: actor.sub,
        madeAt: new Date(),
        changes,
      }),
    );
  }
}

import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AgreementChangeDto,
  AgreementDto,
  AgreementResultDto,
  AgreementRoundNumber,
  AgreementRoundReviewDto,
  AgreementQueueItemDto,
  AgreementRoundReviewLineDto,
  AgreementVersionIndicatorDto,
} from '@provdash/shared/contracts';
import {
  type AgreementAct,
  bangkokDateOf,
  indicatorsMissingReason,
  isAgreementEditable,
  isAgreementSigned,
  isAllowed,
  mayActOnAgreement,
  nextAgreementState,
  canSeeUnapproved,
  compareIsoDates,
  fiscalYearOf,
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
import { milestoneActual, roundAsOf, scoreAgreement } from './agreement-evaluation';
import { AgreementIndicatorResult } from './agreement-indicator-result.entity';
import { AgreementIndicator } from './agreement-indicator.entity';
import { AgreementRoundReview } from './agreement-round-review.entity';
import { AgreementRound } from './agreement-round.entity';
import { scoringRowsOf } from './agreement-scoring.sql';
import { AgreementTemplateIndicator } from './agreement-template-indicator.entity';
import { AgreementTemplate } from './agreement-template.entity';
import { weightText } from './agreement-templates.service';
import { assertNoProblems, indicatorProblems, indicatorSetProblems } from './agreement-validation';
import { AgreementVersion } from './agreement-version.entity';
import { Agreement } from './agreement.entity';
import {
  AddAgreementIndicatorBody,
  DecideAgreementAmendmentBody,
  DecideAgreementBody,
  DecideAgreementRoundLineBody,
  DeriveAgreementBody,
  IndicatorChangeBody,
  SaveAgreementResultBody,
  SignAgreementBody,
  SubmitAgreementRoundBody,
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

function reviewDto(r: AgreementRoundReview, showPeople: boolean): AgreementRoundReviewDto {
  return {
    id: r.id,
    round: r.round,
    status: r.status,
    asOf: r.asOf,
    lines: r.lines.map((l) => ({ ...l, decidedBy: showPeople ? l.decidedBy : null })),
    submittedBy: showPeople ? r.submittedBy : null,
    submittedAt: r.submittedAt.toISOString(),
    frozenBy: showPeople ? r.frozenBy : null,
    frozenAt: r.frozenAt?.toISOString() ?? null,
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

  /** The agreement of a province for a fiscal year (default: the current one), with the same visibility as `get`. */
  async ofProvince(
    code: string,
    fiscalYear: number | undefined,
    actor: ActorClaims | null,
    asOf?: string,
  ): Promise<AgreementDto> {
    const fy = fiscalYear ?? fiscalYearOf(bangkokDateOf(new Date()));
    const [row] = await this.dataSource.query(
      `SELECT a.id FROM agreement a JOIN org_unit u ON u.id = a.org_unit_id WHERE u.code = $1 AND a.fiscal_year = $2`,
      [code, fy],
    );
    if (!row) throw notFound();
    return this.get(row.id, actor, asOf);
  }

  /**
   * The agreement with its live score as of a date and every frozen round. Drafts, and results not
   * yet approved, only for the province's own people; the live score counts approved data only.
   */
  async get(id: string, actor: ActorClaims | null, asOfDate?: string): Promise<AgreementDto> {
    const m = this.dataSource.manager;
    const agreement = await m.findOne(Agreement, { where: { id }, relations: { orgUnit: true } });
    if (!agreement) throw notFound();
    const insider = actor !== null && canSeeUnapproved({ role: actor.role, scopePath: actor.scope }, agreement.orgUnit);
    // Before signing, the agreement is between the province and the ministry that accepts it.
    const ministry =
      actor !== null && mayActOnAgreement({ role: actor.role, scopePath: actor.scope }, 'accept', agreement.orgUnit);
    const signed = isAgreementSigned(agreement.status) || agreement.status === 'evaluated_12';
    // A draft stays with the province; once proposed the ministry sees it too.
    if (!signed && !insider && (!ministry || agreement.status === 'draft')) throw notFound();
    const asOf = asOfDate ?? bangkokDateOf(new Date());

    const indicators = await m.find(AgreementIndicator, {
      where: { agreementId: id },
      order: { seq: 'ASC', code: 'ASC' },
    });
    const ids = indicators.map((i) => i.id);
    const kpiIds = indicators.map((i) => i.kpiId).filter((k): k is string => k !== null);
    const evaluator =
      actor !== null && isAllowed({ role: actor.role, scopePath: actor.scope }, 'evaluate', agreement.orgUnit);
    const [results, kpis, rounds, reviews, amendments, scoring] = await Promise.all([
      ids.length
        ? m.find(AgreementIndicatorResult, {
            where: { indicatorId: In(ids), ...(!insider && { status: 'approved' as const }) },
            order: { period: 'ASC' },
          })
        : [],
      kpiIds.length ? m.find(Kpi, { where: { id: In(kpiIds) } }) : [],
      m.find(AgreementRound, { where: { agreementId: id }, order: { round: 'ASC' } }),
      m.find(AgreementRoundReview, {
        where: { agreementId: id, ...(!insider && !evaluator && { status: 'frozen' as const }) },
        order: { round: 'ASC' },
      }),
      m.find(AgreementAmendment, {
        where: { agreementId: id, ...(!insider && !ministry && { status: 'approved' as const }) },
        order: { madeAt: 'ASC' },
      }),
      scoringRowsOf(m, id),
    ]);
    const [templateItems, versions] = await Promise.all([
      m.find(AgreementTemplateIndicator, { where: { templateId: agreement.templateId } }),
      m.find(AgreementVersion, { where: { agreementId: id }, order: { number: 'ASC' } }),
    ]);
    const templateOf = new Map(templateItems.map((t) => [t.id, t]));
    const versionOfAmendment = new Map(versions.map((v) => [v.amendmentId, v.number]));
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
      returnReason: agreement.returnReason,
      proposedAt: agreement.proposedAt?.toISOString() ?? null,
      decidedAt: agreement.decidedAt?.toISOString() ?? null,
      version: agreement.version,
      versions: versions.map((v) => ({
        number: v.number,
        madeAt: v.madeAt.toISOString(),
        reason: v.reason,
        indicators: v.indicators,
      })),
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
        templateWeight: i.templateIndicatorId ? (templateOf.get(i.templateIndicatorId)?.weight ?? null) : null,
        templateLevels: (() => {
          const t = i.templateIndicatorId ? templateOf.get(i.templateIndicatorId) : undefined;
          return t ? levelsOf(t) : null;
        })(),
        changeReason: i.changeReason,
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
      reviews: reviews.map((r) => reviewDto(r, insider || evaluator)),
      amendments: amendments.map((a) => ({
        id: a.id,
        status: a.status,
        reason: a.reason,
        decidedAt: a.decidedAt?.toISOString() ?? null,
        decisionReason: a.decisionReason,
        versionNumber: versionOfAmendment.get(a.id) ?? null,
        version: a.version,
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
      const agreement = await this.editable(m, agreementId, actor);
      if (isAgreementSigned(agreement.status)) throw conflict('agreement.addAfterSigning');
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
        changeReason: body.reason?.trim() || null,
      });
      setLevels(added, body.indicator.levels);
      assertNoProblems(
        indicatorSetProblems([
          ...indicators.map((i) => ({ ...ruleOf(i), weight: this.requestedWeight(i, body.weights) })),
          { ...ruleOf(added), weight: body.indicator.weight },
        ]),
      );
      await this.saveChanged(m, reweighted, before);
      await m.save(added);
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
      const agreement = await this.editable(m, agreementId, actor);
      const amending = isAgreementSigned(agreement.status);
      if (amending && !body.reason?.trim()) throw unprocessable('agreement.reasonRequired');
      if (amending && (await m.existsBy(AgreementAmendment, { agreementId, status: 'pending' }))) {
        throw conflict('agreement.amendmentPending');
      }
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
        if (change.changeReason !== undefined && !amending) row.changeReason = change.changeReason.trim() || null;
      }
      assertNoProblems(
        indicatorSetProblems(
          indicators.map((i) => {
            const change = body.indicators.find((c) => c.id === i.id);
            return { ...ruleOf(i), weight: change?.weight ?? i.weight, levels: change?.levels ?? levelsOf(i) };
          }),
        ),
      );
      if (!amending) {
        await this.saveChanged(m, changed, before);
        return;
      }
      // Signed: nothing changes yet; the ministry approves the amendment (a new version) or returns it.
      const changes = [...new Set(changed)]
        .filter((row) => JSON.stringify(before.get(row.id)) !== JSON.stringify(definitionOf(row)))
        .map((row) => this.change(row, before.get(row.id) ?? null));
      if (changes.length === 0) {
        throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'validation.failed', [
          { field: 'indicators', constraints: { changed: 'the amendment changes nothing' } },
        ]);
      }
      await m.save(
        m.create(AgreementAmendment, {
          agreementId,
          status: 'pending',
          reason: (body.reason ?? '').trim(),
          madeBy: actor.sub,
          madeAt: new Date(),
          changes,
          decidedBy: null,
          decidedAt: null,
          decisionReason: null,
        }),
      );
    });
    return this.get(agreementId, actor);
  }

  /**
   * The province proposes its agreement to the ministry: the set must be valid (weights summing to
   * 100, levels monotonic) and each indicator changed from the template, or added, must carry its reason.
   */
  async propose(agreementId: string, body: VersionBody, actor: ActorClaims): Promise<AgreementDto> {
    await this.dataSource.transaction(async (m) => {
      const agreement = await this.lockedFor(
        m,
        agreementId,
        body.version,
        actor,
        'propose',
        'agreement.proposeNotAllowed',
      );
      const next = nextAgreementState(agreement.status, 'propose');
      if (!next) throw conflict('agreement.wrongState');
      const indicators = await this.indicatorsOf(m, agreementId);
      assertNoProblems(indicatorSetProblems(indicators.map(ruleOf)));
      const templates = new Map(
        (await m.find(AgreementTemplateIndicator, { where: { templateId: agreement.templateId } })).map((t) => [
          t.id,
          t,
        ]),
      );
      const missing = indicatorsMissingReason(
        indicators.map((i) => {
          const t = i.templateIndicatorId ? templates.get(i.templateIndicatorId) : undefined;
          return {
            code: i.code,
            current: { weight: i.weight, levels: levelsOf(i) },
            template: t ? { weight: t.weight, levels: levelsOf(t) } : null,
            reason: i.changeReason,
          };
        }),
      );
      if (missing.length) {
        throw new ApiError(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'agreement.reasonsMissing',
          missing.map((code) => ({
            field: `indicators.${code}.changeReason`,
            constraints: { isDefined: `indicator ${code} differs from the template: give the reason` },
          })),
        );
      }
      Object.assign(agreement, { status: next, proposedBy: actor.sub, proposedAt: new Date(), returnReason: null });
      await m.save(agreement);
    });
    return this.get(agreementId, actor);
  }

  /** The ministry accepts the province's proposal (the governor may then sign) or returns it with a reason. */
  async decide(agreementId: string, body: DecideAgreementBody, actor: ActorClaims): Promise<AgreementDto> {
    await this.dataSource.transaction(async (m) => {
      const agreement = await this.lockedFor(
        m,
        agreementId,
        body.version,
        actor,
        body.decision,
        'agreement.ministryOnly',
      );
      const next = nextAgreementState(agreement.status, body.decision);
      if (!next) throw conflict('agreement.wrongState');
      if (body.decision === 'return' && !body.reason?.trim()) {
        throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'agreement.returnReasonRequired', [
          { field: 'reason', constraints: { isDefined: 'returning needs a reason' } },
        ]);
      }
      Object.assign(agreement, {
        status: next,
        decidedBy: actor.sub,
        decidedAt: new Date(),
        returnReason: body.decision === 'return' ? (body.reason ?? '').trim() : null,
      });
      await m.save(agreement);
    });
    return this.get(agreementId, actor);
  }

  /**
   * The ministry approves a pending amendment (its changes applied, a new signed version frozen) or
   * returns it with a reason (nothing changes).
   */
  async decideAmendment(
    agreementId: string,
    amendmentId: string,
    body: DecideAgreementAmendmentBody,
    actor: ActorClaims,
  ): Promise<AgreementDto> {
    await this.dataSource.transaction(async (m) => {
      const agreement = await m.findOne(Agreement, {
        where: { id: agreementId },
        relations: { orgUnit: true },
        lock: { mode: 'pessimistic_write', tables: ['agreement'] },
      });
      if (!agreement) throw notFound();
      if (!mayActOnAgreement({ role: actor.role, scopePath: actor.scope }, 'decideAmendment', agreement.orgUnit)) {
        throw forbidden('agreement.ministryOnly');
      }
      const amendment = await m.findOne(AgreementAmendment, {
        where: { id: amendmentId, agreementId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!amendment) throw notFound();
      if (amendment.version !== body.version) throw conflict();
      if (amendment.status !== 'pending') throw conflict('agreement.amendmentDecided');
      if (body.decision === 'return') {
        if (!body.reason?.trim()) {
          throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'agreement.returnReasonRequired', [
            { field: 'reason', constraints: { isDefined: 'returning needs a reason' } },
          ]);
        }
        Object.assign(amendment, {
          status: 'returned',
          decidedBy: actor.sub,
          decidedAt: new Date(),
          decisionReason: body.reason.trim(),
        });
        await m.save(amendment);
        return;
      }
      if (!isAgreementSigned(agreement.status)) throw conflict('agreement.wrongState');
      if (await m.existsBy(AgreementRoundReview, { agreementId, status: 'submitted' })) {
        throw conflict('agreement.roundUnderReview');
      }
      const indicators = await this.indicatorsOf(m, agreementId);
      const touched: AgreementIndicator[] = [];
      for (const change of amendment.changes) {
        const row = indicators.find((i) => i.id === change.indicatorId);
        if (!row) throw conflict();
        const after = change.after as Record<DefinitionField, unknown>;
        Object.assign(row, {
          nameTh: after['nameTh'],
          nameEn: after['nameEn'],
          unitTh: after['unitTh'],
          unitEn: after['unitEn'],
          weight: after['weight'],
          kpiId: after['kpiId'],
        });
        setLevels(row, after['levels'] as string[]);
        touched.push(row);
      }
      assertNoProblems(indicatorSetProblems(indicators.map(ruleOf)));
      for (const row of touched) await m.save(row);
      Object.assign(amendment, { status: 'approved', decidedBy: actor.sub, decidedAt: new Date() });
      const saved = await m.save(amendment);
      const last = await m.findOne(AgreementVersion, { where: { agreementId }, order: { number: 'DESC' } });
      await this.freezeVersion(m, agreement, (last?.number ?? 0) + 1, actor, saved);
      await this.events.publish(m, 'agreement.scoresMoved', {
        fiscalYear: agreement.fiscalYear,
        orgUnitCodes: [agreement.orgUnit.code],
        round: null,
      });
    });
    return this.get(agreementId, actor);
  }

  /** Proposals and amendments waiting for the ministry, oldest first. */
  async queue(fiscalYear: number | undefined): Promise<AgreementQueueItemDto[]> {
    const rows: {
      kind: 'proposal' | 'amendment';
      agreement_id: string;
      code: string;
      name_th: string;
      name_en: string;
      fiscal_year: number;
      since: Date;
      amendment_id: string | null;
      reason: string | null;
    }[] = await this.dataSource.query(
      `SELECT 'proposal' AS kind, a.id AS agreement_id, u.code, u.name_th, u.name_en, a.fiscal_year,
              a.proposed_at AS since, NULL::uuid AS amendment_id, NULL::text AS reason
         FROM agreement a JOIN org_unit u ON u.id = a.org_unit_id
        WHERE a.status = 'proposed' AND ($1::int IS NULL OR a.fiscal_year = $1)
       UNION ALL
       SELECT 'amendment', a.id, u.code, u.name_th, u.name_en, a.fiscal_year, am.made_at, am.id, am.reason
         FROM agreement_amendment am JOIN agreement a ON a.id = am.agreement_id JOIN org_unit u ON u.id = a.org_unit_id
        WHERE am.status = 'pending' AND ($1::int IS NULL OR a.fiscal_year = $1)
        ORDER BY since ASC, code ASC`,
      [fiscalYear ?? null],
    );
    return rows.map((r) => ({
      kind: r.kind,
      agreementId: r.agreement_id,
      orgUnitCode: r.code,
      orgUnitNameTh: r.name_th,
      orgUnitNameEn: r.name_en,
      fiscalYear: Number(r.fiscal_year),
      since: new Date(r.since).toISOString(),
      amendmentId: r.amendment_id,
      reason: r.reason,
    }));
  }

  /**
   * The province's governor signs the agreement the ministry accepted: an explicit act, recorded
   * with the governor's account; version 1 is frozen as signed. From now on it changes only by an
   * amendment the ministry approves.
   */
  async sign(agreementId: string, body: SignAgreementBody, actor: ActorClaims): Promise<AgreementDto> {
    await this.dataSource.transaction(async (m) => {
      const agreement = await this.lockedFor(m, agreementId, body.version, actor, 'sign', 'agreement.governorOnly');
      const next = nextAgreementState(agreement.status, 'sign');
      if (!next) throw conflict('agreement.wrongState');
      const indicators = await this.indicatorsOf(m, agreementId);
      assertNoProblems(indicatorSetProblems(indicators.map(ruleOf)));
      Object.assign(agreement, {
        status: next,
        signedByGovernor: body.signedByGovernor,
        signedByMinistry: body.signedByMinistry,
        signedAt: body.signedAt,
        signedBy: actor.sub,
      });
      await m.save(agreement);
      await this.freezeVersion(m, agreement, 1, actor, null);
      await this.events.publish(m, 'agreement.scoresMoved', {
        fiscalYear: agreement.fiscalYear,
        orgUnitCodes: [agreement.orgUnit.code],
        round: null,
      });
    });
    return this.get(agreementId, actor);
  }

  /** A signed version: the indicators as they now stand, frozen. */
  private async freezeVersion(
    m: EntityManager,
    agreement: Agreement,
    number: number,
    actor: ActorClaims,
    amendment: AgreementAmendment | null,
  ): Promise<void> {
    const indicators = await this.indicatorsOf(m, agreement.id);
    const kpiIds = indicators.map((i) => i.kpiId).filter((k): k is string => k !== null);
    const kpis = kpiIds.length ? await m.find(Kpi, { where: { id: In(kpiIds) } }) : [];
    const snapshot: AgreementVersionIndicatorDto[] = indicators.map((i) => ({
      code: i.code,
      nameTh: i.nameTh,
      nameEn: i.nameEn,
      unitTh: i.unitTh,
      unitEn: i.unitEn,
      direction: i.direction,
      kind: i.kind,
      weight: i.weight,
      levels: levelsOf(i),
      kpiCode: kpis.find((k) => k.id === i.kpiId)?.code ?? null,
    }));
    await m.save(
      m.create(AgreementVersion, {
        agreementId: agreement.id,
        number,
        amendmentId: amendment?.id ?? null,
        reason: amendment?.reason ?? null,
        madeBy: actor.sub,
        madeAt: new Date(),
        indicators: snapshot,
      }),
    );
  }

  /** The agreement locked at the version read, for an act the actor must be allowed on the province. */
  private async lockedFor(
    m: EntityManager,
    id: string,
    version: number,
    actor: ActorClaims,
    act: AgreementAct,
    refusal: MessageKey,
  ): Promise<Agreement> {
    const agreement = await m.findOne(Agreement, {
      where: { id },
      relations: { orgUnit: true },
      lock: { mode: 'pessimistic_write', tables: ['agreement'] },
    });
    if (!agreement) throw notFound();
    if (!mayActOnAgreement({ role: actor.role, scopePath: actor.scope }, act, agreement.orgUnit)) {
      throw forbidden(refusal);
    }
    if (agreement.version !== version) throw conflict();
    return agreement;
  }

  /**
   * The province submits its self-assessment of a round once the round has ended: each indicator's
   * actual from its approved data as of the day after the round (what the round would score), with
   * the narrative and evidence it gives. From now on the centre evaluates it; the agreement cannot
   * change until the round is frozen.
   */
  async submitRound(
    agreementId: string,
    round: AgreementRoundNumber,
    body: SubmitAgreementRoundBody,
    actor: ActorClaims,
  ): Promise<AgreementDto> {
    await this.dataSource.transaction(async (m) => {
      const agreement = await this.locked(m, agreementId, body.version);
      if (agreement.status !== (round === 6 ? 'agreed' : 'evaluated_6')) throw conflict('agreement.wrongState');
      if (await m.existsBy(AgreementRoundReview, { agreementId, round })) throw conflict('agreement.roundSubmitted');
      const asOf = roundAsOf(agreement.fiscalYear, round);
      if (compareIsoDates(bangkokDateOf(new Date()), asOf) < 0) throw unprocessable('agreement.roundNotDue');
      const indicators = await this.indicatorsOf(m, agreementId);
      const given = new Map(body.indicators.map((l) => [l.indicatorId, l]));
      if (
        given.size !== body.indicators.length ||
        [...given.keys()].some((id) => !indicators.some((i) => i.id === id))
      ) {
        throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'validation.failed', [
          { field: 'indicators', constraints: { isIn: "each line names one of the agreement's indicators, once" } },
        ]);
      }
      const rows = await scoringRowsOf(m, agreementId);
      const assessed = scoreAgreement(rows?.indicators ?? [], agreement.fiscalYear, asOf, 'zero');
      const lines: AgreementRoundReviewLineDto[] = indicators.map((i) => {
        const line = given.get(i.id);
        return {
          indicatorId: i.id,
          code: i.code,
          selfActual: assessed.indicators.find((l) => l.indicatorId === i.id)?.actual ?? null,
          narrativeTh: line?.narrativeTh ?? '',
          evidence: (line?.evidence ?? []).map((e) => ({ url: e.url, title: e.title })),
          decision: 'pending',
          evaluatedActual: null,
          evaluatedStep: null,
          reason: null,
          decidedBy: null,
          decidedAt: null,
        };
      });
      await m.save(
        m.create(AgreementRoundReview, {
          agreementId,
          round,
          status: 'submitted',
          asOf,
          lines,
          submittedBy: actor.sub,
          submittedAt: new Date(),
          frozenBy: null,
          frozenAt: null,
        }),
      );
    });
    return this.get(agreementId, actor);
  }

  /** The central evaluator accepts one indicator's self-assessed result, or adjusts it with a reason. */
  async decideRoundLine(
    agreementId: string,
    round: AgreementRoundNumber,
    indicatorId: string,
    body: DecideAgreementRoundLineBody,
    actor: ActorClaims,
  ): Promise<AgreementDto> {
    await this.dataSource.transaction(async (m) => {
      const review = await this.review(m, agreementId, round, body.version);
      const line = review.lines.find((l) => l.indicatorId === indicatorId);
      if (!line) throw notFound();
      const indicator = await m.findOneByOrFail(AgreementIndicator, { id: indicatorId });
      let evaluatedActual: number | null = null;
      let evaluatedStep: number | null = null;
      if (body.decision === 'adjusted') {
        const milestone = indicator.kind === 'milestone';
        const problems = [];
        if (!body.reason?.trim())
          problems.push({ field: 'reason', constraints: { isDefined: 'an adjustment needs a reason' } });
        if (
          milestone
            ? body.step === undefined || body.value !== undefined
            : body.value === undefined || body.step !== undefined
        ) {
          problems.push({
            field: milestone ? 'step' : 'value',
            constraints: {
              isDefined: milestone ? 'a milestone takes the steps reached (0–5)' : 'a scale indicator takes a value',
            },
          });
        }
        if (problems.length) throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'validation.failed', problems);
        if (milestone) {
          evaluatedStep = body.step as number;
          evaluatedActual = milestoneActual(levelsOf(indicator).map(Number), evaluatedStep);
        } else {
          evaluatedActual = Number(body.value);
        }
      }
      const decided: AgreementRoundReviewLineDto = {
        ...line,
        decision: body.decision,
        evaluatedActual,
        evaluatedStep,
        reason: body.decision === 'adjusted' ? (body.reason ?? '').trim() : null,
        decidedBy: actor.sub,
        decidedAt: new Date().toISOString(),
      };
      review.lines = review.lines.map((l) => (l.indicatorId === indicatorId ? decided : l));
      await m.save(review);
    });
    return this.get(agreementId, actor);
  }

  /**
   * The central evaluator freezes a round once every indicator is decided: the score with missing
   * results counted as 0, from the accepted or adjusted actuals, frozen in `agreement_round`. The
   * review is frozen too: neither ever changes again.
   */
  async freezeRound(
    agreementId: string,
    round: AgreementRoundNumber,
    body: VersionBody,
    actor: ActorClaims,
  ): Promise<AgreementDto> {
    await this.dataSource.transaction(async (m) => {
      const review = await this.review(m, agreementId, round, body.version);
      if (review.lines.some((l) => l.decision === 'pending')) throw unprocessable('agreement.roundUndecided');
      const agreement = await m.findOneOrFail(Agreement, {
        where: { id: agreementId },
        lock: { mode: 'pessimistic_write' },
      });
      if (agreement.status !== (round === 6 ? 'agreed' : 'evaluated_6')) throw conflict('agreement.wrongState');
      const rows = await scoringRowsOf(m, agreementId);
      const actuals = new Map(
        review.lines.map((l) => [l.indicatorId, l.decision === 'adjusted' ? l.evaluatedActual : l.selfActual]),
      );
      const snapshot = scoreAgreement(rows?.indicators ?? [], agreement.fiscalYear, review.asOf, 'zero', actuals);
      await m.save(
        m.create(AgreementRound, {
          agreementId,
          round,
          asOf: review.asOf,
          evaluatedAt: new Date(),
          evaluatedBy: actor.sub,
          score: snapshot.formatted ?? '0.0000',
          snapshot,
        }),
      );
      Object.assign(review, { status: 'frozen', frozenBy: actor.sub, frozenAt: new Date() });
      await m.save(review);
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

  /** A submitted review locked for the evaluator's change, checked against the version read; a frozen one refuses. */
  private async review(
    m: EntityManager,
    agreementId: string,
    round: AgreementRoundNumber,
    version: number,
  ): Promise<AgreementRoundReview> {
    if (!(await m.existsBy(Agreement, { id: agreementId }))) throw notFound();
    const review = await m.findOne(AgreementRoundReview, {
      where: { agreementId, round },
      lock: { mode: 'pessimistic_write' },
    });
    if (!review) throw conflict('agreement.roundNotSubmitted');
    if (review.status === 'frozen') throw conflict('agreement.roundFrozen');
    if (review.version !== version) throw conflict();
    return review;
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

  /**
   * The agreement locked for a change to its indicators: a draft or returned one freely (each change
   * from the template with its reason, asked when proposing), a signed one as an amendment for the
   * ministry; never while with the ministry or awaiting signature, never after the 12-month round.
   */
  private async editable(m: EntityManager, id: string, actor: ActorClaims): Promise<Agreement> {
    const agreement = await m.findOne(Agreement, {
      where: { id },
      relations: { orgUnit: true },
      lock: { mode: 'pessimistic_write', tables: ['agreement'] },
    });
    if (!agreement) throw notFound();
    if (!mayActOnAgreement({ role: actor.role, scopePath: actor.scope }, 'amend', agreement.orgUnit)) {
      throw forbidden('agreement.proposeNotAllowed');
    }
    if (agreement.status === 'evaluated_12') throw conflict('agreement.wrongState');
    if (!isAgreementEditable(agreement.status) && !isAgreementSigned(agreement.status)) {
      throw conflict('agreement.notEditable');
    }
    // The evaluator judges the indicators as submitted: they hold still until the round is frozen.
    if (await m.existsBy(AgreementRoundReview, { agreementId: id, status: 'submitted' })) {
      throw conflict('agreement.roundUnderReview');
    }
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
}

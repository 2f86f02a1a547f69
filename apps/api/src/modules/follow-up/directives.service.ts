import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DirectiveBoardDto,
  DirectiveDetailDto,
  DirectiveDto,
  DirectivePersonDto,
  DirectiveProgressDto,
} from '@provdash/shared/contracts';
import {
  bangkokDateOf,
  bangkokMonthOf,
  canAnswerDirective,
  canIssueDirective,
  canSeeUnapproved,
  canTakeDirectiveStep,
  compareIsoDates,
  directiveTimeliness,
  type DirectiveSource,
  type DirectiveStep,
  type DirectiveState,
  nextDirectiveState,
} from '@provdash/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError, conflict, forbidden, notFound } from '../../common/api-error';
import { DomainEventBus } from '../../common/domain-events/domain-event-bus';
import type { ActorClaims } from '../access/actor';
import { OrgUnit } from '../org-units/org-unit.entity';
import { DirectiveProgress } from './directive-progress.entity';
import { Directive } from './directive.entity';
import { DirectiveListQuery, DirectiveProgressBody, DirectiveStepBody, IssueDirectiveBody } from './dto/directive.dto';
import { DIRECTIVE_COLUMNS, DIRECTIVE_FROM, DirectiveRow, listWhere, PEOPLE_SQL } from './directive-queries';

const unprocessable = (key: ConstructorParameters<typeof ApiError>[1], field?: string, code?: string, en?: string) =>
  new ApiError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    key,
    field && code && en ? [{ field, constraints: { [code]: en } }] : undefined,
  );

interface Reader {
  claims: ActorClaims;
  unit: OrgUnit;
}

/**
 * Directives: the governor issues, closes and returns; the owner acknowledges, reports progress
 * and asks to close (rules in libs/shared/domain directive.ts). Every write is a `save` in a
 * transaction (the audit subscriber records it) and publishes `directive.changed`, on which the
 * live events (and the notifications) react.
 */
@Injectable()
export class DirectivesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  async board(q: DirectiveListQuery, claims: ActorClaims, now = new Date()): Promise<DirectiveBoardDto> {
    const unit = await this.unitByCode(q.unit);
    const reader = this.reader(claims, unit);
    const today = bangkokDateOf(now);
    const month = bangkokMonthOf(now);
    const { sql, params } = listWhere(unit.path, q, claims.sub, today);
    const rows: DirectiveRow[] = await this.dataSource.query(
      `SELECT ${DIRECTIVE_COLUMNS} ${DIRECTIVE_FROM} WHERE ${sql}
       ORDER BY (d.state = 'closed'), d.due_date, d.created_at`,
      params,
    );
    // The counts are the province's whole picture, whatever the list shows: one pass in SQL.
    const [counts] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE d.state <> 'closed')::int AS open,
              count(*) FILTER (WHERE d.state <> 'closed' AND d.due_date < $2::date)::int AS overdue,
              count(*) FILTER (WHERE d.state = 'close_requested')::int AS "awaitingClose",
              count(*) FILTER (WHERE d.state = 'closed'
                AND (d.closed_at AT TIME ZONE 'Asia/Bangkok')::date BETWEEN $3::date AND $4::date)::int AS "closedThisMonth"
       FROM directive d JOIN org_unit u ON u.id = d.org_unit_id
       WHERE u.path = $1 OR u.path LIKE $1 || '/%'`,
      [unit.path, today, month.start, month.end],
    );
    const byAgency: DirectiveBoardDto['byAgency'] = await this.dataSource.query(
      `SELECT COALESCE(NULLIF(d.owner_agency, ''), ow.display_name) AS agency,
              count(*)::int AS open, count(*) FILTER (WHERE d.due_date < $2::date)::int AS overdue
       FROM directive d JOIN org_unit u ON u.id = d.org_unit_id LEFT JOIN app_user ow ON ow.id = d.owner_user_id
       WHERE (u.path = $1 OR u.path LIKE $1 || '/%') AND d.state <> 'closed'
       GROUP BY 1 ORDER BY overdue DESC, open DESC, agency`,
      [unit.path, today],
    );
    const canIssue = canIssueDirective(this.actor(claims), unit);
    return {
      orgUnitCode: unit.code,
      counts,
      byAgency,
      directives: rows.map((r) => this.dto(r, reader, now)),
      people: canIssue ? await this.people(this.dataSource.manager, unit.id) : [],
      canIssue,
    };
  }

  async detail(id: string, claims: ActorClaims, now = new Date()): Promise<DirectiveDetailDto> {
    const row = await this.row(this.dataSource.manager, id);
    const unit = await this.dataSource.getRepository(OrgUnit).findOneByOrFail({ id: row.orgUnitId });
    const reader = this.reader(claims, unit);
    const progress: (DirectiveProgressDto & { postedAt: Date })[] = await this.dataSource.query(
      `SELECT p.id, p.note, p.percent, p.evidence, p.posted_by AS "postedBy", u.display_name AS "posterName",
              p.created_at AS "postedAt"
       FROM directive_progress p JOIN app_user u ON u.id = p.posted_by
       WHERE p.directive_id = $1 ORDER BY p.created_at DESC`,
      [id],
    );
    return {
      ...this.dto(row, reader, now),
      progress: progress.map((p) => ({ ...p, postedAt: new Date(p.postedAt).toISOString() })),
    };
  }

  async issue(body: IssueDirectiveBody, claims: ActorClaims): Promise<DirectiveDetailDto> {
    const id = await this.dataSource.transaction(async (m) => (await this.issueIn(m, body, claims)).id);
    return this.detail(id, claims);
  }

  /**
   * Issues a directive inside the caller's transaction (publishing `directive.changed` with it). A
   * meeting's decision is issued in the name of the meeting's chair (`onBehalfOf`, a governor of the
   * province the meeting service has checked), whoever records it, with `meeting` as its source and
   * the agenda item's KPI, project or risk as its subject.
   */
  async issueIn(
    m: EntityManager,
    body: IssueDirectiveBody,
    claims: ActorClaims,
    onBehalfOf?: { issuedBy: string; source: 'meeting' },
  ): Promise<Directive> {
    const unit = await m.findOne(OrgUnit, { where: { code: body.orgUnitCode } });
    if (!unit) throw notFound('notFound.unit');
    if (unit.type !== 'province') throw unprocessable('directive.notProvince');
    if (!onBehalfOf && !canIssueDirective(this.actor(claims), unit)) throw forbidden('directive.notIssuer');
    const ownerAgency = body.ownerAgency?.trim() ?? '';
    const ownerUserId = body.ownerUserId ?? null;
    if (!ownerUserId && !ownerAgency)
      throw unprocessable('directive.ownerRequired', 'ownerAgency', 'ownerRequired', 'Name a person or an agency.');
    if (ownerUserId && !(await this.people(m, unit.id)).some((p) => p.id === ownerUserId))
      throw unprocessable(
        'directive.ownerInvalid',
        'ownerUserId',
        'directiveOwner',
        'The owner must be an active user of this province.',
      );
    if (compareIsoDates(body.dueDate, bangkokDateOf(new Date())) < 0)
      throw unprocessable('directive.dueInPast', 'dueDate', 'dueInPast', 'The due date cannot be before today.');
    const source = onBehalfOf?.source ?? (await this.checkSource(m, unit.id, body));
    if (onBehalfOf) await this.checkSource(m, unit.id, body);
    const saved = await m.save(
      m.create(Directive, {
        orgUnitId: unit.id,
        title: body.title.trim(),
        detail: body.detail ?? '',
        ownerUserId,
        ownerAgency,
        dueDate: body.dueDate,
        source,
        kpiId: body.kpiId ?? null,
        projectId: body.projectId ?? null,
        riskId: body.riskId ?? null,
        state: 'issued',
        percent: 0,
        issuedBy: onBehalfOf?.issuedBy ?? claims.sub,
      }),
    );
    await this.announce(m, saved, unit, 'issue', claims.sub);
    return saved;
  }

  async step(id: string, step: Exclude<DirectiveStep, 'progress'>, body: DirectiveStepBody, claims: ActorClaims) {
    await this.dataSource.transaction(async (m) => {
      const { d, unit } = await this.lockForStep(m, id, step, body.version, claims);
      const now = new Date();
      const note = body.note?.trim() ?? '';
      switch (step) {
        case 'acknowledge':
          d.acknowledgedAt = now;
          break;
        case 'requestClose':
          d.closeRequestedAt = now;
          d.closeRequestNote = note;
          break;
        case 'close':
          d.closedAt = now;
          d.closedBy = claims.sub;
          d.issuerNote = note;
          break;
        case 'return':
          if (!note)
            throw unprocessable('result.reasonRequired', 'note', 'isNotEmpty', 'Say why it goes back to its owner.');
          d.issuerNote = note;
          d.closeRequestedAt = null;
          break;
      }
      d.state = nextDirectiveState(d.state, step) as DirectiveState;
      const saved = await m.save(d);
      await this.announce(m, saved, unit, step, claims.sub);
    });
    return this.detail(id, claims);
  }

  async postProgress(id: string, body: DirectiveProgressBody, claims: ActorClaims): Promise<DirectiveDetailDto> {
    await this.dataSource.transaction(async (m) => {
      const { d, unit } = await this.lockForStep(m, id, 'progress', body.version, claims);
      const now = new Date();
      await m.save(
        m.create(DirectiveProgress, {
          directiveId: d.id,
          note: body.note.trim(),
          percent: body.percent,
          evidence: body.evidence ?? [],
          postedBy: claims.sub,
        }),
      );
      if (!d.acknowledgedAt) d.acknowledgedAt = now;
      d.percent = body.percent;
      d.state = 'in_progress';
      const saved = await m.save(d);
      await this.announce(m, saved, unit, 'progress', claims.sub);
    });
    return this.detail(id, claims);
  }

  /** Who may (403), then is this still the version the person saw (409), then is the step open (409). */
  private async lockForStep(m: EntityManager, id: string, step: DirectiveStep, version: number, claims: ActorClaims) {
    const d = await m.findOne(Directive, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!d) throw notFound();
    const unit = await m.findOneByOrFail(OrgUnit, { id: d.orgUnitId });
    if (!canTakeDirectiveStep(this.actor(claims), unit, d, step))
      throw forbidden(step === 'close' || step === 'return' ? 'directive.notIssuer' : 'directive.notOwner');
    if (d.version !== version) throw conflict();
    if (!nextDirectiveState(d.state, step)) throw conflict('directive.wrongState');
    return { d, unit };
  }

  private async announce(
    m: EntityManager,
    d: Directive,
    unit: OrgUnit,
    step: DirectiveStep | 'issue',
    actorId: string,
  ) {
    await this.events.publish(m, 'directive.changed', {
      unit: { code: unit.code, type: unit.type, path: unit.path },
      actorId,
      directive: {
        directiveId: d.id,
        step,
        state: d.state,
        percent: d.percent,
        title: d.title,
        ownerUserId: d.ownerUserId,
        ownerAgency: d.ownerAgency,
        issuedBy: d.issuedBy,
        dueDate: d.dueDate,
        kpiId: d.kpiId,
        projectId: d.projectId,
        riskId: d.riskId,
        version: d.version,
      },
    });
  }

  /** The KPI, project or risk must be the province's own; says which kind of source it is. */
  private async checkSource(m: EntityManager, unitId: string, body: IssueDirectiveBody): Promise<DirectiveSource> {
    const given = [body.kpiId, body.projectId, body.riskId].filter(Boolean);
    if (given.length > 1) throw unprocessable('directive.oneSource');
    const check = async (sql: string, id: string) => {
      const [row] = await m.query(sql, [id, unitId]);
      if (!row) throw unprocessable('directive.sourceOutside');
    };
    if (body.kpiId) {
      await check(`SELECT 1 FROM kpi WHERE id = $1 AND org_unit_id = $2`, body.kpiId);
      return 'kpi';
    }
    if (body.projectId) {
      await check(`SELECT 1 FROM project WHERE id = $1 AND org_unit_id = $2`, body.projectId);
      return 'project';
    }
    if (body.riskId) {
      await check(
        `SELECT 1 FROM risk r LEFT JOIN project p ON p.id = r.project_id LEFT JOIN kpi k ON k.id = r.kpi_id
         WHERE r.id = $1 AND COALESCE(r.org_unit_id, p.org_unit_id, k.org_unit_id) = $2`,
        body.riskId,
      );
      return 'risk';
    }
    return 'none';
  }

  /** The province's active people who can be given a directive. */
  private async people(m: EntityManager, unitId: string): Promise<DirectivePersonDto[]> {
    return m.query(PEOPLE_SQL, [unitId]);
  }

  private async row(m: EntityManager, id: string): Promise<DirectiveRow> {
    const [row] = await m.query(`SELECT ${DIRECTIVE_COLUMNS} ${DIRECTIVE_FROM} WHERE d.id = $1`, [id]);
    if (!row) throw notFound();
    return row;
  }

  private async unitByCode(code: string): Promise<OrgUnit> {
    const unit = await this.dataSource.getRepository(OrgUnit).findOne({ where: { code } });
    if (!unit) throw notFound('notFound.unit');
    return unit;
  }

  /** Directives are the province's internal follow-up: its own people (and admins) read them. */
  private reader(claims: ActorClaims, unit: OrgUnit): Reader {
    if (!canSeeUnapproved(this.actor(claims), unit)) throw forbidden();
    return { claims, unit };
  }

  private actor(claims: ActorClaims) {
    return { role: claims.role, scopePath: claims.scope, id: claims.sub };
  }

  private dto(r: DirectiveRow, reader: Reader, now: Date): DirectiveDto {
    const timing = directiveTimeliness({ state: r.state, dueDate: r.dueDate }, now);
    const actor = this.actor(reader.claims);
    const unit = { path: r.unitPath, type: r.unitType };
    return {
      id: r.id,
      orgUnitCode: r.orgUnitCode,
      title: r.title,
      detail: r.detail,
      ownerUserId: r.ownerUserId,
      ownerName: r.ownerName,
      ownerAgency: r.ownerAgency,
      dueDate: r.dueDate,
      source: {
        kind: r.source,
        id: r.kpiId ?? r.projectId ?? r.riskId,
        code: r.sourceCode,
        nameTh: r.sourceNameTh,
        nameEn: r.sourceNameEn,
      },
      state: r.state,
      percent: r.percent,
      issuedBy: r.issuedBy,
      issuerName: r.issuerName,
      issuedAt: new Date(r.createdAt).toISOString(),
      acknowledgedAt: r.acknowledgedAt ? new Date(r.acknowledgedAt).toISOString() : null,
      closeRequestedAt: r.closeRequestedAt ? new Date(r.closeRequestedAt).toISOString() : null,
      closedAt: r.closedAt ? new Date(r.closedAt).toISOString() : null,
      issuerNote: r.issuerNote,
      closeRequestNote: r.closeRequestNote,
      overdue: timing.overdue,
      daysOverdue: timing.daysOverdue,
      canAnswer: r.state !== 'closed' && canAnswerDirective(actor, unit, r),
      canIssue: canIssueDirective(actor, unit),
      version: r.version,
    };
  }
}

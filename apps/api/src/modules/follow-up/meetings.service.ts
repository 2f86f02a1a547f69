import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AgendaItemKindDto,
  MeetingAgendaItemDto,
  MeetingDecisionDto,
  MeetingDetailDto,
  MeetingDirectiveDto,
  MeetingListDto,
  MeetingSummaryDto,
} from '@provdash/shared/contracts';
import {
  AGENDA_RISK_MIN_SCORE,
  type AgendaItemKind,
  bangkokDateOf,
  canBuildAgenda,
  canRecordDecision,
  canRunMeeting,
  directiveTimeliness,
  type DirectiveState,
  fiscalYearOf,
  formatDateLabel,
  lapseRisk,
  type MeetingStep,
  type RiskResponse,
  nextMeetingState,
  sortAgenda,
} from '@provdash/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError, conflict, forbidden, notFound } from '../../common/api-error';
import { thaiNumber } from '../agreements/exports/export-format';
import type { ActorClaims } from '../access/actor';
import { OrgUnit } from '../org-units/org-unit.entity';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { DirectivesService } from './directives.service';
import { PEOPLE_SQL } from './directive-queries';
import { CreateMeetingBody, DecisionDirectiveBody, RecordDecisionBody } from './dto/meeting.dto';
import { MeetingAgendaItem } from './meeting-agenda-item.entity';
import { MeetingDecision } from './meeting-decision.entity';
import { Meeting } from './meeting.entity';
import { AGENDA_CANDIDATES_SQL, DECISIONS_SQL, MEETING_LIST_SQL, OPEN_MEETING_DIRECTIVES_SQL } from './meeting-queries';

const unprocessable = (key: ConstructorParameters<typeof ApiError>[1]) =>
  new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, key);

/** One thing that needs attention, before it is an agenda row. */
interface Candidate {
  kind: AgendaItemKind;
  subject: { kpiId?: string; projectId?: string; riskId?: string; directiveId?: string };
  titleTh: string;
  titleEn: string;
  note: string;
}

interface CandidateRow {
  kind: 'lapse_project' | 'overdue_directive' | 'carried_directive' | 'high_risk';
  id: string;
  code: string | null;
  nameTh: string;
  nameEn: string;
  facts: Record<string, string | number | null>;
}

/** The 4T response as the minutes say it (the dashboard's words, th.json). */
const RESPONSE_TH: Record<RiskResponse, string> = {
  take: 'ยอมรับ (Take)',
  treat: 'ลด/ควบคุม (Treat)',
  transfer: 'ถ่ายโอน (Transfer)',
  terminate: 'ยกเลิก/เปลี่ยนแผน (Terminate)',
};

const subjectKey = (kind: string, s: Candidate['subject']) =>
  `${kind}:${s.kpiId ?? s.projectId ?? s.riskId ?? s.directiveId}`;

/**
 * The province's monthly meeting: the secretary (or the governor) opens one, which carries the
 * previous meeting's still-open directives; builds its agenda from what needs attention; holds it
 * and records decisions, each of which can become a directive (issued through DirectivesService,
 * which publishes `directive.changed`); closes the minutes. Every write is a `save` in a transaction
 * (audited); meetings are the province's internal business, never public.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directives: DirectivesService,
    private readonly scorecards: ScorecardsService,
  ) {}

  async list(code: string, claims: ActorClaims): Promise<MeetingListDto> {
    const unit = await this.unitByCode(this.dataSource.manager, code);
    this.checkRunner(claims, unit);
    const meetings: MeetingSummaryDto[] = await this.dataSource.query(MEETING_LIST_SQL, [unit.id]);
    return { orgUnitCode: unit.code, meetings, canRun: true };
  }

  async detail(id: string, claims: ActorClaims, now = new Date()): Promise<MeetingDetailDto> {
    const m = this.dataSource.manager;
    const [row] = await m.query(
      `SELECT x.id, u.code AS "orgUnitCode", to_char(x.meeting_date, 'YYYY-MM-DD') AS "meetingDate", x.title,
              x.state, x.chair_user_id AS "chairUserId", cu.display_name AS "chairName", x.held_at AS "heldAt",
              x.closed_at AS "closedAt", x.version, x.org_unit_id AS "orgUnitId"
       FROM meeting x JOIN org_unit u ON u.id = x.org_unit_id LEFT JOIN app_user cu ON cu.id = x.chair_user_id
       WHERE x.id = $1`,
      [id],
    );
    if (!row) throw notFound();
    const unit = await m.findOneByOrFail(OrgUnit, { id: row.orgUnitId });
    this.checkRunner(claims, unit);
    const [items, decisionRows, open, people] = await Promise.all([
      m.query(
        `SELECT id, seq, kind, kpi_id AS "kpiId", project_id AS "projectId", risk_id AS "riskId",
                directive_id AS "directiveId", title_th AS "titleTh", title_en AS "titleEn", note
         FROM meeting_agenda_item WHERE meeting_id = $1 ORDER BY seq`,
        [id],
      ),
      m.query(DECISIONS_SQL, [id]),
      m.query(OPEN_MEETING_DIRECTIVES_SQL, [unit.id]),
      m.query(PEOPLE_SQL, [unit.id]),
    ]);
    const decisions: MeetingDecisionDto[] = decisionRows.map((d: Record<string, never>) => ({
      id: d['id'],
      agendaItemId: d['agendaItemId'],
      text: d['text'],
      recordedBy: d['recordedBy'],
      recorderName: d['recorderName'],
      recordedAt: new Date(d['recordedAt']).toISOString(),
      version: d['version'],
      directive: d['directiveId']
        ? this.directiveDto(
            {
              id: d['directiveId'],
              title: d['directiveTitle'],
              state: d['directiveState'],
              dueDate: d['directiveDue'],
              ownerName: d['directiveOwnerName'],
              ownerAgency: d['directiveOwnerAgency'],
            },
            now,
          )
        : null,
    }));
    const agenda: MeetingAgendaItemDto[] = items.map((i: Record<string, never>) => ({
      id: i['id'],
      seq: i['seq'],
      kind: i['kind'] as AgendaItemKindDto,
      subject: i['kpiId']
        ? { kind: 'kpi', id: i['kpiId'] }
        : i['projectId']
          ? { kind: 'project', id: i['projectId'] }
          : i['riskId']
            ? { kind: 'risk', id: i['riskId'] }
            : { kind: 'directive', id: i['directiveId'] },
      titleTh: i['titleTh'],
      titleEn: i['titleEn'],
      note: i['note'],
      decisions: decisions.filter((d) => d.agendaItemId === i['id']),
    }));
    return {
      id: row.id,
      orgUnitCode: row.orgUnitCode,
      meetingDate: row.meetingDate,
      title: row.title,
      state: row.state,
      chairUserId: row.chairUserId,
      chairName: row.chairName,
      heldAt: row.heldAt ? new Date(row.heldAt).toISOString() : null,
      closedAt: row.closedAt ? new Date(row.closedAt).toISOString() : null,
      version: row.version,
      agendaCount: agenda.length,
      agenda,
      openDirectives: open.map((d: Omit<MeetingDirectiveDto, 'overdue'>) => this.directiveDto(d, now)),
      canRun: true,
      people,
    };
  }

  /** Opens a draft meeting; it starts with the previous meeting's directives that are still open. */
  async create(body: CreateMeetingBody, claims: ActorClaims): Promise<MeetingDetailDto> {
    const id = await this.dataSource.transaction(async (m) => {
      const unit = await this.unitByCode(m, body.orgUnitCode);
      if (unit.type !== 'province') throw unprocessable('meeting.notProvince');
      this.checkRunner(claims, unit);
      const [governor]: { id: string }[] =
        claims.role === 'governor'
          ? [{ id: claims.sub }]
          : await m.query(
              `SELECT id FROM app_user WHERE org_unit_id = $1 AND role = 'governor' AND disabled_at IS NULL
               ORDER BY created_at LIMIT 1`,
              [unit.id],
            );
      const meeting = await m.save(
        m.create(Meeting, {
          orgUnitId: unit.id,
          meetingDate: body.meetingDate,
          title: body.title.trim(),
          state: 'draft',
          chairUserId: governor?.id ?? null,
          createdBy: claims.sub,
        }),
      );
      await this.addItems(m, meeting, unit, (c) => c.kind === 'carried_directive', false);
      return meeting.id;
    });
    return this.detail(id, claims);
  }

  /** Adds to a draft's agenda whatever needs attention now and is not on it yet (stale version: 409). */
  async buildAgenda(id: string, version: number, claims: ActorClaims): Promise<MeetingDetailDto> {
    await this.dataSource.transaction(async (m) => {
      const { meeting, unit } = await this.lock(m, id, claims, version);
      if (!canBuildAgenda(meeting.state)) throw conflict('meeting.wrongState');
      await this.addItems(m, meeting, unit, () => true, true);
      // The meeting itself moves on (its version), so a second secretary's stale build is refused.
      meeting.updatedAt = new Date();
      await m.save(meeting);
    });
    return this.detail(id, claims);
  }

  async step(id: string, step: MeetingStep, version: number, claims: ActorClaims): Promise<MeetingDetailDto> {
    await this.dataSource.transaction(async (m) => {
      const { meeting } = await this.lock(m, id, claims, version);
      const next = nextMeetingState(meeting.state, step);
      if (!next) throw conflict('meeting.wrongState');
      meeting.state = next;
      if (step === 'hold') meeting.heldAt = new Date();
      else meeting.closedAt = new Date();
      await m.save(meeting);
    });
    return this.detail(id, claims);
  }

  async recordDecision(id: string, body: RecordDecisionBody, claims: ActorClaims): Promise<MeetingDetailDto> {
    await this.dataSource.transaction(async (m) => {
      const { meeting } = await this.lock(m, id, claims);
      if (!canRecordDecision(meeting.state)) throw conflict('meeting.wrongState');
      const item = await m.findOne(MeetingAgendaItem, { where: { id: body.agendaItemId, meetingId: id } });
      if (!item) throw unprocessable('meeting.itemOutside');
      await m.save(
        m.create(MeetingDecision, {
          meetingId: id,
          agendaItemId: item.id,
          text: body.text.trim(),
          recordedBy: claims.sub,
        }),
      );
    });
    return this.detail(id, claims);
  }

  /** A decision becomes a directive in one step, issued in the chair's name, linked to the item's object. */
  async decisionToDirective(
    id: string,
    decisionId: string,
    body: DecisionDirectiveBody,
    claims: ActorClaims,
  ): Promise<MeetingDetailDto> {
    await this.dataSource.transaction(async (m) => {
      const { meeting, unit } = await this.lock(m, id, claims);
      const decision = await m.findOne(MeetingDecision, {
        where: { id: decisionId, meetingId: id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!decision) throw notFound();
      if (decision.version !== body.version) throw conflict();
      if (decision.directiveId) throw conflict('meeting.hasDirective');
      if (!canRecordDecision(meeting.state)) throw conflict('meeting.wrongState');
      if (!meeting.chairUserId) throw unprocessable('meeting.noChair');
      const item = await m.findOneByOrFail(MeetingAgendaItem, { id: decision.agendaItemId });
      const directive = await this.directives.issueIn(
        m,
        {
          orgUnitCode: unit.code,
          title: (body.title ?? decision.text).trim().slice(0, 500),
          detail: `${meeting.title} (${meeting.meetingDate}): ${decision.text}`,
          ownerUserId: body.ownerUserId ?? null,
          ownerAgency: body.ownerAgency,
          dueDate: body.dueDate,
          kpiId: item.kpiId ?? undefined,
          projectId: item.projectId ?? undefined,
          riskId: item.riskId ?? undefined,
        },
        claims,
        { issuedBy: meeting.chairUserId, source: 'meeting' },
      );
      decision.directiveId = directive.id;
      await m.save(decision);
    });
    return this.detail(id, claims);
  }

  /** What the minutes (PDF and XLSX) print: the meeting as it stands and its province's name. */
  async minutes(id: string, claims: ActorClaims): Promise<{ meeting: MeetingDetailDto; provinceNameTh: string }> {
    const meeting = await this.detail(id, claims);
    const unit = await this.unitByCode(this.dataSource.manager, meeting.orgUnitCode);
    return { meeting, provinceNameTh: unit.nameTh };
  }

  /**
   * What needs attention, in one read (AGENDA_CANDIDATES_SQL), judged by the domain's rules: lapse
   * risk `high` for projects, overdue by the due day in Bangkok for directives; then red KPIs from the
   * scorecard (when `withKpis`). Appends what is not on the agenda yet, in the agenda's order.
   */
  private async addItems(
    m: EntityManager,
    meeting: Meeting,
    unit: OrgUnit,
    keep: (c: Candidate) => boolean,
    withKpis: boolean,
  ) {
    // As of the meeting's day, or today when it lies ahead: an agenda built for a past meeting (one
    // recorded afterwards) shows what was on the table then.
    const today = bangkokDateOf(new Date());
    const asOf = meeting.meetingDate < today ? meeting.meetingDate : today;
    const now = new Date(`${asOf}T12:00:00+07:00`);
    const fy = fiscalYearOf(asOf);
    const rows: CandidateRow[] = await m.query(AGENDA_CANDIDATES_SQL, [
      unit.id,
      fy,
      asOf,
      AGENDA_RISK_MIN_SCORE,
      meeting.id,
    ]);
    const found: Candidate[] = [];
    for (const r of rows) {
      const f = r.facts;
      if (r.kind === 'lapse_project') {
        const risk = lapseRisk({
          fiscalYear: fy,
          asOf,
          allocated: String(f['allocated']),
          disbursed: String(f['disbursed']),
          committed: String(f['committed']),
        });
        if (risk.level !== 'high') continue;
        found.push({
          kind: r.kind,
          subject: { projectId: r.id },
          titleTh: `${r.code} ${r.nameTh}`,
          titleEn: `${r.code} ${r.nameEn}`,
          note: `เบิกจ่าย ${thaiNumber(risk.rate ?? 0, 0, 1)}% · เวลาผ่านไป ${thaiNumber(risk.elapsed, 0, 1)}% · ล่าช้า ${thaiNumber(risk.lag ?? 0, 0, 1)} จุด`,
        });
      } else if (r.kind === 'high_risk') {
        const score = Number(f['likelihood']) * Number(f['impact']);
        found.push({
          kind: r.kind,
          subject: { riskId: r.id },
          titleTh: r.code ? `${r.code}: ${r.nameTh}` : r.nameTh,
          titleEn: r.code ? `${r.code}: ${r.nameEn}` : r.nameEn,
          note: `โอกาส ${f['likelihood']} × ผลกระทบ ${f['impact']} = ${score} · ${RESPONSE_TH[f['response'] as RiskResponse]} · ${f['owner']}`,
        });
      } else {
        const due = String(f['dueDate']);
        const timing = directiveTimeliness({ state: f['state'] as DirectiveState, dueDate: due }, now);
        if (r.kind === 'overdue_directive' && !timing.overdue) continue;
        found.push({
          kind: r.kind,
          subject: { directiveId: r.id },
          titleTh: r.nameTh,
          titleEn: r.nameEn,
          note: `${f['owner'] ?? ''} · ครบกำหนด ${formatDateLabel(due, 'th')}${timing.overdue ? ` · เกิน ${timing.daysOverdue} วัน` : ''}`,
        });
      }
    }
    if (withKpis) {
      const card = await this.scorecards.scorecard(unit.code, fy, asOf, m);
      for (const k of card.kpis.filter((x) => x.status === 'red'))
        found.push({
          kind: 'red_kpi',
          subject: { kpiId: k.kpiId },
          titleTh: `${k.code} ${k.nameTh}`,
          titleEn: `${k.code} ${k.nameEn}`,
          note: k.achievement === null ? '' : `ร้อยละ ${thaiNumber(k.achievement, 0, 1)} ของค่าที่ควรได้`,
        });
    }
    const existing: { kind: string; s: string; seq: number }[] = await m.query(
      `SELECT kind, COALESCE(kpi_id, project_id, risk_id, directive_id)::text AS s, seq
       FROM meeting_agenda_item WHERE meeting_id = $1`,
      [meeting.id],
    );
    const have = new Set(existing.map((e) => `${e.kind}:${e.s}`));
    let seq = existing.reduce((n, e) => Math.max(n, e.seq), 0);
    for (const c of sortAgenda(found.filter(keep))) {
      const key = subjectKey(c.kind, c.subject);
      if (have.has(key)) continue;
      have.add(key);
      await m.save(
        m.create(MeetingAgendaItem, {
          meetingId: meeting.id,
          seq: ++seq,
          kind: c.kind,
          kpiId: c.subject.kpiId ?? null,
          projectId: c.subject.projectId ?? null,
          riskId: c.subject.riskId ?? null,
          directiveId: c.subject.directiveId ?? null,
          titleTh: c.titleTh.slice(0, 600),
          titleEn: c.titleEn.slice(0, 600),
          note: c.note,
        }),
      );
    }
  }

  /** Who may (403), then is this still the version the person saw (409). */
  private async lock(m: EntityManager, id: string, claims: ActorClaims, version?: number) {
    const meeting = await m.findOne(Meeting, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!meeting) throw notFound();
    const unit = await m.findOneByOrFail(OrgUnit, { id: meeting.orgUnitId });
    this.checkRunner(claims, unit);
    if (version !== undefined && meeting.version !== version) throw conflict();
    return { meeting, unit };
  }

  private checkRunner(claims: ActorClaims, unit: OrgUnit) {
    if (!canRunMeeting({ role: claims.role, scopePath: claims.scope }, unit)) throw forbidden('meeting.notRunner');
  }

  private async unitByCode(m: EntityManager, code: string): Promise<OrgUnit> {
    const unit = await m.findOne(OrgUnit, { where: { code } });
    if (!unit) throw notFound('notFound.unit');
    return unit;
  }

  private directiveDto(d: Omit<MeetingDirectiveDto, 'overdue'>, now: Date): MeetingDirectiveDto {
    return { ...d, overdue: directiveTimeliness({ state: d.state, dueDate: d.dueDate }, now).overdue };
  }
}

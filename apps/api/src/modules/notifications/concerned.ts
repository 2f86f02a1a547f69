import type { NotificationKind } from '@provdash/shared/contracts';
import type { Role, UnitType } from '@provdash/shared/domain';
import { periodLabel } from '@provdash/shared/domain';
import type { DomainEventName, DomainEvents, UnitRef } from '../../common/domain-events/domain-events';

/** Who a notification is for, before the access check: named people and/or roles whose scope covers the unit. */
export interface Audience {
  userIds?: (string | null | undefined)[];
  roles?: Role[];
}

/** One thing to tell: the same words for everyone in its audience. */
export interface Concern {
  kind: NotificationKind;
  audience: Audience;
  /** What it is about: nobody is told of a unit they may not read. */
  unit: UnitRef;
  /** `unapproved`: about drafts, submissions or returns, which only the province's own people may see. */
  visibility: 'approved' | 'unapproved';
  /** Unique per person: the same concern twice (a retried job, a second reminder run) tells no one twice. */
  dedupeKey: string;
  link: string;
  urgent?: boolean;
  titleTh: string;
  titleEn: string;
  bodyTh?: string;
  bodyEn?: string;
}

/** What a rule may look up; all reads, after the writer's commit. */
export interface ConcernLookups {
  kpi(kpiId: string): Promise<{ code: string; nameTh: string; nameEn: string; ownerUserId: string | null } | null>;
  /** Who submitted the result of a KPI's period, and the reason it was returned. */
  result(kpiId: string, period: string): Promise<{ submittedBy: string | null; returnReason: string | null } | null>;
  /** The KPI's status light on the province's scorecard now. */
  kpiStatus(unitCode: string, kpiId: string, fiscalYear: number): Promise<string | null>;
  /** The province's budget lapse risk now. */
  lapseRisk(unitCode: string, fiscalYear: number): Promise<'none' | 'watch' | 'high'>;
}

type Rule<E extends DomainEventName> = (event: DomainEvents[E], look: ConcernLookups) => Promise<Concern[]>;

const both = (th: string, en: string) => ({ th, en });
const periodText = (period: string) => both(periodLabel(period, 'th'), periodLabel(period, 'en'));

/**
 * The one place that decides who is concerned by what happened: one entry per domain event.
 * A new kind of notification (directives, issue 20) is one entry here, plus its kind in the
 * contracts; the reactor, the access check, the preferences and the channels follow by themselves.
 */
export const CONCERNS: { [E in DomainEventName]?: Rule<E> } = {
  'kpiResult.submitted': async (e, look) => {
    const kpi = await look.kpi(e.kpi.id);
    const p = periodText(e.result.period);
    return [
      {
        kind: 'result.waiting',
        audience: { roles: ['province_approver'] },
        unit: e.unit,
        visibility: 'unapproved',
        dedupeKey: `result.waiting:${e.kpi.id}:${e.result.period}:v${e.result.version}`,
        link: '/workspace',
        titleTh: `รอคุณอนุมัติ: ${e.kpi.code} ${p.th}`,
        titleEn: `Waiting for your approval: ${e.kpi.code} ${p.en}`,
        bodyTh: kpi?.nameTh ?? '',
        bodyEn: kpi?.nameEn ?? '',
      },
    ];
  },
  'kpiResult.returned': async (e, look) => {
    const [kpi, result] = await Promise.all([look.kpi(e.kpi.id), look.result(e.kpi.id, e.result.period)]);
    const p = periodText(e.result.period);
    const reason = result?.returnReason ?? '';
    return [
      {
        kind: 'result.returned',
        audience: { userIds: [result?.submittedBy, kpi?.ownerUserId] },
        unit: e.unit,
        visibility: 'unapproved',
        dedupeKey: `result.returned:${e.kpi.id}:${e.result.period}:v${e.result.version}`,
        link: '/workspace',
        titleTh: `ส่งกลับให้แก้ไข: ${e.kpi.code} ${p.th}`,
        titleEn: `Returned for changes: ${e.kpi.code} ${p.en}`,
        bodyTh: reason ? `เหตุผล: ${reason}` : '',
        bodyEn: reason ? `Reason: ${reason}` : '',
      },
    ];
  },
  'kpiResult.approved': async (e, look) => {
    if (e.unit.type !== 'province') return [];
    const status = await look.kpiStatus(e.unit.code, e.kpi.id, e.result.fiscalYear);
    if (status !== 'red') return [];
    const kpi = await look.kpi(e.kpi.id);
    const p = periodText(e.result.period);
    return [
      {
        kind: 'kpi.red',
        audience: { roles: ['governor'] },
        unit: e.unit,
        visibility: 'approved',
        dedupeKey: `kpi.red:${e.kpi.id}:${e.result.fiscalYear}:${e.result.period}`,
        link: `/province/${e.unit.code}/kpi/${e.kpi.id}`,
        urgent: false,
        titleTh: `ตัวชี้วัดเป็นสีแดง: ${e.kpi.code} ${kpi?.nameTh ?? ''}`.trim(),
        titleEn: `KPI turned red: ${e.kpi.code} ${kpi?.nameEn ?? ''}`.trim(),
        bodyTh: `ผลที่อนุมัติ${p.th} ต่ำกว่าเกณฑ์`,
        bodyEn: `The approved result for ${p.en} is below the threshold`,
      },
    ];
  },
  'disbursement.imported': async (e, look) => {
    if (e.unit.type !== 'province') return [];
    if ((await look.lapseRisk(e.unit.code, e.fiscalYear)) !== 'high') return [];
    return [
      {
        kind: 'project.lapseRisk',
        audience: { roles: ['governor'] },
        unit: e.unit,
        visibility: 'approved',
        dedupeKey: `project.lapseRisk:${e.unit.code}:${e.fiscalYear}:${e.batch.batchId}`,
        link: `/province/${e.unit.code}`,
        urgent: true,
        titleTh: 'งบประมาณเสี่ยงเบิกจ่ายไม่ทัน',
        titleEn: 'Budget at risk of lapsing',
        bodyTh: `การเบิกจ่ายปีงบประมาณ ${e.fiscalYear} ล่าช้ากว่าเวลาที่ผ่านไปมาก`,
        bodyEn: `FY ${e.fiscalYear} disbursement lags far behind the time elapsed`,
      },
    ];
  },
  'monthlyReport.made': async (e) => [
    {
      kind: 'monthlyReport.made',
      audience: { roles: ['governor', 'central_analyst'] },
      unit: e.unit,
      visibility: 'approved',
      dedupeKey: `monthlyReport.made:${e.reportId}`,
      link: `/province/${e.unit.code}`,
      titleTh: `รายงานประจำเดือน ${e.month} พร้อมแล้ว`,
      titleEn: `Monthly report for ${e.month} is ready`,
      bodyTh: `จังหวัดรหัส ${e.unit.code}`,
      bodyEn: `Province ${e.unit.code}`,
    },
  ],
  // A new directive: its owner (the named person; for one given to an agency only, the province's
  // writers, who answer for the agencies). The follow-up is the province's own, never public here.
  'directive.changed': async (e) => {
    if (e.directive.step !== 'issue') return [];
    const d = e.directive;
    return [
      {
        kind: 'directive.issued',
        audience: directiveOwners(d.ownerUserId),
        unit: e.unit,
        visibility: 'unapproved',
        dedupeKey: `directive.issued:${d.directiveId}`,
        link: `/follow-up/${d.directiveId}`,
        titleTh: `ข้อสั่งการใหม่: ${d.title}`,
        titleEn: `New directive: ${d.title}`,
        bodyTh: `กำหนดเสร็จ ${d.dueDate}${d.ownerAgency ? ` · ${d.ownerAgency}` : ''}`,
        bodyEn: `Due ${d.dueDate}${d.ownerAgency ? ` · ${d.ownerAgency}` : ''}`,
      },
    ];
  },
};

function directiveOwners(ownerUserId: string | null): Audience {
  return ownerUserId ? { userIds: [ownerUserId] } : { roles: ['province_officer', 'province_approver'] };
}

/**
 * For the daily overdue run, which is no domain event: the directive's owner, once per directive
 * per day (the day is in the key, so a retried or doubled run tells no one twice that day).
 */
export function directiveOverdueConcern(d: {
  id: string;
  title: string;
  dueDate: string;
  daysOverdue: number;
  ownerUserId: string | null;
  unit: { code: string; type: UnitType; path: string };
  today: string;
}): Concern {
  return {
    kind: 'directive.overdue',
    audience: directiveOwners(d.ownerUserId),
    unit: d.unit,
    visibility: 'unapproved',
    dedupeKey: `directive.overdue:${d.id}:${d.today}`,
    link: `/follow-up/${d.id}`,
    urgent: true,
    titleTh: `ข้อสั่งการเลยกำหนด ${d.daysOverdue} วัน: ${d.title}`,
    titleEn: `Directive ${d.daysOverdue} day(s) overdue: ${d.title}`,
    bodyTh: `กำหนดเสร็จ ${d.dueDate}`,
    bodyEn: `Was due ${d.dueDate}`,
  };
}

export const CONCERNED_EVENTS = Object.keys(CONCERNS) as DomainEventName[];

/** For the reminder run, which is no domain event: the KPI's owner only. */
export function reminderConcern(r: {
  kind: 'result.due' | 'result.late';
  kpi: { id: string; code: string; nameTh: string; nameEn: string };
  unit: { code: string; type: UnitType; path: string };
  period: string;
  deadline: string;
  ownerUserId: string;
}): Concern {
  const p = periodText(r.period);
  const late = r.kind === 'result.late';
  return {
    kind: r.kind,
    audience: { userIds: [r.ownerUserId] },
    unit: r.unit,
    visibility: 'unapproved',
    dedupeKey: `${r.kind}:${r.kpi.id}:${r.period}`,
    link: '/workspace',
    urgent: late,
    titleTh: late ? `เลยกำหนดส่งผล: ${r.kpi.code} ${p.th}` : `ใกล้ถึงกำหนดส่งผล: ${r.kpi.code} ${p.th}`,
    titleEn: late ? `Result overdue: ${r.kpi.code} ${p.en}` : `Result due soon: ${r.kpi.code} ${p.en}`,
    bodyTh: `${r.kpi.nameTh} (กำหนดส่ง ${r.deadline})`,
    bodyEn: `${r.kpi.nameEn} (due ${r.deadline})`,
  };
}

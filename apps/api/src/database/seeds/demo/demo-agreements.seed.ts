import { randomUUID } from 'node:crypto';
import type {
  AgreementDirectionName,
  AgreementIndicatorKindName,
  AgreementRoundNumber,
} from '@provdash/shared/contracts';
import { addDays, Frequency, KpiDirection, periodRange, RollupMethod, roundDecimal } from '@provdash/shared/domain';
import { EntityManager } from 'typeorm';
import { roundAsOf, scoreAgreement, ScoredIndicator } from '../../../modules/agreements/agreement-evaluation';
import { DemoCalendar, demoCalendar } from './demo-calendar';
import { prng, seedOf } from './random';

/**
 * Demo performance agreements for every demo fiscal year (the calendar's three complete years and
 * the current one): a national template per year, every province's agreement signed in the
 * September before its year starts, and each 6- and 12-month round evaluated once its evaluation
 * day has passed (the 6-month round about 20 April, the 12-month round about 25 October), but for
 * one province late with its latest ended round (DEMO_PROVINCE_AWAITING_SELF_ASSESSMENT).
 * Rounds are scored by the same code as the API (agreement-evaluation.ts) from the demo's approved
 * KPI results and the standalone indicators' own results. Deterministic, like the rest of the demo.
 */

interface TemplateItem {
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  direction: AgreementDirectionName;
  kind: AgreementIndicatorKindName;
  weight: number;
  /** National default criterion values; linked indicators get the province's own, around its KPI target. */
  levels: [number, number, number, number, number];
  /** Linked indicators take their actual from this plan KPI. Only rate-like KPIs are linked: the
   * levels are yearly values, and a KPI that accumulates over the year (tourism revenue) would
   * score near 0 at every 6-month round. */
  kpiCode?: string;
  /** Standalone indicators: where a typical province stands at the year's end, as a share of the way from v1 to v5. */
  typical?: number;
}

export const DEMO_AGREEMENT_INDICATORS: TemplateItem[] = [
  {
    code: 'PA1',
    nameTh: 'ร้อยละผู้สูงอายุที่ได้รับการคัดกรองสุขภาพ',
    nameEn: 'Elderly screened for health risks',
    unitTh: 'ร้อยละ',
    unitEn: '%',
    direction: 'higher_better',
    kind: 'scale',
    weight: 15,
    levels: [80, 82.5, 85, 87.5, 90],
    kpiCode: 'K2.1.2',
  },
  {
    code: 'PA2',
    nameTh: 'ร้อยละขยะมูลฝอยที่ได้รับการจัดการอย่างถูกต้อง',
    nameEn: 'Solid waste managed properly',
    unitTh: 'ร้อยละ',
    unitEn: '%',
    direction: 'higher_better',
    kind: 'scale',
    weight: 15,
    levels: [73, 75.5, 78, 80.5, 83],
    kpiCode: 'K3.1.2',
  },
  {
    code: 'PA3',
    nameTh: 'ร้อยละความพึงพอใจของประชาชนต่อการให้บริการของหน่วยงานภาครัฐ',
    nameEn: 'Public satisfaction with government services',
    unitTh: 'ร้อยละ',
    unitEn: '%',
    direction: 'higher_better',
    kind: 'scale',
    weight: 10,
    levels: [80, 82.5, 85, 87.5, 90],
    kpiCode: 'K4.2.1',
  },
  {
    code: 'PA4',
    nameTh: 'ร้อยละการเบิกจ่ายงบประมาณรายจ่ายลงทุนของจังหวัดและกลุ่มจังหวัด',
    nameEn: 'Capital budget disbursed (province and cluster)',
    unitTh: 'ร้อยละ',
    unitEn: '%',
    direction: 'higher_better',
    kind: 'scale',
    weight: 15,
    levels: [80, 84, 88, 92, 96],
    typical: 0.55,
  },
  {
    code: 'PA5',
    nameTh: 'ระดับความสำเร็จของการขับเคลื่อนแผนพัฒนาจังหวัดสู่การปฏิบัติ',
    nameEn: 'Provincial development plan put into practice (milestones)',
    unitTh: 'ระดับ',
    unitEn: 'level',
    direction: 'higher_better',
    kind: 'milestone',
    weight: 10,
    levels: [1, 2, 3, 4, 5],
    typical: 0.75,
  },
  {
    code: 'PA6',
    nameTh: 'ระยะเวลาเฉลี่ยในการออกใบอนุญาตของศูนย์บริการร่วม',
    nameEn: 'Average days to issue a permit at the one-stop service centre',
    unitTh: 'วัน',
    unitEn: 'days',
    direction: 'lower_better',
    kind: 'scale',
    weight: 10,
    levels: [15, 13, 11, 9, 7],
    typical: 0.5,
  },
  {
    code: 'PA7',
    nameTh: 'ร้อยละของหมู่บ้านที่ผ่านเกณฑ์หมู่บ้านเศรษฐกิจพอเพียง',
    nameEn: 'Villages meeting the sufficiency-economy village criteria',
    unitTh: 'ร้อยละ',
    unitEn: '%',
    direction: 'higher_better',
    kind: 'scale',
    weight: 10,
    levels: [60, 65, 70, 75, 80],
    typical: 0.5,
  },
  {
    code: 'PA8',
    nameTh: 'ร้อยละของเรื่องร้องเรียนที่ศูนย์ดำรงธรรมจังหวัดแก้ไขแล้วเสร็จ',
    nameEn: 'Complaints resolved by the provincial Damrongdhama centre',
    unitTh: 'ร้อยละ',
    unitEn: '%',
    direction: 'higher_better',
    kind: 'scale',
    weight: 15,
    levels: [80, 84, 88, 92, 96],
    typical: 0.6,
  },
];

/** Inserts columns with one `unnest` statement: a few hundred rows each, no round trips per row. */
async function insertColumns(
  m: EntityManager,
  table: string,
  types: Record<string, string>,
  rows: Record<string, unknown>[],
) {
  if (!rows.length) return;
  const names = Object.keys(types);
  const list = names.map((c) => `"${c}"`).join(', ');
  const unnest = names.map((c, i) => `$${i + 1}::${types[c]}[]`).join(', ');
  await m.query(
    `INSERT INTO "${table}" (${list}) SELECT * FROM unnest(${unnest})`,
    names.map((c) => rows.map((r) => r[c] ?? null)),
  );
}

interface KpiRow {
  id: string;
  province: string;
  code: string;
  frequency: Frequency;
  rollup: RollupMethod;
  direction: KpiDirection;
  ratio_multiplier: string | null;
  targets: Record<string, string>;
  results: { period: string; value: string | null; numerator: string | null; denominator: string | null }[];
}

/** Level 3 at the province's own target, 2.5 points a level: what provinces negotiate for rate KPIs. */
function levelsAround(target: number): number[] {
  return [-5, -2.5, 0, 2.5, 5].map((d) => roundDecimal(target + d, 2));
}

/** Days after a round's as-of date that the ministry's evaluators freeze it. */
const EVALUATED_AFTER: Record<AgreementRoundNumber, number> = { 6: 20, 12: 25 };

/** The rounds whose evaluation day has passed on the calendar's day. */
function roundsOf(fy: number, cal: DemoCalendar): AgreementRoundNumber[] {
  return ([6, 12] as const).filter((round) => addDays(roundAsOf(fy, round), EVALUATED_AFTER[round]) < cal.today);
}

/**
 * Ubon Ratchathani is late with its self-assessment: its latest round that has ended is neither
 * submitted nor evaluated, whatever the day. So the centre's evaluation is never shown complete
 * when one province has not reported, and there is always a round to submit and evaluate (the
 * browser journey agreement-evaluation.spec.ts walks it).
 */
export const DEMO_PROVINCE_AWAITING_SELF_ASSESSMENT = '34';

/** The latest round whose period has ended by the calendar's day (its as-of day has come). */
export function latestEndedRound(cal: DemoCalendar): { fiscalYear: number; round: AgreementRoundNumber } {
  const ended = cal.fiscalYears
    .flatMap((fiscalYear) =>
      ([6, 12] as const).map((round) => ({ fiscalYear, round, asOf: roundAsOf(fiscalYear, round) })),
    )
    .filter((r) => r.asOf <= cal.today)
    .sort((a, b) => a.asOf.localeCompare(b.asOf));
  const last = ended[ended.length - 1];
  return { fiscalYear: last.fiscalYear, round: last.round };
}

export async function seedDemoAgreements(m: EntityManager, cal: DemoCalendar = demoCalendar()): Promise<void> {
  const years = cal.fiscalYears;
  const provinces: { id: string; code: string; name_th: string }[] = await m.query(
    `SELECT id, code, name_th FROM org_unit WHERE type = 'province' AND code <> ALL($1) ORDER BY code`,
    [[...cal.provincesWithoutPlan]],
  );
  const linkedCodes = DEMO_AGREEMENT_INDICATORS.flatMap((i) => (i.kpiCode ? [i.kpiCode] : []));
  const kpiRows: KpiRow[] = await m.query(
    `SELECT k.id, u.code AS province, k.code, k.frequency, k.rollup, k.direction, k.ratio_multiplier::text,
            COALESCE((SELECT jsonb_object_agg(t.period, t.target::text) FROM kpi_target t
                      WHERE t.kpi_id = k.id AND t.period = t.fiscal_year::text), '{}') AS targets,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('period', r.period, 'value', r.value::text,
                                       'numerator', r.numerator::text, 'denominator', r.denominator::text) ORDER BY r.period)
                      FROM kpi_result r WHERE r.kpi_id = k.id AND r.status = 'approved' AND r.fiscal_year = ANY($2)), '[]') AS results
     FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id
     WHERE k.code = ANY($1) AND k.retired_at IS NULL`,
    [linkedCodes, [...years]],
  );
  const kpiOf = new Map(kpiRows.map((k) => [`${k.province}/${k.code}`, k]));

  const templates: Record<string, unknown>[] = [];
  const templateIndicators: Record<string, unknown>[] = [];
  const agreements: Record<string, unknown>[] = [];
  const indicators: Record<string, unknown>[] = [];
  const results: Record<string, unknown>[] = [];
  const rounds: Record<string, unknown>[] = [];

  for (const fy of years) {
    const templateId = randomUUID();
    templates.push({
      id: templateId,
      fiscal_year: fy,
      name_th: `แม่แบบคำรับรองการปฏิบัติราชการของผู้ว่าราชการจังหวัด ประจำปีงบประมาณ พ.ศ. ${fy}`,
      name_en: `Provincial governor performance agreement template, FY ${fy}`,
      status: 'published',
    });
    const itemIds = new Map<string, string>();
    for (const [seq, item] of DEMO_AGREEMENT_INDICATORS.entries()) {
      const id = randomUUID();
      itemIds.set(item.code, id);
      templateIndicators.push({
        id,
        template_id: templateId,
        ...definitionColumns(item, item.levels, seq + 1),
        kpi_code: item.kpiCode,
      });
    }

    const fyStart = periodRange(String(fy)).start;
    const awaiting = latestEndedRound(cal);
    for (const p of provinces) {
      const rnd = prng(seedOf(`agreement:${p.code}:${fy}`));
      // Some provinces deliver more than others, year after year.
      const strength = prng(seedOf(`agreement:${p.code}`))() * 0.5 - 0.25;
      const agreementId = randomUUID();
      const late = p.code === DEMO_PROVINCE_AWAITING_SELF_ASSESSMENT && fy === awaiting.fiscalYear;
      const evaluated = roundsOf(fy, cal).filter((round) => !(late && round === awaiting.round));
      const status = evaluated.includes(12) ? 'evaluated_12' : evaluated.includes(6) ? 'evaluated_6' : 'agreed';
      agreements.push({
        id: agreementId,
        org_unit_id: p.id,
        fiscal_year: fy,
        template_id: templateId,
        status,
        signed_by_governor: `ผู้ว่าราชการจังหวัด${p.name_th}`,
        signed_by_ministry: 'ปลัดกระทรวงมหาดไทย',
        // Signed in September for the coming year, so the new year opens with its agreement in force.
        signed_at: addDays(fyStart, -25 + Math.floor(rnd() * 20)),
      });

      const scored: ScoredIndicator[] = [];
      for (const [seq, item] of DEMO_AGREEMENT_INDICATORS.entries()) {
        const id = randomUUID();
        const kpi = item.kpiCode ? kpiOf.get(`${p.code}/${item.kpiCode}`) : undefined;
        const target = kpi?.targets[String(fy)];
        const levels = kpi && target !== undefined ? levelsAround(Number(target)) : [...item.levels];
        indicators.push({
          id,
          agreement_id: agreementId,
          template_indicator_id: itemIds.get(item.code),
          kpi_id: kpi?.id,
          ...definitionColumns(item, levels, seq + 1),
        });
        const own: ScoredIndicator['results'][number][] = [];
        if (!kpi) {
          for (const [period, progress] of [
            [`${fy}-H1`, 0.45],
            [String(fy), 1],
          ] as const) {
            const end = periodRange(period).end;
            // Reported and approved about two weeks after the period: nothing yet for what is not due.
            if (addDays(end, 15) >= cal.today) continue;
            const reach = Math.min(
              1.25,
              Math.max(-0.2, ((item.typical ?? 0.5) + strength + (rnd() - 0.5) * 0.4) * progress),
            );
            const value =
              item.kind === 'milestone' ? null : roundDecimal(levels[0] + reach * (levels[4] - levels[0]), 2);
            const step = item.kind === 'milestone' ? Math.max(0, Math.min(5, Math.round(reach * 5))) : null;
            const approvedAt = `${addDays(end, 15)}T10:00:00+07:00`;
            results.push({
              indicator_id: id,
              period,
              value,
              step,
              narrative_th: 'รายงานผลตามหลักฐานของหน่วยงานรับผิดชอบ',
              status: 'approved',
              approved_at: approvedAt,
            });
            own.push({ period, value, step, approvedAt });
          }
        }
        scored.push({
          id,
          code: item.code,
          nameTh: item.nameTh,
          nameEn: item.nameEn,
          unitTh: item.unitTh,
          unitEn: item.unitEn,
          direction: item.direction,
          kind: item.kind,
          weight: item.weight,
          levels,
          kpi: kpi
            ? {
                code: kpi.code,
                frequency: kpi.frequency,
                rollup: kpi.rollup,
                direction: kpi.direction,
                ratioMultiplier: kpi.ratio_multiplier,
                results: kpi.results.filter((r) => r.period.startsWith(String(fy))),
              }
            : null,
          results: own,
        });
      }

      for (const round of evaluated) {
        const asOf = roundAsOf(fy, round);
        const snapshot = scoreAgreement(scored, fy, asOf, 'zero');
        rounds.push({
          agreement_id: agreementId,
          round,
          as_of: asOf,
          evaluated_at: `${addDays(asOf, EVALUATED_AFTER[round])}T10:00:00+07:00`,
          score: snapshot.formatted,
          snapshot: JSON.stringify(snapshot),
        });
      }
    }
  }

  const definition = {
    code: 'varchar',
    name_th: 'varchar',
    name_en: 'varchar',
    unit_th: 'varchar',
    unit_en: 'varchar',
    direction: 'varchar',
    kind: 'varchar',
    weight: 'numeric',
    l1: 'numeric',
    l2: 'numeric',
    l3: 'numeric',
    l4: 'numeric',
    l5: 'numeric',
    seq: 'integer',
  };
  await insertColumns(
    m,
    'agreement_template',
    { id: 'uuid', fiscal_year: 'smallint', name_th: 'varchar', name_en: 'varchar', status: 'varchar' },
    templates,
  );
  await insertColumns(
    m,
    'agreement_template_indicator',
    { id: 'uuid', template_id: 'uuid', kpi_code: 'varchar', ...definition },
    templateIndicators,
  );
  await insertColumns(
    m,
    'agreement',
    {
      id: 'uuid',
      org_unit_id: 'uuid',
      fiscal_year: 'smallint',
      template_id: 'uuid',
      status: 'varchar',
      signed_by_governor: 'varchar',
      signed_by_ministry: 'varchar',
      signed_at: 'date',
    },
    agreements,
  );
  await insertColumns(
    m,
    'agreement_indicator',
    { id: 'uuid', agreement_id: 'uuid', template_indicator_id: 'uuid', kpi_id: 'uuid', ...definition },
    indicators,
  );
  await insertColumns(
    m,
    'agreement_indicator_result',
    {
      indicator_id: 'uuid',
      period: 'varchar',
      value: 'numeric',
      step: 'smallint',
      narrative_th: 'text',
      status: 'varchar',
      approved_at: 'timestamptz',
    },
    results,
  );
  await insertColumns(
    m,
    'agreement_round',
    {
      agreement_id: 'uuid',
      round: 'smallint',
      as_of: 'date',
      evaluated_at: 'timestamptz',
      score: 'numeric',
      snapshot: 'jsonb',
    },
    rounds,
  );
}

function definitionColumns(item: TemplateItem, levels: readonly number[], seq: number) {
  return {
    code: item.code,
    name_th: item.nameTh,
    name_en: item.nameEn,
    unit_th: item.unitTh,
    unit_en: item.unitEn,
    direction: item.direction,
    kind: item.kind,
    weight: item.weight,
    l1: levels[0],
    l2: levels[1],
    l3: levels[2],
    l4: levels[3],
    l5: levels[4],
    seq,
  };
}

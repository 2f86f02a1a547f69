import { randomUUID } from 'node:crypto';
import { addDays, isPeriodDue, periodRange, periodsOfYear, roundDecimal } from '@provdash/shared/domain';
import { EntityManager } from 'typeorm';
import { DemoCalendar, demoCalendar, notAfterYesterday } from './demo-calendar';
import { CLUSTER_ISSUES, GOAL_LINKS, KpiTemplate, PROVINCE_ISSUES } from './demo-catalogue';
import { prng, seedOf } from './random';

/**
 * Demo strategy maps, KPIs, targets and results for every province and cluster: the calendar's
 * three complete fiscal years and the current one, as the data stands on the calendar's day.
 * Deterministic: the same numbers on every machine for the same day.
 */

interface Unit {
  id: string;
  code: string;
  name_th: string;
  name_en: string;
  parent_code: string | null;
}

/** Columnar buffers, inserted with one `unnest` statement per table and batch. */
export class Rows {
  readonly columns: Record<string, unknown[]>;
  constructor(
    readonly table: string,
    private readonly types: Record<string, string>,
  ) {
    this.columns = Object.fromEntries(Object.keys(types).map((c) => [c, []]));
  }
  push(row: Record<string, unknown>): void {
    for (const c of Object.keys(this.types)) this.columns[c].push(row[c] ?? null);
  }
  async flush(m: EntityManager, batch = 5000): Promise<void> {
    const names = Object.keys(this.types);
    const total = this.columns[names[0]].length;
    for (let from = 0; from < total; from += batch) {
      const params = names.map((c) => this.columns[c].slice(from, from + batch));
      const list = names.map((c) => `"${c}"`).join(', ');
      const unnest = names.map((c, i) => `$${i + 1}::${this.types[c]}[]`).join(', ');
      await m.query(`INSERT INTO "${this.table}" (${list}) SELECT * FROM unnest(${unnest})`, params);
    }
  }
}

const PERIOD_SHARE: Record<KpiTemplate['frequency'], number> = {
  monthly: 12,
  quarterly: 4,
  half_yearly: 2,
  yearly: 1,
};

/** Tourism peaks in the cool season; hotspots in the dry months; dengue in the rains. Fiscal month 1 = October. */
const SEASON: Partial<Record<string, number[]>> = {
  'K1.2.1': [1.0, 1.2, 1.4, 1.3, 1.1, 1.0, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9],
  'K3.1.1': [0.1, 0.2, 0.5, 1.5, 3.0, 3.5, 2.0, 0.6, 0.2, 0.1, 0.1, 0.2],
  'K2.1.1': [1.2, 0.8, 0.5, 0.4, 0.3, 0.4, 0.7, 1.2, 1.6, 1.8, 1.7, 1.4],
};

function clamp(v: number, range: { min: number; max: number }): number {
  return Math.min(range.max, Math.max(range.min, v));
}

function seasonalWeights(t: KpiTemplate, periods: number): number[] {
  const monthly = SEASON[t.code];
  if (!monthly || periods !== 12) return Array.from({ length: periods }, () => 1);
  const mean = monthly.reduce((a, b) => a + b, 0) / 12;
  return monthly.map((w) => w / mean);
}

const NARRATIVE_ON_TRACK = ['ดำเนินการได้ตามแผน', 'ผลการดำเนินงานเป็นไปตามเป้าหมาย', 'หน่วยงานรายงานผลครบถ้วนตามกำหนด'];
const NARRATIVE_BEHIND = [
  'ผลต่ำกว่าเป้าหมายเนื่องจากสภาพอากาศไม่เอื้ออำนวย อยู่ระหว่างเร่งรัดการดำเนินงาน',
  'การเบิกจ่ายงบประมาณล่าช้าทำให้กิจกรรมเลื่อนออกไป',
  'อยู่ระหว่างประสานหน่วยงานเจ้าของข้อมูลเพื่อปรับปรุงผล',
];
const RETURN_REASONS = [
  'ตัวเลขไม่ตรงกับรายงานของหน่วยงานเจ้าของข้อมูล กรุณาตรวจสอบ',
  'กรุณาแนบหลักฐานประกอบผลการดำเนินงาน',
];

type WorkflowState = 'draft' | 'submitted' | 'approved' | 'returned';

/**
 * In the current year, what was reported in the last twelve days is partly still in review (about
 * one in five: drafts, submitted, a few returned), and a few of the newest due period's older
 * results too, so the workspace has work while the screens stay lit (a KPI whose latest due period
 * has no approved result is grey). One in a hundred of the current and last year's older results
 * was returned.
 */
function workflowState(
  cal: DemoCalendar,
  fiscalYear: number,
  newest: boolean,
  fresh: boolean,
  roll: number,
): WorkflowState {
  if (fiscalYear === cal.currentFy && fresh) {
    return roll < 0.1 ? 'draft' : roll < 0.16 ? 'submitted' : roll < 0.19 ? 'returned' : 'approved';
  }
  if (fiscalYear === cal.currentFy && newest) {
    return roll < 0.03 ? 'draft' : roll < 0.06 ? 'submitted' : roll < 0.08 ? 'returned' : 'approved';
  }
  return fiscalYear >= cal.currentFy - 1 && roll > 0.99 ? 'returned' : 'approved';
}

/**
 * Years and "now" come from the calendar (the seeding day by default); the training option leaves
 * the calendar's `provincesWithoutPlan` with no plan and nothing under it.
 */
export async function seedDemoData(m: EntityManager, cal: DemoCalendar = demoCalendar()): Promise<void> {
  const fiscalYears = cal.fiscalYears;
  const planSpan = { start_fy: cal.planSpan.startFy, end_fy: cal.planSpan.endFy };
  const spanLabel = `${cal.planSpan.startFy}–${cal.planSpan.endFy}`;
  const units: Unit[] = await m.query(`
    SELECT u.id, u.code, u.name_th, u.name_en, p.code AS parent_code
    FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id
    WHERE u.type IN ('province', 'cluster') ORDER BY u.type, u.code`);
  const clusters = units.filter((u) => u.code.startsWith('C'));
  const provinces = units.filter((u) => !u.code.startsWith('C') && !cal.provincesWithoutPlan.includes(u.code));

  const plans = new Rows('plan', {
    id: 'uuid',
    org_unit_id: 'uuid',
    name_th: 'varchar',
    name_en: 'varchar',
    vision_th: 'text',
    vision_en: 'text',
    start_fy: 'smallint',
    end_fy: 'smallint',
  });
  const issues = new Rows('strategic_issue', {
    id: 'uuid',
    plan_id: 'uuid',
    code: 'varchar',
    seq: 'integer',
    name_th: 'varchar',
    name_en: 'varchar',
  });
  const goals = new Rows('goal', {
    id: 'uuid',
    issue_id: 'uuid',
    code: 'varchar',
    seq: 'integer',
    name_th: 'varchar',
    name_en: 'varchar',
    contributes_to_goal_id: 'uuid',
    national_pillar: 'smallint',
  });
  const links = new Rows('goal_link', {
    cause_goal_id: 'uuid',
    effect_goal_id: 'uuid',
  });
  const strategies = new Rows('strategy', {
    id: 'uuid',
    goal_id: 'uuid',
    code: 'varchar',
    seq: 'integer',
    name_th: 'varchar',
    name_en: 'varchar',
  });
  const kpis = new Rows('kpi', {
    id: 'uuid',
    goal_id: 'uuid',
    org_unit_id: 'uuid',
    code: 'varchar',
    name_th: 'varchar',
    name_en: 'varchar',
    unit_th: 'varchar',
    unit_en: 'varchar',
    direction: 'varchar',
    band_min: 'numeric',
    band_max: 'numeric',
    baseline_value: 'numeric',
    baseline_fy: 'smallint',
    frequency: 'varchar',
    rollup: 'varchar',
    aggregation: 'varchar',
    ratio_multiplier: 'numeric',
    plausible_min: 'numeric',
    plausible_max: 'numeric',
    owner_agency_th: 'varchar',
    owner_agency_en: 'varchar',
    data_source: 'varchar',
    definition_th: 'text',
  });
  const targets = new Rows('kpi_target', {
    kpi_id: 'uuid',
    fiscal_year: 'smallint',
    period: 'varchar',
    target: 'numeric',
  });
  const results = new Rows('kpi_result', {
    kpi_id: 'uuid',
    fiscal_year: 'smallint',
    period: 'varchar',
    value: 'numeric',
    numerator: 'numeric',
    denominator: 'numeric',
    narrative_th: 'text',
    status: 'varchar',
    return_reason: 'text',
    submitted_at: 'timestamptz',
    first_submitted_at: 'timestamptz',
    approved_at: 'timestamptz',
  });

  // Cluster plans first: province goals link up to their cluster's goals.
  const clusterGoalIds = new Map<string, string>();
  for (const c of clusters) {
    const planId = randomUUID();
    plans.push({
      id: planId,
      org_unit_id: c.id,
      ...planSpan,
      name_th: `แผนพัฒนา${c.name_th} พ.ศ. ${spanLabel}`,
      name_en: `${c.name_en} cluster development plan ${spanLabel}`,
      vision_th: `${c.name_th} เป็นฐานเศรษฐกิจสร้างสรรค์ที่เติบโตอย่างยั่งยืน`,
      vision_en: `${c.name_en}: a creative economy growing sustainably`,
    });
    for (const [i, ci] of CLUSTER_ISSUES.entries()) {
      const issueId = randomUUID();
      issues.push({
        id: issueId,
        plan_id: planId,
        code: ci.code,
        seq: i + 1,
        name_th: ci.nameTh,
        name_en: ci.nameEn,
      });
      const goalId = randomUUID();
      goals.push({
        id: goalId,
        issue_id: issueId,
        code: ci.goal.code,
        seq: 1,
        name_th: ci.goal.nameTh,
        name_en: ci.goal.nameEn,
        national_pillar: ci.goal.pillar,
      });
      clusterGoalIds.set(`${c.code}/${ci.goal.code}`, goalId);
    }
  }

  for (const p of provinces) {
    const rnd = prng(seedOf(`province:${p.code}`));
    // Some provinces do better than others, consistently across their KPIs.
    const performance = 0.82 + rnd() * 0.3;
    const planId = randomUUID();
    plans.push({
      id: planId,
      org_unit_id: p.id,
      ...planSpan,
      name_th: `แผนพัฒนาจังหวัด${p.name_th} พ.ศ. ${spanLabel}`,
      name_en: `${p.name_en} provincial development plan ${spanLabel}`,
      vision_th: `${p.name_th} เมืองน่าอยู่ เศรษฐกิจมั่นคง สังคมมีความสุข`,
      vision_en: `${p.name_en}: a liveable province with a secure economy and a happy society`,
    });
    const goalIds = new Map<string, string>();
    for (const [ii, issue] of PROVINCE_ISSUES.entries()) {
      const issueId = randomUUID();
      issues.push({
        id: issueId,
        plan_id: planId,
        code: issue.code,
        seq: ii + 1,
        name_th: issue.nameTh,
        name_en: issue.nameEn,
      });
      for (const [gi, g] of issue.goals.entries()) {
        const goalId = randomUUID();
        goalIds.set(g.code, goalId);
        goals.push({
          id: goalId,
          issue_id: issueId,
          code: g.code,
          seq: gi + 1,
          name_th: g.nameTh,
          name_en: g.nameEn,
          national_pillar: g.pillar,
          contributes_to_goal_id:
            g.clusterGoal && p.parent_code ? clusterGoalIds.get(`${p.parent_code}/${g.clusterGoal}`) : null,
        });
        for (const [si, s] of g.strategies.entries()) {
          strategies.push({
            id: randomUUID(),
            goal_id: goalId,
            code: `${g.code.replace('G', 'S')}.${si + 1}`,
            seq: si + 1,
            name_th: s.nameTh,
            name_en: s.nameEn,
          });
        }
        for (const t of g.kpis) addKpi(p, goalId, t, performance, rnd);
      }
    }
    for (const [cause, effect] of GOAL_LINKS)
      links.push({
        cause_goal_id: goalIds.get(cause),
        effect_goal_id: goalIds.get(effect),
      });
  }

  function addKpi(p: Unit, goalId: string, t: KpiTemplate, performance: number, provinceRnd: () => number): void {
    const kpiId = randomUUID();
    const scale = 1 - t.spread + provinceRnd() * 2 * t.spread;
    const baseline = t.base * scale * (t.direction === 'lower_better' ? 1.1 : 0.9);
    kpis.push({
      id: kpiId,
      goal_id: goalId,
      org_unit_id: p.id,
      code: t.code,
      name_th: t.nameTh,
      name_en: t.nameEn,
      unit_th: t.unitTh,
      unit_en: t.unitEn,
      direction: t.direction,
      band_min: t.band?.min,
      band_max: t.band?.max,
      baseline_value: roundDecimal(baseline, t.decimals),
      baseline_fy: cal.planSpan.startFy,
      frequency: t.frequency,
      rollup: t.rollup,
      aggregation: t.aggregation,
      ratio_multiplier: t.rollup === 'ratio' ? 100 : null,
      plausible_min: t.plausible.min,
      plausible_max: t.plausible.max,
      owner_agency_th: t.ownerTh,
      owner_agency_en: t.ownerEn,
      data_source: t.source,
      definition_th: t.definitionTh,
    });

    for (const fy of fiscalYears) {
      const yearly = t.base * scale * Math.pow(1 + t.trend, fy - fiscalYears[0]);
      targets.push({
        kpi_id: kpiId,
        fiscal_year: fy,
        period: String(fy),
        target: roundDecimal(t.band ? (t.band.min + t.band.max) / 2 : yearly, t.decimals),
      });
      const keys = periodsOfYear(fy, t.frequency);
      const weights = seasonalWeights(t, keys.length);
      const due = keys.filter((period) => isPeriodDue(period, cal.today));
      // A stream per KPI and year: a year's values do not depend on how much of another year is due.
      const rnd = prng(seedOf(`results:${p.code}:${t.code}:${fy}`));
      for (const [i, period] of keys.entries()) {
        if (!due.includes(period)) continue;
        const roll = rnd();
        // Two in a hundred due results were never reported: the dashboards show them grey, the workspace late.
        if (fy >= cal.currentFy - 1 && roll < 0.02) continue;
        const noise = 0.9 + rnd() * 0.2;
        const perf = t.direction === 'lower_better' ? 2 - performance : performance;
        let value: number | null = null;
        let numerator: number | null = null;
        let denominator: number | null = null;
        if (t.rollup === 'ratio') {
          denominator = Math.round((t.denominator ?? 1000) * scale);
          numerator = Math.min(denominator, Math.round((denominator * Math.min(100, yearly * perf * noise)) / 100));
        } else if (t.band) {
          value = roundDecimal(clamp(t.base * (0.55 + rnd() * 0.9), t.plausible), t.decimals);
        } else {
          const share = t.rollup === 'sum' ? weights[i] / PERIOD_SHARE[t.frequency] : 1;
          // Percentages cannot pass 100, counts cannot fall below 0: keep inside the KPI's plausible range.
          value = roundDecimal(clamp(yearly * share * perf * noise, t.plausible), t.decimals);
        }
        const end = periodRange(period).end;
        // Reported about a week after the period ends, approved a few days later; never after yesterday.
        // One in eight is first sent after the 15-day deadline (its own stream: the values stay as they were).
        const late = prng(seedOf(`late:${p.code}:${t.code}:${period}`))() < 0.125;
        const submittedAt = `${notAfterYesterday(cal, addDays(end, late ? 22 : 8))}T09:00:00+07:00`;
        const approvedAt = `${notAfterYesterday(cal, addDays(end, late ? 26 : 12))}T14:00:00+07:00`;
        const fresh = addDays(end, 12) >= cal.today;
        const state = workflowState(cal, fy, period === due[due.length - 1], fresh, roll);
        const behind = performance < 0.9;
        results.push({
          kpi_id: kpiId,
          fiscal_year: fy,
          period,
          value,
          numerator,
          denominator,
          status: state,
          narrative_th: (behind ? NARRATIVE_BEHIND : NARRATIVE_ON_TRACK)[Math.floor(rnd() * 3)],
          return_reason: state === 'returned' ? RETURN_REASONS[Math.floor(rnd() * RETURN_REASONS.length)] : null,
          submitted_at: state === 'draft' ? null : submittedAt,
          first_submitted_at: state === 'draft' ? null : submittedAt,
          approved_at: state === 'approved' ? approvedAt : null,
        });
      }
    }
  }

  for (const rows of [plans, issues, goals, links, strategies, kpis, targets, results]) await rows.flush(m);
}

/**
 * The national dataset: every province's plan with 62 KPIs, ten fiscal years (2560–2569) of
 * monthly results moving through the approval workflow, 300 projects a province a year with their
 * monthly GFMIS disbursement, imported month by month in batches, the performance agreements with
 * their evaluated rounds, and the audit trail of every approval. It is what the product holds in
 * year five and beyond, standing as it would on NATIONAL_AS_OF.
 *
 * Deterministic: every id and number comes from `prng` seeded by the seed and the row's place
 * (province, KPI, fiscal year…), so the same seed gives the same rows on every machine and in any
 * loading order: a year loaded on its own is the same as that year loaded with the other nine.
 * Loaded with COPY, one fiscal year per transaction.
 */
import type { AgreementRoundNumber } from '@provdash/shared/contracts';
import { addDays, formatSatang, isPeriodDue, periodRange, periodsOfYear, riskLevel } from '@provdash/shared/domain';
import { hash } from 'argon2';
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { roundAsOf, scoreAgreement, ScoredIndicator } from '../../apps/api/src/modules/agreements/agreement-evaluation';
import { DEMO_AGREEMENT_INDICATORS } from '../../apps/api/src/database/seeds/demo/demo-agreements.seed';
import { demoCalendar } from '../../apps/api/src/database/seeds/demo/demo-calendar';
import {
  CLUSTER_ISSUES,
  GOAL_LINKS,
  KpiTemplate,
  PROVINCE_ISSUES,
} from '../../apps/api/src/database/seeds/demo/demo-catalogue';
import { DEMO_DISBURSEMENT_TARGETS } from '../../apps/api/src/database/seeds/demo/demo-projects.seed';
import { prng, seedOf } from '../../apps/api/src/database/seeds/demo/random';
import { CopyBuffer } from './copy';
import { EXTRA_KPIS, PROJECT_AGENCIES, PROJECT_KINDS, PROJECT_RISKS } from './national-catalogue';

export const NATIONAL_FISCAL_YEARS = [2560, 2561, 2562, 2563, 2564, 2565, 2566, 2567, 2568, 2569] as const;
export const NATIONAL_LATEST_FY = 2569;
/** The morning the dataset stands on: FY 2569 has just closed and its September results are still being approved. */
export const NATIONAL_AS_OF = '2026-10-20';
export const PROJECTS_PER_PROVINCE_YEAR = 300;
/** The plan the demo would have on NATIONAL_AS_OF (2566–2570): the dataset's province and cluster plans. */
const DEMO_PLAN_SPAN = demoCalendar({ today: NATIONAL_AS_OF }).planSpan;
export const DEFAULT_SEED = 1;
/** Signs in every generated user (they exist only in generated databases). */
export const DATASET_PASSWORD = 'dataset-password';

/** Where the demo measured the KPI trend from: targets grow from this year both ways. */
const TREND_BASE_FY = 2567;
const PERIODS_A_YEAR: Record<KpiTemplate['frequency'], number> = {
  monthly: 12,
  quarterly: 4,
  half_yearly: 2,
  yearly: 1,
};

/** Tourism peaks in the cool season, hotspots and burn scars in the dry months, dengue in the rains. Fiscal month 1 = October. */
const DRY_SEASON = [0.1, 0.2, 0.5, 1.5, 3.0, 3.5, 2.0, 0.6, 0.2, 0.1, 0.1, 0.2];
const TOURIST_SEASON = [1.0, 1.2, 1.4, 1.3, 1.1, 1.0, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9];
const SEASON: Partial<Record<string, number[]>> = {
  'K1.2.1': TOURIST_SEASON,
  'K1.2.3': TOURIST_SEASON,
  'K2.1.1': [1.2, 0.8, 0.5, 0.4, 0.3, 0.4, 0.7, 1.2, 1.6, 1.8, 1.7, 1.4],
  'K3.1.1': DRY_SEASON,
  'K3.1.3': DRY_SEASON,
  'K3.1.6': DRY_SEASON,
};
/** Tourism KPIs get a quarterly trajectory (the seasonal shape of the year's target), as provinces set them. */
const WITH_TRAJECTORY = new Set(['K1.2.1', 'K1.2.3']);

const NARRATIVE_ON_TRACK = ['ดำเนินการได้ตามแผน', 'ผลการดำเนินงานเป็นไปตามเป้าหมาย', 'หน่วยงานรายงานผลครบถ้วนตามกำหนด'];
const NARRATIVE_BEHIND = [
  'ผลต่ำกว่าเป้าหมายเนื่องจากสภาพอากาศไม่เอื้ออำนวย อยู่ระหว่างเร่งรัดการดำเนินงาน',
  'การเบิกจ่ายงบประมาณล่าช้าทำให้กิจกรรมเลื่อนออกไป',
  'อยู่ระหว่างประสานหน่วยงานเจ้าของข้อมูลเพื่อปรับปรุงผล',
];
const RETURN_REASON = 'ตัวเลขไม่ตรงกับรายงานของหน่วยงานเจ้าของข้อมูล กรุณาตรวจสอบ';
const BUDGET_SOURCES: [string, number][] = [
  ['province', 0.35],
  ['cluster', 0.15],
  ['ministry', 0.35],
  ['local', 0.1],
  ['other', 0.05],
];

/**
 * Ids from xoshiro128** with 128 bits of state seeded from the row's scope: as random as
 * gen_random_uuid()'s and reproducible. Not `prng` (mulberry32): its 32-bit state makes the streams
 * of different scopes overlap after a few million ids, and overlapping streams repeat ids.
 */
class Ids {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(scope: string) {
    this.a = seedOf(`${scope}#a`) | 0 || 1;
    this.b = seedOf(`${scope}#b`) | 0;
    this.c = seedOf(`${scope}#c`) | 0;
    this.d = seedOf(`${scope}#d`) | 0;
  }

  private next(): string {
    const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result.toString(16).padStart(8, '0');
  }

  /** Shaped as version 4. */
  uuid(): string {
    const a = this.next();
    const b = this.next();
    const c = this.next();
    const d = this.next();
    const variant = ((parseInt(c[0], 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }

  /** A SHA-256-sized hex string (a file checksum). */
  digest(): string {
    return Array.from({ length: 8 }, () => this.next()).join('');
  }
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
const fixed = (v: number, decimals: number) => clamp(v, -1e15, 1e15).toFixed(decimals);

interface LinkedResult {
  period: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
}

interface Unit {
  id: string;
  code: string;
  name_th: string;
  name_en: string;
  parent_id: string | null;
  parent_code: string | null;
}

interface PlannedKpi {
  id: string;
  template: KpiTemplate;
  /** This province's size for the KPI, around 1. */
  scale: number;
}

interface PlannedProvince {
  unit: Unit;
  /** Some provinces do better than others, consistently across their KPIs. */
  performance: number;
  /** About one province in five is well behind on capital spending. */
  laggard: boolean;
  kpis: PlannedKpi[];
  strategyIds: string[];
  officerId: string;
  approverId: string;
}

/** The structure every fiscal year hangs from: which province has which KPI, strategy and users, by id. */
interface Structure {
  seed: number;
  clusters: Unit[];
  provinces: PlannedProvince[];
}

export interface DatasetLog {
  (message: string): void;
}

export interface DatasetOptions {
  seed?: number;
  log?: DatasetLog;
  /** Only for a superuser connection: loads without firing the foreign-key triggers. */
  skipForeignKeyChecks?: boolean;
}

/** The tables the dataset fills, in the order a fiscal year is loaded (foreign keys first). */
export const DATASET_TABLES = [
  'plan',
  'strategic_issue',
  'goal',
  'goal_link',
  'strategy',
  'kpi',
  'app_user',
  'kpi_target',
  'kpi_result',
  'audit_event',
  'disbursement_target',
  'disbursement_batch',
  'project',
  'project_kpi',
  'project_progress',
  'disbursement',
  'disbursement_month_total',
  'risk',
  'agreement_template',
  'agreement_template_indicator',
  'agreement',
  'agreement_indicator',
  'agreement_indicator_result',
  'agreement_round',
] as const;

const AUDITED = ['version', 'created_at', 'updated_at'];

function templatesOf(goalCode: string, catalogue: KpiTemplate[]): KpiTemplate[] {
  return [...catalogue, ...(EXTRA_KPIS[goalCode] ?? [])];
}

/**
 * Fills a database that has the migrations and the reference data (77 provinces, 18 clusters) and
 * nothing else of ours. `client` connects as the app's owner role (it owns the tables; COPY needs
 * no superuser).
 */
export class NationalDataset {
  private constructor(
    private readonly client: Client,
    private readonly structure: Structure,
    private readonly log: DatasetLog,
    private readonly trusted: boolean,
  ) {}

  /** Loads the strategy maps, KPIs and users unless already there; either way, knows their ids. */
  static async open(client: Client, options: DatasetOptions = {}): Promise<NationalDataset> {
    const seed = options.seed ?? DEFAULT_SEED;
    const log = options.log ?? (() => undefined);
    const units: Unit[] = (
      await client.query(
        `SELECT u.id, u.code, u.name_th, u.name_en, u.parent_id, p.code AS parent_code
         FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id
         WHERE u.type IN ('province', 'cluster') ORDER BY u.type, u.code`,
      )
    ).rows;
    const clusters = units.filter((u) => u.code.startsWith('C'));
    const provinceUnits = units.filter((u) => !u.code.startsWith('C'));
    if (provinceUnits.length !== 77 || clusters.length !== 18) {
      throw new Error(
        `Expected the reference data (77 provinces, 18 clusters), found ${provinceUnits.length} and ${clusters.length}`,
      );
    }
    const structure: Structure = { seed, clusters, provinces: [] };
    const buffers = structureBuffers();
    const passwordHash = await hash(DATASET_PASSWORD, { type: 2, salt: Buffer.from(`provdash-dataset-${seed}`) });
    const created = '2022-09-01T09:00:00+07:00';
    const user = (ids: Ids, email: string, name: string, role: string, unitId: string) => {
      const id = ids.uuid();
      buffers.users.push(id, email, name, passwordHash, role, unitId, 1, created, created);
      return id;
    };

    // Cluster plans first: province goals link up to their cluster's goals.
    const clusterGoals = new Map<string, string>();
    for (const c of clusters) {
      const ids = new Ids(`${seed}:structure:${c.code}`);
      const planId = ids.uuid();
      buffers.plans.push(
        planId,
        c.id,
        `แผนพัฒนา${c.name_th} พ.ศ. ${DEMO_PLAN_SPAN.startFy}–${DEMO_PLAN_SPAN.endFy}`,
        `${c.name_en} cluster development plan ${DEMO_PLAN_SPAN.startFy}–${DEMO_PLAN_SPAN.endFy}`,
        `${c.name_th} เป็นฐานเศรษฐกิจสร้างสรรค์ที่เติบโตอย่างยั่งยืน`,
        `${c.name_en}: a creative economy growing sustainably`,
        DEMO_PLAN_SPAN.startFy,
        DEMO_PLAN_SPAN.endFy,
      );
      for (const [i, ci] of CLUSTER_ISSUES.entries()) {
        const issueId = ids.uuid();
        buffers.issues.push(issueId, planId, ci.code, i + 1, ci.nameTh, ci.nameEn);
        const goalId = ids.uuid();
        buffers.goals.push(goalId, issueId, ci.goal.code, 1, ci.goal.nameTh, ci.goal.nameEn, null, ci.goal.pillar);
        clusterGoals.set(`${c.code}/${ci.goal.code}`, goalId);
      }
      user(ids, `cluster.${c.code.toLowerCase()}@dataset.example`, `เจ้าหน้าที่${c.name_th}`, 'cluster_officer', c.id);
    }

    for (const unit of provinceUnits) {
      const ids = new Ids(`${seed}:structure:${unit.code}`);
      const rnd = prng(seedOf(`${seed}:province:${unit.code}`));
      const planned: PlannedProvince = {
        unit,
        performance: 0.82 + rnd() * 0.3,
        laggard: seedOf(`${seed}:lag:${unit.code}`) % 5 === 0,
        kpis: [],
        strategyIds: [],
        officerId: '',
        approverId: '',
      };
      const planId = ids.uuid();
      buffers.plans.push(
        planId,
        unit.id,
        `แผนพัฒนาจังหวัด${unit.name_th} พ.ศ. ${DEMO_PLAN_SPAN.startFy}–${DEMO_PLAN_SPAN.endFy}`,
        `${unit.name_en} provincial development plan ${DEMO_PLAN_SPAN.startFy}–${DEMO_PLAN_SPAN.endFy}`,
        `${unit.name_th} เมืองน่าอยู่ เศรษฐกิจมั่นคง สังคมมีความสุข`,
        `${unit.name_en}: a liveable province with a secure economy and a happy society`,
        DEMO_PLAN_SPAN.startFy,
        DEMO_PLAN_SPAN.endFy,
      );
      const goalIds = new Map<string, string>();
      for (const [ii, issue] of PROVINCE_ISSUES.entries()) {
        const issueId = ids.uuid();
        buffers.issues.push(issueId, planId, issue.code, ii + 1, issue.nameTh, issue.nameEn);
        for (const [gi, g] of issue.goals.entries()) {
          const goalId = ids.uuid();
          goalIds.set(g.code, goalId);
          const contributes =
            g.clusterGoal && unit.parent_code ? clusterGoals.get(`${unit.parent_code}/${g.clusterGoal}`) : null;
          buffers.goals.push(goalId, issueId, g.code, gi + 1, g.nameTh, g.nameEn, contributes ?? null, g.pillar);
          for (const [si, s] of g.strategies.entries()) {
            const strategyId = ids.uuid();
            planned.strategyIds.push(strategyId);
            buffers.strategies.push(
              strategyId,
              goalId,
              `${g.code.replace('G', 'S')}.${si + 1}`,
              si + 1,
              s.nameTh,
              s.nameEn,
            );
          }
          for (const t of templatesOf(g.code, g.kpis)) {
            const k = prng(seedOf(`${seed}:kpi:${unit.code}:${t.code}`));
            const kpi: PlannedKpi = { id: ids.uuid(), template: t, scale: 1 - t.spread + k() * 2 * t.spread };
            planned.kpis.push(kpi);
            const baseline = t.base * kpi.scale * (t.direction === 'lower_better' ? 1.1 : 0.9);
            buffers.kpis.push(
              kpi.id,
              goalId,
              unit.id,
              t.code,
              t.nameTh,
              t.nameEn,
              t.unitTh,
              t.unitEn,
              t.direction,
              t.band?.min,
              t.band?.max,
              fixed(baseline, t.decimals),
              2559,
              t.frequency,
              t.rollup,
              t.aggregation,
              t.rollup === 'ratio' ? 100 : null,
              t.plausible.min,
              t.plausible.max,
              t.ownerTh,
              t.ownerEn,
              t.source,
              t.definitionTh,
            );
          }
        }
      }
      for (const [cause, effect] of GOAL_LINKS) buffers.links.push(goalIds.get(cause), goalIds.get(effect));
      planned.officerId = user(
        ids,
        `officer.${unit.code}@dataset.example`,
        `เจ้าหน้าที่ยุทธศาสตร์ จ.${unit.name_th}`,
        'province_officer',
        unit.id,
      );
      planned.approverId = user(
        ids,
        `approver.${unit.code}@dataset.example`,
        `หัวหน้ากลุ่มงานยุทธศาสตร์ จ.${unit.name_th}`,
        'province_approver',
        unit.id,
      );
      user(ids, `governor.${unit.code}@dataset.example`, `ผู้ว่าราชการจังหวัด${unit.name_th}`, 'governor', unit.id);
      structure.provinces.push(planned);
    }

    const dataset = new NationalDataset(client, structure, log, options.skipForeignKeyChecks ?? false);
    const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM kpi`)).rows;
    if (n === 0) {
      await dataset.inTransaction(async () => {
        const [{ country }] = (await client.query(`SELECT id AS country FROM org_unit WHERE code = 'TH'`)).rows;
        const ids = new Ids(`${seed}:structure:TH`);
        user(ids, 'admin@dataset.example', 'ผู้ดูแลระบบ', 'admin', country);
        user(ids, 'analyst@dataset.example', 'นักวิเคราะห์ส่วนกลาง', 'central_analyst', country);
        for (const b of Object.values(buffers)) await b.flush(client);
      });
      log(
        `structure: ${structure.provinces.length} provinces × ${structure.provinces[0].kpis.length} KPIs, 18 cluster plans, users`,
      );
    } else if (n !== structure.provinces.length * structure.provinces[0].kpis.length) {
      throw new Error(`The database already has ${n} KPIs of another dataset: use an empty, migrated database`);
    }
    return dataset;
  }

  /** Fiscal years already loaded (by their yearly targets). */
  async loadedYears(): Promise<number[]> {
    const { rows } = await this.client.query(`SELECT DISTINCT fiscal_year::int AS fy FROM kpi_target ORDER BY 1`);
    return rows.map((r: { fy: number }) => r.fy);
  }

  /** Adds fiscal years not loaded yet, one transaction each. */
  async addYears(years: readonly number[]): Promise<void> {
    const loaded = new Set(await this.loadedYears());
    // Node generates the next year while PostgreSQL takes in the last one: two cores busy, not one after the other.
    let loading: Promise<void> = Promise.resolve();
    for (const fy of years) {
      if (loaded.has(fy)) continue;
      const buffers = await this.generateYear(fy);
      await loading;
      loading = this.load(fy, buffers);
      // Awaited above or below; meanwhile a failed COPY must not count as an unhandled rejection.
      loading.catch(() => undefined);
    }
    await loading;
    // Without triggers (a superuser's load) the monthly totals the ranking reads were not kept: recompute them.
    if (this.trusted) {
      const started = performance.now();
      await this.client.query(`SELECT disbursement_month_total_rebuild()`);
      this.log(`disbursement_month_total rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  }

  private async load(fy: number, buffers: CopyBuffer[]): Promise<void> {
    const started = performance.now();
    let rows = 0;
    await this.inTransaction(async () => {
      for (const b of buffers) rows += await b.flush(this.client);
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    this.log(`FY ${fy}: ${rows.toLocaleString('en-US')} rows copied in ${seconds} s`);
  }

  /** Row counts of every table the dataset fills. */
  async counts(): Promise<Record<string, number>> {
    const sql = DATASET_TABLES.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(' UNION ALL ');
    const { rows } = await this.client.query(sql);
    const counted = new Map(rows.map((r: { t: string; n: number }) => [r.t, r.n]));
    return Object.fromEntries(DATASET_TABLES.map((t) => [t, counted.get(t) ?? 0]));
  }

  private async inTransaction(work: () => Promise<void>): Promise<void> {
    await this.client.query('BEGIN');
    try {
      // The rows reference each other correctly by construction; a superuser may skip the foreign-key
      // triggers, as pg_restore does, which makes the load about a third faster.
      if (this.trusted) await this.client.query(`SET LOCAL session_replication_role = replica`);
      await work();
      await this.client.query('COMMIT');
    } catch (e) {
      await this.client.query('ROLLBACK');
      throw e;
    }
  }

  /** Every row of one fiscal year, as COPY buffers in foreign-key order. */
  private async generateYear(fy: number): Promise<CopyBuffer[]> {
    const { seed } = this.structure;
    const b = yearBuffers();
    const latest = fy === NATIONAL_LATEST_FY;
    const fyStart = periodRange(String(fy)).start;
    const linkedCodes = new Set(DEMO_AGREEMENT_INDICATORS.flatMap((i) => (i.kpiCode ? [i.kpiCode] : [])));
    /** Approved results and yearly targets of the KPIs the agreements link to, by province and KPI code. */
    const linkedResults = new Map<string, LinkedResult[]>();
    const yearlyTargets = new Map<string, number>();

    for (const p of this.structure.provinces) {
      const ids = new Ids(`${seed}:ids:${p.unit.code}:${fy}`);
      for (const kpi of p.kpis) {
        const t = kpi.template;
        const rnd = prng(seedOf(`${seed}:results:${p.unit.code}:${t.code}:${fy}`));
        const yearly = t.base * kpi.scale * Math.pow(1 + t.trend, fy - TREND_BASE_FY);
        const target = t.band ? (t.band.min + t.band.max) / 2 : yearly;
        const targetAt = `${addDays(fyStart, -20)}T10:00:00+07:00`;
        b.targets.push(ids.uuid(), kpi.id, fy, String(fy), fixed(target, t.decimals), 1, targetAt, targetAt);
        if (linkedCodes.has(t.code)) yearlyTargets.set(`${p.unit.code}/${t.code}`, Number(fixed(target, t.decimals)));
        const keys = periodsOfYear(fy, t.frequency);
        const monthlyWeights = SEASON[t.code];
        const weights =
          monthlyWeights && keys.length === 12
            ? monthlyWeights.map((w) => (w * 12) / monthlyWeights.reduce((a, x) => a + x, 0))
            : keys.map(() => 1);
        if (WITH_TRAJECTORY.has(t.code) && t.frequency === 'monthly') {
          for (let q = 0; q < 4; q++) {
            const share = weights.slice(q * 3, q * 3 + 3).reduce((a, w) => a + w, 0) / 12;
            b.targets.push(
              ids.uuid(),
              kpi.id,
              fy,
              `${fy}-Q${q + 1}`,
              fixed(target * share, t.decimals),
              1,
              targetAt,
              targetAt,
            );
          }
        }
        const results: LinkedResult[] = [];
        for (const [i, period] of keys.entries()) {
          if (!isPeriodDue(period, NATIONAL_AS_OF)) continue;
          const roll = rnd();
          // Two in a hundred due results of the last two years were never reported: the screens show them grey.
          if (fy >= NATIONAL_LATEST_FY - 1 && roll < 0.02) continue;
          const noise = 0.9 + rnd() * 0.2;
          const perf = t.direction === 'lower_better' ? 2 - p.performance : p.performance;
          let value: string | null = null;
          let numerator: string | null = null;
          let denominator: string | null = null;
          if (t.rollup === 'ratio') {
            const d = Math.max(1, Math.round((t.denominator ?? 1000) * kpi.scale));
            denominator = String(d);
            numerator = String(Math.min(d, Math.round((d * Math.min(100, yearly * perf * noise)) / 100)));
          } else if (t.band) {
            value = fixed(clamp(t.base * (0.55 + rnd() * 0.9), t.plausible.min, t.plausible.max), t.decimals);
          } else {
            const share = t.rollup === 'sum' ? weights[i] / PERIODS_A_YEAR[t.frequency] : 1;
            value = fixed(clamp(yearly * share * perf * noise, t.plausible.min, t.plausible.max), t.decimals);
          }
          const end = periodRange(period).end;
          // The newest periods are still moving through the workflow; one in a hundred of the year's was returned.
          const fresh = latest && addDays(end, 40) >= NATIONAL_AS_OF;
          const state = fresh
            ? roll < 0.25
              ? 'draft'
              : roll < 0.45
                ? 'submitted'
                : 'approved'
            : latest && roll > 0.99
              ? 'returned'
              : 'approved';
          const createdAt = `${addDays(end, 3)}T10:00:00+07:00`;
          const submittedAt = state === 'draft' ? null : `${addDays(end, 8)}T09:00:00+07:00`;
          const approvedAt = state === 'approved' ? `${addDays(end, 12)}T14:00:00+07:00` : null;
          const id = ids.uuid();
          const narrative = (p.performance < 0.9 ? NARRATIVE_BEHIND : NARRATIVE_ON_TRACK)[Math.floor(rnd() * 3)];
          b.results.push(
            id,
            kpi.id,
            fy,
            period,
            value,
            numerator,
            denominator,
            narrative,
            state,
            state === 'returned' ? RETURN_REASON : null,
            submittedAt,
            approvedAt,
            state === 'draft' ? null : p.officerId,
            state === 'approved' ? p.approverId : null,
            state === 'draft' ? 1 : state === 'submitted' ? 2 : 3,
            createdAt,
            approvedAt ?? submittedAt ?? createdAt,
          );
          if (state === 'approved') {
            results.push({ period, value, numerator, denominator });
            b.audit.push(
              approvedAt,
              p.approverId,
              'update',
              'kpi_result',
              id,
              p.unit.id,
              JSON.stringify({ id, status: 'submitted', version: 2, approvedAt: null, approvedBy: null }),
              JSON.stringify({ id, status: 'approved', version: 3, approvedAt, approvedBy: p.approverId }),
              ids.uuid(),
            );
          }
        }
        if (linkedCodes.has(t.code)) linkedResults.set(`${p.unit.code}/${t.code}`, results);
      }
      this.projectsOf(p, fy, ids, b);
      // Lets the previous year's COPY stream on between provinces.
      await new Promise((resolve) => setImmediate(resolve));
    }

    for (const [type, q] of Object.entries(DEMO_DISBURSEMENT_TARGETS)) {
      const at = `${addDays(fyStart, -30)}T10:00:00+07:00`;
      b.disbursementTargets.push(
        new Ids(`${seed}:target:${fy}:${type}`).uuid(),
        fy,
        type,
        q.q1,
        q.q2,
        q.q3,
        q.q4,
        1,
        at,
        at,
      );
    }
    this.agreementsOf(fy, linkedResults, yearlyTargets, b);
    return [
      b.targets,
      b.results,
      b.audit,
      b.disbursementTargets,
      b.batches,
      b.projects,
      b.projectKpis,
      b.progress,
      b.disbursements,
      b.risks,
      b.templates,
      b.templateIndicators,
      b.agreements,
      b.indicators,
      b.indicatorResults,
      b.rounds,
    ];
  }

  /**
   * A province's projects of a year under its strategies, each with its monthly GFMIS lines, imported
   * month by month in one batch per province; quarterly approved progress; risks on a few. Capital
   * budgets start slowly; the laggards stay behind.
   */
  private projectsOf(p: PlannedProvince, fy: number, ids: Ids, b: YearBuffers): void {
    const { seed } = this.structure;
    const rnd = prng(seedOf(`${seed}:projects:${p.unit.code}:${fy}`));
    const months = periodsOfYear(fy, 'monthly')
      .filter((m) => isPeriodDue(m, NATIONAL_AS_OF))
      .map((key) => ({ key, start: periodRange(key).start, end: periodRange(key).end }));
    const batches = months.map((m) => ({
      id: ids.uuid(),
      month: m,
      rows: 0,
      committed: 0n,
      disbursed: 0n,
      checksum: ids.digest(),
    }));
    const yearRange = periodRange(String(fy));
    const createdAt = `${addDays(yearRange.start, -15)}T10:00:00+07:00`;
    for (let n = 1; n <= PROJECTS_PER_PROVINCE_YEAR; n++) {
      const id = ids.uuid();
      const capital = rnd() < 0.4;
      let pick = rnd();
      const source = BUDGET_SOURCES.find(([, share]) => (pick -= share) < 0)?.[0] ?? 'province';
      const [kindTh, kindEn] = PROJECT_KINDS[Math.floor(rnd() * PROJECT_KINDS.length)];
      // Whole thousands of baht: capital 2–60 M, current 0.5–8 M.
      const thousands = capital ? 2_000 + Math.floor(rnd() * 58_000) : 500 + Math.floor(rnd() * 7_500);
      const allocated = BigInt(thousands) * 100_000n;
      const final = capital ? (p.laggard ? 0.55 + rnd() * 0.2 : 0.85 + rnd() * 0.14) : 0.95 + rnd() * 0.05;
      const shape = capital ? (p.laggard ? 2.2 : 1.6) : 0.95;
      const agency = PROJECT_AGENCIES[Math.floor(rnd() * PROJECT_AGENCIES.length)];
      b.projects.push(
        id,
        p.unit.id,
        p.strategyIds[n % p.strategyIds.length],
        `P${fy % 100}-${String(n).padStart(3, '0')}`,
        `${kindTh} (${n})`,
        `${kindEn} (${n})`,
        agency,
        fy,
        source,
        capital ? 'capital' : 'current',
        formatSatang(allocated),
        yearRange.start,
        yearRange.end,
        final >= 0.95 ? 'completed' : 'delayed',
        1,
        createdAt,
        createdAt,
      );
      b.projectKpis.push(id, p.kpis[n % p.kpis.length].id);
      let disbursedBefore = 0n;
      let committedBefore = 0n;
      for (const [i, batch] of batches.entries()) {
        const month = i + 1;
        const share = final * Math.pow(month / 12, shape);
        // Committed (purchase orders, including what is already paid) runs ahead of payments.
        const committedShare = Math.max(share, Math.min(final + 0.02, Math.pow(month / 12, 0.6)));
        const disbursedTotal = BigInt(Math.round(Number(allocated) * share));
        const committedTotal = BigInt(Math.round(Number(allocated) * Math.min(1, committedShare)));
        const committed = committedTotal > committedBefore ? committedTotal - committedBefore : 0n;
        const disbursed = disbursedTotal - disbursedBefore;
        batch.rows++;
        batch.committed += committed;
        batch.disbursed += disbursed;
        const importedAt = `${addDays(batch.month.end, 10)}T11:00:00+07:00`;
        b.disbursements.push(
          ids.uuid(),
          id,
          batch.month.start,
          formatSatang(committed),
          formatSatang(disbursed),
          batch.id,
          `GF${fy}${String(month).padStart(2, '0')}${p.unit.code}`,
          batch.rows,
          1,
          importedAt,
          importedAt,
        );
        disbursedBefore = disbursedTotal;
        if (committedTotal > committedBefore) committedBefore = committedTotal;
        if (month % 3 === 0) {
          const percent = Math.min(100, Math.round((share / final) * (final >= 0.95 ? 100 : 90) * 100) / 100);
          const approvedAt = `${addDays(batch.month.end, 7)}T17:00:00+07:00`;
          b.progress.push(
            ids.uuid(),
            id,
            batch.month.key,
            percent,
            percent >= 100 ? 'ส่งมอบงานครบถ้วน' : `ดำเนินการแล้วร้อยละ ${percent}`,
            'approved',
            p.officerId,
            p.approverId,
            approvedAt,
            approvedAt,
            3,
            approvedAt,
            approvedAt,
          );
        }
      }
      // Risks are logged on the slow capital projects: open this year, closed in past years.
      if (capital && final < 0.8 && rnd() < 0.3) {
        const likelihood = 1 + Math.floor(rnd() * 5);
        const impact = 1 + Math.floor(rnd() * 5);
        const band = riskLevel(likelihood, impact).band;
        b.risks.push(
          ids.uuid(),
          id,
          PROJECT_RISKS[Math.floor(rnd() * PROJECT_RISKS.length)],
          likelihood,
          impact,
          band === 'low' ? 'take' : ['treat', 'transfer', 'terminate'][Math.floor(rnd() * 3)],
          agency,
          band === 'low' ? '' : 'ติดตามความก้าวหน้ารายสัปดาห์และเร่งรัดผู้รับจ้าง',
          addDays(yearRange.end, -90),
          fy === NATIONAL_LATEST_FY ? 'open' : 'closed',
          1,
          createdAt,
          createdAt,
        );
      }
    }
    for (const batch of batches) {
      if (!batch.rows) continue;
      const at = `${addDays(batch.month.end, 10)}T11:00:00+07:00`;
      b.batches.push(
        batch.id,
        p.unit.id,
        fy,
        `GFMIS_${p.unit.code}_${batch.month.start.slice(0, 7)}.xlsx`,
        batch.checksum,
        batch.rows,
        formatSatang(batch.committed),
        formatSatang(batch.disbursed),
        'committed',
        p.officerId,
        1,
        at,
        at,
      );
      b.audit.push(
        at,
        p.officerId,
        'insert',
        'disbursement_batch',
        batch.id,
        p.unit.id,
        null,
        JSON.stringify({ id: batch.id, fiscalYear: fy, rows: batch.rows, status: 'committed' }),
        ids.uuid(),
      );
    }
  }

  /**
   * The year's national template and every province's signed agreement: linked indicators with
   * levels around the province's own KPI target, standalone ones with their approved results, and
   * the rounds evaluated by the API's own scoring (the 12-month round of the newest year is not
   * due yet on NATIONAL_AS_OF).
   */
  private agreementsOf(
    fy: number,
    linkedResults: Map<string, LinkedResult[]>,
    yearlyTargets: Map<string, number>,
    b: YearBuffers,
  ): void {
    const { seed } = this.structure;
    const ids = new Ids(`${seed}:agreements:${fy}`);
    const fyStart = periodRange(String(fy)).start;
    const at = `${addDays(fyStart, -10)}T10:00:00+07:00`;
    const templateId = ids.uuid();
    b.templates.push(
      templateId,
      fy,
      `แม่แบบคำรับรองการปฏิบัติราชการของผู้ว่าราชการจังหวัด ประจำปีงบประมาณ พ.ศ. ${fy}`,
      `Provincial governor performance agreement template, FY ${fy}`,
      'published',
      1,
      at,
      at,
    );
    const itemIds = new Map<string, string>();
    for (const [seq, item] of DEMO_AGREEMENT_INDICATORS.entries()) {
      const id = ids.uuid();
      itemIds.set(item.code, id);
      b.templateIndicators.push(
        id,
        templateId,
        ...definition(item, item.levels, seq + 1),
        item.kpiCode ?? null,
        1,
        at,
        at,
      );
    }
    const rounds: AgreementRoundNumber[] = fy === NATIONAL_LATEST_FY ? [6] : [6, 12];
    for (const p of this.structure.provinces) {
      const rnd = prng(seedOf(`${seed}:agreement:${p.unit.code}:${fy}`));
      const strength = prng(seedOf(`${seed}:agreement:${p.unit.code}`))() * 0.5 - 0.25;
      const agreementId = ids.uuid();
      const signedAt = addDays(fyStart, 20 + Math.floor(rnd() * 20));
      const signed = `${signedAt}T10:00:00+07:00`;
      b.agreements.push(
        agreementId,
        p.unit.id,
        fy,
        templateId,
        rounds.includes(12) ? 'evaluated_12' : 'evaluated_6',
        `ผู้ว่าราชการจังหวัด${p.unit.name_th}`,
        'ปลัดกระทรวงมหาดไทย',
        signedAt,
        3,
        signed,
        signed,
      );
      const scored: ScoredIndicator[] = [];
      for (const [seq, item] of DEMO_AGREEMENT_INDICATORS.entries()) {
        const id = ids.uuid();
        const kpi = item.kpiCode ? p.kpis.find((k) => k.template.code === item.kpiCode) : undefined;
        const target = item.kpiCode ? yearlyTargets.get(`${p.unit.code}/${item.kpiCode}`) : undefined;
        // Level 3 at the province's own target, 2.5 points a level: what provinces negotiate for rate KPIs.
        const levels =
          kpi && target !== undefined
            ? [-5, -2.5, 0, 2.5, 5].map((d) => Number((target + d).toFixed(2)))
            : [...item.levels];
        b.indicators.push(
          id,
          agreementId,
          itemIds.get(item.code),
          kpi?.id ?? null,
          ...definition(item, levels, seq + 1),
          1,
          signed,
          signed,
        );
        const own: ScoredIndicator['results'][number][] = [];
        if (!kpi) {
          for (const [period, progress] of [
            [`${fy}-H1`, 0.45],
            [String(fy), 1],
          ] as const) {
            const end = periodRange(period).end;
            if (!isPeriodDue(period, NATIONAL_AS_OF)) continue;
            const reach = Math.min(
              1.25,
              Math.max(-0.2, ((item.typical ?? 0.5) + strength + (rnd() - 0.5) * 0.4) * progress),
            );
            const value =
              item.kind === 'milestone' ? null : Number((levels[0] + reach * (levels[4] - levels[0])).toFixed(2));
            const step = item.kind === 'milestone' ? Math.max(0, Math.min(5, Math.round(reach * 5))) : null;
            const approvedAt = `${addDays(end, 15)}T10:00:00+07:00`;
            b.indicatorResults.push(
              ids.uuid(),
              id,
              period,
              value,
              step,
              'รายงานผลตามหลักฐานของหน่วยงานรับผิดชอบ',
              'approved',
              p.officerId,
              p.approverId,
              approvedAt,
              2,
              approvedAt,
              approvedAt,
            );
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
                code: kpi.template.code,
                frequency: kpi.template.frequency,
                rollup: kpi.template.rollup,
                direction: kpi.template.direction,
                ratioMultiplier: kpi.template.rollup === 'ratio' ? '100' : null,
                results: linkedResults.get(`${p.unit.code}/${kpi.template.code}`) ?? [],
              }
            : null,
          results: own,
        });
      }
      for (const round of rounds) {
        const asOf = roundAsOf(fy, round);
        const snapshot = scoreAgreement(scored, fy, asOf, 'zero');
        const evaluatedAt = `${addDays(asOf, round === 6 ? 20 : 25)}T10:00:00+07:00`;
        const roundId = ids.uuid();
        b.rounds.push(
          roundId,
          agreementId,
          round,
          asOf,
          evaluatedAt,
          null,
          snapshot.formatted,
          JSON.stringify(snapshot),
          1,
          evaluatedAt,
          evaluatedAt,
        );
        b.audit.push(
          evaluatedAt,
          null,
          'insert',
          'agreement_round',
          roundId,
          p.unit.id,
          null,
          JSON.stringify({ agreementId, round, score: snapshot.formatted }),
          ids.uuid(),
        );
      }
    }
  }
}

function definition(item: (typeof DEMO_AGREEMENT_INDICATORS)[number], levels: readonly number[], seq: number) {
  return [
    item.code,
    item.nameTh,
    item.nameEn,
    item.unitTh,
    item.unitEn,
    item.direction,
    item.kind,
    item.weight,
    levels[0],
    levels[1],
    levels[2],
    levels[3],
    levels[4],
    seq,
  ];
}

const DEFINITION = [
  'code',
  'name_th',
  'name_en',
  'unit_th',
  'unit_en',
  'direction',
  'kind',
  'weight',
  'l1',
  'l2',
  'l3',
  'l4',
  'l5',
  'seq',
];

function structureBuffers() {
  return {
    plans: new CopyBuffer('plan', [
      'id',
      'org_unit_id',
      'name_th',
      'name_en',
      'vision_th',
      'vision_en',
      'start_fy',
      'end_fy',
    ]),
    issues: new CopyBuffer('strategic_issue', ['id', 'plan_id', 'code', 'seq', 'name_th', 'name_en']),
    goals: new CopyBuffer('goal', [
      'id',
      'issue_id',
      'code',
      'seq',
      'name_th',
      'name_en',
      'contributes_to_goal_id',
      'national_pillar',
    ]),
    links: new CopyBuffer('goal_link', ['cause_goal_id', 'effect_goal_id']),
    strategies: new CopyBuffer('strategy', ['id', 'goal_id', 'code', 'seq', 'name_th', 'name_en']),
    kpis: new CopyBuffer('kpi', [
      'id',
      'goal_id',
      'org_unit_id',
      'code',
      'name_th',
      'name_en',
      'unit_th',
      'unit_en',
      'direction',
      'band_min',
      'band_max',
      'baseline_value',
      'baseline_fy',
      'frequency',
      'rollup',
      'aggregation',
      'ratio_multiplier',
      'plausible_min',
      'plausible_max',
      'owner_agency_th',
      'owner_agency_en',
      'data_source',
      'definition_th',
    ]),
    users: new CopyBuffer('app_user', [
      'id',
      'email',
      'display_name',
      'password_hash',
      'role',
      'org_unit_id',
      ...AUDITED,
    ]),
  };
}

function yearBuffers() {
  return {
    targets: new CopyBuffer('kpi_target', ['id', 'kpi_id', 'fiscal_year', 'period', 'target', ...AUDITED]),
    results: new CopyBuffer('kpi_result', [
      'id',
      'kpi_id',
      'fiscal_year',
      'period',
      'value',
      'numerator',
      'denominator',
      'narrative_th',
      'status',
      'return_reason',
      'submitted_at',
      'approved_at',
      'submitted_by',
      'approved_by',
      ...AUDITED,
    ]),
    audit: new CopyBuffer('audit_event', [
      'at',
      'user_id',
      'action',
      'entity',
      'entity_id',
      'org_unit_id',
      'before',
      'after',
      'request_id',
    ]),
    disbursementTargets: new CopyBuffer('disbursement_target', [
      'id',
      'fiscal_year',
      'budget_type',
      'q1',
      'q2',
      'q3',
      'q4',
      ...AUDITED,
    ]),
    batches: new CopyBuffer('disbursement_batch', [
      'id',
      'org_unit_id',
      'fiscal_year',
      'file_name',
      'checksum',
      'rows',
      'total_committed',
      'total_disbursed',
      'status',
      'created_by',
      ...AUDITED,
    ]),
    projects: new CopyBuffer('project', [
      'id',
      'org_unit_id',
      'strategy_id',
      'code',
      'name_th',
      'name_en',
      'owner_agency_th',
      'fiscal_year',
      'budget_source',
      'budget_type',
      'allocated',
      'start_date',
      'end_date',
      'status',
      ...AUDITED,
    ]),
    projectKpis: new CopyBuffer('project_kpi', ['project_id', 'kpi_id']),
    progress: new CopyBuffer('project_progress', [
      'id',
      'project_id',
      'period',
      'percent',
      'milestone_note',
      'status',
      'submitted_by',
      'approved_by',
      'submitted_at',
      'approved_at',
      ...AUDITED,
    ]),
    disbursements: new CopyBuffer('disbursement', [
      'id',
      'project_id',
      'month',
      'committed',
      'disbursed',
      'source_batch_id',
      'source_document',
      'source_line',
      ...AUDITED,
    ]),
    risks: new CopyBuffer('risk', [
      'id',
      'project_id',
      'description',
      'likelihood',
      'impact',
      'response',
      'owner',
      'mitigation',
      'review_date',
      'status',
      ...AUDITED,
    ]),
    templates: new CopyBuffer('agreement_template', ['id', 'fiscal_year', 'name_th', 'name_en', 'status', ...AUDITED]),
    templateIndicators: new CopyBuffer('agreement_template_indicator', [
      'id',
      'template_id',
      ...DEFINITION,
      'kpi_code',
      ...AUDITED,
    ]),
    agreements: new CopyBuffer('agreement', [
      'id',
      'org_unit_id',
      'fiscal_year',
      'template_id',
      'status',
      'signed_by_governor',
      'signed_by_ministry',
      'signed_at',
      ...AUDITED,
    ]),
    indicators: new CopyBuffer('agreement_indicator', [
      'id',
      'agreement_id',
      'template_indicator_id',
      'kpi_id',
      ...DEFINITION,
      ...AUDITED,
    ]),
    indicatorResults: new CopyBuffer('agreement_indicator_result', [
      'id',
      'indicator_id',
      'period',
      'value',
      'step',
      'narrative_th',
      'status',
      'entered_by',
      'approved_by',
      'approved_at',
      ...AUDITED,
    ]),
    rounds: new CopyBuffer('agreement_round', [
      'id',
      'agreement_id',
      'round',
      'as_of',
      'evaluated_at',
      'evaluated_by',
      'score',
      'snapshot',
      ...AUDITED,
    ]),
  };
}

type YearBuffers = ReturnType<typeof yearBuffers>;

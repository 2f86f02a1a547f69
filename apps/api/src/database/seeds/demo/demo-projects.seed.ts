import { randomUUID } from 'node:crypto';
import { addDays, formatSatang, isPeriodDue, periodRange, riskLevel } from '@provdash/shared/domain';
import { EntityManager } from 'typeorm';
import { DemoCalendar, demoCalendar } from './demo-calendar';
import { Rows } from './demo-data.seed';
import { prng, seedOf } from './random';

export const PROJECTS_PER_PROVINCE_YEAR = 20;

/**
 * Example targets per fiscal year (percent of the allocation disbursed, cumulative by quarter end),
 * in the shape of the Cabinet's resolutions: overall 30/52/75/100; capital lower, current higher.
 * They are demo values, not a resolution; central staff replace them through the API.
 */
export const DEMO_DISBURSEMENT_TARGETS = {
  overall: { q1: 30, q2: 52, q3: 75, q4: 100 },
  capital: { q1: 20, q2: 40, q3: 60, q4: 80 },
  current: { q1: 35, q2: 57, q3: 80, q4: 100 },
} as const;

const SOURCES: [string, number][] = [
  ['province', 0.35],
  ['cluster', 0.15],
  ['ministry', 0.35],
  ['local', 0.1],
  ['other', 0.05],
];

const AGENCIES = [
  'สำนักงานโยธาธิการและผังเมืองจังหวัด',
  'สำนักงานเกษตรจังหวัด',
  'สำนักงานการท่องเที่ยวและกีฬาจังหวัด',
  'สำนักงานพาณิชย์จังหวัด',
  'สำนักงานสาธารณสุขจังหวัด',
  'สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด',
  'แขวงทางหลวงชนบทจังหวัด',
  'สำนักงานพัฒนาชุมชนจังหวัด',
];

const KINDS: [string, string][] = [
  ['ก่อสร้างถนนเพื่อการเกษตร', 'Farm road construction'],
  ['พัฒนาแหล่งท่องเที่ยวชุมชน', 'Community tourism development'],
  ['ส่งเสริมผลิตภัณฑ์ชุมชน', 'Community product promotion'],
  ['ขุดลอกแหล่งน้ำ', 'Reservoir dredging'],
  ['อบรมพัฒนาทักษะอาชีพ', 'Vocational skills training'],
  ['ปรับปรุงระบบประปาหมู่บ้าน', 'Village water supply upgrade'],
];

const RISKS = [
  'ผู้รับจ้างส่งมอบงานล่าช้า',
  'ฝนตกชุกทำให้ก่อสร้างไม่ได้ตามแผน',
  'ราคาวัสดุก่อสร้างสูงกว่าประมาณการ',
  'ประชาชนกลุ่มเป้าหมายเข้าร่วมน้อย',
];
const RESPONSES = ['take', 'treat', 'transfer', 'terminate'];

/** Fiscal month 1 (October) … 12 (September) → the calendar month's first day. */
function monthStart(fiscalYear: number, fiscalMonth: number): string {
  const key = `${fiscalYear}-M${String(fiscalMonth).padStart(2, '0')}`;
  return periodRange(key).start;
}

/**
 * Projects under each province's demo strategies for every demo fiscal year, monthly GFMIS-like
 * figures for the months already over (the current year's up to last month), quarterly approved
 * progress for the quarters over, a few open risks on the current year's projects and the example
 * targets. Deterministic for a given day. Capital budgets start slowly and about one province in
 * five is well behind on capital, so rankings and lapse warnings have something to show.
 */
export async function seedDemoProjects(m: EntityManager, cal: DemoCalendar = demoCalendar()): Promise<void> {
  const years = cal.fiscalYears;
  const strategies: { org_unit_id: string; code: string; strategy_ids: string[]; kpi_ids: string[] }[] = await m.query(
    `SELECT u.id AS org_unit_id, u.code,
            array_agg(DISTINCT s.id ORDER BY s.id) AS strategy_ids,
            (SELECT array_agg(k.id ORDER BY k.code) FROM kpi k WHERE k.org_unit_id = u.id) AS kpi_ids
     FROM org_unit u JOIN plan p ON p.org_unit_id = u.id JOIN strategic_issue i ON i.plan_id = p.id
     JOIN goal g ON g.issue_id = i.id JOIN strategy s ON s.goal_id = g.id
     WHERE u.type = 'province' GROUP BY u.id, u.code ORDER BY u.code`,
  );

  const targets = new Rows('disbursement_target', {
    fiscal_year: 'smallint',
    budget_type: 'varchar',
    q1: 'numeric',
    q2: 'numeric',
    q3: 'numeric',
    q4: 'numeric',
  });
  for (const fiscalYear of [...years, years[years.length - 1] + 1]) {
    for (const [budgetType, t] of Object.entries(DEMO_DISBURSEMENT_TARGETS)) {
      targets.push({ fiscal_year: fiscalYear, budget_type: budgetType, ...t });
    }
  }
  await targets.flush(m);

  const projects = new Rows('project', {
    id: 'uuid',
    org_unit_id: 'uuid',
    strategy_id: 'uuid',
    code: 'varchar',
    name_th: 'varchar',
    name_en: 'varchar',
    owner_agency_th: 'varchar',
    responsible_person: 'varchar',
    fiscal_year: 'smallint',
    budget_source: 'varchar',
    budget_type: 'varchar',
    allocated: 'numeric',
    start_date: 'date',
    end_date: 'date',
    status: 'varchar',
  });
  const links = new Rows('project_kpi', { project_id: 'uuid', kpi_id: 'uuid' });
  const money = new Rows('disbursement', {
    project_id: 'uuid',
    month: 'date',
    committed: 'numeric',
    disbursed: 'numeric',
    source_document: 'varchar',
    source_line: 'integer',
  });
  const progress = new Rows('project_progress', {
    project_id: 'uuid',
    period: 'varchar',
    percent: 'numeric',
    milestone_note: 'text',
    status: 'varchar',
    approved_at: 'timestamptz',
  });
  const risks = new Rows('risk', {
    project_id: 'uuid',
    description: 'text',
    likelihood: 'smallint',
    impact: 'smallint',
    response: 'varchar',
    owner: 'varchar',
    mitigation: 'text',
    review_date: 'date',
  });

  for (const province of strategies) {
    // About one province in five is well behind on capital spending.
    const laggard = seedOf(`lag:${province.code}`) % 5 === 0;
    for (const fiscalYear of years) {
      const rnd = prng(seedOf(`projects:${province.code}:${fiscalYear}`));
      for (let n = 1; n <= PROJECTS_PER_PROVINCE_YEAR; n++) {
        const id = randomUUID();
        const capital = rnd() < 0.4;
        let pick = rnd();
        const source = SOURCES.find(([, share]) => (pick -= share) < 0)?.[0] ?? 'province';
        const [kindTh, kindEn] = KINDS[Math.floor(rnd() * KINDS.length)];
        // Whole thousands of baht: capital 2–60 M, current 0.5–8 M.
        const thousands = capital ? 2_000 + Math.floor(rnd() * 58_000) : 500 + Math.floor(rnd() * 7_500);
        const allocated = BigInt(thousands) * 100_000n;
        const final = capital ? (laggard ? 0.55 + rnd() * 0.2 : 0.85 + rnd() * 0.14) : 0.95 + rnd() * 0.05;
        const shape = capital ? (laggard ? 2.2 : 1.6) : 0.95;
        const year = periodRange(`${fiscalYear}`);
        const running = fiscalYear === cal.currentFy;
        // How far into the year the money has come: the share a project on its curve would have paid by last month.
        const monthsOver = Array.from({ length: 12 }, (_, i) => i + 1).filter((month) =>
          isPeriodDue(`${fiscalYear}-M${String(month).padStart(2, '0')}`, cal.today),
        ).length;
        const status = !running
          ? final >= 0.95
            ? 'completed'
            : 'delayed'
          : monthsOver === 0
            ? 'not_started'
            : capital && laggard
              ? 'delayed'
              : 'on_schedule';
        const agency = AGENCIES[Math.floor(rnd() * AGENCIES.length)];
        projects.push({
          id,
          org_unit_id: province.org_unit_id,
          strategy_id: province.strategy_ids[n % province.strategy_ids.length],
          code: `P${fiscalYear % 100}-${String(n).padStart(3, '0')}`,
          name_th: `${kindTh} (${n})`,
          name_en: `${kindEn} (${n})`,
          owner_agency_th: agency,
          // The project form asks for the person responsible: the demo names the agency's head (a post).
          responsible_person: `หัวหน้า${agency}`,
          fiscal_year: fiscalYear,
          budget_source: source,
          budget_type: capital ? 'capital' : 'current',
          allocated: formatSatang(allocated),
          start_date: year.start,
          end_date: year.end,
          status,
        });
        if (province.kpi_ids?.length) {
          links.push({ project_id: id, kpi_id: province.kpi_ids[n % province.kpi_ids.length] });
        }
        let disbursedBefore = 0n;
        let committedBefore = 0n;
        for (let month = 1; month <= monthsOver; month++) {
          const share = final * Math.pow(month / 12, shape);
          // Committed (purchase orders, including what is already paid) runs ahead of payments.
          const committedShare = Math.max(share, Math.min(final + 0.02, Math.pow(month / 12, 0.6)));
          const disbursed = BigInt(Math.round(Number(allocated) * share));
          const committed = BigInt(Math.round(Number(allocated) * Math.min(1, committedShare)));
          money.push({
            project_id: id,
            month: monthStart(fiscalYear, month),
            committed: formatSatang(committed > committedBefore ? committed - committedBefore : 0n),
            disbursed: formatSatang(disbursed - disbursedBefore),
            source_document: `DEMO-${province.code}-${fiscalYear}`,
            source_line: n * 100 + month,
          });
          disbursedBefore = disbursed;
          committedBefore = committed > committedBefore ? committed : committedBefore;
          if (month % 3 === 0) {
            const percent = Math.min(100, Math.round((share / final) * (final >= 0.95 ? 100 : 90) * 100) / 100);
            progress.push({
              project_id: id,
              period: `${fiscalYear}-M${String(month).padStart(2, '0')}`,
              percent,
              milestone_note: percent >= 100 ? 'ส่งมอบงานครบถ้วน' : `ดำเนินการแล้วร้อยละ ${percent}`,
              status: 'approved',
              approved_at: `${periodRange(`${fiscalYear}-M${String(month).padStart(2, '0')}`).end}T17:00:00+07:00`,
            });
          }
        }
        if (running && n <= 3) {
          const likelihood = 1 + Math.floor(rnd() * 5);
          const impact = 1 + Math.floor(rnd() * 5);
          const band = riskLevel(likelihood, impact).band;
          risks.push({
            project_id: id,
            description: RISKS[Math.floor(rnd() * RISKS.length)],
            likelihood,
            impact,
            response: band === 'low' ? 'take' : RESPONSES[1 + Math.floor(rnd() * 3)],
            owner: AGENCIES[Math.floor(rnd() * AGENCIES.length)],
            mitigation: band === 'low' ? '' : 'ติดตามความก้าวหน้ารายสัปดาห์และเร่งรัดผู้รับจ้าง',
            review_date: addDays(cal.today, 14 + Math.floor(rnd() * 60)),
          });
        }
      }
    }
  }
  await projects.flush(m);
  await links.flush(m);
  await money.flush(m);
  await progress.flush(m);
  await risks.flush(m);
}

import { expect as baseExpect, Page, test } from '@playwright/test';
import { CURRENT_FY } from './demo-years';
import { addNode, defineKpiFromGoal, drawArrow, goal, KpiForm } from './plan-steps';
import { newPage, showEveryLine, signIn } from './support';

/*
 * Issue 18's whole year, as the people who run it would do it, with no REST call made by hand:
 * Narathiwat (96) starts without a plan (the suite's demo leaves it empty: DEMO_PROVINCES_WITHOUT_PLAN).
 * Its strategy officer builds the four-year plan from the current fiscal year (2 issues, 3 goals,
 * 2 cause → effect arrows drawn on the map) and defines 4 KPIs of different kinds with their
 * targets; the province's approver publishes the plan; on a phone the officer enters and submits
 * the first quarter's result and the approver approves it; a signed-out visitor then finds it on
 * the public map and the province's public page.
 *
 * One browser project is enough: the phone's steps run in a phone-sized context of their own (the
 * suite's phone project would find the province's plan already built).
 */
const expect = baseExpect.configure({ timeout: 20_000 });
const PROVINCE = '96';
const OFFICER = 'officer.96@demo.go.th';
const APPROVER = 'approver.96@demo.go.th';
const Q1 = `${CURRENT_FY}-Q1`;

interface Kpi extends Omit<KpiForm, 'agencyTh'> {
  goal: string;
  rollup: string;
  target: string;
}

/** A KPI from its goal's "KPIs" link in the builder, then its yearly target. */
async function defineKpi(page: Page, builderUrl: string, k: Kpi): Promise<void> {
  await page.goto(builderUrl);
  await goal(page, k.goal).getByTestId('goal-kpis').click();
  await expect(page).toHaveURL(/\/workspace\/goals\/[0-9a-f-]{36}\/kpis$/);
  await defineKpiFromGoal(page, { ...k, agencyTh: 'สำนักงานจังหวัดนราธิวาส' });
  await page.getByTestId('target-yearly').fill(k.target);
  await page.getByTestId('target-save').click();
  await expect(page.getByTestId('target-saved')).toBeVisible();
}

const KPIS: Kpi[] = [
  {
    goal: 'G1.1',
    code: 'T1.1.1',
    nameTh: 'ร้อยละรายได้จากการท่องเที่ยวที่เพิ่มขึ้น',
    nameEn: 'Tourism income growth',
    unitTh: 'ร้อยละ',
    unitEn: 'percent',
    rollup: 'ค่าล่าสุด',
    target: '80',
  },
  {
    goal: 'G1.2',
    code: 'T1.2.1',
    nameTh: 'จำนวนผู้เสียชีวิตจากอุบัติเหตุทางถนน',
    nameEn: 'Road deaths',
    unitTh: 'ราย',
    unitEn: 'deaths',
    direction: 'ยิ่งน้อยยิ่งดี',
    rollup: 'ผลรวม',
    target: '60',
  },
  {
    goal: 'G2.1',
    code: 'T2.1.1',
    nameTh: 'ค่าความเป็นกรดด่างของแม่น้ำบางนรา',
    nameEn: 'Bang Nara river pH',
    unitTh: 'ค่า pH',
    unitEn: 'pH',
    direction: 'อยู่ในช่วงที่กำหนด',
    band: ['6.5', '8.5'],
    rollup: 'ค่าเฉลี่ย',
    target: '7',
  },
  {
    goal: 'G2.1',
    code: 'T2.1.2',
    nameTh: 'ร้อยละเด็กที่ได้รับวัคซีนครบ',
    nameEn: 'Children fully vaccinated',
    unitTh: 'ร้อยละ',
    unitEn: 'percent',
    rollup: 'อัตราส่วน (ตัวตั้ง/ตัวหาร)',
    ratio: ['เด็กที่ได้รับวัคซีนครบ', 'เด็กทั้งหมดในพื้นที่'],
    target: '95',
  },
];

test.describe.serial('a province runs its year in the app', () => {
  test.describe.configure({ timeout: 600_000 });
  let builderUrl = '';

  test('the strategy office builds the plan, draws its arrows and defines four KPIs with targets', async ({
    browser,
  }) => {
    const page = await newPage(browser, 'desktop');
    await signIn(page, OFFICER, { path: '/workspace/plan' });
    await expect(page).toHaveURL(/\/workspace\/plan$/);
    await expect(page.getByTestId('no-plan')).toBeVisible();

    await page.getByTestId('create-plan').first().click();
    const form = page.getByRole('dialog');
    await form.getByTestId('plan-name-th').fill(`แผนพัฒนาจังหวัดนราธิวาส พ.ศ. ${CURRENT_FY}–${CURRENT_FY + 3}`);
    await form.getByTestId('plan-name-en').fill(`Narathiwat development plan ${CURRENT_FY}–${CURRENT_FY + 3}`);
    await form.getByTestId('plan-vision-th').fill('นราธิวาสเมืองน่าอยู่ สังคมสันติสุข');
    await form.getByTestId('plan-vision-en').fill('A liveable, peaceful Narathiwat');
    await form.getByTestId('plan-start-fy').fill(String(CURRENT_FY));
    await expect(form.getByTestId('plan-end-fy')).toHaveValue(String(CURRENT_FY + 3));
    await form.getByTestId('plan-save').click();
    await expect(form).toHaveCount(0);
    await expect(page).toHaveURL(/[?&]plan=[0-9a-f-]{36}/);
    await expect(page.getByTestId('plan-status')).toHaveText('ร่าง');
    builderUrl = new URL(page.url()).pathname + new URL(page.url()).search;

    await addNode(page, page.getByTestId('add-issue'), 'I1', 'เศรษฐกิจฐานราก', 'Grassroots economy');
    await addNode(page, page.getByTestId('add-issue'), 'I2', 'สังคมคุณภาพ', 'A caring society');
    const issue1 = page.locator('[data-testid="issue"][data-code="I1"]');
    const issue2 = page.locator('[data-testid="issue"][data-code="I2"]');
    await addNode(
      page,
      issue1.getByTestId('add-goal'),
      'G1.1',
      'รายได้จากการท่องเที่ยวเพิ่มขึ้น',
      'Tourism income grows',
    );
    await addNode(page, issue1.getByTestId('add-goal'), 'G1.2', 'ถนนปลอดภัย', 'Safe roads');
    await addNode(page, issue2.getByTestId('add-goal'), 'G2.1', 'ประชาชนมีสุขภาวะดี', 'People in good health');

    // The arrows are drawn on the strategy map itself: the cause, then its effect.
    await page.getByRole('tab', { name: 'แผนที่ยุทธศาสตร์ (แก้ไขลูกศร)' }).click();
    for (const [cause, effect] of [
      ['G1.2', 'G1.1'],
      ['G2.1', 'G1.1'],
    ]) {
      await drawArrow(page, cause, effect);
    }
    await expect(page.getByTestId('goal-arrow')).toHaveCount(2);

    for (const k of KPIS) await defineKpi(page, builderUrl, k);
    await page.context().close();
  });

  test('the approver publishes the plan', async ({ browser }) => {
    const page = await newPage(browser, 'desktop');
    await signIn(page, APPROVER, { path: builderUrl });
    await expect(page.getByTestId('plan-status')).toHaveText('ร่าง');
    await page.getByTestId('publish').click();
    await page.getByRole('dialog').getByTestId('confirm-yes').click();
    await expect(page.getByTestId('plan-status')).toHaveText('เผยแพร่แล้ว');
    await page.context().close();
  });

  test('on a phone, the officer enters and submits the first quarter; the approver approves it', async ({
    browser,
  }) => {
    const officer = await newPage(browser, 'phone');
    await signIn(officer, OFFICER, { path: '/workspace' });
    await expect(officer).toHaveURL(/\/workspace$/);
    await showEveryLine(officer);
    const item = officer.locator(`[data-testid="kpi-item"][data-kpi-code="T1.1.1"][data-period="${Q1}"]`);
    await expect(item).toHaveCount(1);
    await item.getByTestId('enter').click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByTestId('value').fill('72.5');
    await expect(dialog.getByTestId('value-parsed')).toContainText('72.5');
    await dialog.getByTestId('narrative').fill('นักท่องเที่ยวกลับมาหลังเทศกาล');
    await dialog.getByTestId('save-submit').click();
    await expect(officer.getByTestId('notice')).toHaveText('ส่งให้ผู้อนุมัติแล้ว');
    await expect(item.getByTestId('entry-status')).toHaveText(/รอการอนุมัติ/);
    const sideways = await officer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways).toBeLessThanOrEqual(0);
    await officer.context().close();

    const approver = await newPage(browser, 'phone');
    await signIn(approver, APPROVER, { path: '/workspace?tab=queue' });
    const queued = approver.locator(`[data-testid="queue-item"][data-code="T1.1.1"][data-period="${Q1}"]`);
    await expect(queued).toHaveCount(1);
    await queued.getByTestId('approve').click();
    await expect(approver.getByTestId('notice')).toHaveText('อนุมัติแล้ว');
    await expect(queued).toHaveCount(0);
    await approver.context().close();
  });

  test('a signed-out visitor sees the approved result on the public map and the province page', async ({ browser }) => {
    const page = await newPage(browser, 'desktop');
    await page.goto('/public');
    // The public map's tile is there; the province's line counts its one approved KPI by its light.
    await expect(page.getByTestId('public-map').locator(`[data-testid="tile"][data-code="${PROVINCE}"]`)).toBeVisible();
    const row = page.locator(`[data-testid="province-row"][data-code="${PROVINCE}"]`);
    await expect
      .poll(() =>
        row
          .locator('.light')
          .evaluateAll((lights) =>
            lights
              .filter((l) => ['green', 'amber', 'red'].includes(l.getAttribute('data-status') ?? ''))
              .reduce((sum, l) => sum + Number(l.textContent?.trim() || 0), 0),
          ),
      )
      .toBe(1);
    await row.locator('a').click();
    await expect(page).toHaveURL(new RegExp(`/public/province/${PROVINCE}`));
    await expect(page.getByTestId('province-title')).toHaveText('นราธิวาส');
    await expect(page.getByTestId('issue')).toHaveCount(2);
    await expect(page.getByTestId('kpi-row')).toHaveCount(4);
    await page.locator('[data-testid="kpi-row"][data-code="T1.1.1"] a').click();
    await expect(page.getByTestId('kpi-title')).toContainText('T1.1.1');
    await expect(page.getByTestId('result').first()).toContainText('72.5');

    // The published strategy map, open to anyone: the KPI lit by its approved result, the arrows drawn.
    const planId = new URLSearchParams(builderUrl.split('?')[1]).get('plan');
    await page.goto(`/plan/${planId}`);
    await expect(page.locator('[data-testid="kpi-node"][data-code="T1.1.1"]')).toHaveAttribute(
      'data-status',
      /^(green|amber|red)$/,
    );
    await expect(page.getByTestId('goal-arrow')).toHaveCount(2);
    await page.context().close();
  });

  test('October: the officer rolls the targets over into next year as drafts and edits one; the approver publishes them', async ({
    browser,
  }) => {
    const next = CURRENT_FY + 1;
    const officer = await newPage(browser, 'desktop');
    await signIn(officer, OFFICER, { path: '/workspace/new-year' });
    await expect(officer).toHaveURL(/\/workspace\/new-year$/);
    await expect(officer.getByTestId('new-year-year')).toContainText(String(next));
    await officer.getByTestId('new-year-rollover').click();
    await expect(officer.getByTestId('new-year-notice')).toContainText('คัดลอกเป็นร่างแล้ว');
    for (const k of KPIS) {
      const line = officer.locator(`tr[data-kpi-code="${k.code}"]`);
      await expect(line).toHaveAttribute('data-state', 'draft');
      await expect(line.getByTestId('new-year-target')).toHaveText(k.target);
    }
    // Fewer road deaths next year: the drafted target is edited before it is published.
    await officer.locator('tr[data-kpi-code="T1.2.1"]').getByTestId('new-year-kpi-link').click();
    await expect(officer.getByTestId('target-year')).toContainText(String(next));
    await expect(officer.getByTestId('target-draft')).toBeVisible();
    await officer.getByTestId('target-yearly').fill('50');
    await officer.getByTestId('target-save').click();
    await expect(officer.getByTestId('target-saved')).toBeVisible();
    await expect(officer.getByTestId('target-draft')).toBeVisible();
    // The officer builds; only the approver publishes.
    await officer.goto('/workspace/new-year');
    await expect(officer.locator('tr[data-kpi-code="T1.2.1"]').getByTestId('new-year-target')).toHaveText('50');
    await expect(officer.getByTestId('new-year-publish')).toHaveCount(0);
    await officer.context().close();

    const approver = await newPage(browser, 'desktop');
    await signIn(approver, APPROVER, { path: '/workspace/new-year' });
    await approver.getByTestId('new-year-publish').click();
    for (const k of KPIS) {
      await expect(approver.locator(`tr[data-kpi-code="${k.code}"]`)).toHaveAttribute('data-state', 'published');
    }
    await approver.context().close();
  });
});

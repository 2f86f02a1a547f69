import { expect as baseExpect, test } from '@playwright/test';
import { choose, newPage, signIn } from './support';

// A busy two-core machine: sign-in (password hashing) and first loads can take a while.
const expect = baseExpect.configure({ timeout: 30_000 });
test.setTimeout(300_000);

/*
 * Issue 18 items 4 and 5, the journey: the ministry analyst sets the year's disbursement targets
 * (a non-increasing entry is refused next to its field, a valid one saves, a province screen shows
 * the new target curve); a province officer registers a project; the governor opens its page from
 * the province view on a phone.
 *
 * Both browser projects run at once against one server: each sets a different budget type's
 * targets (the two columns of the province's disbursement table) and registers its own project code.
 */
const TARGET_FY = 2569;
const RUNS: Record<string, { type: 'overall' | 'capital'; quarters: [string, string, string, string]; code: string }> =
  {
    desktop: { type: 'overall', quarters: ['33', '56', '77', '100'], code: 'E2E-PRJ-D' },
    phone: { type: 'capital', quarters: ['23', '44', '66', '88'], code: 'E2E-PRJ-P' },
  };

test('the ministry sets the year, an officer registers a project, the governor opens it on a phone', async ({
  page,
  browser,
}, info) => {
  const run = RUNS[info.project.name] ?? RUNS['desktop'];
  const [q1, q2, q3, q4] = run.quarters;

  // 1. The ministry analyst: the year set-up, from the account menu.
  await page.goto('/ministry/year-setup');
  await signIn(page, 'analyst@demo.go.th');
  await expect(page).toHaveURL(/\/ministry\/year-setup$/);
  await expect(page.getByRole('heading', { name: 'ตั้งค่าปีงบประมาณ' })).toBeVisible();
  await choose(page, 'year-select', `ปีงบประมาณ ${TARGET_FY}`);
  const card = page.getByTestId(`targets-${run.type}`);
  await expect(card).toContainText('ฉบับที่');
  await card.getByTestId(`${run.type}-q1`).fill(q1);
  // Q2 below Q1: refused next to Q2, in Thai, before anything is sent.
  await card.getByTestId(`${run.type}-q2`).fill(String(Number(q1) - 5));
  await card.getByTestId(`${run.type}-q3`).fill(q3);
  await card.getByTestId(`${run.type}-q4`).fill(q4);
  await card.getByTestId(`${run.type}-save`).click();
  await expect(card.getByTestId(`${run.type}-q2-error`)).toHaveText('ต้องไม่น้อยกว่า Q1 (เป้าหมายเป็นค่าสะสม)');
  await expect(card.getByTestId(`${run.type}-q2`)).toHaveAttribute('aria-invalid', 'true');
  // Above 100: refused next to Q4.
  await card.getByTestId(`${run.type}-q4`).fill('101');
  await expect(card.getByTestId(`${run.type}-q4-error`)).toHaveText('กรอกตัวเลข 0–100 ทศนิยมไม่เกิน 2 ตำแหน่ง');
  // Corrected: saved, by keyboard.
  await card.getByTestId(`${run.type}-q2`).fill(q2);
  await card.getByTestId(`${run.type}-q4`).fill(q4);
  await card.getByTestId(`${run.type}-q4`).press('Enter');
  await expect(card.getByTestId(`${run.type}-saved`)).toHaveText('บันทึกแล้ว');
  await expect(card.getByTestId(`${run.type}-q2-error`)).toHaveCount(0);

  // The province screen draws the new target curve: the table beside the chart carries Q1 from December.
  await page.goto(`/province/50?fy=${TARGET_FY}`);
  const panel = page.getByTestId('disbursement');
  await expect(panel.getByTestId('disbursement-chart')).toBeVisible();
  await panel.locator('details.table summary').click();
  const column = run.type === 'overall' ? 3 : 5;
  const rows = panel.getByTestId('disbursement-table').locator('tbody tr');
  await expect(rows.nth(2).locator(`td:nth-child(${column})`)).toContainText(q1);
  await expect(rows.nth(5).locator(`td:nth-child(${column})`)).toContainText(q2);
  await expect(rows.nth(11).locator(`td:nth-child(${column})`)).toContainText(q4);

  // 2. A province officer registers a project of the current year.
  const officer = await (
    await browser.newContext({ locale: 'th-TH', viewport: { width: 1280, height: 800 } })
  ).newPage();
  await officer.goto('/workspace/projects');
  await signIn(officer, 'officer.50@demo.go.th');
  await expect(officer).toHaveURL(/\/workspace\/projects$/);
  await officer.getByTestId('new-project').click();
  await expect(officer.getByRole('heading', { name: 'ลงทะเบียนโครงการ' })).toBeVisible();
  // Saving empty: each required field says so beside itself.
  await officer.getByTestId('project-save').click();
  await expect(officer.getByTestId('code-error')).toHaveText('จำเป็นต้องกรอก');
  await officer.getByTestId('project-code').fill(run.code);
  await officer.getByTestId('project-name-th').fill('โครงการพัฒนาเส้นทางท่องเที่ยวเชิงเกษตร');
  await officer.getByTestId('project-name-en').fill('Agritourism route development');
  await choose(officer, 'project-strategy', /./);
  await officer.getByTestId('project-kpis').click();
  await officer.getByRole('option').first().click();
  await officer.keyboard.press('Escape');
  await choose(officer, 'project-type', 'งบลงทุน');
  await officer.getByTestId('project-allocated').fill('abc');
  await officer.getByTestId('project-start').fill('1/10/2569');
  await officer.getByTestId('project-end').fill('30/9/2570');
  await officer.getByTestId('project-agency').fill('สำนักงานเกษตรจังหวัดเชียงใหม่');
  await officer.getByTestId('project-person').fill('นางสาวดอกแก้ว ใจงาม เกษตรจังหวัด');
  await officer.getByTestId('project-save').click();
  await expect(officer.getByTestId('allocated-error')).toContainText('กรอกจำนวนเงินเป็นบาท');
  await officer.getByTestId('project-allocated').fill('9,876,543,210.50');
  await expect(officer.getByTestId('allocated-preview')).toHaveText('อ่านได้ว่า 9,876,543,211 บาท');
  await officer.getByTestId('project-save').click();
  await expect(officer).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(officer.getByTestId('project-title')).toContainText(run.code);
  await expect(officer.getByTestId('project-person')).toHaveText('นางสาวดอกแก้ว ใจงาม เกษตรจังหวัด');
  // A risk on it, from the page (likelihood × impact, 4T response, owner, review date).
  await officer.getByTestId('risk-add').click();
  await officer.getByTestId('risk-description').fill('ฝนตกหนักทำให้ก่อสร้างล่าช้า');
  await choose(officer, 'risk-likelihood', /^4/);
  await choose(officer, 'risk-impact', /^3/);
  await choose(officer, 'risk-response', /Treat/);
  await officer.getByTestId('risk-owner').fill('เกษตรจังหวัด');
  await officer.getByTestId('risk-review').fill('31/1/2570');
  await officer.getByTestId('risk-save').click();
  await expect(officer.getByTestId('risk-row')).toHaveCount(1);
  await expect(officer.getByTestId('risk-row')).toContainText('4×3 = 12');
  await officer.context().close();

  // 3. The governor, on a phone: the province view lists the project; its page opens from there.
  const governor = await newPage(browser, 'phone');
  await governor.goto('/sign-in');
  await signIn(governor, 'governor.50@demo.go.th');
  await expect(governor.getByTestId('user-menu')).toBeVisible();
  await governor.goto('/province/50');
  const slow = governor.getByTestId('slow-project').filter({ hasText: run.code });
  await expect(slow).toHaveCount(1);
  await slow.click();
  await expect(governor).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(governor.getByTestId('project-title')).toContainText('โครงการพัฒนาเส้นทางท่องเที่ยวเชิงเกษตร');
  await expect(governor.getByTestId('project-allocated')).toContainText('9,876,543,211');
  await expect(governor.getByTestId('project-kpi')).toHaveCount(1);
  await expect(governor.getByTestId('risk-row')).toContainText('ฝนตกหนัก');
  // A governor reads only: no edit, no risk form.
  await expect(governor.getByTestId('edit-project')).toHaveCount(0);
  await expect(governor.getByTestId('risk-add')).toHaveCount(0);
  // Nothing wider than the phone.
  const overflow = await governor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await governor.context().close();
});

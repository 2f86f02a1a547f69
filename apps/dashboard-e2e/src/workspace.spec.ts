import { expect, Page, test } from '@playwright/test';
import { CURRENT_FY } from './demo-years';
import { apiToken, bearer, expectNoSideways, NEW_USER_PASSWORD, newPage, showEveryLine, signIn } from './support';

/*
 * The strategy office's desk, end to end: an officer enters a KPI result (a bad value first),
 * submits it, and another person, the province's approver, approves it. Then the same with the
 * governor's scorecard open in a second page, which must change without a reload.
 *
 * The API allows five sign-in attempts a minute per address and account, and sign-in.spec.ts and
 * gfmis-import.spec.ts already spend officer.50's and approver.50's. So each browser project signs
 * in an officer and an approver of Chiang Mai of its own, created here by the demo admin (the
 * same roles and scope as the demo's). Both projects run at once against one server: the desktop
 * takes the first open entry it finds, the phone the last, so they never touch the same one.
 */
const PROVINCE = '50';
const FY = CURRENT_FY;
const THAI_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

interface Entry {
  period: string;
  status: string;
  timing: string;
}
interface Kpi {
  kpiId: string;
  code: string;
  rollup: string;
  plausibleMin: string | null;
  plausibleMax: string | null;
  entries: Entry[];
  [key: string]: unknown;
}
interface Desk {
  kpis: Kpi[];
}
interface Pick {
  kpi: Kpi;
  period: string;
}

/** Today in Bangkok as the dashboard writes it in Thai: "21 พ.ย. 2569". */
function todayThai(): string {
  const d = new Date(Date.now() + 7 * 3600_000);
  return `${d.getUTCDate()} ${THAI_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear() + 543}`;
}

/** A value inside the KPI's plausible range: no outlier confirmation needed. */
function goodValue(kpi: Kpi): string {
  const min = kpi.plausibleMin === null ? null : Number(kpi.plausibleMin);
  const max = kpi.plausibleMax === null ? null : Number(kpi.plausibleMax);
  const v = min !== null && max !== null ? (min + max) / 2 : min !== null ? min + 1 : max !== null ? max - 1 : 100;
  return String(Math.round(v * 100) / 100);
}

/** province-view.spec.ts reads this KPI's last update and history: approving one of its results would change them. */
const READ_BY_OTHER_SPECS = new Set(['K1.1.1']);

/** Entries the office may still enter (not ratio KPIs: one value field), the desktop's first, the phone's last. */
function pickEntry(desk: Desk, project: string, skip: (kpi: Kpi) => boolean = () => false): Pick {
  const open = desk.kpis
    .filter((k) => k.rollup !== 'ratio' && !READ_BY_OTHER_SPECS.has(k.code) && !skip(k))
    .flatMap((kpi) =>
      kpi.entries
        .filter((e) => e.status === 'missing' || e.status === 'draft' || e.status === 'returned')
        .map((e) => ({ kpi, period: e.period })),
    );
  expect(open.length).toBeGreaterThan(1);
  return project === 'phone' ? open[open.length - 1] : open[0];
}

/** Codes of the scorecard lines whose last update reads `day`. */
async function kpisUpdatedOn(page: Page, day: string): Promise<Set<string>> {
  const rows = await page
    .getByTestId('kpi-row')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-code') ?? '', e.textContent ?? ''] as const));
  return new Set(rows.filter(([, text]) => text.includes(day)).map(([code]) => code));
}

/** The approver signs in on the queue and approves the entry; it leaves the queue. */
async function approve(page: Page, email: string, pick: Pick, officerName: string): Promise<void> {
  await page.goto('/workspace?tab=queue');
  await signIn(page, email);
  await expect(page).toHaveURL(/\/workspace\?tab=queue$/);
  const item = page.locator(`[data-testid="queue-item"][data-code="${pick.kpi.code}"][data-period="${pick.period}"]`);
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('queue-by')).toContainText(`ส่งโดย ${officerName}`);
  await item.getByTestId('approve').click();
  await expect(page.getByTestId('notice')).toHaveText('อนุมัติแล้ว');
  await expect(item).toHaveCount(0);
}

test.describe.serial('the strategy office workspace', () => {
  const people = { officer: '', approver: '', officerName: '' };

  test.beforeAll(async ({ request }, info) => {
    const admin = await apiToken(request, 'admin@demo.go.th');
    const stamp = `${info.project.name}-${Date.now()}`;
    people.officerName = `เจ้าหน้าที่ทดสอบ ${info.project.name}`;
    for (const [key, role, name] of [
      ['officer', 'province_officer', people.officerName],
      ['approver', 'province_approver', `ผู้อนุมัติทดสอบ ${info.project.name}`],
    ] as const) {
      const email = `ws.${key}.${stamp}@demo.go.th`;
      const res = await request.post('/api/users', {
        headers: bearer(admin),
        data: { email, displayName: name, role, orgUnitCode: PROVINCE, password: NEW_USER_PASSWORD },
      });
      expect(res.status()).toBe(201);
      people[key] = email;
    }
  });

  test('an officer enters a bad value, then a good one, submits, and another person approves it', async ({
    browser,
  }, info) => {
    const project = info.project.name;
    const officer = await newPage(browser, project);
    await officer.goto(`/workspace?fy=${FY}`);
    const deskResponse = officer.waitForResponse((r) => r.url().includes(`/api/workspace/${PROVINCE}`) && r.ok());
    await signIn(officer, people.officer);
    await expect(officer).toHaveURL(new RegExp(`/workspace\\?fy=${FY}$`));
    const desk: Desk = await (await deskResponse).json();
    await expect(officer.getByTestId('workspace-title')).toHaveText('งานของสำนักงานยุทธศาสตร์จังหวัด');
    await expect(officer.getByTestId('workspace-scope')).toContainText(`เชียงใหม่ · ปีงบประมาณ ${FY}`);
    await expect(officer.getByTestId('count-late')).toBeVisible();

    // Not a percentage: 999,999,999,999 must be an unusual value here, not an impossible one (above 100 %).
    const pick = pickEntry(desk, project, (k) => /ร้อยละ|%/.test(String(k['unitTh'])));
    await showEveryLine(officer);
    const item = officer.locator(
      `[data-testid="kpi-item"][data-kpi-code="${pick.kpi.code}"][data-period="${pick.period}"]`,
    );
    await expect(item).toHaveCount(1);
    await item.getByTestId('enter').click();

    const dialog = officer.getByRole('dialog');
    await expect(dialog.getByTestId('entry-title')).toHaveText('บันทึกผลการดำเนินงาน');
    const value = dialog.getByTestId('value');
    await expect(value).toBeFocused();

    // Not a number: the form says so under the field, and sends nothing.
    await value.fill('12abc');
    await dialog.getByTestId('save-draft').click();
    await expect(dialog.getByTestId('value-error')).toHaveText(
      'ต้องเป็นตัวเลข (ไม่เกิน 15 หลัก ทศนิยมไม่เกิน 6 ตำแหน่ง)',
    );

    // Commas out of place (issue 16.1: "1,2,3" was saved as 123): refused under the field.
    await value.fill('1,2,3');
    await expect(dialog.getByTestId('value-parsed')).toHaveCount(0);
    await dialog.getByTestId('save-draft').click();
    await expect(dialog.getByTestId('value-error')).toHaveText('ใส่จุลภาคคั่นทุกสามหลักเท่านั้น เช่น 1,234.5');
    await dialog.screenshot({ path: test.info().outputPath(`entry-grouping-${project}.png`) });

    // Impossible (below the KPI's hard limit of 0): the API refuses it, naming the limit, under the field.
    await value.fill('-5');
    await dialog.getByTestId('save-draft').click();
    await expect(dialog.getByTestId('value-error')).toContainText('ค่านี้เป็นไปไม่ได้: ตัวชี้วัดนี้ต้องไม่ต่ำกว่า 0');
    await expect(dialog.getByTestId('outlier')).toHaveCount(0);

    // Far outside the plausible range: the API's own message, with a confirmation to give.
    await value.fill('999,999,999,999');
    await dialog.getByTestId('save-draft').click();
    await expect(dialog.getByTestId('outlier')).toContainText(
      'ค่าที่ระบุอยู่นอกช่วงที่เป็นไปได้ของตัวชี้วัดนี้ กรุณายืนยันหากถูกต้อง',
    );
    await expect(dialog.getByTestId('confirm-outlier')).toBeVisible();

    // A value in range: no confirmation; saved and sent for approval.
    await value.fill(goodValue(pick.kpi));
    await expect(dialog.getByTestId('outlier')).toHaveCount(0);
    // The number as it will be saved, before saving.
    await expect(dialog.getByTestId('value-parsed')).toContainText(
      `จะบันทึกเป็น ${new Intl.NumberFormat('th-TH', { maximumFractionDigits: 6 }).format(Number(goodValue(pick.kpi)))}`,
    );
    await dialog.screenshot({ path: test.info().outputPath(`entry-parsed-${project}.png`) });
    await dialog.getByTestId('narrative').fill('ผลการดำเนินงานเป็นไปตามแผน');
    await dialog.getByTestId('save-submit').click();
    await expect(dialog).toHaveCount(0);
    await expect(officer.getByTestId('notice')).toHaveText('ส่งให้ผู้อนุมัติแล้ว');
    await expect(item).toHaveAttribute('data-status', 'submitted');
    await expect(item.getByTestId('entry-status')).toHaveText(/รอการอนุมัติ/);
    await expect(item.getByTestId('enter')).toHaveCount(0);
    await expectNoSideways(officer);

    // Another person, the province's approver.
    const approver = await newPage(browser, project);
    await approve(approver, people.approver, pick, people.officerName);
    await expectNoSideways(approver);

    // The history shows who submitted and who approved.
    await approver.getByTestId('tab-kpis').click();
    await showEveryLine(approver);
    const approved = approver.locator(
      `[data-testid="kpi-item"][data-kpi-code="${pick.kpi.code}"][data-period="${pick.period}"]`,
    );
    await expect(approved).toHaveAttribute('data-status', 'approved');
    await approved.getByTestId('history').click();
    const row = approver.getByRole('dialog').locator(`[data-testid="history-row"][data-period="${pick.period}"]`);
    await expect(row).toContainText('อนุมัติแล้ว');
    await expect(row).toContainText(new RegExp(`ส่งโดย\\s*${people.officerName} ${todayThai()}`));
    await expect(row).toContainText(new RegExp(`อนุมัติโดย\\s*ผู้อนุมัติทดสอบ ${project} ${todayThai()}`));

    await officer.context().close();
    await approver.context().close();
  });

  test("the approval changes the governor's open scorecard without a reload", async ({ browser, request }, info) => {
    const project = info.project.name;
    const today = todayThai();

    // The governor has Chiang Mai open first.
    const governor = await newPage(browser, project);
    await governor.goto(`/sign-in?returnUrl=${encodeURIComponent(`/province/${PROVINCE}`)}`);
    await signIn(governor, 'governor.50@demo.go.th');
    await expect(governor).toHaveURL(new RegExp(`/province/${PROVINCE}`));
    await expect(governor.getByTestId('kpi-row').first()).toBeVisible();
    await governor.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // The officer enters and submits over the API, for a KPI not yet updated today on the governor's screen.
    const officerToken = await apiToken(request, people.officer);
    const desk: Desk = await (
      await request.get(`/api/workspace/${PROVINCE}?fiscalYear=${FY}`, { headers: bearer(officerToken) })
    ).json();
    const updatedToday = await kpisUpdatedOn(governor, today);
    const pick = pickEntry(desk, project, (k) => updatedToday.has(k.code));
    const url = `/api/kpis/${pick.kpi.kpiId}/results/${pick.period}`;
    const entry = pick.kpi.entries.find((e) => e.period === pick.period) as Entry & { version: number | null };
    const saved = await request.put(url, {
      headers: bearer(officerToken),
      data: { value: goodValue(pick.kpi), ...(entry.version !== null && { version: entry.version }) },
    });
    expect(saved.status()).toBe(200);
    const submitted = await request.post(`${url}/submit`, {
      headers: bearer(officerToken),
      data: { version: (await saved.json()).version },
    });
    expect(submitted.status()).toBe(200);

    const row = governor.locator(`[data-testid="kpi-row"][data-code="${pick.kpi.code}"]`);
    await expect(row).not.toContainText(today);

    // The approver approves in the workspace; the governor's line follows, live.
    const approver = await newPage(browser, project);
    await approve(approver, people.approver, pick, people.officerName);
    await expect(row).toContainText(`ปรับปรุงล่าสุด: ${today}`, { timeout: 15_000 });
    expect(await governor.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    await governor.context().close();
    await approver.context().close();
  });
});

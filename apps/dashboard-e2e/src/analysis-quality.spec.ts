import { APIRequestContext, expect as baseExpect, test } from '@playwright/test';
import type {
  DataQualityDto,
  KpiResultDto,
  ProvinceCompletenessDto,
  ProvinceDataQualityDto,
} from '@provdash/shared/contracts';
import { LAST_FY } from './demo-years';
import { apiToken, bearer, choose, collectErrors, expectNoSideways, NEW_USER_PASSWORD, signIn } from './support';

// A busy two-core machine: sign-in (password hashing) and first loads can take a while.
const expect = baseExpect.configure({ timeout: 30_000 });

/** Mae Hong Son: the province this spec writes to (no other spec does). */
const PROVINCE = '58';
const KPI = 'K1.2.1';
const REASON = 'สำนักงานคลังจังหวัดแจ้งตัวเลขรายได้เดือนกันยายนใหม่';

/*
 * Issue 22 item 6, as a ministry analyst works it: from the analysis desk's tab, the data-quality
 * follow-up of the last complete year; the country's counts by kind, the provinces worst first;
 * keep only results changed after approval; open the province and read what was changed, by whom
 * and why. The figures on screen are the API's. Mae Hong Son's latest approved month of revenue is
 * reopened and changed first, through the API as its approver and officer would, once for both browser projects.
 */
test.describe("the ministry's data-quality follow-up", () => {
  test.describe.configure({ timeout: 240_000 });
  let analyst = '';
  let token = '';
  /** The month of the last complete year that is reopened and changed: its latest approved one. */
  let period = '';

  async function createUser(request: APIRequestContext, admin: string, role: string, unit: string, tag: string) {
    const email = `quality.${tag}.${test.info().project.name}.${Date.now()}@demo.go.th`;
    const res = await request.post('/api/users', {
      headers: bearer(admin),
      data: { email, displayName: `ทดสอบคุณภาพข้อมูล ${tag}`, role, orgUnitCode: unit, password: NEW_USER_PASSWORD },
    });
    expect(res.status()).toBe(201);
    return email;
  }

  test.beforeAll(async ({ request }) => {
    const admin = await apiToken(request, 'admin@demo.go.th');
    analyst = await createUser(request, admin, 'central_analyst', 'TH', 'analyst');
    token = await apiToken(request, analyst);

    const before = (await (
      await request.get(`/api/analysis/quality/${PROVINCE}?fiscalYear=${LAST_FY}`, { headers: bearer(token) })
    ).json()) as ProvinceDataQualityDto;
    // The other browser project may have made the change already: it is made once.
    const done = before.findings.find((f) => f.kind === 'changed_after_approval' && f.kpiCode === KPI);
    if (done) {
      period = done.period;
      return;
    }

    const owed = (await (
      await request.get(`/api/analysis/completeness/${PROVINCE}?fiscalYear=${LAST_FY}`, { headers: bearer(token) })
    ).json()) as ProvinceCompletenessDto;
    const kpi = owed.kpis.find((k) => k.code === KPI);
    const kpiId = kpi?.id;
    period = kpi?.owed.filter((o) => o.status === 'approved').at(-1)?.period ?? '';
    expect(period).toMatch(new RegExp(`^${LAST_FY}-M\\d\\d$`));
    const approver = await apiToken(
      request,
      await createUser(request, admin, 'province_approver', PROVINCE, 'approver'),
    );
    const officer = await apiToken(request, await createUser(request, admin, 'province_officer', PROVINCE, 'officer'));
    const url = `/api/kpis/${kpiId}/results/${period}`;
    const list = (await (
      await request.get(`/api/kpis/${kpiId}/results?fiscalYear=${LAST_FY}`, { headers: bearer(officer) })
    ).json()) as KpiResultDto[];
    const result = list.find((r) => r.period === period);
    expect(result?.status).toBe('approved');
    const reopened = await request.post(`${url}/reopen`, {
      headers: bearer(approver),
      data: { version: result?.version, reason: REASON },
    });
    expect(reopened.status()).toBe(200);
    const changed = await request.put(url, {
      headers: bearer(officer),
      data: { value: (Number(result?.value) + 1.5).toFixed(2), version: (await reopened.json()).version },
    });
    expect(changed.status()).toBe(200);
    const sent = await request.post(`${url}/submit`, {
      headers: bearer(officer),
      data: { version: (await changed.json()).version },
    });
    expect(sent.status()).toBe(200);
  });

  test('lists the findings by province, filters one kind and drills into a province', async ({
    page,
    request,
  }, info) => {
    const errors = collectErrors(page);
    await signIn(page, analyst, { path: '/me' });
    await page.getByTestId('user-menu').click();
    await page.getByTestId('completeness-link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ความครบถ้วนและความตรงเวลาของการรายงานผล');
    // The screens write their choices into the address only when the reader changes them, so a
    // desk link clicked as the completeness screen opens is never cancelled by it.
    await page.getByTestId('desk-tab-quality').click();
    await expect(page).toHaveURL(/\/ministry\/analysis\/quality/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('คุณภาพข้อมูล: ผลที่ควรสอบถามจังหวัด');

    await choose(page, 'quality-year', `ปีงบประมาณ ${LAST_FY}`);
    await expect(page).toHaveURL(new RegExp(`fy=${LAST_FY}`));
    const country = (await (
      await request.get(`/api/analysis/quality?fiscalYear=${LAST_FY}`, { headers: bearer(token) })
    ).json()) as DataQualityDto;
    // The demo sends one result in eight after its deadline; the spec changed one after approval.
    expect(country.counts.late).toBeGreaterThan(0);
    expect(country.counts.changed_after_approval).toBeGreaterThan(0);
    await expect(page.getByTestId('kind-late')).toContainText(`ส่งล่าช้า · ${country.counts.late}`);
    await expect(page.getByTestId('kind-changed_after_approval')).toContainText(
      `แก้ไขหลังอนุมัติ · ${country.counts.changed_after_approval}`,
    );
    const rows = page.getByTestId('quality-table').locator('tbody tr');
    await expect(rows).toHaveCount(77);
    const worst = country.provinces[0];
    await expect(rows.first()).toHaveAttribute('data-testid', `quality-row-${worst.code}`);
    await expect(rows.first()).toContainText(worst.nameTh);
    await expect(rows.first().locator('td').last()).toHaveText(String(worst.total));
    await page.screenshot({ path: `docs/screenshots/analysis-quality-${info.project.name}.png`, fullPage: false });
    if (info.project.name === 'phone') await expectNoSideways(page);

    // One kind: the results changed after approval, only the provinces that have one.
    await page.getByTestId('kind-changed_after_approval').click();
    await expect(page).toHaveURL(/kind=changed_after_approval/);
    await expect(page.getByTestId('quality-help')).toContainText('ค่าปัจจุบันต่างจากค่าเมื่ออนุมัติครั้งแรก');
    const mhs = page.getByTestId(`quality-row-${PROVINCE}`);
    await expect(mhs).toBeVisible();
    for (const n of await rows.locator('td.chosen').allTextContents()) expect(Number(n)).toBeGreaterThan(0);
    if (info.project.name === 'phone') await expectNoSideways(page);

    // Mae Hong Son: the change, from what to what, who reopened it and why.
    await mhs.getByRole('link').click();
    const drill = (await (
      await request.get(`/api/analysis/quality/${PROVINCE}?fiscalYear=${LAST_FY}`, { headers: bearer(token) })
    ).json()) as ProvinceDataQualityDto;
    await expect(page.getByTestId('quality-province')).toHaveText(`คุณภาพข้อมูล: ${drill.province.nameTh}`);
    const change = drill.findings.find((f) => f.kind === 'changed_after_approval' && f.kpiCode === KPI);
    expect(change?.note).toBe(REASON);
    const cards = page.getByTestId('quality-findings').locator('li.finding');
    await expect(cards).toHaveCount(drill.counts.changed_after_approval);
    const card = page.getByTestId(`finding-changed_after_approval-${KPI}-${period}`);
    await expect(card).toContainText(`เหตุผลที่เปิดแก้ไข: ${REASON}`);
    const grouped = (s: string | null | undefined) =>
      new Intl.NumberFormat('th-TH', { maximumFractionDigits: 2 }).format(Number(s));
    await expect(card).toContainText(`ค่า ${grouped(change?.value)}`);
    await expect(card).toContainText(`เมื่ออนุมัติ ${grouped(change?.reference)}`);
    await expect(card).toContainText(change?.by ?? 'no one');
    await page.screenshot({
      path: `docs/screenshots/analysis-quality-province-${info.project.name}.png`,
      fullPage: false,
    });
    if (info.project.name === 'phone') await expectNoSideways(page);

    // Another kind in the same province: its late first submissions, each with its deadline.
    await page.getByTestId('kind-late').click();
    expect(drill.counts.late).toBeGreaterThan(0);
    await expect(cards).toHaveCount(drill.counts.late);
    await expect(cards.first()).toContainText('กำหนดส่ง');

    // Back to the country, the year and kind kept.
    await page.getByTestId('quality-back').click();
    await expect(page).toHaveURL(new RegExp(`fy=${LAST_FY}`));
    await expect(page).toHaveURL(/kind=late/);
    expect(errors).toEqual([]);
  });
});

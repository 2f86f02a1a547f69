import { expect as baseExpect, test } from '@playwright/test';
import type { CompletenessDto, PillarsDto, ProvinceCompletenessDto } from '@provdash/shared/contracts';
import { periodLabel, reportingRates } from '@provdash/shared/domain';
import { LAST_FY } from './demo-years';
import { apiToken, bearer, choose, collectErrors, expectNoSideways, NEW_USER_PASSWORD, signIn } from './support';

// A busy two-core machine: sign-in (password hashing) and first loads can take a while.
const expect = baseExpect.configure({ timeout: 30_000 });

/*
 * Issue 22 item 1, as a ministry analyst works it: open reporting completeness from the account
 * menu, pick last month, keep only the provinces that have not reported everything, open the
 * worst one and see which KPIs are missing. The figures on screen are the API's; the share of a
 * province's link keeps the month. Each browser project signs in an analyst of its own.
 */
test.describe("the ministry's reporting completeness", () => {
  test.describe.configure({ timeout: 240_000 });
  let analyst = '';
  let token = '';

  test.beforeAll(async ({ request }, info) => {
    const admin = await apiToken(request, 'admin@demo.go.th');
    analyst = `completeness.${info.project.name}.${Date.now()}@demo.go.th`;
    const res = await request.post('/api/users', {
      headers: bearer(admin),
      data: {
        email: analyst,
        displayName: `นักวิเคราะห์การรายงาน ${info.project.name}`,
        role: 'central_analyst',
        orgUnitCode: 'TH',
        password: NEW_USER_PASSWORD,
      },
    });
    expect(res.status()).toBe(201);
    token = await apiToken(request, analyst);
  });

  test('finds the provinces that have not reported last month and drills into one', async ({ page, request }, info) => {
    const errors = collectErrors(page);
    await signIn(page, analyst, { path: '/me' });
    await page.getByTestId('user-menu').click();
    await page.getByTestId('completeness-link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ความครบถ้วนและความตรงเวลาของการรายงานผล');
    await expect(page.getByTestId('completeness-map').locator('a.tile')).toHaveCount(77);

    // Last month: the newest month already ended.
    const year = (await (
      await request.get('/api/analysis/completeness', { headers: bearer(token) })
    ).json()) as CompletenessDto;
    const lastMonth = year.months[year.months.length - 1];
    const monthView = (await (
      await request.get(`/api/analysis/completeness?month=${lastMonth}`, { headers: bearer(token) })
    ).json()) as CompletenessDto;
    await choose(page, 'completeness-month', periodLabel(lastMonth, 'th'));
    await expect(page).toHaveURL(new RegExp(`month=${lastMonth}`));
    const country = page.getByTestId('completeness-country');
    await expect(country).toContainText(
      `รายงานแล้ว ${monthView.country.reported} จาก ${monthView.country.due} รายการที่ถึงกำหนด`,
    );

    // Only the provinces with something missing, worst first.
    const missing = monthView.provinces.filter((p) => p.counts.reported < p.counts.due);
    expect(missing.length).toBeGreaterThan(0);
    await page.getByTestId('only-missing').click();
    const rows = page.getByTestId('completeness-table').locator('tbody tr');
    await expect(rows).toHaveCount(missing.length);
    const worst = [...missing].sort(
      (a, b) =>
        (reportingRates(a.counts).completeness ?? 0) - (reportingRates(b.counts).completeness ?? 0) ||
        b.counts.late - a.counts.late ||
        a.code.localeCompare(b.code),
    )[0];
    await expect(rows.first()).toHaveAttribute('data-testid', `row-${worst.code}`);
    await expect(rows.first()).toContainText(worst.nameTh);
    await page.screenshot({ path: `docs/screenshots/analysis-completeness-${info.project.name}.png`, fullPage: false });
    if (info.project.name === 'phone') await expectNoSideways(page);

    // The worst province: its KPIs, the missing ones first.
    await rows.first().getByRole('link').click();
    await expect(page.getByTestId('completeness-province')).toHaveText(`การรายงานผลของจังหวัด${worst.nameTh}`);
    const drill = (await (
      await request.get(`/api/analysis/completeness/${worst.code}?month=${lastMonth}`, { headers: bearer(token) })
    ).json()) as ProvinceCompletenessDto;
    expect(drill.counts).toEqual(worst.counts);
    await expect(page.getByTestId('completeness-province-counts')).toContainText(
      `รายงานแล้ว ${drill.counts.reported} จาก ${drill.counts.due} รายการที่ถึงกำหนด`,
    );
    const notSent = drill.kpis.flatMap((k) =>
      k.owed.filter((o) => o.status === null || o.status === 'draft').map((o) => ({ k, o })),
    );
    expect(notSent.length).toBe(drill.counts.due - drill.counts.reported);
    const first = page.getByTestId('completeness-kpis').locator('tbody tr').first();
    await expect(first).toContainText(/ยังไม่รายงาน|ร่าง ยังไม่ส่ง|ส่งช้า/);
    await expect(page.getByTestId(`owed-${notSent[0].k.code}-${notSent[0].o.period}`)).toContainText(
      /ยังไม่รายงาน|ร่าง ยังไม่ส่ง|ส่งช้า/,
    );
    await page.screenshot({
      path: `docs/screenshots/analysis-completeness-province-${info.project.name}.png`,
      fullPage: false,
    });
    if (info.project.name === 'phone') await expectNoSideways(page);

    // Back to the country, the month kept.
    await page.getByTestId('completeness-back').click();
    await expect(page).toHaveURL(new RegExp(`month=${lastMonth}`));
    expect(errors).toEqual([]);
  });

  test("rolls the provinces' goals up to the six pillars of the national strategy", async ({ page, request }, info) => {
    const errors = collectErrors(page);
    await signIn(page, analyst, { path: '/me' });
    await page.getByTestId('user-menu').click();
    await page.getByTestId('completeness-link').click();
    await page.getByTestId('desk-tab-pillars').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'ผลการดำเนินงานของจังหวัดตามยุทธศาสตร์ชาติ 6 ด้าน',
    );
    // The last complete year: every quarter and the year reported.
    await choose(page, 'pillars-year', `ปีงบประมาณ ${LAST_FY}`);
    await expect(page).toHaveURL(new RegExp(`fy=${LAST_FY}`));
    const view = (await (await request.get(`/api/analysis/pillars?fiscalYear=${LAST_FY}`)).json()) as PillarsDto;
    const served = view.pillars.find((p) => p.provinces.length > 0);
    expect(served).toBeDefined();
    const pillar = page.getByTestId(`pillar-${served?.pillar}`);
    await expect(pillar).toContainText(`${served?.summary.kpiCount} ตัวชี้วัด · ${served?.provinces.length} จังหวัด`);
    await pillar.locator('summary').click();
    const first = served?.provinces[0];
    await expect(page.getByTestId(`pillar-${served?.pillar}-${first?.code}`)).toContainText(first?.nameTh ?? '');
    await page.screenshot({ path: `docs/screenshots/analysis-pillars-${info.project.name}.png`, fullPage: false });
    if (info.project.name === 'phone') await expectNoSideways(page);
    expect(errors).toEqual([]);
  });
});

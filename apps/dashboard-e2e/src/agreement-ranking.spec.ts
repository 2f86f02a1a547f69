import { expect as baseExpect, test } from '@playwright/test';
import { Workbook } from 'exceljs';
import { CURRENT_FY, LAST_FY } from './demo-years';
import { apiToken, bearer, choose, collectErrors, expectNoSideways, NEW_USER_PASSWORD, signIn } from './support';

// A busy two-core machine: sign-in (password hashing) and first loads can take a while.
const expect = baseExpect.configure({ timeout: 30_000 });

/*
 * Issue 19 item 5, the ministry's view of the agreements (read-only): central staff open the
 * ranking from the account menu, see the 77 provinces and the 18 clusters, switch to the last
 * year's 6-month round (the demo has evaluated it), read the movers and the evaluation's progress,
 * and download the XLSX, whose first rows are the table's. Sign-ins are limited per account, so
 * each browser project signs in a central analyst of its own, created by the demo admin.
 */
interface View {
  provinces: { code: string; rank: number | null; formatted: string | null; nameTh: string }[];
  clusters: { code: string }[];
  progress: { round: number; frozen: number; provinces: number }[];
}

test.describe("the ministry's agreement ranking", () => {
  test.describe.configure({ timeout: 240_000 });
  let analyst = '';
  let token = '';

  test.beforeAll(async ({ request }, info) => {
    const admin = await apiToken(request, 'admin@demo.go.th');
    analyst = `rank.analyst.${info.project.name}.${Date.now()}@demo.go.th`;
    const res = await request.post('/api/users', {
      headers: bearer(admin),
      data: {
        email: analyst,
        displayName: `นักวิเคราะห์อันดับ ${info.project.name}`,
        role: 'central_analyst',
        orgUnitCode: 'TH',
        password: NEW_USER_PASSWORD,
      },
    });
    expect(res.status()).toBe(201);
    token = await apiToken(request, analyst);
  });

  test('central staff rank the provinces and clusters by round and download the XLSX', async ({ page, request }) => {
    const errors = collectErrors(page);
    await signIn(page, analyst, { path: '/me' });

    // From the account menu.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('agreement-ranking-link').click();
    await expect(page).toHaveURL(/\/ministry\/agreements\/ranking/);
    await expect(page.getByRole('heading', { name: 'อันดับผลคำรับรองการปฏิบัติราชการ' })).toBeVisible();

    // The current year's live score: every province and cluster has a row.
    await expect(page.getByTestId('ranking-provinces').locator('tbody tr')).toHaveCount(77);
    await expect(page.getByTestId('ranking-clusters').locator('tbody tr')).toHaveCount(18);
    await expect(page).toHaveURL(new RegExp(`fiscalYear=${CURRENT_FY}&round=live`));
    await expectNoSideways(page);

    // Last year's 6-month round, frozen by the demo's evaluators.
    await choose(page, 'ranking-year', `พ.ศ. ${LAST_FY}`);
    await choose(page, 'ranking-round', 'รอบ 6 เดือน');
    await expect(page).toHaveURL(new RegExp(`fiscalYear=${LAST_FY}&round=6`));
    const view: View = await (
      await request.get(`/api/ministry/agreement-ranking?fiscalYear=${LAST_FY}&round=6`, { headers: bearer(token) })
    ).json();
    const first = view.provinces[0];
    expect(first.rank).toBe(1);
    const firstRow = page.getByTestId('ranking-provinces').locator('tbody tr').first();
    await expect(firstRow).toHaveAttribute('data-code', first.code);
    await expect(firstRow.locator('td.score')).toHaveText(first.formatted as string);
    await expect(page.getByTestId('ranking-clusters').locator('tbody tr')).toHaveCount(18);
    const six = view.progress.find((p) => p.round === 6);
    await expect(page.getByTestId('progress-6-frozen')).toHaveText(`${six?.frozen} / 77`);
    await expect(page.getByTestId('ranking-distribution').locator('ngx-charts-bar-vertical')).toBeVisible();
    await expect(page.getByTestId('ranking-movers')).toContainText('คะแนนเพิ่มขึ้นมากที่สุด');
    await expectNoSideways(page);

    // The spreadsheet: the same rows in the same order, with Thai headers.
    const download = page.waitForEvent('download');
    await page.getByTestId('ranking-xlsx').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`agreement-ranking-${LAST_FY}-round-6.xlsx`);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(await file.path());
    const sheet = workbook.getWorksheet('อันดับจังหวัด');
    expect(sheet?.getRow(4).getCell(1).value).toBe('อันดับ');
    const row = sheet?.getRow(5);
    expect(row?.getCell(1).value).toBe(1);
    expect(row?.getCell(2).value).toBe(first.code);
    expect(row?.getCell(3).value).toBe(first.nameTh);
    expect(Number(row?.getCell(5).value).toFixed(4)).toBe(first.formatted);
    expect(workbook.getWorksheet('อันดับกลุ่มจังหวัด')?.getRow(5).getCell(2).value).toBe(view.clusters[0].code);
    expect(errors).toEqual([]);
  });
});

import { expect as baseExpect, test, type Page } from '@playwright/test';
import type { ExplorerDto, ExplorerSavedViewDto } from '@provdash/shared/contracts';
import { readFileSync } from 'node:fs';
import { CURRENT_FY, LAST_FY } from './demo-years';
import { apiToken, bearer, choose, collectErrors, expectNoSideways, NEW_USER_PASSWORD, signIn } from './support';

// A busy two-core machine: sign-in (password hashing) and first loads can take a while.
const expect = baseExpect.configure({ timeout: 30_000 });

const percent = new Intl.NumberFormat('th-TH', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const shown = (v: number | null) => (v === null ? '–' : `${percent.format(v)} %`);

/** The years picker: the last complete year alone. */
async function lastYearOnly(page: Page): Promise<void> {
  await page.getByTestId('explorer-years').click();
  await page.getByRole('option', { name: String(LAST_FY), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`years=${LAST_FY}%2C${CURRENT_FY}|years=${LAST_FY},${CURRENT_FY}`));
  await page.getByRole('option', { name: String(CURRENT_FY), exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`years=${LAST_FY}(&|$)`));
}

/*
 * Issue 22 item 3, as a ministry analyst works it: from the analysis desk, build a pivot of
 * achievement by national-strategy pillar × region for the last complete year, check a figure
 * against its parts, see it as a chart, download it as CSV and Excel, and keep it as a saved view;
 * then open that view by its address, as a colleague given the link would. Each browser project
 * signs in an analyst of its own.
 */
test.describe("the ministry's explorer", () => {
  test.describe.configure({ timeout: 240_000 });
  let analyst = '';
  let token = '';
  let viewName = '';

  test.beforeAll(async ({ request }, info) => {
    const admin = await apiToken(request, 'admin@demo.go.th');
    analyst = `explorer.${info.project.name}.${Date.now()}@demo.go.th`;
    viewName = `ยุทธศาสตร์ชาติ × ภาค ${info.project.name} ${Date.now()}`;
    const res = await request.post('/api/users', {
      headers: bearer(admin),
      data: {
        email: analyst,
        displayName: `นักวิเคราะห์ ${info.project.name}`,
        role: 'central_analyst',
        orgUnitCode: 'TH',
        password: NEW_USER_PASSWORD,
      },
    });
    expect(res.status()).toBe(201);
    token = await apiToken(request, analyst);
  });

  test('builds a pivot of achievement by pillar × region, exports it and saves it', async ({ page, request }, info) => {
    const errors = collectErrors(page);
    await signIn(page, analyst, { path: '/me' });
    await page.getByTestId('user-menu').click();
    await page.getByTestId('completeness-link').click();
    await page.getByTestId('desk-tab-explorer').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ตารางวิเคราะห์ข้ามตัวชี้วัด จังหวัด และปี');

    await choose(page, 'explorer-measure', 'ร้อยละผลสัมฤทธิ์เทียบเป้าหมาย');
    await choose(page, 'explorer-rows', 'ยุทธศาสตร์ชาติ');
    await choose(page, 'explorer-cols', 'ภาค');
    await lastYearOnly(page);
    await expect(page).toHaveURL(/measure=achievement/);
    await expect(page).toHaveURL(/rows=pillar/);
    await expect(page).toHaveURL(/cols=region/);

    const view = (await (
      await request.get(`/api/analysis/explorer?measure=achievement&rows=pillar&cols=region&years=${LAST_FY}`)
    ).json()) as ExplorerDto;
    expect(view.rows.length).toBeGreaterThan(0);
    const table = page.getByTestId('explorer-table');
    await expect(table.locator('tbody tr')).toHaveCount(view.rows.length);
    await expect(table.locator('thead th')).toHaveCount(view.cols.length + 2);
    await expect(page.getByTestId('explorer-total')).toContainText(shown(view.total.value));
    // The figure is its parts' quotient, and the screen says which parts.
    await page.getByTestId('explorer-parts').click();
    await expect(page.getByTestId('explorer-total')).toContainText(`÷ ${view.total.whole?.toLocaleString('th-TH')} ผล`);
    expect((view.total.part ?? 0) / (view.total.whole ?? 1)).toBeCloseTo(view.total.value ?? 0, 6);
    await page.screenshot({ path: `docs/screenshots/analysis-explorer-${info.project.name}.png`, fullPage: false });
    if (info.project.name === 'phone') await expectNoSideways(page);

    // The same view as a chart: one group of bars per pillar.
    await page.getByTestId('explorer-as-chart').click();
    await expect(page).toHaveURL(/chart=1/);
    await expect(page.getByTestId('explorer-chart').locator('path.bar').first()).toBeVisible();
    await page.screenshot({
      path: `docs/screenshots/analysis-explorer-chart-${info.project.name}.png`,
      fullPage: false,
    });
    await page.getByTestId('explorer-as-table').click();

    // Downloads: the table the screen shows, with its grand total.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('explorer-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const lines = readFileSync(await csv.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(view.rows.length + 3);
    expect(Number(lines[lines.length - 1].split(',').at(-1))).toBeCloseTo(view.total.value ?? 0, 2);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('explorer-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // Kept under a name in the ministry's shared list; a name is required.
    await page.getByTestId('explorer-save').click();
    await expect(page.getByText('กรุณาตั้งชื่อมุมมอง')).toBeVisible();
    await page.getByTestId('explorer-save-name').fill(viewName);
    await page.getByTestId('explorer-save').click();
    await expect(page.getByTestId('explorer-saved')).toContainText(viewName);
    expect(errors).toEqual([]);
  });

  test('opens a saved view by its address and filters it from a header', async ({ page }, info) => {
    const errors = collectErrors(page);
    const saved = (await (
      await page.request.get('/api/analysis/explorer/views', { headers: bearer(token) })
    ).json()) as ExplorerSavedViewDto[];
    const mine = saved.find((v) => v.name === viewName);
    expect(mine).toBeDefined();
    const q = mine?.query;
    const address = `/ministry/analysis/explorer?measure=${q?.measure}&rows=${q?.rows}&cols=${q?.cols}&years=${q?.fiscalYears.join(',')}`;
    await signIn(page, analyst, { path: address });
    await expect(page).toHaveURL(/\/ministry\/analysis\/explorer\?/);
    await expect(page.getByTestId('explorer-measure')).toContainText('ร้อยละผลสัมฤทธิ์เทียบเป้าหมาย');
    await expect(page.getByTestId('explorer-rows')).toContainText('ยุทธศาสตร์ชาติ');
    await expect(page.getByTestId('explorer-cols')).toContainText('ภาค');
    const view = (await (
      await page.request.get(`/api/analysis/explorer?measure=achievement&rows=pillar&cols=region&years=${LAST_FY}`)
    ).json()) as ExplorerDto;
    await expect(page.getByTestId('explorer-total')).toContainText(shown(view.total.value));

    // The saved list links to the same view.
    await expect(page.getByTestId(`saved-view-${mine?.id}`)).toHaveText(viewName);

    // A pillar's header filters the view to that pillar: its row total becomes the grand total.
    const first = view.rows[0];
    await page.getByTestId(`explorer-row-${first.key}`).click();
    await expect(page).toHaveURL(new RegExp(`pillar=${first.key}`));
    await expect(page.getByTestId('explorer-filters')).toContainText(`${first.key}.`);
    await expect(page.getByTestId('explorer-table').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('explorer-total')).toContainText(shown(view.rowTotals[0].value));
    if (info.project.name === 'phone') await expectNoSideways(page);
    expect(errors).toEqual([]);
  });
});

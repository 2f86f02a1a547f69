import { expect as baseExpect, type APIRequestContext, test } from '@playwright/test';
import type {
  ClusterDirectoryDto,
  GoalContributionsDto,
  LikelyToMissDto,
  ProvinceForecastsDto,
  ScorecardDto,
} from '@provdash/shared/contracts';
import { apiToken, bearer, collectErrors, expectNoSideways, NEW_USER_PASSWORD, signIn } from './support';

// A busy two-core machine: sign-in (password hashing) and first loads can take a while.
const expect = baseExpect.configure({ timeout: 30_000 });

const fmt = (v: number) => new Intl.NumberFormat('th-TH', { maximumFractionDigits: 2 }).format(v);
/** The disbursement panel's percent: one decimal. */
const pct = (v: number) =>
  `${new Intl.NumberFormat('th-TH', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v)} %`;

/** Thai as the screen writes the outlook (apps/dashboard/public/i18n/th.json, scorecards.forecast.outlook). */
const LIKELY_TO_MISS = 'คาดว่าไม่ถึงเป้าหมายสิ้นปี';

interface Pick {
  code: string;
  forecasts: ProvinceForecastsDto;
  kpi: ProvinceForecastsDto['kpis'][number];
  kpiCode: string;
  goal: GoalContributionsDto['goals'][number];
}

/**
 * The first province (in the directory's order) with a KPI this year that the demo makes likely to
 * miss on a forecast scaled by the earlier years (so its chart has a dashed line), and a goal linked
 * to a cluster goal: chosen from the API's answers, so the journey follows the demo of the day.
 */
async function pickLikelyMiss(request: APIRequestContext): Promise<Pick> {
  const directory = (await (await request.get('/api/org-units/clusters')).json()) as ClusterDirectoryDto;
  for (const code of directory.clusters.flatMap((c) => c.provinces.map((p) => p.code))) {
    const forecasts = (await (await request.get(`/api/analysis/forecasts/${code}`)).json()) as ProvinceForecastsDto;
    const kpi = forecasts.kpis.find((k) => k.outlook === 'likely_to_miss' && k.forecast?.method === 'scaled');
    if (!kpi) continue;
    const contributions = (await (
      await request.get(`/api/analysis/contributions/${code}`)
    ).json()) as GoalContributionsDto;
    const goal = contributions.goals.find((g) => g.clusterGoal !== null && g.pillar !== null);
    if (!goal) continue;
    const card = (await (await request.get(`/api/org-units/${code}/scorecard`)).json()) as ScorecardDto;
    const kpiCode = card.kpis.find((k) => k.kpiId === kpi.kpiId)?.code;
    if (kpiCode) return { code, forecasts, kpi, kpiCode, goal };
  }
  throw new Error('the demo has no province with a KPI likely to miss this year');
}

/*
 * Issue 22 item 5, as a ministry analyst reads it: open a province, see which KPI is likely to miss
 * its year-end target, open it and see the forecast drawn dashed from the last reported period to
 * year end with its range in words; then see what a goal contributes to and follow it to the
 * cluster. Read-only against the demo. Each browser project signs in an analyst of its own.
 */
test.describe('year-end forecasts on the province view', () => {
  test.describe.configure({ timeout: 240_000 });
  let analyst = '';

  test.beforeAll(async ({ request }, info) => {
    const admin = await apiToken(request, 'admin@demo.go.th');
    analyst = `forecast.${info.project.name}.${Date.now()}@demo.go.th`;
    const res = await request.post('/api/users', {
      headers: bearer(admin),
      data: {
        email: analyst,
        displayName: `นักวิเคราะห์แนวโน้ม ${info.project.name}`,
        role: 'central_analyst',
        orgUnitCode: 'TH',
        password: NEW_USER_PASSWORD,
      },
    });
    expect(res.status()).toBe(201);
  });

  test("sees a KPI likely to miss, its dashed forecast, and a goal's contribution to its cluster", async ({
    page,
    request,
  }, info) => {
    const errors = collectErrors(page);
    const phone = info.project.name === 'phone';
    if (phone) await page.setViewportSize({ width: 390, height: 844 });
    const pick = await pickLikelyMiss(request);
    const f = pick.kpi.forecast as NonNullable<typeof pick.kpi.forecast>;

    // The province view is public; the analyst signs in first, as at the start of a working day.
    await signIn(page, analyst, { path: '/me' });
    await page.goto(`/province/${pick.code}`);
    const row = page.locator(`[data-testid="kpi-row"][data-code="${pick.kpiCode}"]`);
    // The flag in words (and a symbol), not colour only.
    await expect(row.getByTestId('outlook-chip')).toHaveText(new RegExp(LIKELY_TO_MISS));
    await expect(row.getByTestId('outlook-chip')).toHaveAttribute('data-outlook', 'likely_to_miss');
    // The projection and its range, as the API computed them.
    await expect(row.getByTestId('kpi-forecast')).toContainText(fmt(f.projected));
    if (f.low !== f.high) await expect(row.getByTestId('kpi-forecast')).toContainText(`${fmt(f.low)}–${fmt(f.high)}`);
    // The aria label of the row still names the KPI and its status; the chip is in the row's text.
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `docs/screenshots/forecast-province-${info.project.name}.png`, fullPage: false });

    // The disbursement panel carries its own forecast when the year's months give one.
    const money = pick.forecasts.disbursement;
    if (money.forecast && money.forecast.method !== 'final') {
      const line = page.getByTestId('disbursement-forecast');
      await expect(line).toContainText(
        `${pct(money.forecast.projected)} (ช่วง ${pct(money.forecast.low)}–${pct(money.forecast.high)})`,
      );
      if (money.outlook) await expect(line.getByTestId('outlook-chip')).toHaveAttribute('data-outlook', money.outlook);
      await expect(page.getByTestId('disbursement-chart')).toHaveClass(/forecast/);
      await page.getByTestId('disbursement-chart').scrollIntoViewIfNeeded();
      await page.screenshot({
        path: `docs/screenshots/forecast-disbursement-${info.project.name}.png`,
        fullPage: false,
      });
    }

    // The KPI's chart: the forecast dashed from the last period it stands on to year end.
    await row.click();
    await expect(page).toHaveURL(new RegExp(`/province/${pick.code}/kpi/${pick.kpi.kpiId}`));
    const chart = page.getByTestId('history-chart');
    await expect(chart).toHaveAttribute('data-forecast', 'dashed');
    const forecastLine = chart.locator('g[clip-path] > g > g:last-child .line-series path');
    await expect(forecastLine).toHaveCount(1);
    expect(await forecastLine.evaluate((el) => getComputedStyle(el).strokeDasharray)).not.toBe('none');
    await expect(page.getByTestId('outlook-chip')).toHaveText(new RegExp(LIKELY_TO_MISS));
    await expect(page.getByTestId('forecast-projection')).toContainText(fmt(f.projected));
    await expect(page.getByTestId('forecast-method')).toContainText(`${f.years} ปีก่อน`);
    await page.getByTestId('forecast').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `docs/screenshots/forecast-kpi-${info.project.name}.png`, fullPage: false });
    await expectNoSideways(page);

    // Back on the province: the goal's contribution, followed to the cluster.
    await page.getByTestId('back').click();
    const goal = page.locator(`[data-testid="goal"][data-code="${pick.goal.code}"]`);
    const contribution = goal.getByTestId('goal-contribution');
    const cg = pick.goal.clusterGoal as NonNullable<typeof pick.goal.clusterGoal>;
    await expect(contribution.getByTestId('goal-cluster-link')).toContainText(`${cg.code} ${cg.nameTh}`);
    await expect(contribution.getByTestId('goal-pillar')).toHaveAttribute('data-pillar', String(pick.goal.pillar));
    await expect(contribution.getByTestId('goal-pillar')).toContainText(`ยุทธศาสตร์ชาติด้านที่ ${pick.goal.pillar}`);
    await contribution.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: `docs/screenshots/province-goal-contribution-${info.project.name}.png`,
      fullPage: false,
    });
    await expectNoSideways(page);
    await contribution.getByTestId('goal-cluster-link').click();
    await expect(page).toHaveURL(new RegExp(`/cluster/${cg.clusterCode}`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(cg.clusterNameTh);
    expect(errors).toEqual([]);
  });
  test("lists the country's KPIs likely to miss on the analysis desk and opens one's forecast", async ({
    page,
    request,
  }, info) => {
    const errors = collectErrors(page);
    const list = (await (await request.get('/api/analysis/likely-to-miss')).json()) as LikelyToMissDto;
    expect(list.kpis.length).toBeGreaterThan(0);
    const provinces = new Set(list.kpis.map((k) => k.provinceCode));
    await signIn(page, analyst, { path: '/me' });
    await page.getByTestId('user-menu').click();
    await page.getByTestId('completeness-link').click();
    await page.getByTestId('desk-tab-likely-to-miss').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ตัวชี้วัดที่คาดว่าจะไม่ถึงเป้าหมายสิ้นปี');
    await expect(page.getByTestId('likely-summary')).toContainText(
      `${list.kpis.length} ตัวชี้วัดใน ${provinces.size} จังหวัด`,
    );
    // The province with most comes first; its first KPI opens the KPI's page with the forecast.
    const counts = [...provinces].map((code) => ({ code, n: list.kpis.filter((k) => k.provinceCode === code).length }));
    const most = Math.max(...counts.map((c) => c.n));
    const first = page.locator('section.likely-province').first();
    await expect(first).toContainText(`${most} ตัวชี้วัด`);
    await page.screenshot({ path: `docs/screenshots/analysis-likely-${info.project.name}.png`, fullPage: false });
    if (info.project.name === 'phone') await expectNoSideways(page);
    const kpiLink = first.locator('a[data-testid^="likely-kpi-"]').first();
    const kpiId = ((await kpiLink.getAttribute('data-testid')) ?? '').replace('likely-kpi-', '');
    const kpi = list.kpis.find((k) => k.kpiId === kpiId) as LikelyToMissDto['kpis'][number];
    await expect(kpiLink.locator('xpath=..')).toContainText(
      fmt((kpi.forecast as NonNullable<typeof kpi.forecast>).projected),
    );
    await kpiLink.click();
    await expect(page).toHaveURL(new RegExp(`/province/${kpi.provinceCode}/kpi/${kpiId}`));
    await expect(page.getByTestId('outlook-chip')).toHaveText(new RegExp(LIKELY_TO_MISS));
    expect(errors).toEqual([]);
  });
});

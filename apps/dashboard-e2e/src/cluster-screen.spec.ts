import { expect as baseExpect, test } from '@playwright/test';
import type { ClusterScreenDto } from '@provdash/shared/contracts';
import { collectErrors, expectNoSideways } from './support';

const expect = baseExpect.configure({ timeout: 30_000 });

/*
 * Issue 22 item 2, as a ministry analyst (or anyone: approved data is public) opens a cluster:
 * from the directory to the cluster, its member provinces side by side on each KPI with the
 * cluster's figure beside them, its own plan and its money; a cell opens that province's KPI.
 */
test.describe('the cluster screen', () => {
  test('opens a cluster from the directory: its provinces side by side, its plan and its money', async ({
    page,
    request,
  }, info) => {
    const errors = collectErrors(page);
    await page.goto('/clusters');
    await page.locator('[data-testid="cluster"][data-code="C15"]').getByTestId('cluster-link').click();
    await expect(page).toHaveURL(/\/cluster\/C15$/);

    const screen = (await (await request.get('/api/screens/cluster/C15')).json()) as ClusterScreenDto;
    await expect(page.getByTestId('cluster-title')).toHaveText(screen.unit.nameTh);
    await expect(page.getByTestId('cluster-members').getByRole('link')).toHaveText(
      screen.view.provinces.map((p) => p.nameTh),
    );
    const rows = page.getByTestId('cluster-kpis').locator('tbody tr');
    await expect(rows).toHaveCount(screen.view.kpis.length);
    expect(screen.view.kpis.length).toBeGreaterThan(0);

    // A summed KPI: the cluster's figure is its provinces' figures added up, as the screen shows them.
    const summed = screen.view.kpis.find((k) => k.aggregation === 'sum' && k.cells.every((c) => c.actual !== null));
    expect(summed).toBeDefined();
    const sum = (summed?.cells ?? []).reduce((n, c) => n + (c.actual ?? 0), 0);
    expect(summed?.clusterValue).toBeCloseTo(sum, 6);
    const row = page.getByTestId(`cluster-kpi-${summed?.code}`);
    await expect(row.locator('td').first()).toHaveText(sum.toLocaleString('th-TH', { maximumFractionDigits: 2 }));

    // The cluster's goals, each with the provincial goals behind it (the cascade).
    await expect(page.getByTestId('cluster-goals').locator(':scope > li')).toHaveCount(screen.strategy.goals.length);
    const carried = screen.strategy.goals.find((g) => g.contributors.length > 0);
    expect(carried).toBeDefined();
    await expect(page.getByTestId(`cluster-goal-${carried?.code}`).locator('.contributors li')).toHaveCount(
      carried?.contributors.length ?? 0,
    );
    await expect(page.locator('pd-disbursement-panel')).toBeVisible();
    await page.screenshot({ path: `docs/screenshots/cluster-screen-${info.project.name}.png`, fullPage: false });
    if (info.project.name === 'phone') await expectNoSideways(page);

    // A province's cell opens its KPI's history.
    // The first column is the first province of the cluster.
    const cell = summed?.cells.find((c) => c.orgUnitCode === screen.view.provinces[0].code);
    await row.locator('a.cell').first().click();
    await expect(page).toHaveURL(new RegExp(`/province/${cell?.orgUnitCode}/kpi/${cell?.kpiId}`));
    expect(errors).toEqual([]);
  });
});

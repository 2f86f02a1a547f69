import { expect as baseExpect, test } from '@playwright/test';
import { LAST_FY } from './demo-years';

// The first visit renders a whole province; on a busy machine that takes longer than the default wait.
const expect = baseExpect.configure({ timeout: 20_000 });

/**
 * Leaving the province view for another lazy screen and coming back must give one live province
 * view: after a year change it shows that year's rows once, one set of buttons, and a closed year list.
 */
test.describe('province view after a round trip to another screen', () => {
  test.describe.configure({ timeout: 120_000 });

  test('strategy map → back → another year shows one fiscal year', async ({ page }) => {
    await page.goto(`/province/50?fy=${LAST_FY}`);
    await expect(page.getByTestId('kpi-row')).toHaveCount(14);
    await page.getByTestId('open-map').click();
    await expect(page.getByTestId('map-title')).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId('kpi-row')).toHaveCount(14);

    await page.getByTestId('fy-select').click();
    await page.getByRole('option', { name: String(LAST_FY - 1) }).click();
    await expect(page).toHaveURL(new RegExp(`fy=${LAST_FY - 1}`));
    await expect(page.getByTestId('headline')).toContainText(String(LAST_FY - 1));
    await expect(page.getByTestId('headline')).toHaveCount(1);
    await expect(page.getByTestId('open-map')).toHaveCount(1);
    await expect(page.getByRole('listbox')).toHaveCount(0);
    await expect(page.getByTestId('kpi-row')).toHaveCount(14);
  });

  test('compare → back → another year shows one fiscal year', async ({ page }) => {
    await page.goto(`/province/50?fy=${LAST_FY}`);
    await expect(page.getByTestId('kpi-row')).toHaveCount(14);
    await page.getByRole('link', { name: 'เปรียบเทียบจังหวัด' }).click();
    await expect(page).toHaveURL(/\/compare/);
    await expect(page.getByTestId('kpi-select')).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId('kpi-row')).toHaveCount(14);

    await page.getByTestId('fy-select').click();
    await page.getByRole('option', { name: String(LAST_FY - 1) }).click();
    await expect(page).toHaveURL(new RegExp(`fy=${LAST_FY - 1}`));
    await expect(page.getByTestId('headline')).toContainText(String(LAST_FY - 1));
    await expect(page.getByTestId('headline')).toHaveCount(1);
    await expect(page.getByRole('listbox')).toHaveCount(0);
    await expect(page.getByTestId('kpi-row')).toHaveCount(14);
  });
});

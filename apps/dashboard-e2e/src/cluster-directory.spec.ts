import { expect, test } from '@playwright/test';

test.describe('the cluster directory: clusters and provinces', () => {
  test('lists 18 clusters and 77 provinces in Thai by default', async ({ page }) => {
    await page.goto('/clusters');
    await expect(page.locator('html')).toHaveAttribute('lang', 'th');
    await expect(page.getByTestId('cluster')).toHaveCount(18);
    await expect(page.getByTestId('province')).toHaveCount(77);
    await expect(page.getByTestId('summary')).toHaveText('18 กลุ่มจังหวัด · 77 จังหวัด');
    const c01 = page.locator('[data-testid="cluster"][data-code="C01"]');
    await expect(c01.getByRole('heading').first()).toHaveText('กลุ่มจังหวัดภาคกลางตอนบน 1');
    await expect(page.locator('[data-testid="unclustered"]')).toContainText('กรุงเทพมหานคร');
  });

  test('switches to English and remembers the choice', async ({ page }) => {
    await page.goto('/clusters');
    await expect(page.getByTestId('cluster')).toHaveCount(18);
    await page.locator('[data-lang="en"]').click();
    await expect(page.getByTestId('summary')).toHaveText('18 clusters · 77 provinces');
    await expect(page.locator('[data-testid="province"][data-code="50"] .name')).toHaveText('Chiang Mai');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('summary')).toHaveText('18 clusters · 77 provinces');
  });
});

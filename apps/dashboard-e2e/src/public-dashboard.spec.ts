import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LAST_FY, LAST_FY_ROUNDS } from './demo-years';

/** Officers' names from the demo: the public never sees who entered or approved anything. */
const OFFICERS = [
  'เจ้าหน้าที่ยุทธศาสตร์ จ.เชียงใหม่',
  'หัวหน้ากลุ่มงานยุทธศาสตร์ จ.เชียงใหม่',
  'officer.50@demo.go.th',
];

test.describe('public dashboard, signed out', () => {
  test('a visitor reads the national overview, a province and a KPI, and downloads open data', async ({ page }) => {
    const authorised: string[] = [];
    page.on('request', (r) => {
      if (r.headers()['authorization']) authorised.push(r.url());
    });

    await page.goto(`/public?fy=${LAST_FY}`);
    await expect(page.getByTestId('public-title')).toBeVisible();
    await expect(page.getByTestId('province-row')).toHaveCount(77);
    // Ranked by the evaluated 6-month round: the first row holds rank 1.
    await expect(page.getByTestId('province-row').first().getByTestId('round-score')).toContainText('อันดับ 1');
    await expect(page.getByTestId('rate-chart')).toBeVisible();
    // The ministry's tile map, from approved figures only: every province a tile with its figure.
    const map = page.getByTestId('public-map');
    await expect(map.getByTestId('cartogram')).toBeVisible();
    await expect(map.getByTestId('tile')).toHaveCount(77);
    // All but Narathiwat (96), which the suite's demo leaves without a plan or projects (DEMO_PROVINCES_WITHOUT_PLAN).
    await expect(map.locator('[data-testid="tile"]:not(.nodata)')).toHaveCount(76);
    await page.getByTestId('map-disbursement').click();
    await expect(map).toHaveAttribute('data-metric', 'disbursement');
    await expect(map.locator('[data-testid="tile"]:not(.nodata)')).toHaveCount(76);
    await expect(map.getByTestId('cartogram-legend')).toBeVisible();

    await page.locator('[data-testid="province-row"][data-code="50"] a').click();
    await expect(page).toHaveURL(new RegExp(`/public/province/50\\?fy=${LAST_FY}`));
    await expect(page.getByTestId('province-title')).toHaveText('เชียงใหม่');
    await expect(page.getByTestId('issue')).toHaveCount(4);
    await expect(page.getByTestId('kpi-row')).toHaveCount(14);
    await expect(page.getByTestId('round')).toHaveCount(LAST_FY_ROUNDS);
    await expect(page.getByTestId('disbursement')).toContainText('%');

    await page.locator('[data-testid="kpi-row"][data-code="K1.1.1"] a').click();
    await expect(page.getByTestId('kpi-title')).toContainText('K1.1.1');
    await expect(page.getByTestId('result').first()).toBeVisible();
    for (const name of OFFICERS) await expect(page.locator('body')).not.toContainText(name);

    // People's Audit: a comment waits for the province, and is not shown meanwhile.
    await page.getByTestId('comment-body').fill('ขอบคุณที่เปิดเผยข้อมูลรายได้การท่องเที่ยว');
    await page.getByTestId('comment-send').click();
    await expect(page.getByTestId('comment-notice')).toContainText('จะแสดงเมื่อจังหวัดตรวจสอบแล้ว');
    await expect(page.getByTestId('comment')).toHaveCount(0);

    await page.getByTestId('nav-data').click();
    await expect(page).toHaveURL(/\/public\/data/);
    await expect(page.getByTestId('dataset')).toHaveCount(9);
    await expect(page.getByTestId('licence')).toContainText('Open Government Licence – Thailand');
    await page.getByTestId('data-fy').click();
    await page.getByRole('option', { name: String(LAST_FY) }).click();
    const results = page.locator('[data-testid="dataset"][data-id="results"]');
    await results.getByTestId('dictionary-toggle').click();
    await expect(results.getByTestId('dictionary')).toContainText('narrative_th');
    await expect(results.getByTestId('download-csv')).toHaveAttribute(
      'href',
      new RegExp(`results\\.csv\\?fiscalYear=${LAST_FY}`),
    );
    const [download] = await Promise.all([page.waitForEvent('download'), results.getByTestId('download-csv').click()]);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(text).toContain('เชียงใหม่');
    for (const name of OFFICERS) expect(text).not.toContain(name);

    expect(authorised).toEqual([]);
  });
});

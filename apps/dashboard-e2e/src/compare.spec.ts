import { expect, test } from '@playwright/test';
import { Workbook } from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENT_FY, LAST_FY } from './demo-years';
import { apiToken, choose, expectNoSideways, NEW_USER_PASSWORD, passwordFor } from './support';

/*
 * The ministry's comparison, end to end: a central analyst signs in, compares the disbursement rate
 * across the 77 provinces on the map, the chart and the table, switches to capital budgets, picks
 * Chiang Mai on the map, opens its cluster and exports the members as CSV (read back here), Excel
 * and PNG. Screenshots of the desktop and the phone go to the test's output; with
 * UPDATE_DOCS_SCREENSHOTS=1 they replace docs/screenshots (a plain run never changes the tree).
 *
 * Sign-in attempts are limited per account (five a minute), and other specs sign in the demo
 * accounts too: each browser project signs in an analyst of its own, created by the demo admin.
 */
const FY = LAST_FY;
const DOCS_SCREENSHOTS = join(__dirname, '../../../docs/screenshots');
/**
 * Where each project's live import goes: a province of its own, outside the cluster it exports, and
 * not 96, which the suite's demo leaves without a plan or projects (DEMO_PROVINCES_WITHOUT_PLAN).
 */
const LIVE_PROVINCE: Record<string, string> = { desktop: '94', phone: '95' };

interface RankingRow {
  code: string;
  rank: number | null;
  rate: number | null;
  allocated: string;
}
interface Ranking {
  target: number | null;
  rows: RankingRow[];
}
interface Directory {
  clusters: { code: string; nameTh: string; provinces: { code: string }[] }[];
}

test.describe('the ministry compares provinces', () => {
  test.describe.configure({ timeout: 180_000 });
  let analyst = '';
  let admin = '';

  test.beforeAll(async ({ request }, info) => {
    admin = await apiToken(request, 'admin@demo.go.th');
    analyst = `cmp.analyst.${info.project.name}.${Date.now()}@demo.go.th`;
    const res = await request.post('/api/users', {
      headers: { Authorization: `Bearer ${admin}` },
      data: {
        email: analyst,
        displayName: `นักวิเคราะห์ทดสอบ ${info.project.name}`,
        role: 'central_analyst',
        orgUnitCode: 'TH',
        password: NEW_USER_PASSWORD,
      },
    });
    expect(res.status()).toBe(201);
  });

  test('a central analyst compares disbursement across provinces, opens a cluster and exports it', async ({
    page,
    request,
  }, info) => {
    await page.goto(`/sign-in?returnUrl=${encodeURIComponent(`/compare?fy=${FY}`)}`);
    await page.getByLabel('อีเมล').fill(analyst);
    await page.getByLabel('รหัสผ่าน').fill(passwordFor(analyst));
    await page.getByTestId('sign-in-submit').click();
    await expect(page).toHaveURL(new RegExp(`/compare\\?fy=${FY}$`));
    await expect(page.getByRole('heading', { name: 'เปรียบเทียบจังหวัด' })).toBeVisible();

    // Disbursement, overall: all 77 provinces, ranked as the API ranks them.
    await choose(page, 'metric-select', 'อัตราการเบิกจ่ายงบประมาณ');
    await expect(page).toHaveURL(/metric=disbursement/);
    const overall: Ranking = await (await request.get(`/api/disbursement/ranking?fiscalYear=${FY}`)).json();
    await expect(page.getByTestId('ranking-row')).toHaveCount(77);
    await expect(page.getByTestId('tile')).toHaveCount(77);
    await expect(page.getByTestId('compare-title')).toHaveText(`อัตราการเบิกจ่ายงบประมาณ (ภาพรวม) ปีงบประมาณ ${FY}`);
    const rated = overall.rows.filter((r) => r.rate !== null).length;
    await expect(page.getByTestId('compare-summary')).toContainText(`มีข้อมูล ${rated} จาก 77 จังหวัด`);
    const first = overall.rows[0];
    await expect(page.getByTestId('ranking-row').first()).toHaveAttribute('data-code', first.code);
    await expect(page.getByTestId('rank').first()).toHaveText('1');
    await expect(page.getByTestId('strip-row')).toHaveCount(18);
    await expect(page.getByTestId('cluster-row')).toHaveCount(18);
    // The figure as text on the tile and in its label, not only as colour.
    const firstTile = page.locator(`[data-testid="tile"][data-code="${first.code}"]`);
    await expect(firstTile).toHaveAttribute('aria-label', /อันดับที่ 1 /);
    await expectNoSideways(page);

    // Live: a GFMIS import for a province moves its row and tile without a reload. Each project
    // imports for a province of its own, and takes the import back at the end.
    const province = LIVE_PROVINCE[info.project.name];
    const [project] = await (
      await request.get(`/api/org-units/${province}/slowest-projects?fiscalYear=${FY}&limit=1`)
    ).json();
    const csvFile = [
      'รหัสโครงการ,เดือน,เลขที่เอกสาร,ลำดับรายการ,ก่อหนี้ผูกพัน (PO),เบิกจ่าย',
      `${project.code},09/${FY},E2E${Date.now()},1,0.00,"2,000,000.00"`,
    ].join('\r\n');
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const imported = await request.post(`/api/provinces/${province}/disbursement-imports?fiscalYear=${FY}`, {
      headers: { Authorization: `Bearer ${admin}` },
      multipart: { file: { name: 'gfmis-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(csvFile) } },
    });
    expect(imported.status()).toBe(200);
    const batchId: string = (await imported.json()).batchId;
    try {
      const after: Ranking = await (await request.get(`/api/disbursement/ranking?fiscalYear=${FY}`)).json();
      const moved = after.rows.find((r) => r.code === province);
      expect(moved?.rate).not.toBe(overall.rows.find((r) => r.code === province)?.rate);
      const percent = new Intl.NumberFormat('th-TH', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      const row = page.locator(`[data-testid="ranking-row"][data-code="${province}"]`);
      await expect(row.getByTestId('value')).toHaveText(`${percent.format(moved?.rate ?? 0)} %`, { timeout: 15_000 });
      await expect(row.getByTestId('rank')).toHaveText(String(moved?.rank));
      await expect(page.locator(`[data-testid="tile"][data-code="${province}"]`)).toHaveAttribute(
        'aria-label',
        new RegExp(`อันดับที่ ${moved?.rank} `),
      );
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    } finally {
      const rolledBack = await request.post(`/api/disbursement-imports/${batchId}/rollback`, {
        headers: { Authorization: `Bearer ${admin}` },
      });
      expect(rolledBack.status()).toBe(200);
    }

    // Capital budgets rank differently.
    await choose(page, 'budget-select', 'งบลงทุน');
    await expect(page).toHaveURL(/budget=capital/);
    const capital: Ranking = await (
      await request.get(`/api/disbursement/ranking?fiscalYear=${FY}&budgetType=capital`)
    ).json();
    await expect(page.getByTestId('ranking-row').first()).toHaveAttribute('data-code', capital.rows[0].code);
    await expect(page.getByTestId('compare-title')).toContainText('(งบลงทุน)');

    // The map by keyboard: Chiang Mai, then the arrow keys move to a neighbour and back.
    const chiangMai = page.locator('[data-testid="tile"][data-code="50"]');
    await chiangMai.click();
    await expect(chiangMai).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('selected-province')).toContainText('เชียงใหม่');
    await chiangMai.press('ArrowDown');
    await expect(chiangMai).not.toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(chiangMai).toBeFocused();

    // Its cluster: Upper North 1's four members, in the table and the chart; the rest of the map muted.
    const directory: Directory = await (await request.get('/api/org-units/clusters')).json();
    const members = (directory.clusters.find((c) => c.code === 'C15')?.provinces ?? []).map((p) => p.code).sort();
    expect(members).toHaveLength(4);
    await page
      .getByTestId('selected-province')
      .getByRole('button', { name: /เปรียบเทียบสมาชิกกลุ่ม C15/ })
      .click();
    await expect(page).toHaveURL(/cluster=C15/);
    await expect(page.getByTestId('ranking-row')).toHaveCount(4);
    await expect(page.getByTestId('cluster-note')).toContainText('สมาชิก 4 จังหวัด');
    await expect(page.locator('[data-testid="tile"].muted')).toHaveCount(73);
    await expect(page.locator('[data-testid="strip-row"][data-code="C15"]')).toHaveAttribute('aria-pressed', 'true');
    // The table as shown: the export must say the same (figures as read, since imports elsewhere may move them).
    const shownRanks = await page.getByTestId('rank').allTextContents();
    const shownValues = await page.getByTestId('value').allTextContents();
    const shown = await page
      .getByTestId('ranking-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect([...shown].sort()).toEqual(members);

    const screenshots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? DOCS_SCREENSHOTS : info.outputDir;
    mkdirSync(screenshots, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    // The whole desk screen; the phone's first screenful (its full page is ten screens of tables).
    await page.screenshot({
      path: join(screenshots, `compare-${info.project.name}.png`),
      fullPage: info.project.name === 'desktop',
    });

    // CSV: what the table shows, in Thai, readable by Excel (a BOM), numbers plain.
    const csvDownload = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toBe(`compare-disbursement-capital-${FY}-C15.csv`);
    const bytes = readFileSync(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'อันดับ,รหัสจังหวัด,จังหวัด,รหัสกลุ่มจังหวัด,กลุ่มจังหวัด,อัตราการเบิกจ่าย,งบประมาณจัดสรร (บาท),เบิกจ่ายแล้ว (บาท),ห่างจากเป้าหมาย (จุดร้อยละ),สถานะ',
    );
    expect(lines).toHaveLength(5);
    const cells = lines.slice(1).map((l) => l.split(','));
    expect(cells.map((c) => c[1])).toEqual(shown);
    expect(cells.map((c) => c[0])).toEqual(shownRanks.map((r) => r.trim()));
    const percent = new Intl.NumberFormat('th-TH', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    expect(cells.map((c) => `${percent.format(Number(c[5]))} %`)).toEqual(shownValues.map((v) => v.trim()));
    for (const c of cells) {
      const api = capital.rows.find((r) => r.code === c[1]);
      // The cluster by its code and by its name, not a bare code (issue 16).
      expect(c[3]).toBe('C15');
      expect(c[4]).toBe(directory.clusters.find((d) => d.code === 'C15')?.nameTh);
      expect(Number(c[6])).toBe(Number(api?.allocated));
      expect(c[9]).toMatch(/^(บรรลุเป้าหมาย|ใกล้เป้าหมาย|ต่ำกว่าเป้าหมาย|ไม่ประเมิน)$/);
    }
    expect(cells.find((c) => c[1] === '50')?.[2]).toBe('เชียงใหม่');

    // Excel: the same rows in a real workbook.
    const xlsxDownload = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toBe(`compare-disbursement-capital-${FY}-C15.xlsx`);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(2).getCell(3).value).toBe(cells[0][2]);
    expect(sheet.getRow(2).getCell(6).value).toBe(Number(cells[0][5]));

    // The ranked chart as a picture.
    const pngDownload = page.waitForEvent('download');
    await page.getByTestId('export-png').click();
    const png = await pngDownload;
    expect(png.suggestedFilename()).toBe(`compare-disbursement-capital-${FY}-C15-bar.png`);
    expect([...readFileSync(await png.path()).subarray(0, 8)]).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]);

    // Back to every province; then the same screen in English.
    await page.getByTestId('show-all').click();
    await expect(page.getByTestId('ranking-row')).toHaveCount(77);
    await page.locator('[data-lang="en"]').click();
    await expect(page.getByRole('heading', { name: 'Compare provinces' })).toBeVisible();
    await expect(page.getByTestId('compare-title')).toHaveText(`Budget disbursement rate (Capital), FY ${FY}`);
    await expect(page.getByTestId('compare-summary')).toContainText(`of 77 provinces with a figure`);
    await expectNoSideways(page);
  });

  test("a year without figures says so in the reader's language", async ({ page }) => {
    // The oldest year on offer (this one and the four before): the demo holds only the last four.
    await page.goto(`/compare?metric=disbursement&fy=${CURRENT_FY - 4}`);
    await expect(page.getByTestId('compare-empty')).toHaveText('ยังไม่มีข้อมูลของปีงบประมาณนี้ ลองเลือกปีงบประมาณอื่น');
    await expect(page.getByTestId('tile')).toHaveCount(77);
    await expect(page.locator('[data-testid="tile"].nodata')).toHaveCount(77);
  });
});

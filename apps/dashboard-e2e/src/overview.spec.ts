import { APIRequestContext, expect, test } from '@playwright/test';
import { formatAgreementScoreShort } from '@provdash/shared/domain';
import { existsSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURRENT_FY, gregorianYearOf, LAST_FY } from './demo-years';
import { apiToken, bearer, expectNoSideways, NEW_USER_PASSWORD, signIn } from './support';

/*
 * The overview screens: the governor's province view (headline score, red KPIs, disbursement chart,
 * drill-down to a KPI and its projects, print, Thai ↔ English) and the national overview at `/`
 * (clusters, rankings, and today's feed changing live).
 *
 * Sign-ins are rationed (five a minute per address and account): the governor signs in once per
 * browser project (workspace.spec.ts signs governor.50 in once per project too), and the live feed
 * test uses an officer and an approver of Lampang of its own, made by the demo admin, so no demo
 * account of Chiang Mai is spent here. The admin is signed in once for both projects (other specs
 * sign it in too): the first worker to need it shares its token through the run's folder.
 */
/** A day of the last complete fiscal year when Chiang Mai's demo data has a red KPI, a live agreement score and money spent. */
const FY = LAST_FY;
const AS_OF = `${gregorianYearOf(FY)}-06-30`;

/** The demo admin's token, signed in once per run whichever browser project asks first. */
async function adminToken(request: APIRequestContext): Promise<string> {
  const file = join(process.env['PROVDASH_E2E_HOME'] ?? tmpdir(), 'overview-admin-token');
  try {
    openSync(`${file}.lock`, 'wx');
  } catch {
    // The other project is signing in: wait for its token.
    for (let i = 0; i < 150 && !existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    return readFileSync(file, 'utf8');
  }
  const admin = await apiToken(request, 'admin@demo.go.th');
  writeFileSync(`${file}.tmp`, admin);
  // Renamed into place whole, so a reader never sees half a token.
  renameSync(`${file}.tmp`, file);
  return admin;
}

/** Today on the Bangkok calendar: its B.E. and Gregorian years. */
function yearsToday(): { be: number; ce: number } {
  const ce = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
  return { be: ce + 543, ce };
}

test.describe("the governor's province view", () => {
  test('the governor of Chiang Mai reads the headline score, red KPIs and disbursement, drills to a KPI, prints', async ({
    page,
    request,
  }, info) => {
    // Governors read it on phones: the phone project checks at 390 px.
    if (info.project.name === 'phone') await page.setViewportSize({ width: 390, height: 844 });
    const view = `/province/50?fy=${FY}&asOf=${AS_OF}`;
    await page.goto(`/sign-in?returnUrl=${encodeURIComponent(view)}`);
    await signIn(page, 'governor.50@demo.go.th');
    await expect(page).toHaveURL(new RegExp(`/province/50\\?fy=${FY}&asOf=${AS_OF}$`));

    // The headline: the live agreement score to two decimals (the exact four on hover), and the
    // last round exactly as it was evaluated (official).
    const agreement = (await (
      await request.get(`/api/org-units/50/agreement-scorecard?fiscalYear=${FY}&asOf=${AS_OF}`)
    ).json()) as { live: { score: number; formatted: string }; rounds: { round: number; formatted: string }[] };
    await expect(page.getByTestId('agreement-live')).toHaveText(formatAgreementScoreShort(agreement.live.score));
    await expect(page.getByTestId('agreement-live')).toHaveAttribute('title', agreement.live.formatted);
    // The last round evaluated: the 12-month one once its evaluation day after the year is past.
    const last = agreement.rounds[agreement.rounds.length - 1];
    await expect(page.getByTestId('agreement-round')).toContainText(`รอบ ${last.round} เดือน: ${last.formatted}`);
    // The score leads the page, before the KPI lights and the money.
    const order = await page
      .locator('section.overview > *')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(order).toEqual(['agreement-score', 'headline', 'disbursement']);

    // The red KPIs of the scorecard, each with its owner and last update.
    const card = (await (await request.get(`/api/org-units/50/scorecard?fiscalYear=${FY}&asOf=${AS_OF}`)).json()) as {
      kpis: { code: string; status: string; ownerAgencyTh: string }[];
    };
    const red = card.kpis.filter((k) => k.status === 'red');
    expect(red.length).toBeGreaterThan(0);
    await expect(page.getByTestId('red-kpi')).toHaveCount(red.length);
    const first = page.locator(`[data-testid="red-kpi"][data-code="${red[0].code}"]`);
    await expect(first).toContainText(`หน่วยงานรับผิดชอบ: ${red[0].ownerAgencyTh}`);
    await expect(first).toContainText('ปรับปรุงล่าสุด');
    await expect(first.getByTestId('status-chip')).toHaveText('✕ต่ำกว่าเป้าหมาย');
    await expect(page.getByTestId('slow-project')).toHaveCount(5);

    // The disbursement against the target curve: four lines (overall, capital, each with its target),
    // and on 30 June, with the year running, the overall's year-end forecast dotted to September.
    await expect(page.getByTestId('disbursement-overall')).toContainText('เป้าหมาย');
    await expect(page.getByTestId('disbursement-capital')).toBeVisible();
    const chart = page.getByTestId('disbursement-chart');
    await expect(chart.locator('svg').first()).toBeVisible();
    await expect(chart.locator('.line-series path')).toHaveCount(5);
    await expect(chart).toHaveClass(/forecast/);
    await expect(chart).toHaveAttribute('aria-label', new RegExp(`มิ\\.ย\\. ${FY}`));
    await page.getByTestId('disbursement').getByText('แสดงเป็นตาราง').click();
    await expect(page.getByTestId('disbursement-table').locator('tbody tr')).toHaveCount(9);
    await expectNoSideways(page);

    // On paper: no app bar, no filters or buttons; the chart still fits an A4 page.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-bar')).toBeHidden();
    await expect(page.getByTestId('fy-select')).toBeHidden();
    await expect(page.getByTestId('print')).toBeHidden();
    const width = await chart.locator('svg.ngx-charts').evaluate((el) => el.getBoundingClientRect().width);
    // A4 less 12 mm margins is 186 mm, about 703 CSS pixels.
    expect(width).toBeLessThanOrEqual(703);
    await page.emulateMedia({ media: 'screen' });

    // Drill down: the red KPI's history, then the projects that serve it.
    await first.click();
    await expect(page).toHaveURL(new RegExp(`/province/50/kpi/[0-9a-f-]+\\?fy=${FY}&asOf=${AS_OF}`));
    await expect(page.getByTestId('kpi-title')).toContainText(red[0].code);
    await expect(page.getByTestId('history-chart')).toBeVisible();
    await expect(page.getByTestId('linked-projects')).toBeVisible();
    await expect(page.getByTestId('linked-project').first()).toContainText('งบประมาณ');
    await expectNoSideways(page);
    await page.getByTestId('back').click();

    // English: labels and the era of the dates change (B.E. 2569 ↔ 2026 for FY 2569).
    await expect(page.getByTestId('as-of-label')).toHaveText(`ข้อมูล ณ 30 มิ.ย. ${FY}`);
    await page.locator('[data-lang="en"]').click();
    await expect(page.getByTestId('as-of-label')).toHaveText(`As of 30 Jun ${gregorianYearOf(FY)}`);
    await expect(page.getByTestId('agreement-score').getByRole('heading')).toHaveText('Performance agreement score');
    await expect(first.getByTestId('status-chip')).toHaveText('✕Below target');
    await expect(chart).toHaveAttribute('aria-label', new RegExp(`Jun ${gregorianYearOf(FY)}`));
    await page.locator('[data-lang="th"]').click();
    await expect(page.getByTestId('as-of-label')).toHaveText(`ข้อมูล ณ 30 มิ.ย. ${FY}`);
  });
});

test.describe('the national overview', () => {
  test('shows the 18 clusters and both rankings, top and bottom, with the way to the comparison', async ({
    page,
  }, info) => {
    if (info.project.name === 'phone') await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/?fy=${FY}`);
    await expect(page.getByTestId('overview-title')).toHaveText('ภาพรวมระดับประเทศ');
    // Every province's KPIs evaluated in one request: the slowest read of the page.
    await expect(page.getByTestId('cluster-status')).toHaveCount(18, { timeout: 15_000 });
    await expect(page.getByTestId('cluster-province')).toHaveCount(76);
    const c15 = page.locator('[data-testid="cluster-status"][data-code="C15"]');
    await expect(c15.getByRole('heading')).toHaveText('กลุ่มจังหวัดภาคเหนือตอนบน 1');
    // Each province's light is named in words, not only coloured.
    await expect(c15.locator('[data-testid="cluster-province"][data-code="50"]')).toHaveAttribute(
      'aria-label',
      /^เชียงใหม่: /,
    );

    for (const id of ['disbursement-ranking', 'agreement-ranking']) {
      const ranking = page.getByTestId(id);
      await expect(ranking.locator('[data-testid="ranking-entry"][data-end="top"]')).toHaveCount(5);
      await expect(ranking.locator('[data-testid="ranking-entry"][data-end="bottom"]')).toHaveCount(5);
      await expect(ranking.locator('[data-testid="ranking-entry"]').first().locator('.rank')).toHaveText('1');
      await expect(ranking.getByRole('link', { name: 'เปรียบเทียบทุกจังหวัด' })).toHaveAttribute(
        'href',
        `/compare?fy=${FY}`,
      );
    }
    // The feed opens with what changed earlier today (other specs' approvals included), or says there is nothing.
    await expect(page.getByTestId('feed-panel')).toBeVisible();
    await expectNoSideways(page);

    // The directory the front page replaced is one click away.
    await page.getByTestId('directory-link').click();
    await expect(page).toHaveURL(/\/clusters$/);
    await expect(page.getByTestId('cluster')).toHaveCount(18);
  });

  test.describe.serial('what changed today', () => {
    const people = { officer: '', approver: '' };

    test.beforeAll(async ({ request }, info) => {
      const admin = await adminToken(request);
      const stamp = `${info.project.name}-${Date.now()}`;
      for (const [key, role] of [
        ['officer', 'province_officer'],
        ['approver', 'province_approver'],
      ] as const) {
        const email = `ov.${key}.${stamp}@demo.go.th`;
        const res = await request.post('/api/users', {
          headers: bearer(admin),
          data: {
            email,
            displayName: `ทดสอบภาพรวม ${key} ${info.project.name}`,
            role,
            orgUnitCode: '52',
            password: NEW_USER_PASSWORD,
          },
        });
        expect(res.status()).toBe(201);
        people[key] = email;
      }
    });

    test('an approval in Lampang appears at once, in Thai with a B.E. time and in English with a Gregorian one', async ({
      page,
      request,
    }, info) => {
      await page.goto('/');
      await expect(page.getByTestId('cluster-status')).toHaveCount(18, { timeout: 15_000 });
      await expect(page.getByTestId('feed-panel')).toBeVisible();
      await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-status', 'live', { timeout: 15_000 });

      // Lampang's office enters a result, submits it, and its approver approves it.
      const officer = await apiToken(request, people.officer);
      const approver = await apiToken(request, people.approver);
      const desk = (await (
        await request.get(`/api/workspace/52?fiscalYear=${CURRENT_FY}`, { headers: bearer(officer) })
      ).json()) as {
        kpis: {
          kpiId: string;
          code: string;
          rollup: string;
          plausibleMin: string | null;
          plausibleMax: string | null;
          entries: { period: string; status: string; version: number | null }[];
        }[];
      };
      const open = desk.kpis
        .filter((k) => k.rollup !== 'ratio')
        .flatMap((kpi) =>
          kpi.entries.filter((e) => ['missing', 'draft', 'returned'].includes(e.status)).map((e) => ({ kpi, e })),
        );
      expect(open.length).toBeGreaterThan(1);
      // The two browser projects run at once: each takes its own end of the list.
      const { kpi, e } = info.project.name === 'phone' ? open[open.length - 1] : open[0];
      const min = kpi.plausibleMin === null ? null : Number(kpi.plausibleMin);
      const max = kpi.plausibleMax === null ? null : Number(kpi.plausibleMax);
      const value =
        min !== null && max !== null ? (min + max) / 2 : min !== null ? min + 1 : max !== null ? max - 1 : 100;
      const url = `/api/kpis/${kpi.kpiId}/results/${e.period}`;
      const saved = await request.put(url, {
        headers: bearer(officer),
        data: { value: String(Math.round(value * 100) / 100), ...(e.version !== null && { version: e.version }) },
      });
      expect(saved.status()).toBe(200);
      const submitted = await request.post(`${url}/submit`, {
        headers: bearer(officer),
        data: { version: (await saved.json()).version },
      });
      expect(submitted.status()).toBe(200);
      const approved = await request.post(`${url}/approve`, {
        headers: bearer(approver),
        data: { version: (await submitted.json()).version },
      });
      expect(approved.status()).toBe(200);

      // KPI codes repeat across provinces, and the feed also lists earlier approvals of today: Lampang's line.
      const item = page.locator('[data-testid="feed-item"][data-kind="kpi-approved"][data-unit="52"]', {
        hasText: kpi.code,
      });
      await expect(item).toHaveCount(1, { timeout: 15_000 });
      await expect(item).toContainText(`ลำปาง: อนุมัติผลตัวชี้วัด ${kpi.code}`);
      const { be, ce } = yearsToday();
      await expect(item.locator('time')).toHaveText(new RegExp(` ${be} \\d{2}:\\d{2}$`));

      await page.locator('[data-lang="en"]').click();
      await expect(item).toContainText(`Lampang: result of KPI ${kpi.code}`);
      await expect(item.locator('time')).toHaveText(new RegExp(` ${ce}, \\d{2}:\\d{2}$`));
      await expect(page.getByTestId('overview-title')).toHaveText('National overview');
      await page.locator('[data-lang="th"]').click();
    });
  });
});

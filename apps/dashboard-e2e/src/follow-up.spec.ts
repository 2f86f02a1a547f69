import { expect, test } from '@playwright/test';
import { CURRENT_FY, LAST_FY } from './demo-years';
import {
  apiToken,
  bearer,
  choose,
  collectErrors,
  expectNoSideways,
  newPage,
  NEW_USER_PASSWORD,
  signIn,
} from './support';

/*
 * The governor's follow-up loop (issue 20), as new people would live it, in Buri Ram (31),
 * which no other spec counts: a governor and a strategy officer of its own, made by the demo admin.
 * The governor works on a phone; the officer at a desk. Every step the one takes reaches the other's
 * open screen live (directive.changed through the province's workspace room), with no reload.
 */
const PROVINCE = '31';
const people = { governor: '', officer: '', officerName: '' };
let redKpi: { kpiId: string; code: string; nameTh: string } | null = null;
/** The year whose scorecard shows it red: this year's, or last year's early in a fiscal year (still grey). */
let fy = CURRENT_FY;

test.beforeAll(async ({ request }, info) => {
  const admin = await apiToken(request, 'admin@demo.go.th');
  const stamp = `${info.project.name}-${Date.now()}`;
  for (const [key, role] of [
    ['governor', 'governor'],
    ['officer', 'province_officer'],
  ] as const) {
    const email = `follow.${key}.${stamp}@demo.go.th`;
    const displayName = `${key === 'governor' ? 'ผู้ว่าฯ ทดสอบ' : 'เจ้าหน้าที่ทดสอบ'} ${stamp}`;
    const res = await request.post('/api/users', {
      headers: bearer(admin),
      data: { email, displayName, role, orgUnitCode: PROVINCE, password: NEW_USER_PASSWORD },
    });
    expect(res.status()).toBe(201);
    people[key] = email;
    if (key === 'officer') people.officerName = displayName;
  }
  // A red KPI of the province (amber if none is red): where the governor starts.
  search: for (const status of ['red', 'amber'])
    for (const year of [CURRENT_FY, LAST_FY]) {
      const card = (await (await request.get(`/api/org-units/${PROVINCE}/scorecard?fiscalYear=${year}`)).json()) as {
        kpis: { kpiId: string; code: string; nameTh: string; status: string }[];
      };
      const found = card.kpis.find((k) => k.status === status);
      if (found) {
        redKpi = found;
        fy = year;
        break search;
      }
    }
  expect(redKpi, 'the demo gives Buri Ram a red or amber KPI').not.toBeNull();
});

test('the governor issues a directive from a red KPI on a phone; the officer answers live; the governor closes it', async ({
  browser,
}, info) => {
  test.setTimeout(180_000);
  const kpi = redKpi as NonNullable<typeof redKpi>;
  const title = `เร่งรัด ${kpi.code} ให้ถึงเป้าหมาย (${info.project.name} ${Date.now()})`;

  // The officer has the province's directives open, waiting.
  const officer = await newPage(browser, info.project.name);
  const officerErrors = collectErrors(officer);
  await signIn(officer, people.officer, { path: `/follow-up?unit=${PROVINCE}&mine=true` });
  await expect(officer.getByRole('heading', { name: 'ข้อสั่งการของจังหวัด' })).toBeVisible();

  // The governor opens the red KPI on a phone and issues a directive to the officer.
  const governor = await newPage(browser, 'phone');
  const governorErrors = collectErrors(governor);
  // The KPI page is public: sign in first (through the follow-up page, which asks for it), then open it.
  await signIn(governor, people.governor, { path: `/follow-up?unit=${PROVINCE}` });
  await governor.goto(`/province/${PROVINCE}/kpi/${kpi.kpiId}?fy=${fy}`);
  await expect(governor.getByTestId('kpi-directives')).toBeVisible({ timeout: 20_000 });
  await governor.getByTestId('kpi-issue-directive').click();
  await expect(governor.getByTestId('issue-about')).toContainText(kpi.code);
  await governor.getByTestId('issue-title').fill(title);
  await choose(governor, 'issue-owner', people.officerName);
  await governor.getByTestId('issue-agency').fill('สำนักงานพาณิชย์จังหวัด');
  await expectNoSideways(governor);
  await governor.getByTestId('issue-save').click();
  await expect(governor).toHaveURL(/\/follow-up\/[0-9a-f-]{36}$/);
  await expect(governor.getByTestId('directive-state')).toHaveText('ออกข้อสั่งการแล้ว');
  await expect(governor.getByTestId('directive-source')).toContainText(kpi.code);
  await expectNoSideways(governor);

  // It appears on the officer's open page without a reload; the officer acknowledges and reports.
  const card = officer.getByTestId('directive-card').filter({ hasText: title });
  await expect(card).toBeVisible({ timeout: 20_000 });
  await card.click();
  await officer.getByTestId('acknowledge').click();
  await expect(officer.getByTestId('directive-state')).toHaveText('รับทราบแล้ว');
  await expect(governor.getByTestId('directive-state')).toHaveText('รับทราบแล้ว', { timeout: 20_000 });
  await officer.getByTestId('progress-note').fill('ประชุมผู้ประกอบการแล้ว จัดกิจกรรมกระตุ้นสองรายการ');
  await officer.getByTestId('progress-percent').fill('60');
  await officer.getByTestId('progress-evidence').fill('https://example.go.th/korat/minutes.pdf');
  await officer.getByTestId('post-progress').click();
  await expect(officer.getByTestId('directive-percent')).toHaveText('60%');

  // The governor sees the progress live, on the phone.
  await expect(governor.getByTestId('directive-percent')).toHaveText('60%', { timeout: 20_000 });
  await expect(governor.getByTestId('progress-post')).toContainText('ประชุมผู้ประกอบการแล้ว');

  // The officer asks to close; the governor closes it from the phone.
  await officer.getByTestId('close-request-note').fill('ดำเนินการครบตามข้อสั่งการ');
  await officer.getByTestId('request-close').click();
  await expect(officer.getByTestId('directive-state')).toHaveText('ขอปิด');
  await expect(governor.getByTestId('directive-state')).toHaveText('ขอปิด', { timeout: 20_000 });
  await governor.getByTestId('issuer-note').fill('ขอบคุณ ติดตามต่อในการประชุมเดือนหน้า');
  await governor.getByTestId('close').click();
  await expect(governor.getByTestId('directive-state')).toHaveText('ปิดแล้ว');
  await expect(officer.getByTestId('directive-state')).toHaveText('ปิดแล้ว', { timeout: 20_000 });
  await expectNoSideways(governor);

  // The KPI's own page lists it.
  await governor.goto(`/province/${PROVINCE}/kpi/${kpi.kpiId}?fy=${fy}`);
  await expect(governor.getByTestId('kpi-directive').filter({ hasText: title })).toBeVisible({ timeout: 20_000 });

  expect(governorErrors).toEqual([]);
  expect(officerErrors).toEqual([]);
});

import { type Browser, expect as baseExpect, type Page, test } from '@playwright/test';
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
 * Issue 19 in the browser, as new users would do it: the ministry builds and publishes next year's
 * agreement template (the form refuses levels out of order as they are typed); Khon Kaen (40) starts
 * its agreement from it, changes a weight with a reason and proposes it; the ministry accepts it;
 * the governor signs (the approver no longer may) and reads the
 * per-indicator table, next-level hints and the signed PDF link, on a laptop and on a phone; the
 * central evaluator opens the evaluation desk; the public reads a frozen round indicator by
 * indicator. Next fiscal year keeps the current year's counted agreements untouched.
 */
const expect = baseExpect.configure({ timeout: 20_000 });
test.setTimeout(600_000);

const FY = CURRENT_FY + 1;
const KHON_KAEN = '40';
const people = { officer: '', approver: '', governor: '' };
const stamp = `${Date.now()}`;
const TEMPLATE_TH = `แม่แบบคำรับรอง พ.ศ. ${FY} (${stamp})`;

test.beforeAll(async ({ request }) => {
  const admin = await apiToken(request, 'admin@demo.go.th');
  for (const [key, role] of [
    ['officer', 'province_officer'],
    ['approver', 'province_approver'],
    ['governor', 'governor'],
  ] as const) {
    const email = `agree.${key}.${stamp}@demo.go.th`;
    const res = await request.post('/api/users', {
      headers: bearer(admin),
      data: { email, displayName: `${key} ขอนแก่น`, role, orgUnitCode: KHON_KAEN, password: NEW_USER_PASSWORD },
    });
    expect(res.status()).toBe(201);
    people[key] = email;
  }
});

async function fillLevels(page: Page, levels: string[]) {
  for (const [i, v] of levels.entries()) await page.getByTestId(`add-level-${i + 1}`).fill(v);
}

async function governorReads(browser: Browser, device: 'desktop' | 'phone') {
  const page = await newPage(browser, device);
  const errors = collectErrors(page);
  await signIn(page, people.governor, { path: `/workspace/agreement?fiscalYear=${FY}` });
  await expect(page.getByTestId('agreement-status')).toContainText('ลงนามแล้ว');
  const table = page.getByTestId('agreement-indicators');
  await expect(table.locator('tr[data-code="A1"]')).toContainText('55');
  // No result yet: each indicator's next level is its level 1, worth its weight's share of a point.
  await expect(table.locator('tr[data-code="A1"] [data-testid="next-level"]')).toContainText('60 (ระดับ 1)');
  await expect(page.getByTestId('agreement-gains')).toContainText('A1');
  await expect(page.getByTestId('agreement-pdf')).toHaveAttribute(
    'href',
    `/api/org-units/${KHON_KAEN}/agreement.pdf?fiscalYear=${FY}`,
  );
  // A governor reads: no weights to change, nothing to sign.
  await expect(page.getByTestId('weight-A1')).toHaveCount(0);
  await expect(page.getByTestId('agreement-sign')).toHaveCount(0);
  await expectNoSideways(page);
  expect(errors).toEqual([]);
  await page.context().close();
}

test('a year of the agreement: template, adoption, weight change, signature, the governor, the evaluator, the public', async ({
  page,
  browser,
}) => {
  const errors = collectErrors(page);

  // 1. The ministry builds next year's template.
  await signIn(page, 'analyst@demo.go.th', { path: '/ministry/agreements/templates' });
  await expect(page.getByTestId('templates-page')).toBeVisible();
  // The demo has no template for next year: the page offers to create one.
  await expect(page.getByTestId('template-create')).toBeVisible();
  await page.getByTestId('template-name-th').fill(TEMPLATE_TH);
  await page.getByTestId('template-name-en').fill(`Agreement template FY ${FY} (${stamp})`);
  await page.getByTestId('template-create-submit').click();
  await expect(page.getByTestId('template-status')).toHaveText('ร่าง');

  await page.getByTestId('add-code').fill('A1');
  await page.getByTestId('add-name-th').fill('ร้อยละผู้สูงอายุที่ได้รับการคัดกรองสุขภาพ');
  await page.getByTestId('add-name-en').fill('Elderly screened');
  await page.getByTestId('add-unit-th').fill('ร้อยละ');
  await page.getByTestId('add-unit-en').fill('%');
  await page.getByTestId('add-weight').fill('60');
  await fillLevels(page, ['60', '65', '65', '75', '80']);
  // Live: the domain's rule, as typed.
  await expect(page.getByTestId('add-levels-error')).toContainText('เกณฑ์ต้องเพิ่มขึ้นจากระดับ 1 ถึงระดับ 5');
  await page.getByTestId('add-level-3').fill('70');
  await expect(page.getByTestId('add-levels-error')).toHaveCount(0);
  await page.getByTestId('add-submit').click();
  await expect(page.getByTestId('template-indicators').locator('tr[data-code="A1"]')).toBeVisible();
  await expect(page.getByTestId('template-sum')).toContainText('น้ำหนักต้องรวมได้ 100 พอดี');
  await expect(page.getByTestId('template-publish')).toBeDisabled();

  await page.getByTestId('add-code').fill('A2');
  await page.getByTestId('add-name-th').fill('ร้อยละครัวเรือนที่เข้าถึงน้ำประปา');
  await page.getByTestId('add-name-en').fill('Households with tap water');
  await page.getByTestId('add-unit-th').fill('ร้อยละ');
  await page.getByTestId('add-unit-en').fill('%');
  await page.getByTestId('add-weight').fill('40');
  await fillLevels(page, ['70', '75', '80', '85', '90']);
  await page.getByTestId('add-submit').click();
  await expect(page.getByTestId('template-sum')).toHaveText(/น้ำหนักรวม 100/);
  await page.getByTestId('template-publish').click();
  await expect(page.getByTestId('template-status')).toHaveText('เผยแพร่แล้ว');
  await page.context().clearCookies();

  // 2. Khon Kaen adopts it and moves five points of weight, with a reason.
  const officer = await newPage(browser, 'desktop');
  await signIn(officer, people.officer, { path: `/workspace/agreement?fiscalYear=${FY}` });
  await expect(officer.getByTestId('agreement-derive')).toBeVisible();
  await choose(officer, 'derive-template', TEMPLATE_TH);
  await officer.getByTestId('derive').click();
  await expect(officer.getByTestId('agreement-status')).toContainText('ร่าง');
  await officer.getByTestId('weight-A1').fill('55');
  await expect(officer.getByTestId('weights-change')).toContainText('น้ำหนักต้องรวมได้ 100 พอดี');
  await expect(officer.getByTestId('weights-save')).toBeDisabled();
  await officer.getByTestId('weight-A2').fill('45');
  await officer.getByTestId('change-reason-A1').fill('น้ำประปาเป็นวาระสำคัญของจังหวัดในปีนี้');
  await officer.getByTestId('change-reason-A2').fill('น้ำประปาเป็นวาระสำคัญของจังหวัดในปีนี้');
  await officer.getByTestId('weights-save').click();
  await expect(officer.getByTestId('weights-change')).toHaveCount(0);
  await expect(officer.getByTestId('weight-A1')).toHaveValue('55.00');
  // The officer does not sign: it proposes to the ministry.
  await expect(officer.getByTestId('agreement-sign')).toHaveCount(0);
  await officer.getByTestId('propose').click();
  await expect(officer.getByTestId('agreement-status')).toContainText('เสนอกระทรวงแล้ว');
  await officer.context().close();

  // 3. The ministry accepts it; the approver cannot sign; the governor signs.
  const ministry = await newPage(browser, 'desktop');
  await signIn(ministry, 'analyst@demo.go.th', { path: '/ministry/agreements/queue' });
  await ministry.getByTestId(`queue-open-${KHON_KAEN}`).first().click();
  await ministry.getByTestId('queue-accept').click();
  await expect(ministry.getByTestId('queue-done')).toBeVisible();
  await ministry.context().close();
  const approver = await newPage(browser, 'desktop');
  await signIn(approver, people.approver, { path: `/workspace/agreement?fiscalYear=${FY}` });
  await expect(approver.getByTestId('agreement-status')).toContainText('กระทรวงรับแล้ว');
  await expect(approver.getByTestId('agreement-sign')).toHaveCount(0);
  const signer = await newPage(browser, 'desktop');
  await signIn(signer, people.governor, { path: `/workspace/agreement?fiscalYear=${FY}` });
  await signer.getByTestId('sign-governor').fill('ผู้ว่าราชการจังหวัดขอนแก่น');
  await signer.getByTestId('sign-ministry').fill('ปลัดกระทรวงมหาดไทย');
  await signer.getByTestId('sign-submit').click();
  await signer.getByTestId('sign-confirm').click();
  await expect(signer.getByTestId('agreement-status')).toContainText('ลงนามโดย ผู้ว่าราชการจังหวัดขอนแก่น');
  await signer.context().close();
  // Signed, a change is an amendment: it needs a reason.
  await approver.reload();
  await expect(approver.getByTestId('agreement-status')).toContainText('ลงนามโดย ผู้ว่าราชการจังหวัดขอนแก่น');
  await approver.getByTestId('weight-A1').fill('50');
  await approver.getByTestId('weight-A2').fill('50');
  await approver.getByTestId('weights-save').click();
  await expect(approver.getByTestId('weights-change')).toContainText('คำรับรองลงนามแล้ว การแก้ไขต้องระบุเหตุผล');
  await approver.context().close();

  // 4. The governor reads it, on a laptop and on a phone.
  await governorReads(browser, 'desktop');
  await governorReads(browser, 'phone');

  // 5. The central evaluator's desk: last year's 6-month round of Udon Thani, frozen.
  const evaluator = await newPage(browser, 'desktop');
  await signIn(evaluator, 'evaluator@demo.go.th', {
    path: `/ministry/agreements/evaluate?fiscalYear=${LAST_FY}&province=41&round=6`,
  });
  await expect(evaluator.getByTestId('evaluation-frozen-score')).toBeVisible();
  await evaluator.context().close();

  // 6. The public: the frozen round, indicator by indicator.
  const visitor = await newPage(browser, 'desktop');
  await visitor.goto(`/public/province/41?fy=${LAST_FY}`);
  await visitor.getByTestId('rounds-detail').click();
  await expect(visitor).toHaveURL(new RegExp(`/public/agreement/41\\?fy=${LAST_FY}`));
  await expect(visitor.getByTestId('public-round-6').locator('tbody tr').first()).toBeVisible();
  // Next year's agreement is signed but has no frozen round: the public sees none.
  await visitor.goto(`/public/agreement/${KHON_KAEN}?fy=${FY}`);
  await expect(visitor.getByTestId('public-agreement-no-round')).toBeVisible();
  await visitor.context().close();
  expect(errors).toEqual([]);
});

import { expect as baseExpect, test } from '@playwright/test';
import { CURRENT_FY } from './demo-years';
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
 * Issue 19 item 2 in the browser: Loei (42) adopts the ministry's template, changes one weight with
 * a reason (proposing without the reason of every changed indicator is refused), proposes; the
 * ministry accepts it from its queue; the governor signs on a phone-sized page, confirming the act;
 * the signed version's PDF downloads. The fiscal year after next keeps every other spec's agreements
 * (and the agreement journey's next-year template) untouched.
 */
const expect = baseExpect.configure({ timeout: 20_000 });
test.setTimeout(300_000);

const FY = CURRENT_FY + 2;
const LOEI = '42';
const stamp = `${Date.now()}`;
const TEMPLATE_TH = `แม่แบบคำรับรองเลย พ.ศ. ${FY} (${stamp})`;
const people = { officer: '', governor: '' };

test.beforeAll(async ({ request }) => {
  const admin = await apiToken(request, 'admin@demo.go.th');
  for (const [key, role] of [
    ['officer', 'province_officer'],
    ['governor', 'governor'],
  ] as const) {
    const email = `proposal.${key}.${stamp}@demo.go.th`;
    const res = await request.post('/api/users', {
      headers: bearer(admin),
      data: { email, displayName: `${key} เลย`, role, orgUnitCode: LOEI, password: NEW_USER_PASSWORD },
    });
    expect(res.status()).toBe(201);
    people[key] = email;
  }
  // The ministry's template for the year (its screens are the agreement journey's part).
  const analyst = await apiToken(request, 'analyst@demo.go.th');
  const created = await request.post('/api/agreement-templates', {
    headers: bearer(analyst),
    data: { fiscalYear: FY, nameTh: TEMPLATE_TH, nameEn: `Loei template FY ${FY} (${stamp})` },
  });
  expect(created.status()).toBe(201);
  const template = await created.json();
  for (const [code, weight, levels] of [
    ['B1', '60', ['60', '65', '70', '75', '80']],
    ['B2', '40', ['70', '75', '80', '85', '90']],
  ] as const) {
    const added = await request.post(`/api/agreement-templates/${template.id}/indicators`, {
      headers: bearer(analyst),
      data: {
        code,
        nameTh: `ตัวชี้วัด ${code}`,
        nameEn: `Indicator ${code}`,
        unitTh: 'ร้อยละ',
        unitEn: '%',
        direction: 'higher_better',
        kind: 'scale',
        weight,
        levels,
      },
    });
    expect(added.status()).toBe(201);
  }
  const current = await (
    await request.get(`/api/agreement-templates/${template.id}`, { headers: bearer(analyst) })
  ).json();
  const published = await request.post(`/api/agreement-templates/${template.id}/publish`, {
    headers: bearer(analyst),
    data: { version: current.version },
  });
  expect(published.status()).toBe(200);
});

test('Loei proposes with reasons, the ministry accepts, the governor signs on a phone, the signed PDF downloads', async ({
  page,
  browser,
  request,
}) => {
  const errors = collectErrors(page);
  const path = `/workspace/agreement?fiscalYear=${FY}`;

  // 1. The province adopts the template and moves five points of weight.
  await signIn(page, people.officer, { path });
  await choose(page, 'derive-template', TEMPLATE_TH);
  await page.getByTestId('derive').click();
  await expect(page.getByTestId('agreement-status')).toContainText('ร่าง');
  await page.getByTestId('weight-B1').fill('55');
  await page.getByTestId('weight-B2').fill('45');
  await page.getByTestId('change-reason-B1').fill('ลดน้ำหนักเพื่อเน้นน้ำประปาซึ่งเป็นวาระของจังหวัด');
  await page.getByTestId('weights-save').click();
  await expect(page.getByTestId('weights-change')).toHaveCount(0);
  await expect(page.getByTestId('weight-B1')).toHaveValue('55.00');
  // B2 moved too, with no reason: the proposal is refused, naming what is missing.
  await page.getByTestId('propose').click();
  await expect(page.getByTestId('agreement-error')).toContainText('ต้องระบุเหตุผลก่อนเสนอ');
  await page.getByTestId('change-reason-B2').fill('น้ำประปาเป็นวาระสำคัญของจังหวัดในปีนี้');
  await page.getByTestId('weights-save').click();
  await expect(page.getByTestId('weights-change')).toHaveCount(0);
  await page.getByTestId('propose').click();
  await expect(page.getByTestId('agreement-status')).toContainText('เสนอกระทรวงแล้ว');
  await expect(page.getByTestId('weight-B1')).toHaveCount(0);
  await expect(page.getByTestId('agreement-sign')).toHaveCount(0);
  await page.context().clearCookies();

  // 2. The ministry accepts it from its queue, having read each change and its reason.
  const ministry = await newPage(browser, 'desktop');
  await signIn(ministry, 'analyst@demo.go.th', { path: '/ministry/agreements/queue' });
  await ministry.getByTestId(`queue-open-${LOEI}`).first().click();
  await expect(ministry.getByTestId('queue-indicators').locator('tr[data-code="B1"]')).toContainText(
    'ลดน้ำหนักเพื่อเน้นน้ำประปา',
  );
  await ministry.getByTestId('queue-accept').click();
  await expect(ministry.getByTestId('queue-done')).toBeVisible();
  await ministry.context().close();

  // 3. The governor signs on a phone: an explicit act, confirmed.
  const phone = await newPage(browser, 'phone');
  const phoneErrors = collectErrors(phone);
  await signIn(phone, people.governor, { path });
  await expect(phone.getByTestId('agreement-status')).toContainText('กระทรวงรับแล้ว');
  await phone.getByTestId('sign-governor').fill('นายชัยธวัช เนียมศิริ');
  await phone.getByTestId('sign-ministry').fill('ปลัดกระทรวงมหาดไทย');
  await expectNoSideways(phone);
  await phone.getByTestId('sign-submit').click();
  await phone.getByTestId('sign-confirm').click();
  await expect(phone.getByTestId('agreement-status')).toContainText('ลงนามแล้ว');
  await expect(phone.getByTestId('agreement-sign')).toHaveCount(0);
  await expect(phone.getByTestId('agreement-versions').locator('tr[data-code="B1"]')).toContainText('55');
  await expectNoSideways(phone);

  // 4. The signed version prints.
  const href = `/api/org-units/${LOEI}/agreement.pdf?fiscalYear=${FY}`;
  await expect(phone.getByTestId('agreement-pdf')).toHaveAttribute('href', href);
  const governor = await apiToken(request, people.governor);
  const pdf = await request.get(href, { headers: bearer(governor) });
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  expect(phoneErrors).toEqual([]);
  await phone.context().close();
  expect(errors).toEqual([]);
});

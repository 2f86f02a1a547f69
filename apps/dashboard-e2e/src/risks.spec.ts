import { expect, test } from '@playwright/test';
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
 * The 4T risk register (issue 20) in Si Sa Ket (33), which no other spec counts: a strategy officer
 * and a governor of its own, made by the demo admin. The officer adds a risk of the province itself,
 * reassesses it once treated, and the residual shows on the heat map; the governor sees the
 * province's heat map on the province view on a phone; the public page shows the province's risks
 * only once the governor publishes them.
 */
const PROVINCE = '33';
const people = { governor: '', officer: '' };

test.beforeAll(async ({ request }, info) => {
  const admin = await apiToken(request, 'admin@demo.go.th');
  const stamp = `${info.project.name}-${Date.now()}`;
  for (const [key, role] of [
    ['governor', 'governor'],
    ['officer', 'province_officer'],
  ] as const) {
    const email = `risk.${key}.${stamp}@demo.go.th`;
    const res = await request.post('/api/users', {
      headers: bearer(admin),
      data: { email, displayName: `ทดสอบความเสี่ยง ${key} ${stamp}`, role, orgUnitCode: PROVINCE, password: NEW_USER_PASSWORD },
    });
    expect(res.status()).toBe(201);
    people[key] = email;
  }
  // Each run starts unpublished (an earlier run, or the other device's, may have left it on).
  const governor = await apiToken(request, people.governor);
  const now = await (await request.get(`/api/units/${PROVINCE}/follow-up-publication`, { headers: bearer(governor) })).json();
  if (now.public) {
    const off = await request.put(`/api/units/${PROVINCE}/follow-up-publication`, {
      headers: bearer(governor),
      data: { public: false, version: now.version },
    });
    expect(off.status()).toBe(200);
  }
});

test('the officer adds an organisation-level risk, reassesses it, and the residual shows on the heat map; the public sees it only once published', async ({
  browser,
}, info) => {
  test.setTimeout(240_000);
  const description = `ภัยแล้งกระทบผลผลิตข้าวหอมมะลิ (${info.project.name} ${Date.now()})`;

  const officer = await newPage(browser, info.project.name);
  const errors = collectErrors(officer);
  // Signed in through the directives page (as follow-up.spec does), then to the register.
  await signIn(officer, people.officer, { path: `/follow-up?unit=${PROVINCE}` });
  await officer.goto(`/follow-up/risks?unit=${PROVINCE}`);
  await expect(officer.getByRole('heading', { name: 'ทะเบียนความเสี่ยง (4T)' })).toBeVisible({ timeout: 30_000 });

  // A risk of the province itself: likelihood 4 × impact 5, treated.
  await officer.getByTestId('add-org-risk').click();
  const form = officer.getByTestId('risk-editor');
  await expect(form).toBeVisible({ timeout: 20_000 });
  await form.getByTestId('risk-description').fill(description);
  await form.getByTestId('risk-owner').fill('สำนักงานเกษตรจังหวัด');
  await choose(officer, 'risk-likelihood', /^4 ·/);
  await choose(officer, 'risk-impact', /^5 ·/);
  await choose(officer, 'risk-response', 'ลด/ควบคุม (Treat)');
  await form.getByTestId('risk-mitigation').fill('ขุดลอกแหล่งน้ำและส่งเสริมพืชใช้น้ำน้อย');
  // Half a residual pair is refused next to the field, before any request.
  await choose(officer, 'risk-residual-likelihood', /^2 ·/);
  await form.getByTestId('risk-save').click();
  await expect(form.getByText('กรุณาระบุทั้งโอกาสเกิดและผลกระทบคงเหลือ หรือเว้นว่างทั้งคู่')).toBeVisible();
  await choose(officer, 'risk-residual-likelihood', 'ยังไม่ประเมิน');
  await form.getByTestId('risk-save').click();
  await expect(form).toBeHidden({ timeout: 20_000 });

  const card = officer.getByTestId('register-risk').filter({ hasText: description });
  await expect(card).toBeVisible();
  await expect(card).toContainText('4×5 = 20');
  await expect(card).toContainText('ระดับองค์กร (จังหวัด)');
  await expect(card.getByTestId('residual-score')).toHaveCount(0);
  const inherentBefore = Number(await officer.getByTestId('heat-4-5').getAttribute('data-count'));
  expect(inherentBefore).toBeGreaterThanOrEqual(1);

  // Its own screen: reassess once the treatment is in place.
  await card.getByTestId('risk-open').click();
  await expect(officer.getByTestId('risk-title')).toHaveText(description);
  await expect(officer.getByTestId('risk-assessment')).toHaveCount(1);
  await officer.getByTestId('risk-reassess').click();
  const again = officer.getByTestId('risk-editor');
  await expect(again).toBeVisible({ timeout: 20_000 });
  await choose(officer, 'risk-residual-likelihood', /^2 ·/);
  await choose(officer, 'risk-residual-impact', /^3 ·/);
  await again.getByTestId('risk-note').fill('ขุดลอกแล้วเสร็จสามแห่ง');
  await again.getByTestId('risk-save').click();
  await expect(again).toBeHidden({ timeout: 20_000 });
  await expect(officer.getByTestId('risk-residual')).toContainText('2×3 = 6');
  // The history: two assessments, the newest first, with who and the note.
  const history = officer.getByTestId('risk-assessment');
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText('ขุดลอกแล้วเสร็จสามแห่ง');
  await expect(history.first()).toContainText('ทดสอบความเสี่ยง officer');
  await expectNoSideways(officer);

  // Back on the register, the residual heat map places it at 2 × 3.
  await officer.getByRole('link', { name: '← ทะเบียนความเสี่ยง' }).click();
  await expect(officer.getByTestId('register-risk').filter({ hasText: description })).toBeVisible();
  await officer.getByTestId('heat-mode-residual').click();
  await expect(officer.getByTestId('risk-heat-map')).toHaveAttribute('data-mode', 'residual');
  const residualCell = officer.getByTestId('heat-2-3');
  await expect(residualCell).not.toHaveAttribute('data-count', '0');
  await residualCell.click();
  await expect(officer.getByTestId('register-risk').filter({ hasText: description })).toBeVisible();
  await expect(officer.getByTestId('register-risk').filter({ hasText: description }).getByTestId('residual-score')).toContainText(
    '2×3 = 6',
  );
  // The officer may not publish: the province's governor decides.
  await expect(officer.getByTestId('publish-toggle')).toHaveCount(0);
  await expectNoSideways(officer);
  expect(errors).toEqual([]);

  // The public page of the province: nothing of the follow-up until the governor publishes it.
  const visitor = await newPage(browser, info.project.name);
  const followUpAnswer = () =>
    visitor.waitForResponse((r) => r.url().includes(`/api/public/provinces/${PROVINCE}/follow-up`), { timeout: 30_000 });
  let answered = followUpAnswer();
  await visitor.goto(`/public/province/${PROVINCE}`);
  await expect(visitor.getByTestId('issue').first()).toBeVisible({ timeout: 20_000 });
  expect(await (await answered).json()).toMatchObject({ public: false, risks: [], directives: [] });
  await expect(visitor.getByTestId('public-follow-up')).toHaveCount(0);

  const governor = await newPage(browser, info.project.name);
  await signIn(governor, people.governor, { path: `/follow-up?unit=${PROVINCE}` });
  await governor.goto(`/follow-up/risks?unit=${PROVINCE}`);
  const toggle = governor.getByTestId('publish-toggle');
  await expect(toggle).toBeVisible({ timeout: 30_000 });
  await toggle.getByRole('switch').click();
  await expect(toggle.getByRole('switch')).toHaveAttribute('aria-checked', 'true');

  await visitor.reload();
  await expect(visitor.getByTestId('issue').first()).toBeVisible({ timeout: 20_000 });
  const published = visitor.getByTestId('public-follow-up');
  await expect(published).toBeVisible({ timeout: 20_000 });
  await expect(published.getByTestId('public-risk').filter({ hasText: description })).toContainText('4×5 = 20');
  await expect(published).not.toContainText('ทดสอบความเสี่ยง');
  await expectNoSideways(visitor);

  // Off again: the page follows.
  await toggle.getByRole('switch').click();
  await expect(toggle.getByRole('switch')).toHaveAttribute('aria-checked', 'false');
  answered = followUpAnswer();
  await visitor.reload();
  await expect(visitor.getByTestId('issue').first()).toBeVisible({ timeout: 20_000 });
  expect((await (await answered).json()).public).toBe(false);
  await expect(visitor.getByTestId('public-follow-up')).toHaveCount(0);
});

test("the governor sees the province's risk heat map below the issues of the province view, on a phone, asked for after the first paint", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const governor = await newPage(browser, 'phone');
  const errors = collectErrors(governor);
  await signIn(governor, people.governor, { path: `/follow-up?unit=${PROVINCE}` });
  // The order things happen in: the screen's one composed request answers (first paint) before the risks are asked for.
  const order: string[] = [];
  governor.on('response', (r) => {
    if (r.url().includes(`/api/screens/province/${PROVINCE}`)) order.push('screen answered');
  });
  governor.on('request', (r) => {
    if (r.url().includes(`/api/risks?unit=${PROVINCE}`)) order.push('risks asked');
  });
  await governor.goto(`/province/${PROVINCE}`);
  await expect(governor.getByTestId('issue').first()).toBeVisible({ timeout: 30_000 });
  const section = governor.getByTestId('province-risks');
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByTestId('risk-heat-map')).toBeVisible({ timeout: 20_000 });
  expect(order.indexOf('risks asked')).toBeGreaterThan(order.indexOf('screen answered'));
  expect(order.indexOf('screen answered')).toBeGreaterThanOrEqual(0);
  await expectNoSideways(governor);
  await section.getByTestId('province-risks-open').click();
  await expect(governor).toHaveURL(new RegExp(`/follow-up/risks\\?unit=${PROVINCE}`));
  expect(errors).toEqual([]);
});

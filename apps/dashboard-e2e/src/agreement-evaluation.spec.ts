import { expect as baseExpect, test } from '@playwright/test';
import { LATEST_ENDED_ROUND } from './demo-years';
import { apiToken, bearer, collectErrors, expectNoSideways, newPage, NEW_USER_PASSWORD, signIn } from './support';

/*
 * Issue 19 item 3 in the browser, as the people do it: the demo leaves Ubon Ratchathani (34) late
 * with its latest ended round. Its strategy office submits the self-assessment; the central
 * evaluator adjusts one indicator with a reason, accepts the others and freezes the round; the
 * governor reads the frozen score and the next-level hints on a phone; the public sees the frozen
 * round indicator by indicator. Once only (desktop project): a round is submitted and frozen once.
 */
const expect = baseExpect.configure({ timeout: 20_000 });
test.setTimeout(300_000);

const UBON = '34';
const { fiscalYear: FY, round: ROUND } = LATEST_ENDED_ROUND;
const stamp = `${Date.now()}`;
const people = { officer: '', governor: '' };
const REASON = 'หลักฐานการคัดกรองครอบคลุมเพียงสามอำเภอ ปรับผลตามรายงานของสาธารณสุขจังหวัด';

test.beforeAll(async ({ request }) => {
  const admin = await apiToken(request, 'admin@demo.go.th');
  for (const [key, role] of [
    ['officer', 'province_officer'],
    ['governor', 'governor'],
  ] as const) {
    const email = `evaluation.${key}.${stamp}@demo.go.th`;
    const res = await request.post('/api/users', {
      headers: bearer(admin),
      data: { email, displayName: `${key} อุบลราชธานี`, role, orgUnitCode: UBON, password: NEW_USER_PASSWORD },
    });
    expect(res.status()).toBe(201);
    people[key] = email;
  }
});

test('Ubon Ratchathani submits its round, the centre adjusts one result with a reason and freezes it, the governor and the public read it', async ({
  browser,
}) => {
  // 1. The strategy office submits the self-assessment of the round that has ended.
  const officer = await newPage(browser, 'desktop');
  const errors = [collectErrors(officer)];
  await signIn(officer, people.officer, { path: `/workspace/agreement?fiscalYear=${FY}` });
  const round = officer.getByTestId(`round-${ROUND}`);
  await round.getByTestId('start-submit').click();
  const form = officer.getByTestId('self-assessment');
  await form.locator('textarea').first().fill('คัดกรองผู้สูงอายุครบทุกอำเภอตามแผน');
  await form.getByTestId('submit-round').click();
  await expect(form).toBeHidden();
  await expect(round.getByTestId('review-lines').locator('li[data-code="PA1"]')).toBeVisible();
  // Submitted, the agreement holds still: no second submission.
  await expect(round.getByTestId('start-submit')).toHaveCount(0);
  await officer.context().close();

  // 2. The central evaluator adjusts PA1 with its reason, accepts the rest, freezes the round.
  const evaluator = await newPage(browser, 'desktop');
  errors.push(collectErrors(evaluator));
  await signIn(evaluator, 'evaluator@demo.go.th', {
    path: `/ministry/agreements/evaluate?fiscalYear=${FY}&province=${UBON}&round=${ROUND}`,
  });
  const first = evaluator.getByTestId('evaluation-lines').locator('li[data-code="PA1"]');
  await first.getByTestId('adjust').click();
  const adjust = evaluator.getByTestId('adjust-form');
  // A reason is required: the form says so next to the field.
  await adjust.getByTestId('adjust-value').fill('84');
  await adjust.getByTestId('save-adjust').click();
  await expect(adjust.locator('mat-error')).toBeVisible();
  await adjust.getByTestId('adjust-reason').fill(REASON);
  await adjust.getByTestId('save-adjust').click();
  await expect(adjust).toBeHidden();
  await expect(first).toContainText(REASON);
  const codes = await evaluator
    .getByTestId('evaluation-lines')
    .locator('li')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));
  for (const code of codes.filter((c) => c !== 'PA1')) {
    const line = evaluator.getByTestId('evaluation-lines').locator(`li[data-code="${code}"]`);
    await line.getByTestId('accept').click();
    await expect(line.locator('.chip.accepted')).toBeVisible();
  }
  await evaluator.getByTestId('freeze').click();
  const frozen = evaluator.getByTestId('evaluation-frozen-score');
  await expect(frozen).toBeVisible();
  const score = (await frozen.locator('.value').innerText()).trim();
  expect(score).toMatch(/^\d\.\d{2}$/);
  await evaluator.context().close();

  // 3. The governor, on a phone: the frozen score beside the live one, the next-level hints.
  const governor = await newPage(browser, 'phone');
  errors.push(collectErrors(governor));
  await signIn(governor, people.governor, { path: `/workspace/agreement?fiscalYear=${FY}` });
  await expect(governor.getByTestId('agreement-last-round')).toContainText(score);
  await expect(governor.getByTestId('agreement-indicators').getByTestId('next-level').first()).toBeVisible();
  await expectNoSideways(governor);
  await governor.context().close();

  // 4. The public: the frozen round, indicator by indicator, with the same score.
  const visitor = await newPage(browser, 'desktop');
  errors.push(collectErrors(visitor));
  await visitor.goto(`/public/agreement/${UBON}?fy=${FY}`);
  const published = visitor.getByTestId(`public-round-${ROUND}`);
  await expect(published).toContainText(score);
  await expect(published.locator('tbody tr').first()).toBeVisible();
  await visitor.context().close();
  expect(errors.flat()).toEqual([]);
});

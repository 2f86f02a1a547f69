import { expect, Page, test } from '@playwright/test';
import { expectNoSideways } from './support';

/*
 * The API allows five sign-in attempts a minute from one address, and both browser projects run
 * these tests against the same server: keep to one attempt per test, two tests that sign in.
 */
const OFFICER = { email: 'officer.50@demo.go.th', password: 'demo-password' };
const OFFICER_NAME = 'เจ้าหน้าที่ยุทธศาสตร์ จ.เชียงใหม่';

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('อีเมล').fill(email);
  await page.getByLabel('รหัสผ่าน').fill(password);
  await page.getByTestId('sign-in-submit').click();
}

/** Opens the user menu and checks who it says is signed in, then closes it again. */
async function expectSignedInAsOfficer(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  const card = page.getByTestId('user-card');
  await expect(card).toContainText(OFFICER_NAME);
  await expect(page.getByTestId('user-role')).toHaveText('เจ้าหน้าที่ยุทธศาสตร์จังหวัด');
  await expect(page.getByTestId('user-scope')).toHaveText('เชียงใหม่');
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
}

test.describe('signing in', () => {
  test('visiting /me while signed out goes to the sign-in page, with the way back', async ({ page }) => {
    await page.goto('/me');
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Fme$/);
    await expect(page.getByRole('heading', { name: 'เข้าสู่ระบบ' })).toBeVisible();
    await expect(page.getByTestId('sign-in-link')).toBeVisible();
    await expect(page.getByTestId('user-menu')).toHaveCount(0);
  });

  test('an officer signs in, stays signed in across a reload, and signs out', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('cluster-status')).toHaveCount(18);
    await page.getByTestId('sign-in-link').click();
    await expect(page).toHaveURL(/\/sign-in$/);

    await signIn(page, OFFICER.email, OFFICER.password);
    await expect(page).toHaveURL(/\/$/);
    await expectSignedInAsOfficer(page);
    await expect(page.getByTestId('sign-in-link')).toHaveCount(0);
    // The access token lives in memory only.
    const stored = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
    expect(stored).not.toMatch(/eyJ/);

    // A reload forgets the in-memory token; the refresh cookie brings the session back.
    await page.reload();
    await expectSignedInAsOfficer(page);

    // The guarded profile page opens, and the API's own profile says who this is.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('profile-link').click();
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByTestId('profile-name')).toHaveText(OFFICER_NAME);
    await expect(page.getByTestId('profile-email')).toHaveText(OFFICER.email);
    await expect(page.getByTestId('profile-scope')).toHaveText('เชียงใหม่');

    // On a 360 px phone the toolbar still fits, with the account button in reach.
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(page.getByTestId('user-menu')).toBeInViewport();
    await expectNoSideways(page);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('sign-in-link')).toBeVisible();
    await expect(page.getByTestId('user-menu')).toHaveCount(0);
    await expectNoSideways(page);

    // The cookie is gone too: a reload stays signed out, and /me is closed again.
    await page.reload();
    await expect(page.getByTestId('sign-in-link')).toBeVisible();
    await page.goto('/me');
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Fme$/);
  });

  test('a wrong password shows the API message in Thai and stays signed out', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/sign-in');
    await signIn(page, OFFICER.email, 'not-the-password');

    await expect(page.getByRole('alert')).toHaveText('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByTestId('sign-in-submit')).toBeEnabled();
    await expect(page.getByTestId('sign-in-link')).toBeVisible();
    await expectNoSideways(page);
  });
});

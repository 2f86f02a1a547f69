import { Browser, expect as baseExpect, Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { newPage, NEW_USER_PASSWORD, signIn } from './support';

/*
 * People and the audit trail, end to end (issue 18, items 6 and 7): the demo admin invites a user,
 * who signs in with the one-time temporary password and must set their own first; the admin then
 * disables them, and the user's next click is refused: they land on the sign-in page, told why.
 * The admin finds the user's changes in the audit trail, before and after, and exports them.
 *
 * The admin works at a desk (1280×800) in both projects; the invited user's steps run on the
 * project's device, so the phone project walks them on a Pixel 7. Each project invites a user of
 * its own, so the two can run at once against one server.
 */
// Lazy screens on a busy 2-core machine: give each step time to arrive.
const expect = baseExpect.configure({ timeout: 20_000 });
const ADMIN = 'admin@demo.go.th';

/** The sign-in form only: the spec checks where the invited user lands (their first-password page, or a refusal). */
async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('อีเมล').fill(email);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(password);
  await page.getByTestId('sign-in-submit').click();
}

async function adminPage(browser: Browser): Promise<Page> {
  const page = await newPage(browser, 'desktop');
  await signIn(page, ADMIN, { path: '/admin/people' });
  await expect(page).toHaveURL(/\/admin\/people$/);
  await expect(page.getByTestId('people-table')).toBeVisible();
  return page;
}

test('an admin invites a user, who sets their own password; disabled, their next click is refused; the trail shows it', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const email = `invited.${testInfo.project.name}.${Date.now()}@demo.go.th`;
  const name = `ผู้ใช้ทดสอบ ${testInfo.project.name}`;
  const admin = await adminPage(browser);

  // Invite: role and scope, then the temporary password, shown once.
  await admin.getByTestId('invite-user').click();
  await admin.getByTestId('user-email').fill(email);
  await admin.getByTestId('user-name').fill(name);
  await admin.getByTestId('user-role-select').click();
  await admin.getByRole('option', { name: 'เจ้าหน้าที่ยุทธศาสตร์จังหวัด' }).click();
  await admin.getByTestId('user-scope-select').click();
  await admin.getByRole('option', { name: 'เชียงใหม่ (50)' }).click();
  await admin.getByTestId('user-save').click();
  const temporary = (await admin.getByTestId('temporary-password').textContent())?.trim() ?? '';
  expect(temporary).toMatch(/^[\w-]{20,}$/);
  await admin.getByTestId('invite-done').click();
  const row = admin.getByTestId(`person-${email}`);
  await expect(row.getByTestId('person-state')).toHaveText('รอตั้งรหัสผ่าน');

  // The user signs in with it, is sent to set their own first, then goes on where they were headed.
  await page.goto('/sign-in?returnUrl=%2Fworkspace');
  await submitSignIn(page, email, temporary);
  await expect(page).toHaveURL(/\/me\?returnUrl=/);
  await expect(page.getByTestId('must-change-password')).toBeVisible();
  await page.getByTestId('current-password').fill(temporary);
  await page.getByTestId('new-password').fill('Password1234');
  await page.getByTestId('change-password').click();
  // The server's refusal, in Thai, under the new password.
  await expect(page.getByTestId('new-password-error')).toContainText('เดาง่าย');
  await page.getByTestId('new-password').fill(NEW_USER_PASSWORD);
  await expect(page.getByTestId('password-strength')).toHaveText('แข็งแรง');
  await page.getByTestId('change-password').click();
  await expect(page).toHaveURL(/\/workspace/);

  // The admin disables them.
  await admin.reload();
  await expect(row.getByTestId('person-state')).toHaveText('ใช้งานอยู่');
  await row.getByTestId('disable-person').click();
  await admin.getByTestId('confirm').click();
  await expect(row.getByTestId('person-state')).toHaveText('ปิดการใช้งาน');

  // The user's next click is refused: back to sign in, told why.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('profile-link').click();
  await expect(page).toHaveURL(/\/sign-in\?/);
  await expect(page.getByTestId('session-ended')).toBeVisible();
  await submitSignIn(page, email, NEW_USER_PASSWORD);
  await expect(page.getByTestId('sign-in-error')).toContainText('อีเมลหรือรหัสผ่านไม่ถูกต้อง');

  // The trail: filtered to the person, their own change with before and after.
  await admin.goto('/admin/audit');
  await admin.getByTestId('audit-person').fill(email);
  await admin.getByTestId('audit-apply').click();
  await expect(admin.getByTestId('audit-count')).toContainText('พบ 1 รายการ');
  const change = admin.getByTestId('audit-change').filter({ hasText: 'mustChangePassword' });
  await expect(change.locator('.before')).toHaveText('true');
  await expect(change.locator('.after')).toHaveText('false');
  // The admin's own changes of that user: the invitation and the disabling.
  await admin.getByTestId('audit-person').fill(ADMIN);
  await admin.getByTestId('audit-object').click();
  await admin.getByRole('option', { name: 'ผู้ใช้งาน' }).click();
  await admin.getByTestId('audit-apply').click();
  await expect(
    admin.getByTestId('audit-row').filter({ hasText: 'disabledAt' }).filter({ hasText: email }).first(),
  ).toBeVisible();

  // Export: the filtered rows as a file.
  await admin.getByTestId('audit-person').fill(email);
  await admin.getByTestId('audit-object').click();
  await admin.getByRole('option', { name: 'ทุกประเภท' }).click();
  await admin.getByTestId('audit-apply').click();
  await expect(admin.getByTestId('audit-count')).toContainText('พบ 1 รายการ');
  const [csv] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('audit-export-csv').click()]);
  expect(csv.suggestedFilename()).toMatch(/^audit-trail-TH-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text).toContain(email);
  expect(text).toContain('mustChangePassword: true → false');
  const [xlsx] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('audit-export-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  // A workbook is a zip: it starts with "PK".
  expect(
    readFileSync(await xlsx.path())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
  await admin.context().close();
});

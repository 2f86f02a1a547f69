import { expect, Page, test } from '@playwright/test';
import { collectErrors, newPage, signIn } from './support';

/*
 * Offline use (issue 23), read-only: on the built app with its service worker, a governor who has
 * opened their own province sees it again with no network (the shell from the service worker's
 * cache, the figures from the copy kept on the device), marked with when it was last seen; back
 * online the mark goes and the figures are live again.
 */

const GOVERNOR = 'governor.50@demo.go.th';
const PROVINCE = '/province/50';

/** The service worker controls the page: what it cached is what a reload with no network gets. */
async function controlled(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker?.controller?.scriptURL ?? null), { timeout: 60_000 })
    .toMatch(/\/ngsw-worker\.js$/);
}

test.describe('offline: the shell and the last-seen province', () => {
  test.setTimeout(180_000);

  test('with no network, a reload shows the own province as last seen, marked with its time; back online the mark goes', async ({
    browser,
  }, info) => {
    const page = await newPage(browser, info.project.name);
    const errors = collectErrors(page);
    // The province view is open to everyone: sign in on the way to it. The worker registers once the
    // app is stable; let it install (it caches the shell) before signing in, as a returning phone has.
    await page.goto(`/sign-in?returnUrl=${encodeURIComponent(PROVINCE)}`);
    await controlled(page);
    await signIn(page, GOVERNOR);
    await expect(page).toHaveURL(new RegExp(`${PROVINCE}$`));
    await expect(page.getByTestId('kpi-row').first()).toBeVisible({ timeout: 30_000 });
    // A repeat visit: the screen through the worker (its chunks cached), the province answer kept.
    await page.reload();
    await expect(page.getByTestId('kpi-row').first()).toBeVisible({ timeout: 30_000 });
    const rows = await page.getByTestId('kpi-row').count();
    const title = await page.getByTestId('province-title').textContent();
    await expect(page.getByTestId('last-seen')).toHaveCount(0);

    await page.context().setOffline(true);
    await page.reload();
    // The shell came from the service worker; the session could not be renewed, yet the user stays.
    await expect(page).toHaveURL(new RegExp(`${PROVINCE}$`));
    const mark = page.getByTestId('last-seen');
    await expect(mark).toBeVisible({ timeout: 30_000 });
    // "ข้อมูลล่าสุดเมื่อ 7 ธ.ค. 2569 13:05": the day in the Buddhist Era, and the time.
    const year = new Date().getFullYear() + 543;
    await expect(mark).toContainText(new RegExp(`ข้อมูลล่าสุดเมื่อ .*${year}.*\\d{2}:\\d{2}`));
    await expect(page.getByTestId('province-title')).toHaveText(title ?? '');
    await expect(page.getByTestId('kpi-row')).toHaveCount(rows);
    await expect(page.getByTestId('headline')).toBeVisible();

    await page.context().setOffline(false);
    await expect(mark).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('kpi-row')).toHaveCount(rows);
    // Live again: the session was renewed, so a reload stays signed in without the mark.
    await page.reload();
    await expect(page.getByTestId('kpi-row').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('last-seen')).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`${PROVINCE}$`));
    // No Angular error on the way (what failed offline was the network's doing).
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

import { APIRequestContext, Browser, expect, Page, test } from '@playwright/test';

/*
 * The steps every browser spec takes the same way: one definition here, so a changed sign-in form
 * or phone size is changed once. Specs keep only the steps that belong to their own journey.
 */

/** The seeded demo accounts' password (apps/api/src/database/seeds/demo/demo-users.seed.ts). */
export const DEMO_PASSWORD = 'demo-password';
/** A password the server accepts for accounts a spec creates (weak ones are refused). */
export const NEW_USER_PASSWORD = 'Lamyai-Doi-Suthep-2569';

const DEMO_ACCOUNT =
  /^(admin|analyst|evaluator(\.\d+)?|cluster\.c\d+|governor\.\d+|officer\.\d+|approver\.\d+)@demo\.go\.th$/;

/** The demo's password for a seeded account, the spec-created one otherwise. */
export const passwordFor = (email: string): string => (DEMO_ACCOUNT.test(email) ? DEMO_PASSWORD : NEW_USER_PASSWORD);

export type Device = 'desktop' | 'phone';

/** A Pixel 7 for phones, a laptop screen otherwise: the two devices the suite's projects use. */
export const VIEWPORTS: Record<Device, { width: number; height: number }> = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 412, height: 915 },
};

/**
 * A fresh browser context (its own cookies: a second person) in Thai, sized as `device`.
 * A spec passes `test.info().project.name` to follow the project it runs in.
 */
export async function newPage(browser: Browser, device: Device | string): Promise<Page> {
  const phone = device === 'phone';
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'th-TH',
    viewport: VIEWPORTS[phone ? 'phone' : 'desktop'],
    ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2.625 } : {}),
  });
  return context.newPage();
}

/**
 * Signs in through the form. With `path`, opens it first and expects the guard to send the visitor
 * to the sign-in page (it returns to `path` afterwards).
 */
export async function signIn(
  page: Page,
  email: string,
  options: { path?: string; password?: string } = {},
): Promise<void> {
  if (options.path) await page.goto(options.path);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('อีเมล').fill(email);
  await page.getByLabel('รหัสผ่าน').fill(options.password ?? passwordFor(email));
  await page.getByTestId('sign-in-submit').click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 20_000 });
}

/**
 * An access token for set-up and checks a person would not make through the screen. Sign-ins are
 * limited per account and other specs sign the demo accounts in too: a 429 is waited out.
 */
export async function apiToken(
  request: APIRequestContext,
  email: string,
  password = passwordFor(email),
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const res = await request.post('/api/auth/login', { data: { email, password } });
    if (res.status() === 429 && attempt < 3) {
      await new Promise((resolve) => setTimeout(resolve, 21_000));
      continue;
    }
    expect(res.status(), `sign-in of ${email}`).toBe(200);
    return (await res.json()).accessToken;
  }
}

export const bearer = (token: string): { Authorization: string } => ({ Authorization: `Bearer ${token}` });

/**
 * Picks `option` in the mat-select with test id `select`: a string names exactly one option; a
 * pattern picks the first option it matches (e.g. /./ for "any strategy of this plan").
 */
export async function choose(page: Page, select: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(select).click();
  const options = page.getByRole('option', { name: option, exact: typeof option === 'string' });
  await (typeof option === 'string' ? options : options.first()).click();
}

/**
 * The desk's "every line" filter, seen checked: a click that lands while the tab is still sliding
 * in (a slow machine) is made again rather than lost.
 */
export async function showEveryLine(page: Page): Promise<void> {
  const all = page.getByTestId('filter-all').getByRole('radio');
  await expect(async () => {
    await all.click();
    await expect(all).toBeChecked({ timeout: 1_000 });
  }).toPass();
}

/** Nothing may scroll sideways: the phone check every screen passes. */
export async function expectNoSideways(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Angular's runtime errors (NG0950 and the like) and uncaught errors, as the page reports them. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /NG0\d+/.test(m.text())) errors.push(m.text());
  });
  return errors;
}

import { expect, test } from '@playwright/test';
import { CURRENT_FY } from './demo-years';
import { apiToken, bearer, collectErrors, expectNoSideways, NEW_USER_PASSWORD, newPage, signIn } from './support';

/*
 * Issue 21: the governor turns notifications on, an approver approves a result that leaves a KPI
 * red, and the governor's bell (count and list) changes live, without a reload. The dashboard is an
 * installable app: its service worker registers and its manifest is valid. Chon Buri (20) on the
 * desktop, Rayong (21) on the phone, with people of their own made by the demo admin.
 */
const FY = CURRENT_FY;

interface ScoreKpi {
  kpiId: string;
  code: string;
  status: string;
  direction: string;
}
interface DeskKpi {
  kpiId: string;
  rollup: string;
  plausibleMin: string | null;
  plausibleMax: string | null;
  entries: { period: string; status: string }[];
}

test.describe.serial('notifications: the bell, live, and the installable app', () => {
  test.describe.configure({ timeout: 150_000 });
  const people = { governor: '', officer: '', approver: '' };
  let province = '20';

  test.beforeAll(async ({ request }, info) => {
    province = info.project.name === 'phone' ? '21' : '20';
    const admin = await apiToken(request, 'admin@demo.go.th');
    const stamp = `${info.project.name}-${Date.now()}`;
    for (const [key, role, name] of [
      ['governor', 'governor', `ผู้ว่าแจ้งเตือน ${info.project.name}`],
      ['officer', 'province_officer', `เจ้าหน้าที่แจ้งเตือน ${info.project.name}`],
      ['approver', 'province_approver', `ผู้อนุมัติแจ้งเตือน ${info.project.name}`],
    ] as const) {
      const email = `ntf.${key}.${stamp}@demo.go.th`;
      const res = await request.post('/api/users', {
        headers: bearer(admin),
        data: { email, displayName: name, role, orgUnitCode: province, password: NEW_USER_PASSWORD },
      });
      expect(res.status()).toBe(201);
      people[key] = email;
    }
    // The governor starts with every outside channel off: the journey turns the red-KPI alert on.
    const governor = await apiToken(request, people.governor);
    const s = await (await request.get('/api/me/notification-settings', { headers: bearer(governor) })).json();
    const off = Object.fromEntries(Object.keys(s.preferences).map((k) => [k, { email: false, push: false, line: false }]));
    const put = await request.put('/api/me/notification-settings', {
      headers: bearer(governor),
      data: { version: s.version, preferences: off, dailyDigest: false, locale: 'th' },
    });
    expect(put.status()).toBe(200);
  });

  test('the governor turns notifications on, and an approval that leaves a KPI red rings the bell live', async ({
    browser,
    request,
  }, info) => {
    const page = await newPage(browser, info.project.name);
    const errors = collectErrors(page);
    // Password hashing on a busy shared machine may outlast the helper's wait: the URL is what counts.
    await signIn(page, people.governor, { path: '/me/notifications' }).catch(() => undefined);
    await expect(page).toHaveURL(/\/me\/notifications$/, { timeout: 60_000 });

    // Settings: per kind and channel, saved with the version read.
    const email = page.getByTestId('pref-kpi.red-email').locator('input');
    await expect(email).not.toBeChecked();
    await email.check();
    await page.getByTestId('pref-kpi.red-push').locator('input').check();
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-saved')).toBeVisible();
    await expectNoSideways(page);

    // The bell: nothing unread yet.
    const bell = page.getByTestId('notification-bell');
    await expect(bell).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('notification-count')).toHaveCount(0);
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // An officer enters a low result for a KPI already red (or higher-is-better), the approver approves it.
    const officer = await apiToken(request, people.officer);
    const approver = await apiToken(request, people.approver);
    const card: { kpis: ScoreKpi[] } = await (
      await request.get(`/api/org-units/${province}/scorecard?fiscalYear=${FY}`, { headers: bearer(officer) })
    ).json();
    const desk: { kpis: DeskKpi[] } = await (
      await request.get(`/api/workspace/${province}?fiscalYear=${FY}`, { headers: bearer(officer) })
    ).json();
    const rank = (k: ScoreKpi) => (k.status === 'red' ? 0 : k.status === 'grey' ? 1 : 2);
    const candidates = card.kpis
      .filter((k) => k.direction === 'higher_better')
      .sort((a, b) => rank(a) - rank(b))
      .flatMap((k) => {
        const d = desk.kpis.find((x) => x.kpiId === k.kpiId && x.rollup !== 'ratio');
        const entry = d?.entries.find((e) => e.status === 'missing');
        return d && entry ? [{ kpi: d, code: k.code, period: entry.period }] : [];
      });
    expect(candidates.length).toBeGreaterThan(0);
    const pick = candidates[0];
    const low = pick.kpi.plausibleMin === null ? '0' : String(Number(pick.kpi.plausibleMin));
    const url = `/api/kpis/${pick.kpi.kpiId}/results/${pick.period}`;
    const saved = await request.put(url, {
      headers: bearer(officer),
      data: { value: low, confirmOutlier: true, narrativeTh: 'ผลต่ำกว่าเป้า (ทดสอบการแจ้งเตือน)' },
    });
    expect(saved.status()).toBe(200);
    const submitted = await request.post(`${url}/submit`, { headers: bearer(officer), data: { version: (await saved.json()).version } });
    expect(submitted.status()).toBe(200);
    const approved = await request.post(`${url}/approve`, {
      headers: bearer(approver),
      data: { version: (await submitted.json()).version },
    });
    expect(approved.status()).toBe(200);
    const after: { kpis: ScoreKpi[] } = await (
      await request.get(`/api/org-units/${province}/scorecard?fiscalYear=${FY}`, { headers: bearer(officer) })
    ).json();
    expect(after.kpis.find((k) => k.kpiId === pick.kpi.kpiId)?.status).toBe('red');

    // The bell counts it and lists it, live.
    await expect(page.getByTestId('notification-count')).toHaveText('1', { timeout: 20_000 });
    await bell.click();
    const item = page.getByTestId('notification-item').first();
    await expect(item).toContainText(`ตัวชี้วัดเป็นสีแดง: ${pick.code}`);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    // Opening it marks it read (on every device) and goes to the KPI.
    await item.click();
    await expect(page).toHaveURL(new RegExp(`/province/${province}/kpi/${pick.kpi.kpiId}`));
    await expect(page.getByTestId('notification-count')).toHaveCount(0);
    const list = await (await request.get('/api/me/notifications', { headers: bearer(await apiToken(request, people.governor)) })).json();
    expect(list.unread).toBe(0);
    expect(errors).toEqual([]);
  });

  test('the app installs: a valid manifest, and the service worker registers', async ({ browser, request }, info) => {
    const manifest = await request.get('/manifest.webmanifest');
    expect(manifest.status()).toBe(200);
    expect(manifest.headers()['content-type']).toMatch(/manifest\+json/);
    const m = await manifest.json();
    expect(m.name).toBe('แดชบอร์ดยุทธศาสตร์จังหวัด');
    expect(m.lang).toBe('th');
    expect(m.display).toBe('standalone');
    expect(m.start_url).toBe('/');
    const sizes = m.icons.map((i: { sizes: string }) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of m.icons as { src: string; type: string }[]) {
      const res = await request.get(`/${icon.src}`);
      expect(res.status(), icon.src).toBe(200);
      expect(res.headers()['content-type']).toBe(icon.type);
    }
    const worker = await request.get('/ngsw-worker.js');
    expect(worker.status()).toBe(200);
    expect(worker.headers()['cache-control']).toBe('no-cache');

    const page = await newPage(browser, info.project.name);
    await page.goto('/');
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', 'manifest.webmanifest');
    // Registered once the app is stable (or after at most ten seconds).
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const r = await navigator.serviceWorker.getRegistration();
            return r?.active?.scriptURL ?? r?.installing?.scriptURL ?? r?.waiting?.scriptURL ?? null;
          }),
        { timeout: 40_000 },
      )
      .toMatch(/\/ngsw-worker\.js$/);
  });
});

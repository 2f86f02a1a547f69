import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
 * The province's monthly meeting (issue 20, item 3), as a new secretary would run it, in Surin (32),
 * which no other spec counts: the demo admin makes Surin's governor (the meeting's chair) and its
 * strategy officer (the secretary). A high risk put on a Surin project beforehand guarantees the
 * agenda something to discuss whatever the day. The secretary opens the meeting, builds the agenda,
 * holds it, records a decision that becomes a directive (seen on /follow-up), and downloads the
 * minutes PDF, which is rendered (pdftoppm) and read (pdftotext) here.
 */
const PROVINCE = '32';
const people = { secretary: '', secretaryName: '' };
let riskText = '';

/** A poppler tool (Debian's poppler-utils); a missing one fails the test, never skips it. */
function poppler(tool: 'pdftoppm' | 'pdftotext', args: string[]): string {
  const run = spawnSync(tool, args, { encoding: 'utf8' });
  if (run.error) throw new Error(`${tool} failed (apt-get install poppler-utils): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`${tool} ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  return run.stdout;
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

test.beforeAll(async ({ request }, info) => {
  const admin = await apiToken(request, 'admin@demo.go.th');
  const stamp = `${info.project.name}-${Date.now()}`;
  for (const [key, role] of [
    ['governor', 'governor'],
    ['secretary', 'province_officer'],
  ] as const) {
    const email = `meeting.${key}.${stamp}@demo.go.th`;
    // Short: a long name widens the toolbar's account button past a desktop's width.
    const displayName = `${key === 'governor' ? 'ผู้ว่าฯ' : 'เลขาฯ'} ${info.project.name[0]}${Date.now() % 100_000}`;
    const res = await request.post('/api/users', {
      headers: bearer(admin),
      data: { email, displayName, role, orgUnitCode: PROVINCE, password: NEW_USER_PASSWORD },
    });
    expect(res.status()).toBe(201);
    if (key === 'secretary') {
      people.secretary = email;
      people.secretaryName = displayName;
    }
  }
  const projects = (await (
    await request.get(`/api/projects?orgUnitCode=${PROVINCE}&fiscalYear=${CURRENT_FY}`)
  ).json()) as {
    id: string;
  }[];
  expect(projects.length, 'the demo gives Surin projects this year').toBeGreaterThan(0);
  riskText = `ผู้รับจ้างส่งมอบงานล่าช้า ${stamp}`;
  const secretary = await apiToken(request, people.secretary);
  const risk = await request.post(`/api/projects/${projects[0].id}/risks`, {
    headers: bearer(secretary),
    data: {
      description: riskText,
      likelihood: 4,
      impact: 5,
      response: 'treat',
      owner: 'สำนักงานโยธาธิการและผังเมืองจังหวัด',
    },
  });
  expect(risk.status()).toBe(201);
});

test('the secretary builds the agenda, records a decision that becomes a directive, and downloads the minutes', async ({
  browser,
}, info) => {
  test.setTimeout(180_000);
  const stamp = `${info.project.name}-${Date.now()}`;
  const page = await newPage(browser, info.project.name);
  const errors = collectErrors(page);
  await signIn(page, people.secretary, { path: `/follow-up/meetings?unit=${PROVINCE}` });
  await expect(page.getByRole('heading', { name: 'การประชุมหัวหน้าส่วนราชการประจำเดือน' })).toBeVisible();

  // Open the month's meeting (today, the B.E. date picker's default) under a title of its own.
  const title = `การประชุมหัวหน้าส่วนราชการ ทดสอบ ${stamp}`;
  await page.getByTestId('meeting-title').fill(title);
  await expect(page.getByTestId('meeting-date')).toHaveValue(/25\d\d/);
  await expectNoSideways(page);
  await page.getByTestId('meeting-open').click();
  await expect(page).toHaveURL(/\/follow-up\/meetings\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('meeting-heading')).toHaveText(title);
  await expect(page.getByTestId('meeting-state')).toHaveText('ร่างวาระ');

  // Build the agenda: the high risk is on it, linked to the risk register.
  await page.getByTestId('build-agenda').click();
  const item = page.getByTestId('agenda-item').filter({ hasText: riskText });
  await expect(item).toBeVisible({ timeout: 20_000 });
  await expect(item).toHaveAttribute('data-kind', 'high_risk');
  await expect(item).toContainText('ความเสี่ยงสูง');

  // Hold it and record a decision on the risk.
  await page.getByTestId('hold-meeting').click();
  await expect(page.getByTestId('meeting-state')).toHaveText('กำลังประชุม');
  await item.getByTestId('record-decision').click();
  const decision = `เร่งรัดผู้รับจ้าง ${stamp}`;
  await item.getByTestId('decision-input').fill(decision);
  await item.getByTestId('decision-save').click();
  await expect(item.getByTestId('decision-text')).toHaveText(decision);

  // The decision becomes a directive in one step: owner and due date (B.E.).
  await item.getByTestId('make-directive').click();
  await expect(item.getByTestId('directive-title-input')).toHaveValue(decision);
  await choose(page, 'directive-owner', people.secretaryName);
  await item.getByTestId('directive-agency').fill('สำนักงานโยธาธิการและผังเมืองจังหวัด');
  await expect(item.getByTestId('directive-due')).toHaveValue(/25\d\d/);
  await expectNoSideways(page);
  await item.getByTestId('directive-save').click();
  await expect(item.getByTestId('decision-directive')).toBeVisible();
  await expect(page.getByTestId('open-directives')).toContainText(decision);
  await expectNoSideways(page);

  // The minutes, as a PDF: rendered and read here.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('minutes-pdf').click()]);
  const dir = mkdtempSync(join(tmpdir(), 'provdash-minutes-'));
  try {
    const file = join(dir, 'minutes.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    poppler('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const png = ['page-1.png', 'page-01.png']
      .map((n) => join(dir, n))
      .find((p) => {
        try {
          return statSync(p).size > 0;
        } catch {
          return false;
        }
      });
    expect(png, 'pdftoppm drew page 1').toBeDefined();
    expect(statSync(png as string).size).toBeGreaterThan(5_000);
    const text = squash(poppler('pdftotext', ['-enc', 'UTF-8', file, '-']));
    for (const s of ['รายงานการประชุม', title, decision, 'จังหวัดสุรินทร์']) expect(text).toContain(squash(s));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The directive is on the province's directives page, and the meeting on the list with its decision.
  await page.goto(`/follow-up?unit=${PROVINCE}`);
  await expect(page.getByTestId('directive-card').filter({ hasText: decision })).toBeVisible({ timeout: 20_000 });
  await page.goto(`/follow-up/meetings?unit=${PROVINCE}`);
  const card = page.getByTestId('meeting-card').filter({ hasText: title });
  await expect(card.getByTestId('meeting-decision')).toContainText(decision, { timeout: 20_000 });
  await expectNoSideways(page);
  expect(errors).toEqual([]);
});

import { workspaceRoot } from '@nx/devkit';
import { expect, test } from '@playwright/test';
import { Workbook } from 'exceljs';
import { join } from 'node:path';
import { CURRENT_FY } from './demo-years';
import { apiToken, bearer, collectErrors, expectNoSideways, NEW_USER_PASSWORD, newPage, showEveryLine, signIn } from './support';

/*
 * The last gaps of running the year (issue 18): a plan pasted from Excel goes through the plan
 * import's dry run and import, and a province approver reopens an approved result with a reason
 * while the office's open desk follows without a reload. Each browser project works in its own
 * province (desktop Lampang 52, phone Uttaradit 53) with an officer and an approver of its own,
 * created here by the demo admin.
 */
const PROVINCE: Record<string, string> = { desktop: '52', phone: '53' };
const SAMPLE_PLAN = join(workspaceRoot, 'docs/samples/plan-import-template.xlsx');

interface DeskEntry {
  period: string;
  status: string;
  version: number | null;
}
interface DeskKpi {
  kpiId: string;
  code: string;
  entries: DeskEntry[];
}

/** The sample's data rows as Excel puts them on the clipboard: tab-separated, no header. */
async function copiedRows(): Promise<string[]> {
  const wb = new Workbook();
  await wb.xlsx.readFile(SAMPLE_PLAN);
  const ws = wb.worksheets[0];
  const lines: string[] = [];
  ws.eachRow((row, n) => {
    if (n <= 2) return;
    const cells = (row.values as unknown[]).slice(1);
    const width = ws.columnCount;
    lines.push(Array.from({ length: width }, (_, i) => (cells[i] === null || cells[i] === undefined ? '' : String(cells[i]))).join('\t'));
  });
  return lines;
}

test.describe('running the year: paste a plan, reopen an approved result', () => {
  const people = { officer: '', approver: '' };

  test.beforeAll(async ({ request }, info) => {
    const admin = await apiToken(request, 'admin@demo.go.th');
    const stamp = `${info.project.name}-${Date.now()}`;
    for (const [key, role] of [
      ['officer', 'province_officer'],
      ['approver', 'province_approver'],
    ] as const) {
      const email = `gaps.${key}.${stamp}@demo.go.th`;
      const res = await request.post('/api/users', {
        headers: bearer(admin),
        data: { email, displayName: `${key} ${info.project.name}`, role, orgUnitCode: PROVINCE[info.project.name], password: NEW_USER_PASSWORD },
      });
      expect(res.status()).toBe(201);
      people[key] = email;
    }
  });

  test('the office pastes plan rows copied from the template: errors by pasted line, then the same dry run and import as a file', async ({
    browser,
  }, info) => {
    test.setTimeout(120_000);
    const page = await newPage(browser, info.project.name);
    const errors = collectErrors(page);
    await signIn(page, people.officer, { path: '/workspace/plan-import' });
    await expect(page).toHaveURL(/\/workspace\/plan-import$/);
    await page.getByTestId('plan-source-paste').click();
    await expect(page.getByTestId('plan-dry-run')).toBeDisabled();

    const rows = await copiedRows();
    expect(rows).toHaveLength(4);
    // The second line with national pillar 9 (the fifth column): named by its pasted line.
    const broken = rows.map((line, i) => (i === 1 ? line.split('\t').map((c, j) => (j === 4 ? '9' : c)).join('\t') : line));
    await page.getByTestId('plan-paste').fill(broken.join('\n'));
    await expect(page.getByTestId('plan-paste').locator('xpath=ancestor::mat-form-field')).toContainText('4 แถว');
    await page.getByTestId('plan-dry-run').click();
    await expect(page.getByTestId('plan-errors')).toBeVisible();
    const pillar = page.getByTestId('plan-error').filter({ hasText: 'ยุทธศาสตร์ชาติด้านที่' });
    await expect(pillar).toContainText('1 ถึง 6');
    await expect(pillar.locator('td').first()).toHaveText('2');

    // The province's approver has the plan builder open on another device: the import shows there live.
    const builder = await newPage(browser, info.project.name);
    await signIn(builder, people.approver, { path: '/workspace/plan' });
    await expect(builder.getByTestId('outline')).toBeVisible();
    await expect(builder.locator('[data-testid="issue"][data-code="5"]')).toHaveCount(0);

    await page.getByTestId('plan-paste').fill(rows.join('\n'));
    await page.getByTestId('plan-dry-run').click();
    await expect(page.getByTestId('plan-report')).toHaveAttribute('data-dry-run', 'true');
    await expect(page.locator('[data-kind="kpis"] [data-testid="plan-created"]')).toHaveText('4');
    await expect(page.locator('[data-kind="strategies"] [data-testid="plan-created"]')).toHaveText('3');
    await expect(page.locator('[data-kind="links"] [data-testid="plan-created"]')).toHaveText('1');
    await page.getByTestId('plan-import').click();
    await expect(page.getByTestId('plan-report')).toHaveAttribute('data-dry-run', 'false');
    await expect(page.getByTestId('plan-report')).toContainText('นำเข้าแล้ว 4 จาก 4 แถว');
    const issue = builder.locator('[data-testid="issue"][data-code="5"]');
    await expect(issue).toBeVisible({ timeout: 20_000 });
    await expect(issue.locator('[data-testid="goal"][data-code="5.1"] [data-testid="effect"][data-code="5.2"]')).toBeVisible();
    await expect(issue.locator('[data-testid="strategy"][data-code="S5.1.1"]')).toBeVisible();
    // The same rows again change nothing.
    await page.getByTestId('plan-import').click();
    await expect(page.getByTestId('plan-unchanged')).toBeVisible();
    await expectNoSideways(page);
    expect(errors).toEqual([]);
  });

  test('the approver reopens an approved result with a reason; the office sees it come back without a reload', async ({
    browser,
    request,
  }, info) => {
    test.setTimeout(120_000);
    const code = PROVINCE[info.project.name];
    const approverToken = await apiToken(request, people.approver);
    const desk = await (
      await request.get(`/api/workspace/${code}?fiscalYear=${CURRENT_FY}`, { headers: bearer(approverToken) })
    ).json();
    const pick = (desk.kpis as DeskKpi[])
      .flatMap((k) => k.entries.map((e) => ({ kpi: k, entry: e })))
      .find((x) => x.entry.status === 'approved');
    expect(pick, 'the demo has approved results this year').toBeTruthy();
    const { kpi, entry } = pick as { kpi: DeskKpi; entry: DeskEntry };
    const line = `[data-testid="kpi-item"][data-kpi-code="${kpi.code}"][data-period="${entry.period}"]`;

    // The office's desk is open on another device.
    const office = await newPage(browser, info.project.name);
    await signIn(office, people.officer, { path: '/workspace' });
    await showEveryLine(office);
    await expect(office.locator(line)).toHaveAttribute('data-status', 'approved');
    await expect(office.locator(line).getByTestId('reopen')).toHaveCount(0);

    const page = await newPage(browser, info.project.name);
    const errors = collectErrors(page);
    await signIn(page, people.approver, { path: '/workspace' });
    await showEveryLine(page);
    const item = page.locator(line);
    await expect(item).toHaveAttribute('data-status', 'approved');
    await item.getByTestId('reopen').click();
    await expect(page.getByTestId('reopen-warning')).toBeVisible();
    // A reason is required, in the reader's language, next to the field.
    await page.getByTestId('return-confirm').click();
    await expect(page.getByTestId('return-reason-error')).toBeVisible();
    await page.getByTestId('return-reason-input').fill('ตัวเลขไตรมาสนี้ยังไม่รวมอำเภอเถิน ขอให้ตรวจสอบใหม่');
    await page.getByTestId('return-confirm').press('Enter');
    await expect(item).toHaveAttribute('data-status', 'returned');
    await expect(item).toContainText('ตัวเลขไตรมาสนี้ยังไม่รวมอำเภอเถิน');
    await expect(item.getByTestId('reopen')).toHaveCount(0);

    // Live: the office's page follows without a reload.
    await expect(office.locator(line)).toHaveAttribute('data-status', 'returned', { timeout: 20_000 });
    await expect(office.locator(line)).toContainText('ตัวเลขไตรมาสนี้ยังไม่รวมอำเภอเถิน');

    // Audited: who reopened, from approved to returned.
    const admin = await apiToken(request, 'admin@demo.go.th');
    const audit = await request.get(`/api/audit?unit=${code}&entity=kpi_result&pageSize=20`, { headers: bearer(admin) });
    expect(audit.status()).toBe(200);
    expect(JSON.stringify(await audit.json())).toContain('ตัวเลขไตรมาสนี้ยังไม่รวมอำเภอเถิน');
    await expectNoSideways(page);
    expect(errors).toEqual([]);
  });

  test('the project page follows a colleague’s change live; a form opened before it gets "changed by someone else"', async ({
    browser,
    request,
  }, info) => {
    test.setTimeout(120_000);
    const code = PROVINCE[info.project.name];
    const list = await request.get(`/api/projects?orgUnitCode=${code}&fiscalYear=${CURRENT_FY}`);
    expect(list.status()).toBe(200);
    const [project] = (await list.json()) as { id: string; code: string; nameTh: string }[];
    expect(project, 'the demo province has projects this year').toBeTruthy();
    const renamed = `${project.nameTh} (ปรับชื่อ ${info.project.name})`;

    // The approver reads the project page on one device.
    const viewer = await newPage(browser, info.project.name);
    const errors = collectErrors(viewer);
    // The project page is open to every reader: sign in through the desk first, then open it.
    await signIn(viewer, people.approver, { path: '/workspace' });
    await viewer.goto(`/projects/${project.id}`);
    // A lazy route and its one request, on a busy machine.
    await expect(viewer.getByTestId('project-title')).toContainText(project.nameTh, { timeout: 20_000 });

    // The officer has the edit form open in one tab (it goes stale) and renames in another.
    const stale = await newPage(browser, info.project.name);
    await signIn(stale, people.officer, { path: `/workspace/projects/${project.id}/edit` });
    await expect(stale.getByTestId('project-name-th')).toHaveValue(project.nameTh, { timeout: 20_000 });
    const editor = await stale.context().newPage();
    await editor.goto(`/workspace/projects/${project.id}/edit`);
    await expect(editor.getByTestId('project-name-th')).toHaveValue(project.nameTh, { timeout: 20_000 });
    await editor.getByTestId('project-name-th').fill(renamed);
    // The demo's projects predate the responsible person (now required by the form).
    await editor.getByTestId('project-person').fill('หัวหน้ากลุ่มงานยุทธศาสตร์');
    await editor.getByTestId('project-save').click();
    await expect(editor).toHaveURL(new RegExp(`/projects/${project.id}$`));

    // Live: the other device's page shows the new name without a reload.
    await expect(viewer.getByTestId('project-title')).toContainText(renamed, { timeout: 20_000 });

    // The stale form: its save is refused with the clear message, and reloading shows the new name.
    await stale.getByTestId('project-name-en').fill('Stale edit');
    await stale.getByTestId('project-person').fill('ผู้อำนวยการโครงการ');
    await stale.getByTestId('project-save').click();
    await expect(stale.getByTestId('stale')).toBeVisible();
    await expect(stale.getByTestId('stale')).toContainText('ผู้อื่น');
    await stale.getByTestId('reload').click();
    await expect(stale.getByTestId('project-name-th')).toHaveValue(renamed);
    await expectNoSideways(viewer);
    expect(errors).toEqual([]);
  });
});

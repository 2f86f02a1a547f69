import { workspaceRoot } from '@nx/devkit';
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAST_FY } from './demo-years';

/*
 * The strategy office imports a GFMIS report end to end: dry run, import with live progress over
 * the socket, the same file again, rollback. The sign-in rate limit counts per address and
 * account, and sign-in.spec.ts spends officer.50's attempts in both projects: the phone signs in
 * as the province's approver instead (both may write to Chiang Mai).
 * Both projects run at once against one server, and the server recognises a file by its bytes:
 * the phone uploads the same sample with a trailing blank line (not a data row), so each run's
 * first import is new and its second is "unchanged".
 */
const SAMPLE = join(workspaceRoot, 'docs/samples/gfmis-monthly.csv');
const SAMPLE_BYTES = readFileSync(SAMPLE);

interface Run {
  email: string;
  viewport: { width: number; height: number };
  file: string | { name: string; mimeType: string; buffer: Buffer };
  fileName: string;
}

const RUNS: Record<string, Run> = {
  desktop: {
    email: 'officer.50@demo.go.th',
    viewport: { width: 1280, height: 720 },
    file: SAMPLE,
    fileName: 'gfmis-monthly.csv',
  },
  // A 360 px phone.
  phone: {
    email: 'approver.50@demo.go.th',
    viewport: { width: 360, height: 740 },
    file: {
      name: 'gfmis-monthly-phone.csv',
      mimeType: 'text/csv',
      buffer: Buffer.concat([SAMPLE_BYTES, Buffer.from('\r\n')]),
    },
    fileName: 'gfmis-monthly-phone.csv',
  },
};

test('a province officer checks, imports, re-imports and rolls back a GFMIS file', async ({ page }, info) => {
  const { email, viewport, file, fileName } = RUNS[info.project.name];
  await page.setViewportSize(viewport);

  await page.goto(`/workspace/gfmis-import?fy=${LAST_FY}`);
  await expect(page).toHaveURL(/\/sign-in\?returnUrl=/);
  await page.getByLabel('อีเมล').fill(email);
  await page.getByLabel('รหัสผ่าน').fill('demo-password');
  await page.getByTestId('sign-in-submit').click();
  await expect(page).toHaveURL(new RegExp(`/workspace/gfmis-import\\?fy=${LAST_FY}$`));
  await expect(page.getByRole('heading', { name: 'นำเข้าผลการเบิกจ่ายจาก GFMIS' })).toBeVisible();
  await expect(page.getByTestId('province')).toContainText('เชียงใหม่');

  await page.getByTestId('file-input').setInputFiles(file);
  await expect(page.getByTestId('file-name')).toHaveText(fileName);

  // Dry run: the preview with the file's totals, Thai digit grouping, nothing written.
  await page.getByTestId('dry-run').click();
  await expect(page.getByTestId('preview')).toBeVisible();
  await expect(page.getByTestId('row-count')).toHaveText('6');
  await expect(page.getByTestId('total-committed')).toHaveText('1,792,500.00');
  await expect(page.getByTestId('total-disbursed')).toHaveText('1,025,000.50');
  await expect(page.getByTestId('month-row')).toHaveCount(4);

  // Import: the bar follows this upload's progress events to the end.
  await page.getByTestId('import').click();
  await expect(page.getByTestId('import-progress')).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByTestId('import-phase')).toHaveText('เสร็จสิ้น');
  await expect(page.getByTestId('import-done')).toBeVisible();
  const batch = page.getByTestId('batch').filter({ hasText: fileName }).filter({ hasText: 'นำเข้าแล้ว' });
  await expect(batch).toHaveCount(1);
  const batchId = await batch.getAttribute('data-id');

  // The same bytes again: nothing written.
  await page.getByTestId('import').click();
  await expect(page.getByTestId('import-unchanged')).toHaveText('ไม่มีการเปลี่ยนแปลง: ไฟล์นี้เคยนำเข้าแล้ว');
  await expect(page.getByTestId('import-progress')).toHaveAttribute('aria-valuenow', '100');

  // Roll the batch back, after confirming.
  const row = page.locator(`[data-testid="batch"][data-id="${batchId}"]`);
  await row.getByTestId('rollback').click();
  await page.getByTestId('rollback-confirm').click();
  await expect(row.getByTestId('batch-status')).toHaveText('ยกเลิกแล้ว');
  await expect(row.getByTestId('rollback')).toHaveCount(0);

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

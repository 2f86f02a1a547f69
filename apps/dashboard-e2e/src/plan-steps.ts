import { expect as baseExpect, Page } from '@playwright/test';
import { choose } from './support';

// The builder's dialogs save and reload their outline: on a busy machine that can take seconds.
const expect = baseExpect.configure({ timeout: 20_000 });

/*
 * The plan builder's and the KPI form's steps, as the journeys that build a plan take them (the plan
 * builder, the whole year, the KPI set-up): one definition, so a changed dialog is changed once.
 */

/** Adds an issue, goal or strategy through the builder's dialog, keeping the code the dialog offers. */
export async function addNode(
  page: Page,
  button: ReturnType<Page['getByTestId']>,
  code: string,
  th: string,
  en: string,
): Promise<void> {
  await button.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('node-code')).toHaveValue(code);
  // The dialog gives the Thai name its focus once it has opened; typing before that, on a busy
  // machine, lands in whichever field holds the focus then (the English name went into the Thai one).
  await expect(dialog.getByTestId('node-name-th')).toBeFocused();
  await dialog.getByTestId('node-name-th').fill(th);
  await dialog.getByTestId('node-name-en').fill(en);
  await dialog.getByTestId('node-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('notice')).toHaveText('บันทึกแล้ว');
  // The outline reloads: the next code offered counts this one.
  await expect(page.locator(`[data-testid="outline"] [data-code="${code}"]`)).toHaveCount(1);
}

/** A goal in the builder's outline. */
export const goal = (page: Page, code: string) => page.locator(`[data-testid="goal"][data-code="${code}"]`);
/** A goal's box on the strategy map. */
export const mapGoal = (page: Page, code: string) => page.locator(`[data-testid="goal-node"][data-code="${code}"]`);

/** The map editor's way of drawing a cause → effect arrow: click the cause, then the effect. */
export async function drawArrow(page: Page, cause: string, effect: string): Promise<void> {
  await mapGoal(page, cause).click();
  await expect(page.getByTestId('notice')).toContainText(`เลือก ${cause} เป็นเหตุแล้ว`);
  await mapGoal(page, effect).click();
  await expect(page.getByTestId('notice')).toHaveText(`เพิ่มลูกศร ${cause} → ${effect} แล้ว`);
}

/** What the KPI form asks for; options name the select's Thai label. */
export interface KpiForm {
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  direction?: string;
  band?: [string, string];
  frequency?: string;
  rollup?: string;
  ratio?: [string, string];
  /** The responsible agency, in Thai. */
  agencyTh: string;
}

/**
 * Fills the KPI form from a goal's "define KPI" button and saves: the new KPI's page opens, titled
 * with its code (its yearly target is the caller's next step).
 */
export async function defineKpiFromGoal(page: Page, k: KpiForm): Promise<void> {
  await page.getByTestId('define-kpi').click();
  await page.getByTestId('kpi-code').fill(k.code);
  await page.getByTestId('kpi-name-th').fill(k.nameTh);
  await page.getByTestId('kpi-name-en').fill(k.nameEn);
  await page.getByTestId('kpi-unit-th').fill(k.unitTh);
  await page.getByTestId('kpi-unit-en').fill(k.unitEn);
  if (k.direction) await choose(page, 'kpi-direction', k.direction);
  if (k.band) {
    await page.getByTestId('kpi-band-min').fill(k.band[0]);
    await page.getByTestId('kpi-band-max').fill(k.band[1]);
  }
  if (k.frequency) await choose(page, 'kpi-frequency', k.frequency);
  if (k.rollup) await choose(page, 'kpi-rollup', k.rollup);
  if (k.ratio) {
    await page.getByTestId('kpi-numerator').fill(k.ratio[0]);
    await page.getByTestId('kpi-denominator').fill(k.ratio[1]);
  }
  await page.getByTestId('kpi-agency-th').fill(k.agencyTh);
  await page.getByTestId('kpi-data-source').fill('ทะเบียนของหน่วยงาน');
  await page.getByTestId('kpi-save').click();
  await expect(page).toHaveURL(/\/workspace\/kpis\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByTestId('kpi-title')).toContainText(k.code);
}

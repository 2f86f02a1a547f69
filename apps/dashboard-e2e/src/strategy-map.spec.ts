import { expect, Page, test } from '@playwright/test';
import { LAST_FY } from './demo-years';
import { expectNoSideways } from './support';

interface Box {
  kind: string;
  code: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The drawing as the browser has it: the viewBox, every box, and every edge's path as points. */
async function geometry(page: Page) {
  return page.getByTestId('strategy-map').evaluate((svg) => {
    const [, , width, height] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
    const boxes = [...svg.querySelectorAll('rect.box')].map((r) => ({
      kind: r.parentElement?.getAttribute('data-testid') ?? '',
      code: r.parentElement?.getAttribute('data-code') ?? '',
      x: Number(r.getAttribute('x')),
      y: Number(r.getAttribute('y')),
      width: Number(r.getAttribute('width')),
      height: Number(r.getAttribute('height')),
    }));
    const edges = [...svg.querySelectorAll('path[data-testid="map-edge"], path[data-testid="goal-arrow"]')].map((p) => {
      const numbers = (p.getAttribute('d') ?? '').match(/-?[\d.]+/g)?.map(Number) ?? [];
      const points: { x: number; y: number }[] = [];
      for (let i = 0; i + 1 < numbers.length; i += 2) points.push({ x: numbers[i], y: numbers[i + 1] });
      return { kind: p.getAttribute('data-testid') ?? '', points };
    });
    return { width, height, boxes, edges };
  });
}

/** Whether the segment a–b runs through the inside of the box (ending on its border is fine). */
function crosses(a: { x: number; y: number }, b: { x: number; y: number }, n: Box): boolean {
  const e = 0.5;
  return (
    Math.max(a.x, b.x) > n.x + e &&
    Math.min(a.x, b.x) < n.x + n.width - e &&
    Math.max(a.y, b.y) > n.y + e &&
    Math.min(a.y, b.y) < n.y + n.height - e
  );
}

test.describe('the strategy map', () => {
  test.describe.configure({ timeout: 180_000 });

  test('draws issues → goals → KPIs → strategies → projects, routes every arrow around the boxes, and opens a KPI and a project', async ({
    page,
    request,
  }) => {
    const plans = (await (await request.get('/api/plans?unit=50')).json()) as {
      id: string;
      startFy: number;
      endFy: number;
    }[];
    const plan = plans.find((p) => p.startFy <= LAST_FY && p.endFy >= LAST_FY);
    expect(plan).toBeDefined();
    await page.goto(`/plan/${plan?.id}?fy=${LAST_FY}`);

    // The layout is computed in the page (ELK): allow a slow, busy machine its time.
    await expect(page.getByTestId('issue-band')).toHaveCount(4, { timeout: 60_000 });
    await expect(page.getByTestId('goal-node')).toHaveCount(8);
    await expect(page.getByTestId('kpi-node')).toHaveCount(14);
    await expect(page.getByTestId('project-node')).toHaveCount(20);
    expect(await page.getByTestId('strategy-node').count()).toBeGreaterThanOrEqual(8);
    await expect(page.getByTestId('goal-arrow')).toHaveCount(5);
    // KPIs carry their own lights, the scorecard's.
    const card = (await (await request.get(`/api/org-units/50/scorecard?fiscalYear=${LAST_FY}`)).json()) as {
      kpis: { code: string; status: string }[];
    };
    await expect(page.locator('[data-testid="kpi-node"][data-status="green"]').first()).toBeAttached();
    for (const k of card.kpis) {
      await expect(page.locator(`[data-testid="kpi-node"][data-code="${k.code}"]`)).toHaveAttribute(
        'data-status',
        k.status,
      );
    }
    await expectNoSideways(page);

    const g = await geometry(page);
    expect(g.boxes).toHaveLength(4 + 8 + 14 + 20 + (await page.getByTestId('strategy-node').count()));
    expect(g.edges.length).toBeGreaterThan(50);
    for (const edge of g.edges) {
      expect(edge.points.length).toBeGreaterThanOrEqual(2);
      for (const p of edge.points) {
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.x).toBeLessThanOrEqual(g.width);
        expect(p.y).toBeLessThanOrEqual(g.height);
      }
      for (let i = 1; i < edge.points.length; i++) {
        const through = g.boxes.filter((b) => crosses(edge.points[i - 1], edge.points[i], b));
        expect(through.map((b) => `${edge.kind} through ${b.kind} ${b.code}`)).toEqual([]);
      }
    }
    for (const b of g.boxes) {
      expect(b.x + b.width).toBeLessThanOrEqual(g.width);
      expect(b.y + b.height).toBeLessThanOrEqual(g.height);
    }

    // A KPI box opens the KPI.
    await page.locator('[data-testid="kpi-node"][data-code="K1.1.1"]').click();
    await expect(page).toHaveURL(new RegExp(`/province/50/kpi/[0-9a-f-]+\\?fy=${LAST_FY}`));
    await expect(page.getByTestId('kpi-title')).toContainText('K1.1.1');

    // A project box opens the KPI it serves, at the project.
    await page.goBack();
    await expect(page.getByTestId('project-node')).toHaveCount(20, { timeout: 60_000 });
    const project = page.getByTestId('project-node').first();
    const code = await project.getAttribute('data-code');
    await project.click();
    await expect(page).toHaveURL(new RegExp(`/province/50/kpi/[0-9a-f-]+\\?fy=${LAST_FY}#project-${code}`));
    await expect(page.locator(`[data-testid="linked-project"][data-code="${code}"]`)).toBeVisible();
  });

  test('opens with its boxes in sight: on a phone at the first issue and its goals, not on an empty corner', async ({
    page,
    request,
  }, testInfo) => {
    const plans = (await (await request.get('/api/plans?unit=50')).json()) as { id: string }[];
    await page.goto(`/plan/${plans[0].id}`);
    await expect(page.getByTestId('goal-node').first()).toBeAttached({ timeout: 60_000 });
    // What the reader sees without touching anything: the frame's scrolled window, inside the screen;
    // each box in it wholly (`all`) or in part.
    const inSight = () =>
      page.getByTestId('map-frame').evaluate((frame) => {
        const f = frame.getBoundingClientRect();
        const v = {
          left: Math.max(f.left, 0),
          top: Math.max(f.top, 0),
          right: Math.min(f.right, window.innerWidth),
          bottom: Math.min(f.bottom, window.innerHeight),
        };
        return [...frame.querySelectorAll('rect.box')]
          .map((r) => ({ r: r.getBoundingClientRect(), g: r.parentElement }))
          .filter(({ r }) => r.right > v.left && r.left < v.right && r.bottom > v.top && r.top < v.bottom)
          .map(({ r, g }) => {
            const all = r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom;
            return `${g?.getAttribute('data-testid')} ${g?.getAttribute('data-code')}${all ? '' : ' (part)'}`;
          });
      });
    if (testInfo.project.name === 'phone') {
      // Drawn at full size and panned, the map opens on the plan's first issue, its goals beside it.
      const firstIssue = await page.getByTestId('issue-band').first().getAttribute('data-code');
      await expect.poll(inSight).toContain(`issue-band ${firstIssue}`);
      expect((await inSight()).some((b) => b.startsWith('goal-node'))).toBe(true);
    } else {
      // Fitted to the width: whole goals in sight from the top.
      await expect
        .poll(async () => (await inSight()).filter((b) => /^goal-node \S+$/.test(b)).length)
        .toBeGreaterThan(0);
    }
  });
});

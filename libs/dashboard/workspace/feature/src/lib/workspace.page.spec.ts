import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { RealtimeService } from '@provdash/dashboard/shared/realtime';
import { FIXTURE_APPROVER, FIXTURE_OFFICER, fixtureWorkspace } from '@provdash/dashboard/workspace/data-access';
import type { AuthUserDto, WorkspaceDto } from '@provdash/shared/contracts';
import { WorkspacePage } from './workspace.page';

const USER: AuthUserDto = {
  id: FIXTURE_APPROVER,
  email: 'approver.50@demo.go.th',
  displayName: 'ผู้อนุมัติ',
  role: 'province_approver',
  scope: { code: '50', type: 'province', nameTh: 'เชียงใหม่', nameEn: 'Chiang Mai', path: 'TH/north/C15/50' },
};

const THAI = {
  workspace: {
    queue: { submittedBy: 'ส่งโดย {{name}} เมื่อ {{date}}' },
    done: { approved: 'อนุมัติแล้ว', submitted: 'ส่งให้ผู้อนุมัติแล้ว', returned: 'ส่งกลับให้แก้ไขแล้ว' },
  },
};

const settle = async (fixture: ComponentFixture<unknown>) => {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }
  fixture.detectChanges();
};

function setup(opts: { tab?: string; user?: AuthUserDto } = {}) {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { th: THAI },
        translocoConfig: { defaultLang: 'th', availableLangs: ['th'] },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: AuthStore, useValue: { user: signal(opts.user ?? USER), accessToken: signal('t') } },
      { provide: RealtimeService, useValue: { watch: jest.fn(() => ({ release: jest.fn() })) } },
    ],
  });
  const fixture = TestBed.createComponent(WorkspacePage);
  fixture.componentRef.setInput('fy', '2570');
  if (opts.tab) fixture.componentRef.setInput('tab', opts.tab);
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  const el = fixture.nativeElement as HTMLElement;
  const $ = (id: string, root: ParentNode = el) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
  const $$ = (id: string, root: ParentNode = el) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  return { fixture, http, el, $, $$ };
}

async function open(s: ReturnType<typeof setup>, desk: WorkspaceDto = fixtureWorkspace) {
  await settle(s.fixture);
  const req = s.http.expectOne((r) => r.url === '/api/workspace/50');
  expect(req.request.params.get('fiscalYear')).toBe('2570');
  req.flush(desk);
  await settle(s.fixture);
}

function reloadDesk(s: ReturnType<typeof setup>, desk: WorkspaceDto = fixtureWorkspace) {
  s.http.expectOne((r) => r.url === '/api/workspace/50').flush(desk);
}

describe('WorkspacePage', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((n) => (n.innerHTML = ''));
  });

  it('shows loading, then the counts and what is late and due, each status as symbol and words', async () => {
    const s = setup();
    await settle(s.fixture);
    expect(s.$('workspace-loading')).not.toBeNull();
    s.http.expectOne((r) => r.url === '/api/workspace/50').flush(fixtureWorkspace);
    await settle(s.fixture);

    expect(s.$('workspace-loading')).toBeNull();
    expect(s.$('count-late')?.textContent).toContain('1');
    expect(s.$('count-queue')?.textContent).toContain('2');
    const items = s.$$('kpi-item');
    expect(items.map((i) => [i.dataset['kpiCode'], i.dataset['period'], i.dataset['status']])).toEqual([
      ['K1.2.1', '2570-M01', 'draft'],
      ['K2.1.2', '2570-Q1', 'returned'],
    ]);
    const status = s.$('entry-status', items[0]);
    expect(status?.textContent).toContain('✎');
    expect(status?.textContent).toContain('workspace.status.draft');
    expect(s.$('late-flag', items[0])).not.toBeNull();
    // Thai digit grouping, the period in the Buddhist Era.
    expect(s.$('item-value', items[0])?.textContent).toContain('1,234.5');
    expect(items[0].textContent).toContain('ต.ค. 2569');
    expect(items[1].textContent).toContain('45 / 60');
    expect(s.$$('enter')).toHaveLength(2);
    expect(s.$$('submit')).toHaveLength(2);
  });

  it('shows everything with the "all" filter, approved and awaiting ones too', async () => {
    const s = setup();
    await open(s);
    (s.$('filter-all')?.querySelector('button') as HTMLButtonElement).click();
    await settle(s.fixture);
    expect(s.$$('kpi-item')).toHaveLength(4);
    // A submitted entry waits for the approver: no button changes it.
    const submitted = s.$$('kpi-item').filter((i) => i.dataset['status'] === 'submitted');
    expect(submitted).toHaveLength(1);
    expect(s.$('enter', submitted[0])).toBeNull();
  });

  it('submits a draft from the list with the version read, and says so', async () => {
    const s = setup();
    await open(s);
    s.$('submit', s.$$('kpi-item')[0])?.click();
    await settle(s.fixture);
    const req = s.http.expectOne('/api/kpis/kpi-tourism/results/2570-M01/submit');
    expect(req.request.body).toEqual({ version: 2 });
    req.flush({ version: 3 });
    await settle(s.fixture);
    reloadDesk(s);
    await settle(s.fixture);
    expect(s.$('notice')?.textContent?.trim()).toBe('ส่งให้ผู้อนุมัติแล้ว');
  });

  it("lists the queue oldest first with who sent it, and shows the API's refusal on that line", async () => {
    const s = setup({ tab: 'queue' });
    await open(s);
    const items = s.$$('queue-item');
    expect(items.map((i) => i.dataset['code'])).toEqual(['K1.2.1', 'P70-001']);
    expect(s.$('queue-by', items[0])?.textContent).toContain('ส่งโดย เจ้าหน้าที่ยุทธศาสตร์ เมื่อ 3 ธ.ค. 2569');
    expect(s.$('queue-value', items[0])?.textContent).toContain('9,000 ล้านบาท');
    expect(s.$('queue-value', items[1])?.textContent).toContain('12.5 %');
    // The approver sent the project's progress himself: the page says so, and the API refuses it.
    expect(items[1].textContent).toContain('workspace.queue.own');

    s.$('approve', items[1])?.click();
    await settle(s.fixture);
    s.http
      .expectOne('/api/projects/project-1/progress/2570-M02/approve')
      .flush(
        { statusCode: 403, message: 'ไม่สามารถอนุมัติผลที่ตนเองเป็นผู้ส่งได้', code: 'access.selfApproval' },
        { status: 403, statusText: 'Forbidden' },
      );
    await settle(s.fixture);
    expect(s.$('line-error', s.$$('queue-item')[1])?.textContent?.trim()).toBe(
      'ไม่สามารถอนุมัติผลที่ตนเองเป็นผู้ส่งได้',
    );

    s.$('approve', s.$$('queue-item')[0])?.click();
    await settle(s.fixture);
    const ok = s.http.expectOne('/api/kpis/kpi-tourism/results/2570-M02/approve');
    expect(ok.request.body).toEqual({ version: 3 });
    ok.flush({});
    await settle(s.fixture);
    reloadDesk(s, { ...fixtureWorkspace, queue: fixtureWorkspace.queue.slice(1) });
    await settle(s.fixture);
    expect(s.$('notice')?.textContent?.trim()).toBe('อนุมัติแล้ว');
    expect(s.$$('queue-item').map((i) => i.dataset['code'])).toEqual(['P70-001']);
  });

  it('returns a submission only with a reason, asked in a dialog', async () => {
    const s = setup({ tab: 'queue' });
    await open(s);
    s.$('return', s.$$('queue-item')[0])?.click();
    await settle(s.fixture);
    const overlay = document.querySelector('.cdk-overlay-container') as HTMLElement;
    s.$('return-confirm', overlay)?.click();
    await settle(s.fixture);
    expect(s.$('return-reason-error', overlay)?.textContent?.trim()).toBe('workspace.queue.reasonRequired');
    s.http.expectNone((r) => r.url.endsWith('/return'));

    const input = s.$('return-reason-input', overlay) as HTMLTextAreaElement;
    input.value = '  ตัวเลขไม่ตรงกับรายงาน ';
    input.dispatchEvent(new Event('input'));
    s.$('return-confirm', overlay)?.click();
    // The dialog answers once its closing animation has run.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle(s.fixture);
    const req = s.http.expectOne('/api/kpis/kpi-tourism/results/2570-M02/return');
    expect(req.request.body).toEqual({ version: 3, reason: 'ตัวเลขไม่ตรงกับรายงาน' });
    req.flush({});
    await settle(s.fixture);
    reloadDesk(s);
    await settle(s.fixture);
    expect(s.$('notice')?.textContent?.trim()).toBe('ส่งกลับให้แก้ไขแล้ว');
  });

  it('shows a KPI history with the names of who submitted and approved, and when', async () => {
    const s = setup();
    await open(s);
    s.$('history', s.$$('kpi-item')[0])?.click();
    await settle(s.fixture);
    const req = s.http.expectOne((r) => r.url === '/api/kpis/kpi-tourism/results');
    expect(req.request.params.get('fiscalYear')).toBe('2570');
    req.flush([
      {
        period: '2570-M01',
        value: '1234.5',
        status: 'approved',
        submittedBy: FIXTURE_OFFICER,
        submittedAt: '2026-11-08T02:00:00.000Z',
        approvedBy: FIXTURE_APPROVER,
        approvedAt: '2026-11-12T07:00:00.000Z',
        returnReason: null,
      },
    ]);
    await settle(s.fixture);
    const overlay = document.querySelector('.cdk-overlay-container') as HTMLElement;
    const rows = s.$$('history-row', overlay);
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('1,234.5');
    expect(rows[0].textContent).toContain('เจ้าหน้าที่ยุทธศาสตร์ 8 พ.ย. 2569');
    expect(rows[0].textContent).toContain('ผู้อนุมัติ 12 พ.ย. 2569');
    expect(s.$('entry-status', rows[0])?.dataset['status']).toBe('approved');
  });

  it('lets a governor read the desk without any button that changes it', async () => {
    const governor: AuthUserDto = { ...USER, id: 'g', role: 'governor' };
    const s = setup({ user: governor });
    await open(s, { ...fixtureWorkspace, can: { write: false, approve: false } });
    expect(s.$$('kpi-item')).toHaveLength(2);
    expect(s.$$('enter')).toHaveLength(0);
    expect(s.$$('submit')).toHaveLength(0);
    expect(s.$$('history')).toHaveLength(2);
    expect(s.$('tab-sheet')).toBeNull();
  });

  it('says when the desk could not be loaded, and tries again', async () => {
    const s = setup();
    await settle(s.fixture);
    s.http
      .expectOne((r) => r.url === '/api/workspace/50')
      .flush({ statusCode: 500, message: 'x' }, { status: 500, statusText: 'Server Error' });
    await settle(s.fixture);
    expect(s.$('workspace-error')).not.toBeNull();
    (s.$('workspace-error')?.querySelector('button') as HTMLButtonElement).click();
    await settle(s.fixture);
    reloadDesk(s);
    await settle(s.fixture);
    expect(s.$('workspace-error')).toBeNull();
    expect(s.$$('kpi-item')).toHaveLength(2);
  });
});

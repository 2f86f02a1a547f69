import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { LiveHandlers, RealtimeService } from '@provdash/dashboard/shared/realtime';
import { fixtureQueueKpi, fixtureQueueProgress, fixtureWorkspace } from './testing/workspace.fixtures';
import { WorkspaceStore } from './workspace.store';

function setup() {
  const watches: { room: () => string | null | undefined; handlers: LiveHandlers }[] = [];
  const realtime = {
    watch: jest.fn((room: () => string | null | undefined, handlers: LiveHandlers) => {
      watches.push({ room, handlers });
      return { release: jest.fn() };
    }),
  };
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      WorkspaceStore,
      { provide: RealtimeService, useValue: realtime },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const store = TestBed.inject(WorkspaceStore);
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };
  return { http, store, settle, watches };
}

async function loaded(s: ReturnType<typeof setup>) {
  s.store.target.set({ code: '50', fiscalYear: 2570 });
  TestBed.tick();
  const req = s.http.expectOne((r) => r.url === '/api/workspace/50');
  expect(req.request.params.get('fiscalYear')).toBe('2570');
  req.flush(fixtureWorkspace);
  await s.settle();
}

const expectDeskReload = (s: ReturnType<typeof setup>) => {
  TestBed.tick();
  s.http.expectOne((r) => r.url === '/api/workspace/50').flush(fixtureWorkspace);
};

describe('WorkspaceStore', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('loads nothing until it has a province, then the desk of that province and year', async () => {
    const s = setup();
    TestBed.tick();
    s.http.expectNone(() => true);
    await loaded(s);
    expect(s.store.kpiItems().map((i) => i.entry.period)).toEqual(['2570-M01', '2570-Q1']);
    expect(s.store.queue().map((q) => q.id)).toEqual(['r-2', 'pp-1']);
    expect(s.store.can()).toEqual({ write: true, approve: true });
    expect(s.store.personName(fixtureWorkspace.people[0].id)).toBe('เจ้าหน้าที่ยุทธศาสตร์');
    expect(s.store.personName('someone-else')).toBeNull();
    s.store.filter.set('all');
    expect(s.store.kpiItems()).toHaveLength(4);
  });

  it("follows the province's workspace room and reloads the desk on its events", async () => {
    const s = setup();
    expect(s.watches).toHaveLength(1);
    expect(s.watches[0].room()).toBeNull();
    await loaded(s);
    expect(s.watches[0].room()).toBe('workspace:50');
    s.watches[0].handlers['kpi-result.changed']?.({} as never);
    expectDeskReload(s);
    await s.settle();
    s.watches[0].handlers.refetch?.('missed');
    expectDeskReload(s);
  });

  it('approves a KPI result with the version read, and reloads the desk', async () => {
    const s = setup();
    await loaded(s);
    const done = s.store.approve(fixtureQueueKpi);
    expect(s.store.pending()).toBe('approve:r-2');
    const req = s.http.expectOne('/api/kpis/kpi-tourism/results/2570-M02/approve');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ version: 3 });
    req.flush({});
    const outcome = await done;
    expect(outcome.ok).toBe(true);
    expect(s.store.pending()).toBeNull();
    expectDeskReload(s);
  });

  it("hands back the API's refusal of one's own submission, and leaves the desk alone", async () => {
    const s = setup();
    await loaded(s);
    const done = s.store.approve(fixtureQueueProgress);
    s.http.expectOne('/api/projects/project-1/progress/2570-M02/approve').flush(
      {
        statusCode: 403,
        error: 'FORBIDDEN',
        message: 'ไม่สามารถอนุมัติผลที่ตนเองเป็นผู้ส่งได้',
        code: 'access.selfApproval',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    const outcome = await done;
    expect(outcome).toEqual({
      ok: false,
      problem: {
        status: 403,
        code: 'access.selfApproval',
        message: 'ไม่สามารถอนุมัติผลที่ตนเองเป็นผู้ส่งได้',
        details: [],
      },
    });
    TestBed.tick();
    s.http.expectNone((r) => r.url === '/api/workspace/50');
  });

  it('returns with the reason, and reloads after a conflict so the screen shows what now stands', async () => {
    const s = setup();
    await loaded(s);
    const done = s.store.returnItem(fixtureQueueKpi, 'กรุณาแนบหลักฐาน');
    const req = s.http.expectOne('/api/kpis/kpi-tourism/results/2570-M02/return');
    expect(req.request.body).toEqual({ version: 3, reason: 'กรุณาแนบหลักฐาน' });
    req.flush({ statusCode: 409, message: 'ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว' }, { status: 409, statusText: 'Conflict' });
    const outcome = await done;
    expect(outcome.ok).toBe(false);
    expectDeskReload(s);
  });

  it('saves a result with PUT and submits it with the version the save returned', async () => {
    const s = setup();
    await loaded(s);
    const saved = s.store.saveKpiResult('kpi-tourism', '2570-M01', { value: '1500', narrativeTh: 'x', version: 2 });
    const put = s.http.expectOne('/api/kpis/kpi-tourism/results/2570-M01');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ value: '1500', narrativeTh: 'x', version: 2 });
    put.flush({ version: 3 });
    expect(await saved).toEqual({ ok: true, value: { version: 3 } });
    expectDeskReload(s);

    const sent = s.store.submitKpiResult('kpi-tourism', '2570-M01', 3);
    const post = s.http.expectOne('/api/kpis/kpi-tourism/results/2570-M01/submit');
    expect(post.request.body).toEqual({ version: 3 });
    post.flush({ version: 4 });
    expect((await sent).ok).toBe(true);
    expectDeskReload(s);
  });

  it('reloads once more after a load that was under way when a write landed', async () => {
    const s = setup();
    await loaded(s);
    s.store.reload();
    TestBed.tick();
    const stale = s.http.expectOne((r) => r.url === '/api/workspace/50');
    // The submit answers while that load is still out: it may have read the desk before the change.
    const sent = s.store.submitKpiResult('kpi-tourism', '2570-M01', 2);
    s.http.expectOne('/api/kpis/kpi-tourism/results/2570-M01/submit').flush({ version: 3 });
    await sent;
    TestBed.tick();
    s.http.expectNone((r) => r.url === '/api/workspace/50');
    stale.flush(fixtureWorkspace);
    await s.settle();
    expectDeskReload(s);
    await s.settle();
    TestBed.tick();
    s.http.expectNone((r) => r.url === '/api/workspace/50');
  });

  it('writes project progress on its own routes', async () => {
    const s = setup();
    await loaded(s);
    const saved = s.store.saveProgress('project-1', '2570-M03', { percent: 20.5, milestoneNote: 'ส่งมอบงวดแรก' });
    const put = s.http.expectOne('/api/projects/project-1/progress/2570-M03');
    expect(put.request.body).toEqual({ percent: 20.5, milestoneNote: 'ส่งมอบงวดแรก' });
    put.flush({ version: 1 });
    await saved;
    expectDeskReload(s);
    const sent = s.store.submitProgress('project-1', '2570-M03', 1);
    s.http.expectOne('/api/projects/project-1/progress/2570-M03/submit').flush({ version: 2 });
    await sent;
    expectDeskReload(s);
  });

  it("reads a KPI's history of one year, and a project's", async () => {
    const s = setup();
    const kpi = s.store.kpiHistory('kpi-tourism', 2570);
    const req = s.http.expectOne((r) => r.url === '/api/kpis/kpi-tourism/results');
    expect(req.request.params.get('fiscalYear')).toBe('2570');
    req.flush([{ period: '2570-M01' }]);
    expect(await kpi).toEqual([{ period: '2570-M01' }]);
    const project = s.store.progressHistory('project-1');
    s.http.expectOne('/api/projects/project-1/progress').flush([]);
    expect(await project).toEqual([]);
  });
});

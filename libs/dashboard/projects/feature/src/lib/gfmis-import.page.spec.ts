import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { RealtimeService } from '@provdash/dashboard/shared/realtime';
import type {
  AuthUserDto,
  DisbursementBatchDto,
  DisbursementImportProgressEvent,
  DisbursementImportReportDto,
} from '@provdash/shared/contracts';
import { Subject } from 'rxjs';
import { formatBaht, GfmisImportPage } from './gfmis-import.page';

const OFFICER: AuthUserDto = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'officer.50@demo.go.th',
  displayName: 'เจ้าหน้าที่',
  role: 'province_officer',
  scope: { code: '50', type: 'province', nameTh: 'เชียงใหม่', nameEn: 'Chiang Mai', path: 'TH.C01.50' },
};

const DIRECTORY = {
  clusters: [
    {
      code: 'C01',
      provinces: [
        { code: '50', type: 'province', nameTh: 'เชียงใหม่', nameEn: 'Chiang Mai', parentCode: 'C01' },
        { code: '51', type: 'province', nameTh: 'ลำพูน', nameEn: 'Lamphun', parentCode: 'C01' },
      ],
    },
  ],
  unclustered: [],
};

const PREVIEW: DisbursementImportReportDto = {
  dryRun: true,
  unchanged: false,
  uploadId: 'u-0',
  batchId: null,
  layout: 'monthly',
  rows: 6,
  lines: 6,
  totalCommitted: '1792500.00',
  totalDisbursed: '1025000.50',
  months: [
    { month: '2025-10-01', rows: 1, committed: '1250000.00', disbursed: '0.00' },
    { month: '2025-11-01', rows: 3, committed: '92500.00', disbursed: '467500.00' },
  ],
  errors: [],
};

const BATCH: DisbursementBatchDto = {
  id: 'b-1',
  orgUnitCode: '50',
  fiscalYear: 2569,
  fileName: 'gfmis-monthly.csv',
  checksum: 'abc',
  rows: 6,
  totalCommitted: '1792500.00',
  totalDisbursed: '1025000.50',
  status: 'committed',
  createdBy: OFFICER.id,
  createdAt: '2026-11-21T03:00:00.000Z',
  rolledBackBy: null,
  rolledBackAt: null,
  version: 1,
};

const settle = async (fixture: ComponentFixture<unknown>) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }
  fixture.detectChanges();
};

function setup() {
  const progress = new Subject<DisbursementImportProgressEvent>();
  const realtime = {
    state: signal('connected'),
    on: jest.fn(() => progress.asObservable()),
    whenConnected: jest.fn(() => Promise.resolve(true)),
  };
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { th: {} },
        translocoConfig: { defaultLang: 'th', availableLangs: ['th'] },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: AuthStore, useValue: { user: signal(OFFICER), accessToken: signal('t') } },
      { provide: RealtimeService, useValue: realtime },
    ],
  });
  const fixture = TestBed.createComponent(GfmisImportPage);
  fixture.componentRef.setInput('fy', '2569');
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  const el = fixture.nativeElement as HTMLElement;
  const $ = (id: string) => el.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
  return { fixture, http, el, $, progress };
}

async function start(s: ReturnType<typeof setup>) {
  await settle(s.fixture);
  s.http.expectOne('/api/org-units/clusters').flush(DIRECTORY);
  const list = s.http.expectOne((r) => r.url === '/api/provinces/50/disbursement-imports' && r.method === 'GET');
  expect(list.request.params.get('fiscalYear')).toBe('2569');
  list.flush([BATCH]);
  await settle(s.fixture);
  // Choose the file.
  const input = s.$('file-input') as HTMLInputElement;
  const file = new File(['รหัสโครงการ,เดือน\n'], 'gfmis-monthly.csv', { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file] });
  input.dispatchEvent(new Event('change'));
  s.fixture.detectChanges();
}

function expectUpload(s: ReturnType<typeof setup>, dryRun: boolean): TestRequest {
  const req = s.http.expectOne((r) => r.url === '/api/provinces/50/disbursement-imports' && r.method === 'POST');
  expect(req.request.params.get('fiscalYear')).toBe('2569');
  expect(req.request.params.get('dryRun')).toBe(String(dryRun));
  expect(req.request.params.get('uploadId')).toMatch(/^[0-9a-f-]{36}$/);
  expect((req.request.body as FormData).get('file')).toBeInstanceOf(File);
  return req;
}

describe('GfmisImportPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it("lists the user's province batches and previews a dry run with Thai-grouped baht and the months", async () => {
    const s = setup();
    await start(s);
    expect(s.el.querySelectorAll('[data-testid="batch"]')).toHaveLength(1);
    expect(s.$('batch-status')?.textContent?.trim()).toBe('gfmisImport.status.committed');

    s.$('dry-run')?.click();
    await settle(s.fixture);
    expectUpload(s, true).flush(PREVIEW);
    await settle(s.fixture);

    expect(s.$('preview')).not.toBeNull();
    expect(s.$('row-count')?.textContent?.trim()).toBe('6');
    expect(s.$('total-committed')?.textContent?.trim()).toBe('1,792,500.00');
    expect(s.$('total-disbursed')?.textContent?.trim()).toBe('1,025,000.50');
    const months = [...s.el.querySelectorAll('[data-testid="month-row"]')];
    expect(months.map((m) => m.getAttribute('data-month'))).toEqual(['2025-10-01', '2025-11-01']);
    expect(months[0].textContent).toContain('ต.ค. 2568');
    expect(months[1].textContent).toContain('467,500.00');
    // A dry run has no progress bar.
    expect(s.$('import-progress')).toBeNull();
  });

  it('shows every bad row of a 422 as a table of row, column and message', async () => {
    const s = setup();
    await start(s);
    s.$('dry-run')?.click();
    await settle(s.fixture);
    expectUpload(s, true).flush(
      {
        statusCode: 422,
        message: 'ไฟล์มีข้อผิดพลาด',
        dryRun: true,
        rows: 3,
        accepted: 1,
        errors: [
          { row: 3, column: 'รหัสโครงการ', message: 'ไม่พบโครงการ' },
          { row: 4, column: 'เบิกจ่าย', message: 'จำนวนเงินไม่ถูกต้อง' },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(s.fixture);

    expect(s.$('preview')).toBeNull();
    expect(s.$('import-errors')?.querySelector('[role="alert"]')?.textContent?.trim()).toBe('ไฟล์มีข้อผิดพลาด');
    const rows = [...s.el.querySelectorAll('[data-testid="error-row"]')].map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['3', 'รหัสโครงการ', 'ไม่พบโครงการ'],
      ['4', 'เบิกจ่าย', 'จำนวนเงินไม่ถูกต้อง'],
    ]);
  });

  it('drives the progress bar from the events of its own upload, then shows the new batch', async () => {
    const s = setup();
    await start(s);
    s.$('import')?.click();
    await settle(s.fixture);
    const req = expectUpload(s, false);
    const uploadId = req.request.params.get('uploadId') as string;

    expect(s.$('import-phase')?.getAttribute('data-phase')).toBe('waiting');
    s.progress.next({ uploadId, phase: 'validating', done: 3, total: 6 });
    // Another tab's upload does not move this bar.
    s.progress.next({ uploadId: 'someone-else', phase: 'done', done: 1, total: 1 });
    await settle(s.fixture);
    expect(s.$('import-percent')?.textContent?.trim()).toBe('25 %');
    expect(s.$('import-phase')?.getAttribute('data-phase')).toBe('validating');
    expect(s.$('import-progress')?.getAttribute('aria-valuenow')).toBe('25');

    s.progress.next({ uploadId, batchId: 'b-2', phase: 'writing', done: 3, total: 6 });
    s.progress.next({ uploadId, batchId: 'b-2', phase: 'done', done: 6, total: 6 });
    await settle(s.fixture);
    expect(s.$('import-progress')?.getAttribute('aria-valuenow')).toBe('100');
    expect(s.$('import-phase')?.textContent?.trim()).toBe('gfmisImport.phase.done');

    req.flush({ ...PREVIEW, dryRun: false, uploadId, batchId: 'b-2' });
    await settle(s.fixture);
    expect(s.$('import-done')).not.toBeNull();
    expect(s.$('total-disbursed')?.textContent?.trim()).toBe('1,025,000.50');
    // The list is fetched again with the new batch.
    s.http
      .expectOne((r) => r.url === '/api/provinces/50/disbursement-imports' && r.method === 'GET')
      .flush([{ ...BATCH, id: 'b-2' }, BATCH]);
    await settle(s.fixture);
    expect([...s.el.querySelectorAll('[data-testid="batch"]')].map((b) => b.getAttribute('data-id'))).toEqual([
      'b-2',
      'b-1',
    ]);
  });

  it('says so when the same file was already imported', async () => {
    const s = setup();
    await start(s);
    s.$('import')?.click();
    await settle(s.fixture);
    const req = expectUpload(s, false);
    const uploadId = req.request.params.get('uploadId') as string;
    s.progress.next({ uploadId, batchId: 'b-1', phase: 'done', done: 0, total: 0 });
    req.flush({ ...PREVIEW, dryRun: false, unchanged: true, uploadId, batchId: 'b-1', lines: 0, months: [] });
    await settle(s.fixture);
    s.http.expectOne((r) => r.url === '/api/provinces/50/disbursement-imports' && r.method === 'GET').flush([BATCH]);
    await settle(s.fixture);

    expect(s.$('import-unchanged')?.textContent?.trim()).toBe('gfmisImport.unchanged');
    expect(s.$('import-done')).toBeNull();
    expect(s.$('import-progress')?.getAttribute('aria-valuenow')).toBe('100');
  });

  it('ends the bar at 100 when the answer arrives, even if a reconnect lost the progress events', async () => {
    const s = setup();
    await start(s);
    s.$('import')?.click();
    await settle(s.fixture);
    const req = expectUpload(s, false);
    const uploadId = req.request.params.get('uploadId') as string;
    s.progress.next({ uploadId, phase: 'validating', done: 3, total: 6 });
    await settle(s.fixture);
    expect(s.$('import-progress')?.getAttribute('aria-valuenow')).toBe('25');
    // No writing or done event: the socket was away. The response says the batch is in.
    req.flush({ ...PREVIEW, dryRun: false, uploadId, batchId: 'b-3' });
    await settle(s.fixture);
    s.http.expectOne((r) => r.url === '/api/provinces/50/disbursement-imports' && r.method === 'GET').flush([BATCH]);
    await settle(s.fixture);
    expect(s.$('import-progress')?.getAttribute('aria-valuenow')).toBe('100');
  });
});

describe('formatBaht', () => {
  it('groups Thai style with two decimals', () => {
    expect(formatBaht('2187500.5')).toBe('2,187,500.50');
    expect(formatBaht(null)).toBe('–');
  });
});

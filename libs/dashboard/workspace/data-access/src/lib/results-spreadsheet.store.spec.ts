import { HttpHeaders, HttpResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { fileNameOf, ResultsSpreadsheetStore } from './results-spreadsheet.store';

function setup() {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), ResultsSpreadsheetStore],
  });
  return { http: TestBed.inject(HttpTestingController), store: TestBed.inject(ResultsSpreadsheetStore) };
}

const FILE = new File(['รหัสตัวชี้วัด,งวด,ค่า\r\n'], 'results.csv', { type: 'text/csv' });

describe('ResultsSpreadsheetStore', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('checks a file without writing, and reports the counts', async () => {
    const { http, store } = setup();
    const done = store.upload('50', 2570, FILE, true);
    expect(store.busy()).toBe('dryRun');
    const req = http.expectOne((r) => r.url === '/api/provinces/50/results-import');
    expect(req.request.params.get('fiscalYear')).toBe('2570');
    expect(req.request.params.get('dryRun')).toBe('true');
    expect((req.request.body as FormData).get('file')).toBeInstanceOf(File);
    req.flush({ dryRun: true, rows: 3, accepted: 2, skipped: 1, errors: [] });
    // A dry run writes nothing: the desk need not reload.
    expect(await done).toBe(false);
    expect(store.outcome()).toEqual({
      kind: 'report',
      report: { dryRun: true, rows: 3, accepted: 2, skipped: 1, errors: [] },
    });
    expect(store.busy()).toBeNull();
  });

  it('says an import wrote something', async () => {
    const { http, store } = setup();
    const done = store.upload('50', 2570, FILE, false);
    http
      .expectOne((r) => r.params.get('dryRun') === 'false')
      .flush({ dryRun: false, rows: 1, accepted: 1, skipped: 0, errors: [] });
    expect(await done).toBe(true);
  });

  it('keeps every bad row of a 422, with its column and message', async () => {
    const { http, store } = setup();
    const done = store.upload('50', 2570, FILE, false);
    http
      .expectOne((r) => r.url === '/api/provinces/50/results-import')
      .flush(
        {
          statusCode: 422,
          message: 'ไฟล์มีข้อผิดพลาด ยังไม่มีการบันทึกข้อมูลใด ๆ',
          dryRun: false,
          rows: 2,
          accepted: 1,
          skipped: 0,
          errors: [{ row: 4, column: 'ค่า', message: 'ต้องเป็นตัวเลข' }],
        },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    expect(await done).toBe(false);
    expect(store.outcome()).toEqual({
      kind: 'rejected',
      message: 'ไฟล์มีข้อผิดพลาด ยังไม่มีการบันทึกข้อมูลใด ๆ',
      errors: [{ row: 4, column: 'ค่า', message: 'ต้องเป็นตัวเลข' }],
    });
  });

  it('tells other failures apart from a rejected file', async () => {
    const { http, store } = setup();
    const done = store.upload('50', 2570, FILE, false);
    http
      .expectOne((r) => r.url === '/api/provinces/50/results-import')
      .flush({ statusCode: 413, message: 'ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด' }, { status: 413, statusText: 'Too Large' });
    await done;
    expect(store.outcome()).toEqual({ kind: 'failed', status: 413, message: 'ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด' });
  });

  it('downloads the template with the bearer-token request and hands it to the browser under its own name', async () => {
    const { http, store } = setup();
    const create = jest.fn(() => 'blob:template');
    const revoke = jest.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicks: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(this.download);
    });
    const done = store.downloadTemplate('50', 2570, 'csv');
    expect(store.downloading()).toBe('csv');
    const req = http.expectOne((r) => r.url === '/api/provinces/50/results-template');
    expect(req.request.params.get('format')).toBe('csv');
    expect(req.request.responseType).toBe('blob');
    req.flush(new Blob(['x']), {
      headers: { 'Content-Disposition': 'attachment; filename="kpi-results-50-2570.csv"' },
    });
    expect(await done).toBe(true);
    expect(clicks).toEqual(['kpi-results-50-2570.csv']);
    expect(create).toHaveBeenCalled();
    expect(store.downloading()).toBeNull();
    click.mockRestore();
  });
});

describe('fileNameOf', () => {
  it("takes the server's name, else names the file after the province and year", () => {
    const named = new HttpResponse<Blob>({
      headers: new HttpHeaders({ 'Content-Disposition': 'attachment; filename="kpi-results-52-2569.xlsx"' }),
    });
    expect(fileNameOf(named, 'x')).toBe('kpi-results-52-2569.xlsx');
    expect(fileNameOf(new HttpResponse<Blob>({}), 'kpi-results-50-2570.xlsx')).toBe('kpi-results-50-2570.xlsx');
  });
});

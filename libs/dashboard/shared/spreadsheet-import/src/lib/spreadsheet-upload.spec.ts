import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, Injectable, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SpreadsheetFilePicker } from './spreadsheet-file-picker';
import { SpreadsheetUploadStore } from './spreadsheet-upload.store';

interface Report {
  rows: number;
}

/** The least an import store adds: its route. */
@Injectable()
class TestImportStore extends SpreadsheetUploadStore<Report> {
  upload(file: File, dryRun: boolean, before?: () => Promise<void>) {
    return this.send('/api/test-import', file, { fiscalYear: '2569', dryRun: String(dryRun) }, before);
  }
}

const FILE = new File(['a,b\r\n'], 'x.csv', { type: 'text/csv' });

function setup() {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), TestImportStore] });
  return { http: TestBed.inject(HttpTestingController), store: TestBed.inject(TestImportStore) };
}

describe('SpreadsheetUploadStore', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('sends the file as the multipart field "file" with the query, and keeps the report', async () => {
    const { http, store } = setup();
    const done = store.upload(FILE, true);
    expect(store.busy()).toBe('dryRun');
    const req = http.expectOne('/api/test-import?fiscalYear=2569&dryRun=true');
    expect(req.request.method).toBe('POST');
    expect((req.request.body as FormData).get('file')).toBeInstanceOf(File);
    req.flush({ rows: 3 });
    expect(await done).toEqual({ rows: 3 });
    expect(store.outcome()).toEqual({ kind: 'report', report: { rows: 3 } });
    expect(store.busy()).toBeNull();
  });

  it('one upload at a time: a second while busy sends nothing', async () => {
    const { http, store } = setup();
    const first = store.upload(FILE, false);
    expect(await store.upload(FILE, true)).toBeNull();
    http.expectOne(() => true).flush({ rows: 1 });
    expect(await first).toEqual({ rows: 1 });
  });

  it('a 422 lists every row at fault', async () => {
    const { http, store } = setup();
    const done = store.upload(FILE, false);
    const errors = [{ row: 4, column: 'ค่า', message: 'ต้องเป็นตัวเลข' }];
    http
      .expectOne(() => true)
      .flush(
        { statusCode: 422, message: 'ไฟล์มีข้อผิดพลาด', dryRun: false, rows: 3, accepted: 2, errors },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    expect(await done).toBeNull();
    expect(store.outcome()).toEqual({ kind: 'rejected', message: 'ไฟล์มีข้อผิดพลาด', errors });
  });

  it("a limit crossed while reading (400) shows the API's message, which names it", async () => {
    const { http, store } = setup();
    const done = store.upload(FILE, true);
    const message = 'The .xlsx file holds too many parts inside (at most 1,000).';
    http
      .expectOne(() => true)
      .flush({ statusCode: 400, message, code: 'import.limitEntries' }, { status: 400, statusText: 'Bad Request' });
    await done;
    expect(store.outcome()).toEqual({ kind: 'failed', status: 400, message });
    store.reset();
    expect(store.outcome()).toBeNull();
  });

  it('waits for what must come first (the progress room) before sending, and a failure there is the outcome', async () => {
    const { http, store } = setup();
    let ready!: () => void;
    const done = store.upload(FILE, false, () => new Promise<void>((r) => (ready = r)));
    http.expectNone(() => true);
    ready();
    await Promise.resolve();
    http.expectOne(() => true).flush({ rows: 2 });
    expect(await done).toEqual({ rows: 2 });

    expect(await store.upload(FILE, false, () => Promise.reject(new Error('offline')))).toBeNull();
    expect(store.outcome()).toEqual({ kind: 'failed', status: 0, message: null });
  });
});

@Component({
  imports: [SpreadsheetFilePicker],
  template: `<pd-spreadsheet-file-picker
    inputId="f"
    testId="f-input"
    nameTestId="f-name"
    chooseLabel="เลือกไฟล์"
    noFileLabel="ยังไม่ได้เลือกไฟล์"
    [(file)]="file"
  />`,
})
class Host {
  readonly file = signal<File | null>(null);
}

describe('SpreadsheetFilePicker', () => {
  it('shows the chosen file and hands it to the screen; the input takes spreadsheets only', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const input = el.querySelector('[data-testid="f-input"]') as HTMLInputElement;
    const name = () => el.querySelector('[data-testid="f-name"]')?.textContent?.trim();
    expect(input.id).toBe('f');
    expect(input.type).toBe('file');
    expect(input.accept).toContain('.xlsx');
    expect(name()).toBe('ยังไม่ได้เลือกไฟล์');

    Object.defineProperty(input, 'files', { value: [FILE] });
    input.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(fixture.componentInstance.file()).toBe(FILE);
    expect(name()).toBe('x.csv');
  });
});

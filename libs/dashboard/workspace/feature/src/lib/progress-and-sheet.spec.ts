import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { inject } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { RealtimeService } from '@provdash/dashboard/shared/realtime';
import { fixtureWorkspace, WorkspaceStore } from '@provdash/dashboard/workspace/data-access';
import { ProgressEntryData, ProgressEntryDialog } from './progress-entry.dialog';
import { ResultsSpreadsheetPanel } from './results-spreadsheet.panel';

const settle = async (fixture: ComponentFixture<unknown>) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }
  fixture.detectChanges();
};

function configure(extra: unknown[] = []) {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { th: { workspace: { entry: { parsedAs: 'จะบันทึกเป็น {{value}} {{unit}}' } } } },
        translocoConfig: { defaultLang: 'th', availableLangs: ['th'] },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      WorkspaceStore,
      { provide: RealtimeService, useValue: { watch: jest.fn(() => ({ release: jest.fn() })) } },
      ...(extra as []),
    ],
  });
}

function type(el: HTMLElement, id: string, text: string) {
  const input = el.querySelector(`[data-testid="${id}"]`) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
}

describe('ProgressEntryDialog', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  function setup() {
    const close = jest.fn();
    const project = fixtureWorkspace.projects[0];
    configure([
      { provide: MatDialogRef, useValue: { close } },
      {
        provide: MAT_DIALOG_DATA,
        useFactory: (): ProgressEntryData => ({ store: inject(WorkspaceStore), project, entry: project.entries[1] }),
      },
    ]);
    const fixture = TestBed.createComponent(ProgressEntryDialog);
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement, close, http: TestBed.inject(HttpTestingController) };
  }

  it('takes a percent from 0 to 100 only, with two decimals at most', async () => {
    const s = setup();
    for (const bad of ['120', '12.345', 'ครึ่ง']) {
      type(s.el, 'percent', bad);
      (s.el.querySelector('[data-testid="save-draft"]') as HTMLButtonElement).click();
      await settle(s.fixture);
      expect(s.el.querySelector('[data-testid="percent-error"]')?.textContent?.trim()).toBe('workspace.errors.percent');
    }
    s.http.expectNone(() => true);
  });

  it('refuses separators out of place (1,2 is not 12 %) and shows the percent it will save', async () => {
    const s = setup();
    const parsed = () => s.el.querySelector('[data-testid="percent-parsed"]')?.textContent?.trim() ?? null;
    for (const bad of ['1,2', '5,0', '0,50']) {
      type(s.el, 'percent', bad);
      s.fixture.detectChanges();
      expect(parsed()).toBeNull();
      (s.el.querySelector('[data-testid="save-draft"]') as HTMLButtonElement).click();
      await settle(s.fixture);
      expect(s.el.querySelector('[data-testid="percent-error"]')?.textContent?.trim()).toBe(
        'workspace.errors.grouping',
      );
    }
    s.http.expectNone(() => true);
    type(s.el, 'percent', '๓๕.๕');
    s.fixture.detectChanges();
    expect(parsed()).toBe('จะบันทึกเป็น 35.5 %');
  });

  it('saves the month and sends it for approval', async () => {
    const s = setup();
    type(s.el, 'percent', '35.5');
    type(s.el, 'milestone', 'ส่งมอบงานงวดที่ 1');
    (s.el.querySelector('[data-testid="save-submit"]') as HTMLButtonElement).click();
    await settle(s.fixture);
    const put = s.http.expectOne('/api/projects/project-1/progress/2570-M03');
    expect(put.request.body).toEqual({ percent: 35.5, milestoneNote: 'ส่งมอบงานงวดที่ 1' });
    put.flush({ version: 1 });
    await settle(s.fixture);
    const submit = s.http.expectOne('/api/projects/project-1/progress/2570-M03/submit');
    expect(submit.request.body).toEqual({ version: 1 });
    submit.flush({ version: 2 });
    await settle(s.fixture);
    expect(s.close).toHaveBeenCalledWith('submitted');
  });
});

describe('ResultsSpreadsheetPanel', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it("uploads the chosen file and lists the 422's rows by row, column and message", async () => {
    configure();
    const fixture = TestBed.createComponent(ResultsSpreadsheetPanel);
    fixture.componentRef.setInput('code', '50');
    fixture.componentRef.setInput('fiscalYear', 2570);
    const imported = jest.fn();
    fixture.componentInstance.imported.subscribe(imported);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const $ = (id: string) => el.querySelector(`[data-testid="${id}"]`) as HTMLElement;
    expect(($('results-import') as HTMLButtonElement).disabled).toBe(true);

    const input = $('results-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'results.xlsx')] });
    input.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect($('results-file-name').textContent?.trim()).toBe('results.xlsx');

    $('results-import').click();
    await settle(fixture);
    const http = TestBed.inject(HttpTestingController);
    http
      .expectOne((r) => r.url === '/api/provinces/50/results-import' && r.params.get('dryRun') === 'false')
      .flush(
        {
          statusCode: 422,
          message: 'ไฟล์มีข้อผิดพลาด ยังไม่มีการบันทึกข้อมูลใด ๆ',
          dryRun: false,
          rows: 2,
          accepted: 1,
          skipped: 0,
          errors: [
            { row: 3, column: 'ค่า', message: 'ต้องเป็นตัวเลข (ไม่เกิน 15 หลัก ทศนิยมไม่เกิน 6 ตำแหน่ง)' },
            { row: 4, column: 'งวด', message: 'ยังไม่ถึงงวดที่ระบุ' },
          ],
        },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await settle(fixture);
    expect($('results-errors').querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'ไฟล์มีข้อผิดพลาด ยังไม่มีการบันทึกข้อมูลใด ๆ',
    );
    const rows = [...el.querySelectorAll('[data-testid="results-error-row"]')].map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['3', 'ค่า', 'ต้องเป็นตัวเลข (ไม่เกิน 15 หลัก ทศนิยมไม่เกิน 6 ตำแหน่ง)'],
      ['4', 'งวด', 'ยังไม่ถึงงวดที่ระบุ'],
    ]);
    expect(imported).not.toHaveBeenCalled();

    $('results-import').click();
    await settle(fixture);
    http
      .expectOne((r) => r.url === '/api/provinces/50/results-import')
      .flush({ dryRun: false, rows: 2, accepted: 2, skipped: 0, errors: [] });
    await settle(fixture);
    expect($('results-report')).not.toBeNull();
    expect(imported).toHaveBeenCalledTimes(1);
  });
});

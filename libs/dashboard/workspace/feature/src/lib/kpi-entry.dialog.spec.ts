import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { inject } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { RealtimeService } from '@provdash/dashboard/shared/realtime';
import { fixtureRatio, fixtureTourism, WorkspaceStore } from '@provdash/dashboard/workspace/data-access';
import type { WorkspaceKpiDto } from '@provdash/shared/contracts';
import { KpiEntryData, KpiEntryDialog } from './kpi-entry.dialog';

const OUTLIER = 'ค่าที่ระบุอยู่นอกช่วงที่เป็นไปได้ของตัวชี้วัดนี้ กรุณายืนยันหากถูกต้อง';

function setup(kpi: WorkspaceKpiDto = fixtureTourism, entryIndex = 0) {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: {
          th: {
            workspace: {
              entry: {
                returnedBecause: 'ส่งกลับเพื่อแก้ไข: {{reason}}',
                parsedAs: 'จะบันทึกเป็น {{value}} {{unit}}',
                limitsBoth: 'ค่าต้องอยู่ระหว่าง {{min}} ถึง {{max}}',
                limitsMin: 'ค่าต้องไม่ต่ำกว่า {{min}}',
              },
            },
          },
        },
        translocoConfig: { defaultLang: 'th', availableLangs: ['th'] },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      WorkspaceStore,
      { provide: RealtimeService, useValue: { watch: jest.fn(() => ({ release: jest.fn() })) } },
      { provide: MatDialogRef, useValue: { close } },
      {
        provide: MAT_DIALOG_DATA,
        useFactory: (): KpiEntryData => ({ store: inject(WorkspaceStore), kpi, entry: kpi.entries[entryIndex] }),
      },
    ],
  });
  const fixture = TestBed.createComponent(KpiEntryDialog);
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const $ = (id: string) => el.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
  const type = (id: string, text: string) => {
    const input = $(id) as HTMLInputElement | HTMLTextAreaElement;
    input.value = text;
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
  };
  return { fixture, el, $, type, close, http: TestBed.inject(HttpTestingController) };
}

const settle = async (fixture: ComponentFixture<unknown>) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }
  fixture.detectChanges();
};

const resultUrl = '/api/kpis/kpi-tourism/results/2570-M01';

describe('KpiEntryDialog', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('fills in what is stored, with Thai digit grouping', () => {
    const s = setup();
    expect((s.$('value') as HTMLInputElement).value).toBe('1,234.5');
    expect(s.$('entry-period')?.textContent).toContain('ต.ค. 2569');
    expect(s.$('entry-status')?.getAttribute('data-status')).toBe('draft');
    expect(s.$('late-flag')).not.toBeNull();
  });

  it('refuses a value that is not a number, under the field, and sends nothing', async () => {
    const s = setup();
    s.type('value', '12abc');
    s.$('save-draft')?.click();
    await settle(s.fixture);
    expect(s.$('value-error')?.textContent?.trim()).toBe('workspace.errors.decimal');
    s.http.expectNone(resultUrl);

    s.type('value', '');
    s.$('save-draft')?.click();
    await settle(s.fixture);
    expect(s.$('value-error')?.textContent?.trim()).toBe('workspace.errors.required');
    expect(s.close).not.toHaveBeenCalled();
  });

  it.each(['1,2,3', '12,34', '1,234,56', '1.234,5', '0,5'])(
    'refuses %p (separators out of place) under the field, and sends nothing',
    async (typed) => {
      const s = setup();
      s.type('value', typed);
      expect(s.$('value-parsed')).toBeNull();
      s.$('save-draft')?.click();
      await settle(s.fixture);
      expect(s.$('value-error')?.textContent?.trim()).toBe('workspace.errors.grouping');
      s.http.expectNone(resultUrl);
      expect(s.close).not.toHaveBeenCalled();
    },
  );

  it('shows the number it will save before saving, and sends exactly that', async () => {
    const s = setup();
    s.type('value', '1234567.5');
    expect(s.$('value-parsed')?.textContent?.trim()).toBe('จะบันทึกเป็น 1,234,567.5 ล้านบาท');
    s.type('value', '๑,๒๓๔');
    expect(s.$('value-parsed')?.textContent?.trim()).toBe('จะบันทึกเป็น 1,234 ล้านบาท');
    s.$('save-draft')?.click();
    await settle(s.fixture);
    const put = s.http.expectOne(resultUrl);
    expect(put.request.body).toMatchObject({ value: '1234' });
    put.flush({ version: 3 });
    await settle(s.fixture);
  });

  it("states the KPI's hard limits and shows the API's refusal under the field", async () => {
    const s = setup();
    expect(s.$('hard-limits')?.textContent?.trim()).toBe('ค่าต้องไม่ต่ำกว่า 0');
    s.type('value', '-1,200');
    s.$('save-draft')?.click();
    await settle(s.fixture);
    const message = 'ค่านี้เป็นไปไม่ได้: ตัวชี้วัดนี้ต้องไม่ต่ำกว่า 0 ล้านบาท';
    s.http
      .expectOne(resultUrl)
      .flush({ statusCode: 422, message, code: 'result.belowHardMin' }, { status: 422, statusText: 'x' });
    await settle(s.fixture);
    expect(s.$('value-error')?.textContent?.trim()).toBe(message);
    expect(s.$('outlier')).toBeNull();
    expect(s.close).not.toHaveBeenCalled();
  });

  it('asks to confirm an outlier with a note, and sends it again with confirmOutlier', async () => {
    const s = setup();
    s.type('value', '999,999');
    s.$('save-draft')?.click();
    await settle(s.fixture);
    const first = s.http.expectOne(resultUrl);
    expect(first.request.body).toEqual({ value: '999999', narrativeTh: '', evidence: [], version: 2 });
    first.flush(
      { statusCode: 422, error: 'UNPROCESSABLE_ENTITY', message: OUTLIER, code: 'result.outlier' },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(s.fixture);
    expect(s.$('outlier')?.textContent).toContain(OUTLIER);
    expect(s.close).not.toHaveBeenCalled();

    // Confirmed but not explained: the form says so before the API would.
    (s.$('confirm-outlier')?.querySelector('input') as HTMLInputElement).click();
    s.fixture.detectChanges();
    s.$('save-draft')?.click();
    await settle(s.fixture);
    expect(s.$('narrative-error')?.textContent?.trim()).toBe('workspace.errors.required');
    s.http.expectNone(resultUrl);

    s.type('narrative', 'งานเทศกาลดึงนักท่องเที่ยวเพิ่มขึ้นมาก');
    s.type('evidence-url', 'https://example.go.th/festival.pdf');
    s.$('save-draft')?.click();
    await settle(s.fixture);
    const again = s.http.expectOne(resultUrl);
    expect(again.request.body).toEqual({
      value: '999999',
      narrativeTh: 'งานเทศกาลดึงนักท่องเที่ยวเพิ่มขึ้นมาก',
      evidence: [{ url: 'https://example.go.th/festival.pdf', title: 'https://example.go.th/festival.pdf' }],
      confirmOutlier: true,
      version: 2,
    });
    again.flush({ version: 3 });
    await settle(s.fixture);
    expect(s.close).toHaveBeenCalledWith('saved');
  });

  it('starts the confirmation over when the value changes', async () => {
    const s = setup();
    s.type('value', '999999');
    s.$('save-draft')?.click();
    await settle(s.fixture);
    s.http
      .expectOne(resultUrl)
      .flush({ statusCode: 422, message: OUTLIER, code: 'result.outlier' }, { status: 422, statusText: 'x' });
    await settle(s.fixture);
    expect(s.$('outlier')).not.toBeNull();
    s.type('value', '1500');
    expect(s.$('outlier')).toBeNull();
  });

  it('saves then submits with the version the save returned', async () => {
    const s = setup();
    s.type('value', '1,500.25');
    s.$('save-submit')?.click();
    await settle(s.fixture);
    const put = s.http.expectOne(resultUrl);
    expect(put.request.body).toMatchObject({ value: '1500.25', version: 2 });
    put.flush({ version: 3 });
    await settle(s.fixture);
    const submit = s.http.expectOne(`${resultUrl}/submit`);
    expect(submit.request.body).toEqual({ version: 3 });
    submit.flush({ version: 4 });
    await settle(s.fixture);
    expect(s.close).toHaveBeenCalledWith('submitted');
  });

  it("shows the API's message when the period cannot take a result, and stays open", async () => {
    const s = setup(fixtureTourism, 2);
    s.type('value', '10');
    s.$('save-draft')?.click();
    await settle(s.fixture);
    s.http
      .expectOne('/api/kpis/kpi-tourism/results/2570-M03')
      .flush(
        { statusCode: 422, message: 'ยังไม่ถึงงวดที่ระบุ ไม่สามารถบันทึกผลล่วงหน้าได้', code: 'result.futurePeriod' },
        { status: 422, statusText: 'x' },
      );
    await settle(s.fixture);
    expect(s.$('form-error')?.textContent?.trim()).toBe('ยังไม่ถึงงวดที่ระบุ ไม่สามารถบันทึกผลล่วงหน้าได้');
    expect(s.close).not.toHaveBeenCalled();
  });

  it('takes a numerator and a denominator above 0 for a ratio KPI', async () => {
    const s = setup(fixtureRatio);
    expect(s.$('value')).toBeNull();
    expect(s.$('return-reason')?.textContent).toContain('กรุณาแนบหลักฐาน');
    s.type('denominator', '0');
    s.$('save-draft')?.click();
    await settle(s.fixture);
    expect(s.el.textContent).toContain('workspace.errors.positive');
    s.http.expectNone(() => true);

    expect(s.$('hard-limits')?.textContent?.trim()).toBe('ค่าต้องอยู่ระหว่าง 0 ถึง 100');
    s.type('denominator', '1,200');
    expect(s.$('denominator-parsed')?.textContent?.trim()).toBe('จะบันทึกเป็น 1,200');
    s.$('save-draft')?.click();
    await settle(s.fixture);
    const put = s.http.expectOne('/api/kpis/kpi-ratio/results/2570-Q1');
    expect(put.request.body).toMatchObject({ numerator: '45', denominator: '1200', version: 4 });
    expect(put.request.body).not.toHaveProperty('value');
    put.flush({ version: 5 });
    await settle(s.fixture);
    expect(s.close).toHaveBeenCalledWith('saved');
  });
});

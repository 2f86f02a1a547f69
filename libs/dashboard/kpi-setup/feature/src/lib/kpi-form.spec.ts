import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { KpiDefinitionDto } from '@provdash/shared/contracts';
import { KpiForm } from './kpi-form';
import { defaultLimitsHint, fieldErrorsOf, kpiForm, toKpiBody, trajectoryChart } from './kpi-form.model';

const KPI: KpiDefinitionDto = {
  id: 'k-1',
  goalId: 'g-1',
  orgUnitCode: '50',
  code: 'K9.1',
  nameTh: 'ร้อยละผู้สูงอายุที่ได้รับการคัดกรอง',
  nameEn: 'Elderly screened',
  unitTh: 'ร้อยละ',
  unitEn: 'percent',
  direction: 'higher_better',
  frequency: 'quarterly',
  rollup: 'ratio',
  ratioMultiplier: '100',
  aggregation: 'weighted_ratio',
  bandMin: null,
  bandMax: null,
  baselineValue: '61.5',
  baselineFy: 2568,
  plausibleMin: null,
  plausibleMax: null,
  hardMin: null,
  hardMax: null,
  hardLimits: { min: '0', max: '100' },
  ownerAgencyTh: 'สสจ.',
  ownerAgencyEn: 'PHO',
  dataSource: 'HDC',
  definitionTh: '',
  ownerUserId: null,
  numeratorTh: 'ผู้ได้รับการคัดกรอง',
  denominatorTh: 'ผู้สูงอายุทั้งหมด',
  retired: false,
  version: 3,
  targets: [],
};

describe('the KPI form model', () => {
  it('reads numbers in the reader locale, sends only what creation may fix, and band edges only for a band', () => {
    const form = kpiForm(() => 'th');
    form.patchValue({
      code: 'K1',
      nameTh: 'จำนวนนักท่องเที่ยว',
      nameEn: 'Tourists',
      unitTh: 'คน',
      unitEn: 'people',
      direction: 'lower_better',
      rollup: 'sum',
      baselineValue: '1,234.5',
      bandMin: '3',
    });
    expect(form.valid).toBe(true);
    const created = toKpiBody(form, true, 'th');
    expect(created).toMatchObject({ code: 'K1', direction: 'lower_better', rollup: 'sum', baselineValue: '1234.5' });
    expect(created).not.toHaveProperty('bandMin');
    expect(created).not.toHaveProperty('ratioMultiplier');
    const edited = toKpiBody(form, false, 'th');
    expect(edited).not.toHaveProperty('code');
    expect(edited).not.toHaveProperty('direction');
  });

  it('puts a band without edges, limits out of order and a ratio without parts on the fields to fix', () => {
    const form = kpiForm(() => 'th');
    form.patchValue({ direction: 'band', rollup: 'ratio', hardMin: '10', hardMax: '5', baselineValue: '1,2,3' });
    expect(form.controls.bandMin.errors).toEqual({ required: true });
    expect(form.controls.numeratorTh.errors).toEqual({ required: true });
    expect(form.controls.hardMax.errors).toEqual({ order: true });
    expect(form.controls.baselineValue.errors).toEqual({ decimal: true });
    form.patchValue({ bandMin: '5', bandMax: '4' });
    expect(form.controls.bandMax.errors).toEqual({ order: true });
  });

  it("maps the API's refusal to the field it names, by details or by key", () => {
    const fields = ['code', 'ownerUserId', 'numeratorTh'];
    expect(
      fieldErrorsOf({ status: 409, code: 'kpi.codeTaken', message: 'รหัสซ้ำ', details: [{ field: 'code', messages: ['ซ้ำ'] }] }, fields),
    ).toEqual({ code: 'ซ้ำ' });
    expect(fieldErrorsOf({ status: 422, code: 'kpi.ownerNotInUnit', message: 'นอกจังหวัด', details: [] }, fields)).toEqual({
      ownerUserId: 'นอกจังหวัด',
    });
    expect(fieldErrorsOf({ status: 409, code: 'conflict.version', message: 'stale', details: [] }, fields)).toEqual({});
  });

  it('gives the unit default limits: 0–100 for a share, −100 and up for a growth rate, 0 and up for a count', () => {
    expect(defaultLimitsHint('ร้อยละ', 'percent', 'อัตราการคัดกรอง')).toEqual({ min: '0', max: '100' });
    expect(defaultLimitsHint('ร้อยละ', 'percent', 'อัตราการขยายตัวของ GPP')).toEqual({ min: '-100', max: null });
    expect(defaultLimitsHint('คน', 'people', 'จำนวนผู้ป่วย')).toEqual({ min: '0', max: null });
  });

  it('draws the typed periods with B.E. labels and the yearly target as a line', () => {
    const chart = trajectoryChart(['2570-Q1', '2570-Q2', '2570-Q3', '2570-Q4'], ['10', null, '30', null], '40', 'th', {
      trajectory: 'รายงวด',
      target: 'ทั้งปี',
    });
    expect(chart[0]).toEqual({
      name: 'รายงวด',
      series: [
        { name: 'ไตรมาส 1/2570', value: 10 },
        { name: 'ไตรมาส 3/2570', value: 30 },
      ],
    });
    expect(chart[1].series).toHaveLength(4);
    expect(trajectoryChart(['2570-Q1', '2570-Q2'], [null, null], null, 'th', { trajectory: 'a', target: 'b' })).toEqual([]);
  });
});

describe('KpiForm', () => {
  // Rendering Material's form takes seconds on a busy two-core machine: more than jest's default 5 s.
  jest.setTimeout(30_000);
  function setup(kpi: KpiDefinitionDto | null) {
    TestBed.configureTestingModule({
      imports: [
        KpiForm,
        TranslocoTestingModule.forRoot({
          langs: { th: { kpiSetup: { form: { defaultIs: 'ค่าเริ่มต้นตามหน่วย: {{value}}', none: 'ไม่จำกัด' } } } },
          translocoConfig: { defaultLang: 'th', availableLangs: ['th'] },
          preloadLangs: true,
        }),
      ],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
    });
    const fixture = TestBed.createComponent(KpiForm);
    fixture.componentRef.setInput('goalId', 'g-1');
    fixture.componentRef.setInput('kpi', kpi);
    fixture.componentRef.setInput('people', [{ id: 'u-1', displayName: 'สมชาย' }]);
    fixture.detectChanges();
    return { fixture, http: TestBed.inject(HttpTestingController), el: fixture.nativeElement as HTMLElement };
  }

  // The save's promise settles after the flush; on a busy machine that takes a few turns.
  const settle = async (fixture: { whenStable(): Promise<unknown>; detectChanges(): void }) => {
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 20));
      await fixture.whenStable();
      fixture.detectChanges();
    }
  };

  it('shows a taken code under the code field, in the words the server sent', async () => {
    const { fixture, http, el } = setup(null);
    const type = (id: string, v: string) => {
      const input = el.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
      if (!input) throw new Error(id);
      input.value = v;
      input.dispatchEvent(new Event('input'));
    };
    type('kpi-code', 'K1.2.1');
    type('kpi-name-th', 'รายได้จากการท่องเที่ยว');
    type('kpi-name-en', 'Tourism revenue');
    type('kpi-unit-th', 'ล้านบาท');
    type('kpi-unit-en', 'million THB');
    el.querySelector<HTMLButtonElement>('[data-testid="kpi-save"]')?.click();
    const req = http.expectOne('/api/goals/g-1/kpis');
    expect(req.request.body).toMatchObject({ code: 'K1.2.1', frequency: 'quarterly', rollup: 'sum' });
    req.flush(
      { statusCode: 409, code: 'kpi.codeTaken', message: 'รหัสตัวชี้วัดนี้มีอยู่แล้วในจังหวัดนี้', details: [{ field: 'code', messages: ['รหัสนี้มีอยู่แล้วในจังหวัดนี้'] }] },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(el.querySelector('mat-error')?.textContent?.trim()).toBe('รหัสนี้มีอยู่แล้วในจังหวัดนี้');
    expect(el.querySelector('[data-testid="kpi-form-banner"]')).toBeNull();
  });

  it('answers a stale save with "changed by someone else" and a reload, sending the version it read', async () => {
    const { fixture, http, el } = setup(KPI);
    el.querySelector<HTMLButtonElement>('[data-testid="kpi-save"]')?.click();
    const req = http.expectOne('/api/kpis/k-1');
    expect(req.request.body).toMatchObject({ version: 3, numeratorTh: 'ผู้ได้รับการคัดกรอง' });
    expect(req.request.body).not.toHaveProperty('code');
    req.flush(
      { statusCode: 409, code: 'conflict.version', message: 'ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดข้อมูลล่าสุดก่อนบันทึกอีกครั้ง' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(el.querySelector('[data-testid="kpi-form-banner"]')?.textContent).toContain('ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว');
    let reloaded = false;
    fixture.componentInstance.reload.subscribe(() => (reloaded = true));
    el.querySelector<HTMLButtonElement>('[data-testid="kpi-form-reload"]')?.click();
    expect(reloaded).toBe(true);
  });

  it('asks for the hard limits with the unit default shown, and the numerator/denominator only for a ratio', async () => {
    const { fixture, el } = setup(KPI);
    await settle(fixture);
    expect(el.querySelector('[data-testid="kpi-hard-max-default"]')?.textContent).toContain('100');
    expect(el.querySelector('[data-testid="kpi-numerator"]')).not.toBeNull();
    expect((el.querySelector('[data-testid="kpi-code"]') as HTMLInputElement).disabled).toBe(true);
  });
});

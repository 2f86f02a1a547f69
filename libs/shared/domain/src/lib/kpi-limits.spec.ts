import {
  hardLimitUnitPatterns,
  checkHardLimits,
  checkRatioHardLimits,
  defaultHardLimits,
  effectiveHardLimits,
  isPercentUnit,
  validHardLimits,
} from './kpi-limits';

const unit = (unitTh: string, unitEn: string, nameTh = '', nameEn = '') => ({ unitTh, unitEn, nameTh, nameEn });

describe('defaultHardLimits', () => {
  it.each([
    [unit('ร้อยละ', '%', 'ร้อยละขยะมูลฝอยที่ได้รับการจัดการอย่างถูกต้อง'), '0', '100'],
    [unit('ร้อยละของความจุ', '% of capacity', 'ปริมาณน้ำในอ่างเก็บน้ำหลัก'), '0', '100'],
    [unit('เปอร์เซ็นต์', 'percent'), '0', '100'],
    [unit('ร้อยละ', '%', 'อัตราการขยายตัวของผลิตภัณฑ์มวลรวมจังหวัด (GPP)', 'Growth of GPP'), '-100', null],
    [unit('ร้อยละที่เปลี่ยนแปลง', '% change'), '-100', null],
    [unit('ร้อยละ', '%', '', 'Increase in tourist arrivals'), '-100', null],
    [unit('ล้านบาท', 'million THB', 'รายได้จากการท่องเที่ยว'), '0', null],
    [unit('คน', 'people'), '0', null],
    [unit('วัน', 'days'), '0', null],
    [unit('ต่อแสนประชากร', 'per 100,000'), '0', null],
    [unit('คะแนน', 'points'), '0', null],
    [unit('ระดับ', 'level'), '0', null],
    [unit('จุด', 'hotspots'), '0', null],
  ])('%j → [%p, %p]', (kpi, min, max) => {
    expect(defaultHardLimits(kpi)).toEqual({ min, max });
  });

  it('knows a percentage by either unit', () => {
    expect(isPercentUnit(unit('ร้อยละ', ''))).toBe(true);
    expect(isPercentUnit(unit('', '%'))).toBe(true);
    expect(isPercentUnit(unit('บาท', 'THB'))).toBe(false);
  });
});

describe('effectiveHardLimits', () => {
  const pct = unit('ร้อยละ', '%');
  it('takes the default on a side the KPI leaves open', () => {
    expect(effectiveHardLimits({ ...pct })).toEqual({ min: '0', max: '100' });
    expect(effectiveHardLimits({ ...pct, hardMin: null, hardMax: null })).toEqual({ min: '0', max: '100' });
    expect(effectiveHardLimits({ ...pct, hardMax: '120' })).toEqual({ min: '0', max: '120' });
    expect(effectiveHardLimits({ ...unit('องศา', '°C'), hardMin: '-10' })).toEqual({ min: '-10', max: null });
  });
});

describe('checkHardLimits', () => {
  const pct = { min: '0', max: '100' };
  it.each([
    ['0', pct, null],
    ['100', pct, null],
    ['99.999999', pct, null],
    ['100.000001', pct, { side: 'max', limit: '100' }],
    ['500', pct, { side: 'max', limit: '100' }],
    ['-0.01', pct, { side: 'min', limit: '0' }],
    ['-1200000', { min: '0', max: null }, { side: 'min', limit: '0' }],
    ['999999999999999', { min: '0', max: null }, null],
    ['-100', { min: '-100', max: null }, null],
    ['-100.5', { min: '-100', max: null }, { side: 'min', limit: '-100' }],
    ['-5', { min: null, max: null }, null],
    [0.1, { min: '0', max: '0.1' }, null],
  ])('%p in %o → %o', (value, limits, expected) => {
    expect(checkHardLimits(value, limits)).toEqual(expected);
  });
});

describe('checkRatioHardLimits', () => {
  const pct = { min: '0', max: '100' };
  it('checks the rate, not the parts', () => {
    expect(checkRatioHardLimits('450', '500', '100', pct)).toBeNull();
    expect(checkRatioHardLimits('500', '500', '100', pct)).toBeNull();
    expect(checkRatioHardLimits('501', '500', '100', pct)).toEqual({ side: 'max', limit: '100' });
    expect(checkRatioHardLimits('-1', '500', '100', pct)).toEqual({ side: 'min', limit: '0' });
    // Per 100,000: 12 cases in 80,000 people is 15 per 100,000; no upper limit.
    expect(checkRatioHardLimits('12', '80000', '100000', { min: '0', max: null })).toBeNull();
    // Without a multiplier the rate is the plain quotient.
    expect(checkRatioHardLimits('3', '2', null, { min: '0', max: '1' })).toEqual({ side: 'max', limit: '1' });
  });

  it('leaves a denominator of 0 or below to the entry checks', () => {
    expect(checkRatioHardLimits('5', '0', '100', pct)).toBeNull();
    expect(checkRatioHardLimits('5', '-1', '100', pct)).toBeNull();
  });
});

describe('validHardLimits', () => {
  it('needs min ≤ max', () => {
    expect(validHardLimits({ min: '0', max: '100' })).toBe(true);
    expect(validHardLimits({ min: '5', max: '5' })).toBe(true);
    expect(validHardLimits({ min: '100', max: '0' })).toBe(false);
    expect(validHardLimits({ min: null, max: '-5' })).toBe(true);
    expect(validHardLimits({ min: '5', max: null })).toBe(true);
  });
});

describe('hardLimitUnitPatterns', () => {
  // The sources SQL matches case-insensitively (`~*`) must say what the unit defaults here say.
  const { percent, change } = hardLimitUnitPatterns();
  it('match a percent unit and a percent change as the defaults do', () => {
    for (const unit of ['ร้อยละ', 'Percent', '%', 'เปอร์เซ็นต์'])
      expect(new RegExp(percent, 'i').test(unit)).toBe(true);
    expect(new RegExp(percent, 'i').test('บาท')).toBe(false);
    for (const name of ['อัตราการขยายตัว', 'GDP Growth', 'ลดลง']) expect(new RegExp(change, 'i').test(name)).toBe(true);
    expect(new RegExp(change, 'i').test('สัดส่วนครัวเรือน')).toBe(false);
  });
});

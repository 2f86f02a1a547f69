import { TestBed } from '@angular/core/testing';
import { KpiSparkline, sparklinePath } from './kpi-sparkline';

describe('sparklinePath', () => {
  it('spreads the known values across the width and their range across the height, inside a 2 px margin', () => {
    // 3 values over 120 × 36: x at 2, 60, 118; the lowest (10) at y 34, the highest (30) at y 2.
    expect(sparklinePath([{ value: 10 }, { value: 30 }, { value: 20 }], 120, 36)).toBe('M2,34L60,2L118,18');
  });

  it('skips periods with no approved value rather than drawing them as zero', () => {
    expect(sparklinePath([{ value: 5 }, { value: null }, { value: 15 }], 100, 20)).toBe('M2,18L98,2');
  });

  it('draws an unchanged value as a flat line at mid-height', () => {
    expect(sparklinePath([{ value: 7 }, { value: 7 }], 50, 20)).toBe('M2,10L48,10');
  });

  it('draws nothing for fewer than two values: one point has no shape', () => {
    expect(sparklinePath([{ value: 7 }, { value: null }], 50, 20)).toBeNull();
    expect(sparklinePath([], 50, 20)).toBeNull();
  });
});

describe('KpiSparkline', () => {
  it('renders one hidden SVG path of the trend, and nothing for a single value', async () => {
    const fixture = TestBed.createComponent(KpiSparkline);
    fixture.componentRef.setInput('trend', [
      { period: '2569-M10', value: 1 },
      { period: '2569-M11', value: 3 },
    ]);
    await fixture.whenStable();
    const svg = fixture.nativeElement.querySelector('svg') as SVGElement;
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.querySelector('path')?.getAttribute('d')).toBe('M2,34L118,2');

    fixture.componentRef.setInput('trend', [{ period: '2569-M10', value: 1 }]);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('svg')).toBeNull();
  });
});

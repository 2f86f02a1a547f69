import { FormControl, FormGroup } from '@angular/forms';
import { percentOf, targetsValidator } from './year-setup.page';

const group = (q1: string, q2: string, q3: string, q4: string, lang: 'th' | 'en' = 'th') =>
  new FormGroup(
    {
      q1: new FormControl(q1, { nonNullable: true }),
      q2: new FormControl(q2, { nonNullable: true }),
      q3: new FormControl(q3, { nonNullable: true }),
      q4: new FormControl(q4, { nonNullable: true }),
    },
    { validators: targetsValidator(() => lang) },
  );

describe('the year set-up target fields', () => {
  it('accepts increasing cumulative targets within 0–100', () => {
    const g = group('30', '52', '75', '100');
    expect(g.valid).toBe(true);
  });

  it('puts a decrease on the later quarter only', () => {
    const g = group('30', '25', '75', '100');
    expect(g.controls.q2.errors).toEqual({ decreasing: true });
    expect(g.controls.q1.errors).toBeNull();
    expect(g.controls.q3.errors).toBeNull();
  });

  it('refuses above 100, below 0 and words, on their own field', () => {
    const g = group('30', '52', '75', '101');
    expect(g.controls.q4.errors).toEqual({ range: true });
    expect(group('-1', '52', '75', '100').controls.q1.errors).toEqual({ range: true });
    expect(group('abc', '52', '75', '100').controls.q1.errors).toEqual({ range: true });
  });

  it('clears the error once the quarter is corrected', () => {
    const g = group('30', '25', '75', '100');
    g.controls.q2.setValue('52');
    expect(g.controls.q2.errors).toBeNull();
    expect(g.valid).toBe(true);
  });

  it('reads decimals in the reader locale', () => {
    expect(percentOf('52.5', 'th')).toBe(52.5);
    expect(percentOf('52.555', 'th')).toBeNull();
    expect(percentOf('', 'th')).toBeNull();
  });
});

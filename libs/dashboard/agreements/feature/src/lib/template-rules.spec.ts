import { checkTemplate, DraftIndicator } from './template-rules';

const up = (weight: number | null, levels: (number | null)[] = [60, 65, 70, 75, 80]): DraftIndicator => ({
  direction: 'higher_better',
  kind: 'scale',
  weight,
  levels,
});

describe('the template form checks what the API checks', () => {
  it('accepts weights summing to exactly 100 as decimals and monotonic levels', () => {
    const c = checkTemplate([up(14.46), up(49.59), up(35.95)]);
    expect(c).toMatchObject({ total: 100, sumOk: true, valid: true, levels: [null, null, null] });
  });

  it('refuses a sum of 99.99 and says so', () => {
    const c = checkTemplate([up(60), up(39.99)]);
    expect(c).toMatchObject({ total: 99.99, sumOk: false, valid: false });
  });

  it('marks levels out of order in their direction, or missing', () => {
    const down: DraftIndicator = { direction: 'lower_better', kind: 'scale', weight: 50, levels: [10, 8, 6, 4, 2] };
    const c = checkTemplate([down, up(50, [60, 65, 65, 75, 80])]);
    expect(c.levels).toEqual([null, 'order']);
    expect(checkTemplate([{ ...down, levels: [2, 4, 6, 8, 10] }]).levels).toEqual(['order']);
    expect(checkTemplate([up(100, [60, null, 70, 75, 80])]).levels).toEqual(['missing']);
  });

  it('marks a weight that is missing, not positive or too precise', () => {
    const c = checkTemplate([up(null), up(0), up(33.333)]);
    expect(c.weights).toEqual([true, true, true]);
    expect(c.total).toBeNull();
    expect(c.valid).toBe(false);
  });
});

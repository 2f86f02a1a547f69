import { nextCode, sortedBySeq } from './plan-outline';

describe('nextCode', () => {
  it.each([
    ['I', null, [], 'I1'],
    ['I', null, [{ code: 'I1' }, { code: 'I2' }], 'I3'],
    ['G', 'I2', [], 'G2.1'],
    ['G', 'I2', [{ code: 'G2.1' }, { code: 'G2.4' }], 'G2.5'],
    ['S', 'G2.1', [{ code: 'S2.1.1' }], 'S2.1.2'],
    ['G', 'T1', [{ code: 'TG1' }], 'G1.2'],
  ])('%s under %s after %j → %s', (prefix, parent, siblings, expected) => {
    expect(nextCode(prefix as string, parent as string | null, siblings as { code: string }[])).toBe(expected);
  });
});

describe('sortedBySeq', () => {
  it('orders by seq without touching the input, retired ones kept', () => {
    const input = [
      { code: 'b', seq: 2, retired: true },
      { code: 'a', seq: 1, retired: false },
    ];
    expect(sortedBySeq(input).map((x) => x.code)).toEqual(['a', 'b']);
    expect(input[0].code).toBe('b');
  });
});

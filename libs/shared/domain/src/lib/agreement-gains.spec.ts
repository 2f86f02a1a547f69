import { agreementGains, whereToGainMost } from './agreement-gains';

describe('agreement gains: the points the next level would add', () => {
  // Weights 60 / 40: A at 2.5 (next level 3), B at 4.2 (next 5), C-less total 100.
  const lines = [
    { indicatorId: 'A', weight: 60, score: 2.5, nextLevel: { level: 3, value: 70 } },
    { indicatorId: 'B', weight: 30, score: 4.2, nextLevel: { level: 5, value: 10 } },
    { indicatorId: 'C', weight: 10, score: 5, nextLevel: null },
  ];

  it('is w·(L − s)/Σw per indicator, with the level reached', () => {
    const gains = agreementGains(lines);
    expect(gains.map((g) => g.indicatorId)).toEqual(['A', 'B', 'C']);
    expect(gains[0].points).toBeCloseTo(0.3, 12); // 60 × 0.5 / 100
    expect(gains[1].points).toBeCloseTo(0.24, 12); // 30 × 0.8 / 100
    expect(gains[2].points).toBe(0);
    expect(gains.map((g) => g.levelReached)).toEqual([2, 4, 5]);
  });

  it('counts an indicator without a result from 0 to level 1', () => {
    const [g] = agreementGains([
      { indicatorId: 'X', weight: 20, score: null, nextLevel: { level: 1, value: 60 } },
      { indicatorId: 'Y', weight: 80, score: 3, nextLevel: { level: 4, value: 75 } },
    ]);
    expect(g).toEqual({ indicatorId: 'X', levelReached: 0, points: 0.2 });
  });

  it('sorts where to gain most by points, leaving out what is at level 5', () => {
    expect(whereToGainMost(lines).map((g) => g.indicatorId)).toEqual(['A', 'B']);
    const tie = [
      { indicatorId: 'P', weight: 50, score: 1, nextLevel: { level: 2, value: 2 } },
      { indicatorId: 'Q', weight: 50, score: 1, nextLevel: { level: 2, value: 2 } },
    ];
    expect(whereToGainMost(tie).map((g) => g.indicatorId)).toEqual(['P', 'Q']);
  });

  it('gives nothing for an empty agreement', () => {
    expect(agreementGains([])).toEqual([]);
    expect(whereToGainMost([{ indicatorId: 'Z', weight: 0, score: 0, nextLevel: { level: 1, value: 1 } }])).toEqual([]);
  });
});

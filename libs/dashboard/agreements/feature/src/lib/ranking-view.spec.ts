import { percentOf, rankChangeLabel, rankingQuery, roundFromParam, scoreChangeLabel } from './ranking-view';

describe("the ministry's ranking view helpers", () => {
  it('reads the round from the address, live by default', () => {
    expect(roundFromParam('6')).toBe(6);
    expect(roundFromParam('12')).toBe(12);
    expect(roundFromParam(null)).toBe('live');
    expect(roundFromParam('9')).toBe('live');
    expect(rankingQuery(2569, 12)).toBe('fiscalYear=2569&round=12');
  });

  it('labels rank and score changes with a shape and a sign, not colour alone', () => {
    expect(rankChangeLabel(2)).toBe('▲ 2');
    expect(rankChangeLabel(-1)).toBe('▼ 1');
    expect(rankChangeLabel(0)).toBe('–');
    expect(rankChangeLabel(null)).toBe('');
    expect(scoreChangeLabel(1.2)).toBe('+1.2000');
    expect(scoreChangeLabel(-0.6)).toBe('−0.6000');
    expect(scoreChangeLabel(0)).toBe('0.0000');
  });

  it('gives progress as a whole percentage', () => {
    expect(percentOf(38, 77)).toBe(49);
    expect(percentOf(0, 0)).toBe(0);
  });
});

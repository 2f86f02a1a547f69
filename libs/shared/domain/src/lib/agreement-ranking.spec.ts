import {
  AGREEMENT_SCORE_BANDS,
  agreementMoves,
  agreementMovers,
  agreementScoreBand,
  agreementScoreHistogram,
  clusterAgreementScore,
  previousAgreementRound,
  rankAgreementScores,
  summarizeAgreementScores,
} from './agreement-ranking';

describe('agreement score bands', () => {
  it('are six: five unit-wide bands and the full score', () => {
    expect(AGREEMENT_SCORE_BANDS.map((b) => [b.from, b.to])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 5],
    ]);
  });

  it('puts each score in the band of its integer part, 5 alone in the last', () => {
    expect(agreementScoreBand(0)).toBe(0);
    expect(agreementScoreBand(0.9999)).toBe(0);
    expect(agreementScoreBand(1)).toBe(1);
    expect(agreementScoreBand(3.765)).toBe(3);
    expect(agreementScoreBand(4.9999)).toBe(4);
    expect(agreementScoreBand(5)).toBe(5);
  });

  it('bands the four-decimal figure the screen shows', () => {
    // 2.99996 is shown as 3.0000, so it is counted in the 3–4 band, not 2–3.
    expect(agreementScoreBand(2.99996)).toBe(3);
    expect(agreementScoreBand(4.99995)).toBe(5);
  });

  it('refuses a score that is not a number', () => {
    expect(() => agreementScoreBand(Number.NaN)).toThrow(RangeError);
  });

  it('counts a histogram in band order, empty bands included', () => {
    expect(agreementScoreHistogram([3.2, 3.9, 4.1, 5, 0.5]).map((b) => b.count)).toEqual([1, 0, 0, 2, 1, 1]);
    expect(agreementScoreHistogram([]).map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('summarizeAgreementScores', () => {
  it('gives quartiles as Excel QUARTILE.INC does, the mean and the population standard deviation', () => {
    const s = summarizeAgreementScores([4, 1, 3, 2]);
    expect(s).toEqual({
      count: 4,
      min: 1,
      q1: 1.75,
      median: 2.5,
      q3: 3.25,
      max: 4,
      mean: 2.5,
      stdDev: Math.sqrt(1.25),
    });
  });

  it('is empty-safe', () => {
    expect(summarizeAgreementScores([])).toEqual({
      count: 0,
      min: null,
      q1: null,
      median: null,
      q3: null,
      max: null,
      mean: null,
      stdDev: null,
    });
  });
});

describe('rankAgreementScores', () => {
  it('ranks highest first, ties on the four-decimal figure share a rank and the next skips', () => {
    const ranks = rankAgreementScores([
      { code: '10', score: 3.5 },
      { code: '11', score: 4.20001 },
      { code: '12', score: 4.2 },
      { code: '13', score: 2 },
      { code: '14', score: null },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ '11': 1, '12': 1, '10': 3, '13': 4 });
  });
});

describe('previousAgreementRound', () => {
  it('compares 12 months with 6 months, 6 months with last year, live with the last frozen round', () => {
    expect(previousAgreementRound(2569, 12, false)).toEqual({ fiscalYear: 2569, round: 6 });
    expect(previousAgreementRound(2569, 6, true)).toEqual({ fiscalYear: 2568, round: 12 });
    expect(previousAgreementRound(2569, 'live', false)).toEqual({ fiscalYear: 2569, round: 6 });
    expect(previousAgreementRound(2569, 'live', true)).toEqual({ fiscalYear: 2569, round: 12 });
  });
});

describe('movers', () => {
  const previous = [
    { code: '10', score: 3, rank: 2 },
    { code: '11', score: 4, rank: 1 },
    { code: '12', score: 2, rank: 3 },
    { code: '13', score: 1, rank: 4 },
  ];
  const current = [
    { code: '10', score: 4.5, rank: 1 },
    { code: '11', score: 3.5, rank: 2 },
    { code: '12', score: 2, rank: 3 },
    { code: '13', score: 1.25, rank: 4 },
    { code: '14', score: 5, rank: null },
  ];

  it('pairs the units scored in both rounds with their score and rank change', () => {
    const moves = agreementMoves(current, previous);
    expect(moves.map((m) => m.code)).toEqual(['10', '11', '12', '13']);
    expect(moves[0]).toEqual({
      code: '10',
      score: 4.5,
      previousScore: 3,
      scoreChange: 1.5,
      rank: 1,
      previousRank: 2,
      rankChange: 1,
    });
    expect(moves[1].rankChange).toBe(-1);
  });

  it('rounds the score change to four decimals', () => {
    const [m] = agreementMoves([{ code: '10', score: 0.3, rank: 1 }], [{ code: '10', score: 0.1, rank: 1 }]);
    expect(m.scoreChange).toBe(0.2);
  });

  it('lists the biggest gains and falls, leaving out the unchanged, within the limit', () => {
    const { gains, falls } = agreementMovers(agreementMoves(current, previous), 1);
    expect(gains.map((m) => m.code)).toEqual(['10']);
    expect(falls.map((m) => m.code)).toEqual(['11']);
    const all = agreementMovers(agreementMoves(current, previous));
    expect(all.gains.map((m) => m.code)).toEqual(['10', '13']);
    expect(all.falls.map((m) => m.code)).toEqual(['11']);
  });
});

describe('clusterAgreementScore', () => {
  it('is the mean of the scored members, four decimals', () => {
    expect(clusterAgreementScore([3, 4, null, 4])).toBe(3.6667);
    expect(clusterAgreementScore([null, null])).toBeNull();
  });
});

import type { AgreementDto, AgreementScoreLineDto } from '@provdash/shared/contracts';
import { exactScore, gainRows, indicatorRows, roundDueFrom, roundState, shortScore } from './agreement-view';

const line = (id: string, weight: number, score: number | null, next: number | null): AgreementScoreLineDto => ({
  indicatorId: id,
  code: id,
  nameTh: id,
  nameEn: id,
  unitTh: 'ร้อยละ',
  unitEn: '%',
  direction: 'higher_better',
  kind: 'scale',
  weight,
  levels: [60, 65, 70, 75, 80],
  kpiCode: null,
  actual: score === null ? null : 60 + 5 * (score - 1),
  score,
  counted: score !== null,
  contribution: null,
  nextLevel: next === null ? null : { level: next, value: 60 + 5 * (next - 1) },
});

const agreement = (patch: Partial<AgreementDto>): AgreementDto =>
  ({ fiscalYear: 2569, status: 'agreed', rounds: [], reviews: [], ...patch }) as AgreementDto;

describe('the agreement as the governor reads it', () => {
  it('shows scores to two decimals, the exact four on demand', () => {
    expect(shortScore(3.765)).toBe('3.77');
    expect(exactScore(3.765)).toBe('3.7650');
    expect(shortScore('2.4000')).toBe('2.40');
    expect(shortScore(null)).toBe('–');
  });

  it('gives each indicator its level reached and the points its next level adds, and sorts where to gain most', () => {
    const lines = [line('A', 20, 4.5, 5), line('B', 50, 2.2, 3), line('C', 30, 5, null)];
    expect(indicatorRows(lines).map((r) => [r.line.code, r.levelReached, Number(r.points.toFixed(4))])).toEqual([
      ['A', 4, 0.1],
      ['B', 2, 0.4],
      ['C', 5, 0],
    ]);
    expect(gainRows(lines).map((r) => r.line.code)).toEqual(['B', 'A']);
  });

  it('knows where each round stands', () => {
    expect(roundDueFrom(2569, 6)).toBe('2026-04-01');
    expect(roundDueFrom(2569, 12)).toBe('2026-10-01');
    expect(roundState(agreement({}), 6, '2026-03-31')).toBe('notDue');
    expect(roundState(agreement({}), 6, '2026-04-01')).toBe('open');
    expect(roundState(agreement({}), 12, '2026-10-02')).toBe('waiting');
    const submitted = agreement({ reviews: [{ round: 6, status: 'submitted' } as AgreementDto['reviews'][number]] });
    expect(roundState(submitted, 6, '2026-04-02')).toBe('submitted');
    const frozen = agreement({
      status: 'evaluated_6',
      reviews: [{ round: 6, status: 'frozen' } as AgreementDto['reviews'][number]],
    });
    expect(roundState(frozen, 6, '2026-04-02')).toBe('frozen');
    expect(roundState(frozen, 12, '2026-10-02')).toBe('open');
    // Rounds frozen before the centre evaluated (the demo's earlier years) have no review.
    expect(
      roundState(
        agreement({ status: 'evaluated_6', rounds: [{ round: 6 } as AgreementDto['rounds'][number]] }),
        6,
        '2026-05-01',
      ),
    ).toBe('frozen');
  });
});

import { validate } from 'class-validator';
import { dateProblem, IsCalendarDate, IsCalendarMonth, IsInstant } from './dates';
import { IsDecimalNumber } from './decimal';

describe('dateProblem', () => {
  it.each([
    ['2026-02-28', 'date', null],
    ['2028-02-29', 'date', null],
    ['2026-02-30', 'date', 'isCalendarDate'],
    ['2026-10', 'date', 'isCalendarDate'],
    ['2026-13-01', 'date', 'isCalendarDate'],
    ['2569-10-01', 'date', 'buddhistEraYear'],
    ['1900-01-01', 'date', 'dateOutOfRange'],
    ['9999-12-31', 'date', 'dateOutOfRange'],
    ['2101-01-01', 'date', 'dateOutOfRange'],
    ['2026-10', 'month', null],
    ['2569-10', 'month', 'buddhistEraYear'],
    ['2026-1', 'month', 'isCalendarDate'],
    ['2026-10-01', 'month', 'isCalendarDate'],
    ['2026-10-01', 'instant', null],
    ['2026-10-01T08:00:00+07:00', 'instant', null],
    ['2026-10-01T08:00:00.123Z', 'instant', null],
    ['2026-02-30T08:00:00Z', 'instant', 'isCalendarDate'],
    ['2026-10-01T08:00:00', 'instant', 'isCalendarDate'],
    ['2026-10', 'instant', 'isCalendarDate'],
  ] as const)('%s as a %s → %s', (text, kind, problem) => {
    expect(dateProblem(text, kind)).toBe(problem);
  });

  it('refuses what is not text', () => {
    expect(dateProblem(20261001, 'date')).toBe('isCalendarDate');
  });
});

class Probe {
  @IsCalendarDate() day!: unknown;
  @IsCalendarMonth() month!: unknown;
  @IsInstant() from!: unknown;
  @IsDecimalNumber(2) percent!: unknown;
}

const probe = (fields: Partial<Probe>) =>
  Object.assign(new Probe(), { day: '2026-01-31', month: '2026-01', from: '2026-01-31', percent: 45.5 }, fields);

describe('date and number decorators', () => {
  it('accept good values', async () => {
    expect(await validate(probe({}))).toEqual([]);
  });

  it('name the problem, one constraint per field, with a message saying what to type', async () => {
    const errors = await validate(probe({ day: '2569-01-31', month: '2101-01', from: '2026-02-30T08:00:00Z' }));
    const byField = Object.fromEntries(errors.map((e) => [e.property, e.constraints]));
    expect(byField.day).toEqual({ buddhistEraYear: expect.stringMatching(/Gregorian.*subtract 543/) });
    expect(byField.month).toEqual({ dateOutOfRange: 'month must lie between 2000-01-01 and 2100-12-31' });
    expect(byField.from).toEqual({ isCalendarDate: expect.stringMatching(/exists/) });
    // The audit filter may ask about any year.
    expect(await validate(probe({ from: '2999-01-01T00:00:00Z' }))).toEqual([]);
  });

  it('refuse numbers in exponent form below the decimals allowed, rather than throwing as IsNumber does', async () => {
    for (const percent of [1e-7, 45.555, Infinity, NaN, '45']) {
      const errors = await validate(probe({ percent }));
      expect(errors.map((e) => Object.keys(e.constraints ?? {}))).toEqual([['isFiniteNumber']]);
    }
    expect(await validate(probe({ percent: 1e2 }))).toEqual([]);
  });
});

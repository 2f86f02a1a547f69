import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

/** Decimal as PostgreSQL `numeric` takes it: no exponent, at most 15 digits before and 6 after the point. */
export const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

/**
 * A decimal field of a request body: a JSON number or a string, kept as text so no float rounding
 * creeps in between the request and the `numeric` column.
 */
export const IsDecimal = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value)),
    Matches(DECIMAL),
  );

import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

/** Decimal as PostgreSQL `numeric` takes it: no exponent, at most 15 digits before and 6 after the point. */
export const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

const asText = (v: unknown) => (typeof v === 'number' ? String(v) : v);

/**
 * A decimal field of a request body (or, with `each`, a list of them): JSON numbers or strings,
 * kept as text so no float rounding creeps in between the request and the `numeric` column.
 * `pattern` narrows the shape where the column is narrower (a weight in numeric(5,2)).
 */
export const IsDecimal = (options: { pattern?: RegExp; each?: boolean } = {}) =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      options.each && Array.isArray(value) ? value.map(asText) : asText(value),
    ),
    Matches(options.pattern ?? DECIMAL, { each: options.each }),
  );

import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { Matches, ValidateBy, ValidationOptions } from 'class-validator';

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

/**
 * A JSON number with at most `places` decimals. class-validator's `IsNumber({ maxDecimalPlaces })`
 * reads the decimals from `String(value)` and throws on exponent form (`1e-7` has no ".") — a 500.
 * Here the number must survive rounding to `places` decimals unchanged, whatever its notation.
 */
export const IsDecimalNumber = (places: number, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isFiniteNumber',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value,
        defaultMessage: () => `$property must be a number with at most ${places} decimals`,
      },
    },
    options,
  );

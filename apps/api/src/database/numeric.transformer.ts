import { ValueTransformer } from 'typeorm';

/**
 * pg returns `numeric` as a string to avoid losing precision. Coordinates and
 * other non-money values fit a JS number, so they are converted at the edge;
 * money stays a string (see DESIGN: never float for money).
 */
export const numericToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

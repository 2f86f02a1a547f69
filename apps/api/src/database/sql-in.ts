/**
 * `"column" IN ('a', 'b')` for an entity's `@Check`, from a word list of the domain's vocabulary,
 * spelt as the migrations spelt it, so the drift spec compares like with like.
 */
export const sqlIn = (column: string, values: readonly string[]): string =>
  `"${column}" IN (${values.map((v) => `'${v}'`).join(', ')})`;

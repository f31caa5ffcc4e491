/**
 * The storage module's BigInt policy, applied where values leave DuckDB: a `BIGINT` (or other
 * 64-bit integer) becomes a `number` when it is a safe integer, otherwise a decimal `string`.
 * Hot read paths avoid BigInt altogether by casting to DOUBLE in SQL (exact below 2^53, which
 * covers epoch milliseconds and row counts).
 */
export function normaliseBigInt(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

/** Reads a numeric cell as a `number`; a 64-bit integer outside the safe range is refused. */
export function cellToNumber(value: unknown, what: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') {
    const normalised = normaliseBigInt(value);
    if (typeof normalised === 'number') return normalised;
    throw new RangeError(`${what} ${normalised} is outside the safe integer range`);
  }
  throw new TypeError(`${what} is not numeric (${typeof value})`);
}

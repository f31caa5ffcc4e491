import { describe, expect, it } from 'vitest';
import { cellToNumber, normaliseBigInt } from './bigIntPolicy.ts';

describe('BigInt policy', () => {
  it('turns safe 64-bit integers into numbers and the rest into decimal strings', () => {
    expect(normaliseBigInt(1_750_000_000_000n)).toBe(1_750_000_000_000);
    expect(normaliseBigInt(-(2n ** 53n) + 1n)).toBe(-(2 ** 53) + 1);
    expect(normaliseBigInt(2n ** 53n)).toBe('9007199254740992');
    expect(normaliseBigInt(-(2n ** 63n))).toBe('-9223372036854775808');
  });

  it('refuses to read an unsafe integer as a number', () => {
    expect(cellToNumber(42n, 'count')).toBe(42);
    expect(cellToNumber(1.5, 'value')).toBe(1.5);
    expect(() => cellToNumber(2n ** 60n, 'count')).toThrow(/count 1152921504606846976 is outside/);
    expect(() => cellToNumber('7', 'count')).toThrow(TypeError);
  });
});

import { describe, expect, it } from 'vitest';
import { sameStorey } from './sameStorey.ts';

describe('sameStorey', () => {
  it('matches padded registry storeys with IFC storey names', () => {
    expect(sameStorey('F03', 'F3')).toBe(true);
    expect(sameStorey('B1', 'B01')).toBe(true);
    expect(sameStorey('F10', 'F1')).toBe(false);
    expect(sameStorey('B1', 'F1')).toBe(false);
  });
});

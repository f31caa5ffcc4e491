import { describe, expect, it } from 'vitest';
import { srgbToLinearByte } from './linearColor.ts';

describe('srgbToLinearByte', () => {
  it('maps display values to linear bytes, keeping black and white', () => {
    expect(srgbToLinearByte(0)).toBe(0);
    expect(srgbToLinearByte(1)).toBe(255);
    expect(srgbToLinearByte(0.5)).toBe(55);
    expect(srgbToLinearByte(1.2)).toBe(255);
  });
});

import { describe, expect, it } from 'vitest';
import { sceneBuildMode } from './sceneBuildMode.ts';

describe('sceneBuildMode', () => {
  it('merges unless the page asks for the naive baseline', () => {
    expect(sceneBuildMode('')).toBe('merged');
    expect(sceneBuildMode('?scene=naive&x=1')).toBe('naive');
    expect(sceneBuildMode('?scene=other')).toBe('merged');
  });
});

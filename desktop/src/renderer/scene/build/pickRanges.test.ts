import { describe, expect, it } from 'vitest';
import { PickRanges } from './pickRanges.ts';

describe('PickRanges', () => {
  const ranges = new PickRanges();
  ranges.add(0, 10, 0, 3);
  ranges.add(10, 5, 0, 3); // same owner, adjacent: merged
  ranges.add(20, 4, 7, 1);
  ranges.add(24, 1, 0, 4);

  it('finds the owner of a triangle by binary search, and nothing in gaps', () => {
    expect(ranges.lookup(0)).toEqual({ owner: 0, subOwner: 3 });
    expect(ranges.lookup(14)).toEqual({ owner: 0, subOwner: 3 });
    expect(ranges.lookup(17)).toBeUndefined();
    expect(ranges.lookup(23)).toEqual({ owner: 7, subOwner: 1 });
    expect(ranges.lookup(24)).toEqual({ owner: 0, subOwner: 4 });
    expect(ranges.lookup(25)).toBeUndefined();
  });

  it('merges adjacent ranges of one owner and lists the ranges of an owner', () => {
    expect(ranges.rangesOf(0)).toEqual([[0, 15], [24, 1]]);
    expect(ranges.rangesOf(0, 4)).toEqual([[24, 1]]);
  });

  it('refuses ranges out of order', () => {
    expect(() => ranges.add(3, 2, 1)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { WarningList } from './warningList.ts';

describe('WarningList', () => {
  it('keeps the first place of each kind of problem and counts the repeats', () => {
    const warnings = new WarningList();
    warnings.add('ring', 'a ring is not closed', { file: 'a.geojson', pointer: '/features/3' });
    warnings.add('ring', 'a ring is not closed', { file: 'a.geojson', pointer: '/features/9' });
    warnings.add('crs', 'legacy crs');
    expect(warnings.toArray()).toEqual([
      { message: 'a ring is not closed', where: { file: 'a.geojson', pointer: '/features/3' }, count: 2 },
      { message: 'legacy crs' },
    ]);
  });

  it('lists at most the given number of kinds, then counts what it drops', () => {
    const warnings = new WarningList(2);
    for (const key of ['a', 'b', 'c', 'd', 'a']) warnings.add(key, key);
    expect(warnings.toArray()).toEqual([{ message: 'a', count: 2 }, { message: 'b' }, { message: 'more than 2 kinds of warning; the rest are not listed', count: 2 }]);
  });
});

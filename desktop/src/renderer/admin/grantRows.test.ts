import { describe, expect, it } from 'vitest';
import { grantRowsOf, grantsOf } from './grantRows.ts';

describe('grant rows of the user form (PLAT-8 domain-based permission allocation)', () => {
  it('PLAT-8 leaves empty scope values out, so an empty scope is the whole domain', () => {
    expect(grantsOf([{ role: 'operator', community: '', zone: ' zone-a ', building: '', layer: 'gas' }])).toEqual([{ role: 'operator', scope: { zone: 'zone-a', layer: 'gas' } }]);
    expect(grantsOf([{ role: 'administrator', community: '', zone: '', building: '', layer: '' }])).toEqual([{ role: 'administrator', scope: {} }]);
  });

  it('round-trips grants through rows', () => {
    const grants = [
      { role: 'crew' as const, scope: { building: 'B01', layer: 'water' } },
      { role: 'viewer' as const, scope: {} },
    ];
    expect(grantsOf(grantRowsOf(grants))).toEqual(grants);
  });
});

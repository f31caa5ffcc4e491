import { describe, expect, it } from 'vitest';
import { subscriptionMask } from './subscriptionMask.ts';
import { testCatalog } from '../test/testCatalog.ts';

const catalog = testCatalog();
const selected = (mask: Uint8Array) => catalog.sensors.filter((_, i) => mask[i] === 1).map((s) => s.id);

describe('subscriptionMask', () => {
  it('selects everything for an empty filter', () => {
    expect(subscriptionMask(catalog, {}).count).toBe(catalog.size);
  });

  it('combines fields with AND and values with OR', () => {
    expect(selected(subscriptionMask(catalog, { layers: ['air', 'gas'] }).mask)).toEqual(['co2-1', 'gas_lel-1']);
    expect(selected(subscriptionMask(catalog, { layers: ['air', 'gas'], areas: ['zone-b'] }).mask)).toEqual(['gas_lel-1']);
    expect(selected(subscriptionMask(catalog, { kinds: ['noise'], sensors: ['noise-1', 'co2-1'] }).mask)).toEqual(['noise-1']);
  });

  it('gives equal filters the same key whatever their order, so they share frames', () => {
    const a = subscriptionMask(catalog, { kinds: ['noise', 'co2'], areas: ['zone-b'] });
    const b = subscriptionMask(catalog, { areas: ['zone-b'], kinds: ['co2', 'noise', 'co2'] });
    expect(a.key).toBe(b.key);
    expect(subscriptionMask(catalog, { kinds: ['noise'] }).key).not.toBe(a.key);
  });
});

import { describe, expect, it } from 'vitest';
import { anyScopeCovers, describeScope, scopeCovers, scopesOverlap, SPANS_ALL } from './scopeMatch.ts';

describe('scopes (PLAT-8 domain-based allocation)', () => {
  const sensorInB01 = { community: 'c1', zone: 'zone-a', building: 'B01', layer: 'air' };
  const outdoorSensor = { community: 'c1', zone: 'zone-a', layer: 'environment' };
  const site = { community: 'c1', zone: SPANS_ALL, building: SPANS_ALL, layer: SPANS_ALL };
  const gasNetwork = { community: 'c1', zone: SPANS_ALL, building: SPANS_ALL, layer: 'gas' };

  it('an empty scope covers everything', () => {
    for (const target of [sensorInB01, outdoorSensor, site, gasNetwork, {}]) expect(scopeCovers({}, target)).toBe(true);
  });

  it('each named dimension must match', () => {
    expect(scopeCovers({ zone: 'zone-a' }, sensorInB01)).toBe(true);
    expect(scopeCovers({ zone: 'zone-b' }, sensorInB01)).toBe(false);
    expect(scopeCovers({ zone: 'zone-a', layer: 'gas' }, sensorInB01)).toBe(false);
    expect(scopeCovers({ community: 'c2' }, sensorInB01)).toBe(false);
  });

  it('a target without a value in a named dimension is outside: an outdoor sensor is in no building', () => {
    expect(scopeCovers({ building: 'B01' }, outdoorSensor)).toBe(false);
  });

  it('a spanning target is inside every value of the dimensions it spans', () => {
    expect(scopeCovers({ zone: 'zone-e', building: 'B26' }, site)).toBe(true);
    expect(scopeCovers({ zone: 'zone-b' }, gasNetwork)).toBe(true);
    expect(scopeCovers({ layer: 'water' }, gasNetwork)).toBe(false);
  });

  it('anyScopeCovers is a union', () => {
    expect(anyScopeCovers([{ zone: 'zone-b' }, { building: 'B01' }], sensorInB01)).toBe(true);
    expect(anyScopeCovers([], sensorInB01)).toBe(false);
  });

  it('scopesOverlap: a grant must be able to hold data of the domain', () => {
    expect(scopesOverlap({}, { community: 'c1' })).toBe(true);
    expect(scopesOverlap({ layer: 'gas' }, { zone: 'zone-a' })).toBe(true);
    expect(scopesOverlap({ zone: 'zone-b' }, { zone: 'zone-a' })).toBe(false);
    expect(scopesOverlap({ zone: 'zone-a', building: 'B01' }, { zone: 'zone-a' })).toBe(true);
  });

  it('describes scopes', () => {
    expect(describeScope({})).toBe('*');
    expect(describeScope({ zone: 'zone-a', layer: 'gas' })).toBe('zone=zone-a,layer=gas');
  });
});

import { describe, expect, it } from 'vitest';
import { buildNetworkGraph, components, isConnected, type GraphFeature } from './networkGraph.ts';

const node = (id: string, featureType = 'junction'): GraphFeature => ({ id, geometry: { type: 'Point' }, properties: { id, featureType } });
const link = (id: string, from: string, to: string): GraphFeature => ({ id, geometry: { type: 'LineString' }, properties: { id, featureType: 'pipe', from, to } });
const device = (id: string, attachedTo: string): GraphFeature => ({ id, geometry: { type: 'Point' }, properties: { id, featureType: 'leak-detector', attachedTo } });

describe('buildNetworkGraph', () => {
  it('reads Points as nodes, LineStrings as links and attached Points as devices', () => {
    const g = buildNetworkGraph({ features: [node('S', 'intake'), node('V', 'valve'), node('A'), link('P1', 'S', 'V'), link('P2', 'V', 'A'), device('D1', 'A')] });
    expect([...g.nodes.keys()]).toEqual(['S', 'V', 'A']);
    expect([...g.links.keys()]).toEqual(['P1', 'P2']);
    expect([...g.devices.keys()]).toEqual(['D1']);
    expect(g.incident.get('V')).toEqual(['P1', 'P2']);
    expect([...g.valves]).toEqual(['V']);
    expect([...g.sources]).toEqual(['S']);
  });

  it('rejects duplicate ids, links without ends and dangling references', () => {
    expect(() => buildNetworkGraph({ features: [node('A'), node('A')] })).toThrow(/duplicate feature id A/);
    expect(() => buildNetworkGraph({ features: [node('A'), { id: 'P', geometry: { type: 'LineString' }, properties: {} }] })).toThrow(/P lacks from\/to/);
    expect(() => buildNetworkGraph({ features: [node('A'), link('P', 'A', 'B')] })).toThrow(/unknown node B/);
    expect(() => buildNetworkGraph({ features: [node('A'), device('D', 'X')] })).toThrow(/unknown node X/);
  });

  it('finds connected components in feature order', () => {
    const g = buildNetworkGraph({ features: [node('A'), node('B'), node('C'), node('D'), link('P1', 'A', 'C'), link('P2', 'D', 'B')] });
    expect(components(g)).toEqual([['A', 'C'], ['B', 'D']]);
    expect(isConnected(g)).toBe(false);
    const joined = buildNetworkGraph({ features: [node('A'), node('B'), node('C'), link('P1', 'A', 'B'), link('P2', 'B', 'C'), link('P3', 'C', 'A')] });
    expect(isConnected(joined)).toBe(true);
    expect(isConnected(buildNetworkGraph({ features: [] }))).toBe(true);
  });

  it('lets the caller say what counts as a valve or a source', () => {
    const g = buildNetworkGraph(
      { features: [node('T', 'transformer'), node('B', 'breaker')] },
      { isValve: (n) => n.featureType === 'breaker', isSource: (n) => n.featureType === 'transformer' },
    );
    expect([...g.valves]).toEqual(['B']);
    expect([...g.sources]).toEqual(['T']);
  });
});

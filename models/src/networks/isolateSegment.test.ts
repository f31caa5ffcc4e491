import { describe, expect, it } from 'vitest';
import { generateCommunity } from '../community/generateCommunity.ts';
import { isolateSegment } from './isolateSegment.ts';
import { buildNetworkGraph, type GraphFeature } from './networkGraph.ts';

const node = (id: string, featureType = 'junction'): GraphFeature => ({ id, geometry: { type: 'Point' }, properties: { id, featureType } });
const link = (id: string, from: string, to: string): GraphFeature => ({ id, geometry: { type: 'LineString' }, properties: { id, featureType: 'pipe', from, to } });

/**
 *   S ─P1─ V1 ─P2─ J ─P3─ V2 ─P4─ K ─P5─ V4 ─P6─ S2
 *                  │
 *                  P7
 *                  │
 *                  V3 ─P8─ M (a building, no source behind)
 */
const fixture = buildNetworkGraph({
  features: [
    node('S', 'intake'), node('V1', 'valve'), node('J'), node('V2', 'valve'), node('K'), node('V4', 'valve'), node('S2', 'intake'), node('V3', 'valve'), node('M', 'meter'),
    link('P1', 'S', 'V1'), link('P2', 'V1', 'J'), link('P3', 'J', 'V2'), link('P4', 'V2', 'K'), link('P5', 'K', 'V4'), link('P6', 'V4', 'S2'), link('P7', 'J', 'V3'), link('P8', 'V3', 'M'),
  ],
});

describe('isolateSegment', () => {
  it('closes the boundary valves with a source behind them and leaves the dead ends open', () => {
    const result = isolateSegment(fixture, 'P3');
    expect(result.isolable).toBe(true);
    expect(result.valves).toEqual(['V1', 'V2']);
    // The segment J (P2, P3, P7) plus the building behind V3, which loses supply with it.
    expect(result.nodes).toEqual(['J', 'V3', 'M']);
    expect(result.links).toEqual(['P2', 'P3', 'P7', 'P8']);
  });

  it('cuts a service line off with its own valve only', () => {
    expect(isolateSegment(fixture, 'P8')).toMatchObject({ isolable: true, valves: ['V3'], nodes: ['M'], links: ['P8'] });
  });

  it('reports a segment holding a source as not isolable', () => {
    expect(isolateSegment(fixture, 'P1')).toMatchObject({ isolable: false, valves: ['V1'] });
  });

  it('names an unknown pipe', () => {
    expect(() => isolateSegment(fixture, 'NOPE')).toThrow(/no link NOPE/);
  });
});

describe('isolateSegment on the sample gas network', () => {
  const { networks } = generateCommunity();
  const gas = buildNetworkGraph(networks.gas);

  it("MUN-5 a leak on B03's service line is cut off by closing its emergency shut-off valve alone", () => {
    const afterValve = [...gas.links.values()].find((l) => l.from === 'B03/GAS-ESV')!;
    const result = isolateSegment(gas, afterValve.id);
    expect(result.valves).toEqual(['B03/GAS-ESV']);
    expect(result.nodes).toEqual(['B03/GAS-METER', 'B03/GAS-RISER-1']);
    expect(result.devices).toEqual([]);
  });

  it("MUN-5 isolating the main section that feeds B03 closes only valve wells and cuts off B03's riser connection, never a source", () => {
    const service = [...gas.links.values()].find((l) => l.to === 'B03/GAS-ESV')!;
    const tee = service.from;
    const main = gas.incident.get(tee)!.find((id) => id !== service.id)!;
    const result = isolateSegment(gas, main);
    expect(result.isolable).toBe(true);
    expect(result.valves.length).toBeGreaterThanOrEqual(2);
    for (const valve of result.valves) expect(gas.nodes.get(valve)!.properties['valveType']).toBe('section');
    expect(result.nodes).toContain('B03/GAS-RISER-1');
    expect(result.nodes).toContain('B03/GAS-ESV');
    for (const id of result.nodes) expect(gas.sources.has(id), id).toBe(false);
    expect(result.nodes).not.toContain('GAS-RS-01');
    expect(result.devices).toContain('GAS-LD-B03');
  });

  it('isolates every gas pipe downstream of the regulator without touching a source', () => {
    for (const link of gas.links.values()) {
      if (link.properties['pressureClass'] !== 'low') continue;
      const result = isolateSegment(gas, link.id);
      expect(result.isolable, link.id).toBe(true);
      expect(result.valves.length, link.id).toBeGreaterThan(0);
    }
  });
});

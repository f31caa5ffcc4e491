import { describe, expect, it } from 'vitest';
import { generateCommunity } from '../community/generateCommunity.ts';
import type { Feature, Position } from '../geojson/geojson.ts';
import { buildNetworkGraph, components, isConnected, otherEnd, type NetworkGraph } from '../networks/networkGraph.ts';
import { fromLonLat } from '../projection/siteProjection.ts';
import { minimumSlope } from './drainageNetwork.ts';
import type { NetworkName } from './networkBuilder.ts';

const { layout, networks } = generateCommunity();
const NAMES: NetworkName[] = ['water', 'rain', 'sewage', 'gas', 'power'];
const graphs = Object.fromEntries(NAMES.map((n) => [n, buildNetworkGraph(networks[n])])) as Record<NetworkName, NetworkGraph>;

/** Nodes reachable from the network's sources. */
function reachableFromSources(g: NetworkGraph): Set<string> {
  const seen = new Set<string>(g.sources);
  const queue = [...g.sources];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const l of g.incident.get(id)!) {
      const next = otherEnd(g, l, id);
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

const position = (f: Feature): Position => (f.geometry.type === 'Point' ? f.geometry.coordinates : [NaN, NaN]);

describe('utility networks', () => {
  it.each(NAMES)('%s is one connected graph with unique ids and at least one source', (name) => {
    const g = graphs[name];
    expect(isConnected(g), `${name}: ${components(g).length} components`).toBe(true);
    expect(g.sources.size).toBeGreaterThanOrEqual(1);
    expect(new Set(networks[name].features.map((f) => f.id)).size).toBe(networks[name].features.length);
    for (const f of networks[name].features) expect(f.properties.id).toBe(f.id);
  });

  it('uses ids unique across all five networks', () => {
    const ids = NAMES.flatMap((n) => networks[n].features.map((f) => f.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(NAMES)('%s links start at their from node and end at their to node', (name) => {
    const byId = new Map(networks[name].features.map((f) => [f.id, f]));
    for (const f of networks[name].features) {
      if (f.geometry.type !== 'LineString') continue;
      const coordinates = f.geometry.coordinates;
      expect(coordinates[0], f.id).toEqual(position(byId.get(String(f.properties['from']))!));
      expect(coordinates.at(-1), f.id).toEqual(position(byId.get(String(f.properties['to']))!));
      expect(Number(f.properties['lengthM']), f.id).toBeGreaterThan(0);
    }
  });

  it.each(NAMES)('%s gives every buried link a depth', (name) => {
    for (const f of networks[name].features) {
      if (f.geometry.type !== 'LineString') continue;
      const depth = f.properties['depthM'];
      expect(typeof depth, f.id).toBe('number');
      if (f.properties['installation'] === undefined) expect(depth as number, f.id).toBeGreaterThan(0);
    }
  });

  it('connects every building to the water intakes, the rain and sewage outfalls and the power grid; gas buildings to the gas intake', () => {
    const reach = Object.fromEntries(NAMES.map((n) => [n, reachableFromSources(graphs[n])])) as Record<NetworkName, Set<string>>;
    for (const b of layout.buildings) {
      expect(reach.water.has(`${b.id}/WATER-METER`), b.id).toBe(true);
      expect(reach.power.has(`${b.id}/POWER-METER`), b.id).toBe(true);
      expect(reach.rain.has(`RW-${b.id}`), b.id).toBe(true);
      expect(reach.sewage.has(`SEW-${b.id}`), b.id).toBe(true);
      if (b.hasGas) {
        for (let k = 1; k <= b.gasRisers; k++) expect(reach.gas.has(`${b.id}/GAS-RISER-${k}`), b.id).toBe(true);
        expect(graphs.gas.valves.has(`${b.id}/GAS-ESV`), b.id).toBe(true);
      }
    }
  });

  it('MUN-3 keeps rain and sewage apart: separate files, outfalls and ids', () => {
    expect(networks.rain.features.some((f) => f.id.startsWith('SEW-'))).toBe(false);
    expect(networks.sewage.features.some((f) => f.id.startsWith('RW-'))).toBe(false);
    expect([...graphs.rain.sources]).toEqual(['RW-OUT-1']);
    expect([...graphs.sewage.sources]).toEqual(['SEW-OUT-1']);
  });

  it.each(['rain', 'sewage'] as const)('MUN-3 %s pipes fall to the outfall at no less than the minimum slope, inverts below rims', (name) => {
    for (const f of networks[name].features) {
      const p = f.properties;
      if (f.geometry.type === 'LineString') {
        expect(p['slope'] as number, f.id).toBeGreaterThanOrEqual(minimumSlope(p['diameterMm'] as number) - 1e-5);
        expect(p['fromInvertElevationM'] as number).toBeGreaterThan(p['toInvertElevationM'] as number);
      } else {
        expect(p['rimElevationM'] as number, f.id).toBeGreaterThan(p['invertElevationM'] as number);
      }
    }
    // Gravity networks are trees: each node drains through exactly one pipe, except the outfall.
    const g = graphs[name];
    const outgoing = new Map<string, number>();
    for (const l of g.links.values()) outgoing.set(l.from, (outgoing.get(l.from) ?? 0) + 1);
    for (const id of g.nodes.keys()) expect(outgoing.get(id) ?? 0, id).toBe(g.sources.has(id) ? 0 : 1);
  });

  it('MUN-5 runs gas by pressure class: medium up to the regulator, low after it, detectors alarming at 20 %LEL', () => {
    const classes = new Set(networks.gas.features.filter((f) => f.geometry.type === 'LineString').map((f) => f.properties['pressureClass']));
    expect([...classes].sort()).toEqual(['low', 'medium']);
    const detectors = networks.gas.features.filter((f) => f.properties['featureType'] === 'leak-detector');
    expect(detectors.length).toBe(layout.buildings.filter((b) => b.hasGas).length + 2 + layout.gasValveWellZones.length);
    for (const d of detectors) expect(d.properties['alarmLel']).toBe(20);
  });

  it('MUN-3 places fire hydrants at most 120 m apart along the water main', () => {
    const hydrants = networks.water.features.filter((f) => f.properties['featureType'] === 'hydrant').map((f) => fromLonLat(...position(f)));
    expect(hydrants.length).toBeGreaterThan(30);
    for (const h of hydrants) {
      const nearest = Math.min(...hydrants.filter((o) => o !== h).map((o) => Math.hypot(o.eastM - h.eastM, o.northM - h.northM)));
      expect(nearest).toBeLessThanOrEqual(120);
    }
  });

  it('MUN-4 meters every building with its household count, and feeds EV chargers', () => {
    const meters = networks.power.features.filter((f) => f.properties['featureType'] === 'meter');
    expect(meters).toHaveLength(layout.buildings.length);
    const b03 = meters.find((f) => f.id === 'B03/POWER-METER')!;
    const building = layout.buildings.find((b) => b.id === 'B03')!;
    expect(b03.properties['householdMeters']).toBe(building.storeys * building.flatsPerStorey);
    expect(networks.power.features.filter((f) => f.properties['featureType'] === 'ev-charger')).toHaveLength(layout.utilities.evChargers.length);
  });
});

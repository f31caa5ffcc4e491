import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SENSOR_KIND_IDS, sensorRegistrySchema, type SensorRegistry } from '@twin/protocol';
import { describe, expect, it } from 'vitest';
import { communityLayout } from './communityLayout.ts';
import { DEFAULT_REGISTRY_SEED, generateRegistry } from './generateRegistry.ts';
import { defaultRegistryPath } from './index.ts';
import { serializeRegistry } from './serializeRegistry.ts';

/** Shenzhen district polygons (transbigdata, BSD-3-Clause), read from the shared data folder. */
const districtsPath = fileURLToPath(new URL('../../../shared/data/gis/shenzhen-transbigdata/sz_districts.json', import.meta.url));

const registry = generateRegistry(DEFAULT_REGISTRY_SEED);

function sensorsOf(r: SensorRegistry, predicate: (s: SensorRegistry['sensors'][number]) => boolean) {
  return r.sensors.filter(predicate);
}

describe('generateRegistry', () => {
  it('gives byte-identical JSON for the same seed', () => {
    expect(serializeRegistry(generateRegistry(42))).toBe(serializeRegistry(generateRegistry(42)));
  });

  it('gives a different community for a different seed', () => {
    expect(serializeRegistry(generateRegistry(42))).not.toBe(serializeRegistry(generateRegistry(43)));
  });

  it('regenerates the kept models/community/sensors.json byte for byte', () => {
    expect(readFileSync(defaultRegistryPath, 'utf8')).toBe(serializeRegistry(registry));
  });

  it('passes the registry schema of @twin/protocol', () => {
    const result = sensorRegistrySchema.safeParse(registry);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('covers every sensor kind with a few thousand sensors', () => {
    expect(registry.sensors.length).toBeGreaterThanOrEqual(2000);
    expect(registry.sensors.length).toBeLessThanOrEqual(5000);
    const kinds = new Set(registry.sensors.map((s) => s.kind));
    for (const kind of SENSOR_KIND_IDS) expect(kinds, kind).toContain(kind);
  });

  it('uses readable ids of the form <place>-<part>-<KIND>-<nn>', () => {
    for (const sensor of registry.sensors) expect(sensor.id).toMatch(/^[A-Z0-9]+-[A-Z0-9]+-[A-Z0-9]+-\d{2,3}$/);
    // Ids the device simulator and its tests rely on.
    const ids = new Set(registry.sensors.map((s) => s.id));
    for (const id of ['B03-F03-NOISE-01', 'B03-F03-LEL-01', 'B03-IN-KWH-01', 'B05-GV-LEL-01', 'GAR-B1-PARK-01', 'N1-VEH-GATE-01', 'N1-PED-DOOR-01', 'ZA-PLAZA-RH-01', 'ZB-ROAD-NOISE-01', 'ZC-GREEN-TEMP-01', 'NET-GRS-LEL-01']) {
      expect(ids, id).toContain(id);
    }
  });

  it('places every sensor inside a small box around 114.06°E 22.54°N in Futian', () => {
    for (const { location } of registry.sensors) {
      expect(location.lon).toBeGreaterThan(114.055);
      expect(location.lon).toBeLessThan(114.065);
      expect(location.lat).toBeGreaterThan(22.535);
      expect(location.lat).toBeLessThan(22.545);
    }
  });

  it.skipIf(!existsSync(districtsPath))('places every sensor inside the Futian district polygon (transbigdata, BSD-3-Clause)', () => {
    const districts = JSON.parse(readFileSync(districtsPath, 'utf8')) as {
      features: Array<{ properties: { qh: string }; geometry: { type: string; coordinates: number[][][] } }>;
    };
    const futian = districts.features.find((f) => f.properties.qh === '福田');
    expect(futian?.geometry.type).toBe('Polygon');
    const ring = futian!.geometry.coordinates[0]!;
    for (const { location } of registry.sensors) expect(insideRing(location.lon, location.lat, ring)).toBe(true);
  });
  if (!existsSync(districtsPath)) console.warn(`skipping the Futian polygon check: ${districtsPath} is absent (shared data folder not present)`);

  it('ENV-4 sets bedroom noise limits of 45/35 dB(A) and outdoor GB 3096 class-1 limits of 55/45', () => {
    const noise = sensorsOf(registry, (s) => s.kind === 'noise');
    const bedrooms = noise.filter((s) => s.location.placement === 'indoor');
    const outdoor = noise.filter((s) => s.location.placement === 'outdoor');
    expect(bedrooms.length).toBeGreaterThan(0);
    expect(outdoor.length).toBeGreaterThan(0);
    for (const s of bedrooms) expect(s.thresholds).toEqual({ day: { high: 45 }, night: { high: 35 } });
    for (const s of outdoor) expect(s.thresholds).toEqual({ day: { high: 55 }, night: { high: 45 } });
  });

  it('ENV-5 sets air limits: CO2 1000 ppm, HCHO 0.08 mg/m³, TVOC 0.6 mg/m³, outdoor PM2.5 75 µg/m³', () => {
    const high = (kind: string, placement?: string) =>
      new Set(sensorsOf(registry, (s) => s.kind === kind && (placement === undefined || s.location.placement === placement)).map((s) => s.thresholds?.day.high));
    expect(high('co2')).toEqual(new Set([1000]));
    expect(high('formaldehyde')).toEqual(new Set([0.08]));
    expect(high('tvoc')).toEqual(new Set([0.6]));
    expect(high('pm25', 'outdoor')).toEqual(new Set([75]));
  });

  it('MUN-5 gas detectors alarm at 20 %LEL and sit at risers, kitchens, valves and the regulator station', () => {
    const detectors = sensorsOf(registry, (s) => s.kind === 'gas_lel');
    expect(detectors.length).toBeGreaterThan(0);
    for (const s of detectors) {
      expect(s.thresholds?.day.high).toBe(20);
      if (s.location.networkElement !== undefined) expect(s.location.networkElement).toMatch(/^GAS-LD-/);
      else expect(s.location.ifcGlobalId, s.id).toBeDefined();
    }
  });

  it('ENV-2 has indoor and outdoor temperature and humidity, and one heat-island reference station', () => {
    for (const kind of ['temperature', 'humidity']) {
      const placements = new Set(sensorsOf(registry, (s) => s.kind === kind).map((s) => s.location.placement));
      expect(placements).toEqual(new Set(['indoor', 'outdoor']));
    }
    const reference = sensorsOf(registry, (s) => s.kind === 'temperature' && s.name.includes('热岛参照点'));
    expect(reference.map((s) => s.id)).toEqual(['ZC-GREEN-TEMP-01']);
  });

  it('MUN-1 pairs every energy counter with a power meter on the same network element', () => {
    const powerElements = new Set(sensorsOf(registry, (s) => s.kind === 'power').map((s) => s.location.networkElement));
    for (const s of sensorsOf(registry, (x) => x.kind === 'energy')) expect(powerElements).toContain(s.location.networkElement);
  });

  it('names areas zone-a..zone-e and covers every building of the plan', () => {
    expect(new Set(registry.sensors.map((s) => s.location.area))).toEqual(new Set(['zone-a', 'zone-b', 'zone-c', 'zone-d', 'zone-e']));
    const buildings = new Set(registry.sensors.flatMap((s) => (s.location.building === undefined ? [] : [s.location.building])));
    expect([...buildings].sort()).toEqual(communityLayout().buildings.map((b) => b.id).sort());
  });
});

/** Even-odd ray casting over one linear ring of [lon, lat] positions. */
function insideRing(lon: number, lat: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

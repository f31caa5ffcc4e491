import { SENSOR_KINDS, type SensorDefinition, type SensorKind } from '@twin/protocol';
import { SensorCatalog } from '../registry/sensorCatalog.ts';

/** A sensor of `kind` at a fixed place in Futian, for tests. */
export function testSensor(id: string, kind: SensorKind, area = 'zone-a'): SensorDefinition {
  return {
    id,
    kind,
    unit: SENSOR_KINDS[kind].unit,
    name: `测试 ${id}`,
    location: { lon: 114.06, lat: 22.54, heightM: 1.5, area, placement: 'outdoor' },
    samplingIntervalS: 60,
  };
}

/** A small catalog: one sensor per listed kind, ids `<kind>-1`, plus the given extras. */
export function testCatalog(extra: SensorDefinition[] = []): SensorCatalog {
  const kinds: SensorKind[] = ['temperature', 'noise', 'co2', 'gas_lel', 'water_flow', 'power'];
  return new SensorCatalog({
    version: 1,
    community: { id: 'test', name: '测试社区' },
    sensors: [...kinds.map((k, i) => testSensor(`${k}-1`, k, i % 2 === 0 ? 'zone-a' : 'zone-b')), ...extra],
  });
}

import { SENSOR_KINDS, type SubscriptionFilter } from '@twin/protocol';
import type { SensorCatalog } from '../registry/sensorCatalog.ts';

/**
 * Which registry indices a filter selects (1 = selected), and a canonical key so clients with the
 * same filter share one encoded frame per tick.
 */
export function subscriptionMask(catalog: SensorCatalog, filter: SubscriptionFilter): { key: string; mask: Uint8Array; count: number } {
  const layers = filter.layers && new Set<string>(filter.layers);
  const kinds = filter.kinds && new Set<string>(filter.kinds);
  const areas = filter.areas && new Set(filter.areas);
  const ids = filter.sensors && new Set(filter.sensors);
  const mask = new Uint8Array(catalog.size);
  let count = 0;
  catalog.sensors.forEach((sensor, index) => {
    if (layers && !layers.has(SENSOR_KINDS[sensor.kind].layer)) return;
    if (kinds && !kinds.has(sensor.kind)) return;
    if (areas && !areas.has(sensor.location.area)) return;
    if (ids && !ids.has(sensor.id)) return;
    mask[index] = 1;
    count++;
  });
  const sorted = (values?: readonly string[]) => (values === undefined ? null : [...new Set(values)].sort());
  const key = JSON.stringify([sorted(filter.layers), sorted(filter.kinds), sorted(filter.areas), sorted(filter.sensors)]);
  return { key, mask, count };
}

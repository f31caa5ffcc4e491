import { sceneRuntime } from './sceneRuntime.ts';

/**
 * Selects the sensor, or the network device (a valve, a fresh-air unit known to the networks),
 * with id `sourceId` in the 3D scene and flies there: where an alarm's source is (REQ PLAT-3
 * point and get, PLAT-8). Returns whether the scene knows it.
 */
export function locateInScene(sourceId: string): boolean {
  const runtime = sceneRuntime();
  if (runtime === undefined) return false;
  const sensor = runtime.catalog.sensorIndex(sourceId);
  if (sensor !== undefined) {
    runtime.flyTo({ kind: 'sensor', sensor });
    return true;
  }
  const feature = runtime.catalog.networkFeature(sourceId);
  if (feature === undefined) return false;
  runtime.flyTo({ kind: 'network', ...feature });
  return true;
}

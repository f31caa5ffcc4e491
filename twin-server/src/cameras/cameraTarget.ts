import type { DataTarget } from '../identity/dataTargets.ts';
import { sensorTarget } from '../identity/dataTargets.ts';
import type { ScopeTarget } from '../identity/scopeMatch.ts';
import type { SensorCatalog } from '../registry/sensorCatalog.ts';
import type { CameraEntry } from './cameraCatalogue.ts';

/**
 * Where a camera's video sits for access decisions (REQ PLAT-11: camera images are personal data,
 * `restricted`): the target of its status sensor when the registry has it, else the `camera`
 * layer in its zone and building of the catalogue's community.
 */
export function cameraTarget(camera: CameraEntry, catalogueCommunity: string, sensors: SensorCatalog): DataTarget {
  const sensor = camera.sensorId === undefined ? undefined : sensors.sensor(camera.sensorId);
  if (sensor !== undefined) return sensorTarget(sensors.registry.community.id, sensor);
  const target: ScopeTarget = { community: catalogueCommunity, layer: 'camera' };
  if (camera.area !== undefined) target.zone = camera.area;
  if (camera.building !== undefined) target.building = camera.building;
  return { target, sensitivity: 'restricted' };
}

import { SENSOR_KINDS, type SensorDefinition, type Sensitivity, type SensorLayer } from '@twin/protocol';
import { SPANS_ALL, type ScopeTarget } from './scopeMatch.ts';

/** Where a piece of data sits and how sensitive it is: what access decisions are made on. */
export interface DataTarget {
  target: ScopeTarget;
  sensitivity: Sensitivity;
}

/**
 * Default sensitivity of each sensor layer (REQ PLAT-11 graded data permissions): ambient
 * environment and air quality are public, utilities internal, access control and cameras
 * (personal data) restricted. A registry entry may override it.
 */
const LAYER_SENSITIVITY: Record<SensorLayer, Sensitivity> = {
  environment: 'public',
  air: 'public',
  gas: 'internal',
  water: 'internal',
  power: 'internal',
  access: 'restricted',
  camera: 'restricted',
};

/** A sensor: its community, zone, building (if any) and layer. */
export function sensorTarget(community: string, sensor: SensorDefinition): DataTarget {
  const layer = SENSOR_KINDS[sensor.kind].layer;
  const target: ScopeTarget = { community, zone: sensor.location.area, layer };
  if (sensor.location.building !== undefined) target.building = sensor.location.building;
  return { target, sensitivity: sensor.sensitivity ?? LAYER_SENSITIVITY[layer] };
}

/** Buried gas and power lines are critical infrastructure; other networks are internal. */
const NETWORK_SENSITIVITY: Record<string, Sensitivity> = { gas: 'restricted', power: 'restricted' };

/**
 * A file of the model manifest by its role: the site and roads span the whole community (public
 * base map); a network spans every zone within its layer; a building sits in its zone; the sensor
 * registry and camera list are whole-community data only a community-wide scope sees.
 * `zoneOfBuilding` places buildings (from the registry).
 */
export function modelFileTarget(community: string, entry: { role: string; building?: string }, zoneOfBuilding: (building: string) => string | undefined): DataTarget {
  const everywhere = { community, zone: SPANS_ALL, building: SPANS_ALL, layer: SPANS_ALL };
  if (entry.role.startsWith('network:')) {
    const network = entry.role.slice('network:'.length);
    return { target: { ...everywhere, layer: network }, sensitivity: NETWORK_SENSITIVITY[network] ?? 'internal' };
  }
  if (entry.role === 'building' && entry.building !== undefined) {
    const zone = zoneOfBuilding(entry.building);
    const target: ScopeTarget = { community, building: entry.building, layer: SPANS_ALL };
    if (zone !== undefined) target.zone = zone;
    return { target, sensitivity: 'internal' };
  }
  if (entry.role === 'site' || entry.role === 'roads') return { target: everywhere, sensitivity: 'public' };
  if (entry.role === 'cameras') return { target: { community }, sensitivity: 'restricted' };
  return { target: { community }, sensitivity: 'internal' };
}

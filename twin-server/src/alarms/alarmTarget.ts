import type { AlarmDto, SensorDefinition } from '@twin/protocol';
import { sensorTarget, type DataTarget } from '../identity/dataTargets.ts';
import type { ScopeTarget } from '../identity/scopeMatch.ts';

/**
 * Where an alarm sits for access decisions (REQ PLAT-8 domain-based allocation, PLAT-11): a
 * sensor's alarm where its sensor sits and as sensitive as it; a device's alarm in its zone,
 * building and layer, as internal data.
 */
export function alarmTarget(community: string, alarm: AlarmDto, sensorOf: (id: string) => SensorDefinition | undefined): DataTarget {
  const sensor = sensorOf(alarm.sourceId);
  if (sensor !== undefined) return sensorTarget(community, sensor);
  const target: ScopeTarget = { community, layer: alarm.layer };
  if (alarm.area !== undefined) target.zone = alarm.area;
  if (alarm.building !== undefined) target.building = alarm.building;
  return { target, sensitivity: 'internal' };
}

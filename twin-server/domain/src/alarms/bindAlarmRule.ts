/**
 * Applies an alarm rule to one sensor of the registry: whether it matches, the condition with
 * every parameter resolved (registry thresholds first), and the devices its suppression and
 * linkage name. Done once per rule and sensor when the engine is built, never per reading.
 */
import { COMMANDED_STATE, type DeviceCommand, type DeviceState, type SensorDefinition, type Thresholds } from '@twin/protocol';
import type { AlarmRule, AlarmRuleCondition, LimitSpec, SensorCriteria } from './alarmRule.ts';
import type { DayNight } from './conditionDetectors/conditionDetector.ts';
import type { DetectorConfig } from './conditionDetectors/createConditionDetector.ts';

/** A linkage action for one sensor: the device resolved and the state that confirms it. */
export interface BoundLinkage {
  device: string;
  command: DeviceCommand;
  expectState: DeviceState;
  confirmWithinMs: number;
}

/** A rule applied to one sensor. */
export interface AlarmBinding {
  /** `<ruleId>/<sensorId>`. */
  alarmId: string;
  rule: AlarmRule;
  sensor: SensorDefinition;
  condition: DetectorConfig;
  linkage: BoundLinkage[];
  suppressWhile?: { device: string; state: DeviceState };
}

/** Most readings a rate-of-change window keeps per sensor. */
const MAX_RATE_WINDOW_READINGS = 1024;

const THRESHOLD_KEYS = { high: 'high', high_high: 'highHigh', low: 'low', low_low: 'lowLow' } as const;

/**
 * The rule applied to the sensor, or `undefined` when the rule is disabled, does not match the
 * sensor, or its condition cannot apply (a limit neither the rule nor the registry gives, a fault
 * rule for a sensor without range or flat-line setting).
 */
export function bindAlarmRule(rule: AlarmRule, sensor: SensorDefinition): AlarmBinding | undefined {
  if (rule.enabled === false || !matchesSensor(rule.match, sensor)) return undefined;
  if (rule.exclude !== undefined && matchesSensor(rule.exclude, sensor)) return undefined;
  const condition = resolveCondition(rule.condition, sensor);
  if (condition === undefined) return undefined;
  const linkage: BoundLinkage[] = [];
  for (const action of rule.linkage ?? []) {
    const device = resolveDeviceTemplate(action.device, sensor);
    if (device !== undefined) linkage.push({ device, command: action.command, expectState: COMMANDED_STATE[action.command], confirmWithinMs: action.confirmWithinMs });
  }
  const binding: AlarmBinding = { alarmId: `${rule.id}/${sensor.id}`, rule, sensor, condition, linkage };
  const suppressDevice = rule.suppressWhile === undefined ? undefined : resolveDeviceTemplate(rule.suppressWhile.device, sensor);
  if (rule.suppressWhile !== undefined && suppressDevice !== undefined) binding.suppressWhile = { device: suppressDevice, state: rule.suppressWhile.state };
  return binding;
}

/** Whether the sensor meets every criterion given. */
export function matchesSensor(criteria: SensorCriteria, sensor: SensorDefinition): boolean {
  const { location } = sensor;
  return (
    (criteria.sensorIds === undefined || criteria.sensorIds.includes(sensor.id)) &&
    (criteria.kinds === undefined || criteria.kinds.includes(sensor.kind)) &&
    (criteria.areas === undefined || criteria.areas.includes(location.area)) &&
    (criteria.buildings === undefined || (location.building !== undefined && criteria.buildings.includes(location.building))) &&
    (criteria.placements === undefined || criteria.placements.includes(location.placement))
  );
}

/** Fills `{building}`, `{area}` and `{sensorId}` from the sensor; `undefined` if it has no such value. */
export function resolveDeviceTemplate(template: string, sensor: SensorDefinition): string | undefined {
  const values: Record<string, string | undefined> = { building: sensor.location.building, area: sensor.location.area, sensorId: sensor.id };
  let unresolved = false;
  const device = template.replace(/\{([^{}]*)\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) unresolved = true;
    return value ?? '';
  });
  return unresolved ? undefined : device;
}

/** The rule's condition in numbers for this sensor, or `undefined` if it cannot apply. */
export function resolveCondition(condition: AlarmRuleCondition, sensor: SensorDefinition): DetectorConfig | undefined {
  switch (condition.type) {
    case 'high':
    case 'high_high':
    case 'low':
    case 'low_low': {
      const key = THRESHOLD_KEYS[condition.type];
      const registry = registryLimit(sensor.thresholds, key);
      const limit = condition.limit !== undefined ? dayNight(condition.limit) : (registry ?? (condition.defaultLimit === undefined ? undefined : dayNight(condition.defaultLimit)));
      if (limit === undefined) return undefined;
      const { day, night } = sensor.thresholds ?? {};
      const fallback = condition.deadband ?? 0;
      const deadband = { day: day?.deadband ?? fallback, night: night?.deadband ?? day?.deadband ?? fallback };
      return { type: condition.type, limit, deadband, onDelayMs: condition.onDelayMs ?? 0, offDelayMs: condition.offDelayMs ?? 0 };
    }
    case 'rate_of_change': {
      const readings = Math.ceil(condition.windowMs / (sensor.samplingIntervalS * 1000)) + 2;
      const capacity = Math.min(MAX_RATE_WINDOW_READINGS, readings);
      return { type: 'rate_of_change', maxPerMinute: condition.maxPerMinute, windowMs: condition.windowMs, direction: condition.direction ?? 'either', capacity };
    }
    case 'stale':
      return { type: 'stale', afterMs: condition.afterMs ?? (condition.afterIntervals ?? 1) * sensor.samplingIntervalS * 1000 };
    case 'fault': {
      const range = condition.range ?? sensor.range;
      if (range === undefined && condition.flatlineMs === undefined) return undefined;
      return { type: 'fault', range, flatlineMs: condition.flatlineMs, flatlineTolerance: condition.flatlineTolerance ?? 0 };
    }
  }
}

function registryLimit(thresholds: { day: Thresholds; night?: Thresholds } | undefined, key: 'high' | 'highHigh' | 'low' | 'lowLow'): DayNight | undefined {
  const day = thresholds?.day[key];
  if (day === undefined) return undefined;
  return { day, night: thresholds?.night?.[key] ?? day };
}

function dayNight(spec: LimitSpec): DayNight {
  return typeof spec === 'number' ? { day: spec, night: spec } : { day: spec.day, night: spec.night ?? spec.day };
}

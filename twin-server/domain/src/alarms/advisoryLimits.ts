/**
 * The limits early warnings look ahead to: the first limits of the alarm rules in force (`high`
 * and `low`, not the high-high and low-low ones), resolved for each sensor exactly as the limit
 * alarms resolve them: the registry's thresholds first, then the rule's default (the guideline's
 * 20 %LEL for gas, the noise and air limits). REQ PROP-2 g (early warning), MUN-5, ENV-4, ENV-5.
 */
import type { SensorDefinition, SensorRegistry } from '@twin/protocol';
import type { AlarmRule } from './alarmRule.ts';
import { bindAlarmRule } from './bindAlarmRule.ts';
import type { DayNight } from './conditionDetectors/conditionDetector.ts';
import { isNightAt } from './conditionDetectors/isNightAt.ts';

/** A sensor that has a high or a low limit, or both. */
export interface SensorLimits {
  sensor: SensorDefinition;
  /** The strictest (lowest) high limit of the rules that apply to the sensor. */
  high?: DayNight;
  /** The strictest (highest) low limit of the rules that apply to the sensor. */
  low?: DayNight;
}

/**
 * The high and low limits of each sensor some enabled rule gives one, in registry order;
 * sensors without either are left out.
 *
 * @example
 * const watched = advisoryLimits(registry, defaultAlarmRules(registry).rules);
 * // [{ sensor: B01-F03-LEL-01, high: { day: 20, night: 20 } }, …]
 */
export function advisoryLimits(registry: Pick<SensorRegistry, 'sensors'>, rules: readonly AlarmRule[]): SensorLimits[] {
  const limitRules = rules.filter((rule) => rule.condition.type === 'high' || rule.condition.type === 'low');
  const result: SensorLimits[] = [];
  for (const sensor of registry.sensors) {
    const limits: SensorLimits = { sensor };
    for (const rule of limitRules) {
      const condition = bindAlarmRule(rule, sensor)?.condition;
      if (condition?.type === 'high') limits.high = limits.high === undefined ? condition.limit : pick(limits.high, condition.limit, Math.min);
      else if (condition?.type === 'low') limits.low = limits.low === undefined ? condition.limit : pick(limits.low, condition.limit, Math.max);
    }
    if (limits.high !== undefined || limits.low !== undefined) result.push(limits);
  }
  return result;
}

/** The limit in force at `tMs`: the night value from 22:00 to 06:00 local time, else the day value. */
export function limitAt(limit: DayNight, tMs: number): number {
  return isNightAt(tMs) ? limit.night : limit.day;
}

function pick(a: DayNight, b: DayNight, stricter: (x: number, y: number) => number): DayNight {
  return { day: stricter(a.day, b.day), night: stricter(a.night, b.night) };
}

import type { SensorDefinition } from '@twin/protocol';
import type { DayNightThresholds } from './thresholdLines.ts';

/** Scale keys of the value axes: the first unit's on the left, the second's on the right. */
const VALUE_SCALES = ['y', 'y2'] as const;

/** Line colours of the sensors, in chart order: distinct on the dark control-room background. */
export const LINE_COLORS = ['#2bc4ff', '#f5b83d', '#35d07f', '#ff80ab', '#b39ddb', '#ffab91', '#90caf9', '#e6ee9c'];

/** A value axis of a trend: one unit, the kinds measured in it, the distinct limit sets of its sensors. */
export interface TrendAxisPlan {
  scale: (typeof VALUE_SCALES)[number];
  unit: string;
  kinds: SensorDefinition['kind'][];
  thresholds: DayNightThresholds[];
}

/** Which sensors a trend draws on which axis. */
export interface TrendPlan {
  /** The drawn sensors in chart order, each with its scale and colour. */
  lines: Array<{ sensor: SensorDefinition; scale: TrendAxisPlan['scale']; color: string }>;
  axes: TrendAxisPlan[];
  /** Sensors left out: a third unit has no axis. */
  omitted: SensorDefinition[];
}

/**
 * Puts sensors on value axes: sensors sharing a unit share an axis, a second unit gets a second
 * axis on the right, sensors of any further unit are left out. Each axis carries the distinct
 * limits of its sensors.
 */
export function planTrend(sensors: readonly SensorDefinition[]): TrendPlan {
  const axes: TrendAxisPlan[] = [];
  const plan: TrendPlan = { lines: [], axes, omitted: [] };
  for (const sensor of sensors) {
    let axis = axes.find((a) => a.unit === sensor.unit);
    if (axis === undefined && axes.length < VALUE_SCALES.length) {
      axis = { scale: VALUE_SCALES[axes.length]!, unit: sensor.unit, kinds: [], thresholds: [] };
      axes.push(axis);
    }
    if (axis === undefined) {
      plan.omitted.push(sensor);
      continue;
    }
    if (!axis.kinds.includes(sensor.kind)) axis.kinds.push(sensor.kind);
    const thresholds = sensor.thresholds;
    if (thresholds !== undefined && !axis.thresholds.some((t) => JSON.stringify(t) === JSON.stringify(thresholds))) axis.thresholds.push(thresholds);
    plan.lines.push({ sensor, scale: axis.scale, color: LINE_COLORS[plan.lines.length % LINE_COLORS.length]! });
  }
  return plan;
}

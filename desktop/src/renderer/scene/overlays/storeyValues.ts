import type { SensorDefinition, SensorKind } from '@twin/protocol';
import { sameStorey } from '../ifc/sameStorey.ts';

/** The indoor sensors of one kind grouped by building storey (marker indices, storey by storey). */
export interface StoreyGroups {
  storeys: Array<{ building: string; storey: string }>;
  /** Group g holds `sensors[start[g]]` up to (excluding) `sensors[start[g + 1]]`. */
  start: Uint32Array;
  sensors: Uint32Array;
}

/** Groups the indoor sensors of `kind` that name their building and storey, in order of first appearance. */
export function storeyGroups(sensors: readonly SensorDefinition[], kind: SensorKind): StoreyGroups {
  const groups: Array<{ building: string; storey: string; members: number[] }> = [];
  sensors.forEach((sensor, i) => {
    const { placement, building, storey } = sensor.location;
    if (sensor.kind !== kind || placement !== 'indoor' || building === undefined || storey === undefined) return;
    let group = groups.find((g) => g.building === building && sameStorey(g.storey, storey));
    if (group === undefined) {
      group = { building, storey, members: [] };
      groups.push(group);
    }
    group.members.push(i);
  });
  const start = new Uint32Array(groups.length + 1);
  groups.forEach((g, k) => (start[k + 1] = start[k]! + g.members.length));
  return { storeys: groups.map(({ building, storey }) => ({ building, storey })), start, sensors: Uint32Array.from(groups.flatMap((g) => g.members)) };
}

/**
 * The value of every storey from its sensors' live values (`valueOf` gives NaN for a sensor
 * without one): the worst room (`max`, for pollutants and noise) or the `mean`; NaN for a storey
 * without any live value. Writes into `out`, one entry per storey.
 */
export function aggregateStoreys(groups: StoreyGroups, valueOf: (sensor: number) => number, mode: 'max' | 'mean', out: Float64Array): void {
  for (let g = 0; g < groups.storeys.length; g++) {
    let n = 0;
    let acc = mode === 'max' ? Number.NEGATIVE_INFINITY : 0;
    for (let k = groups.start[g]!; k < groups.start[g + 1]!; k++) {
      const value = valueOf(groups.sensors[k]!);
      if (Number.isNaN(value)) continue;
      n++;
      acc = mode === 'max' ? Math.max(acc, value) : acc + value;
    }
    out[g] = n === 0 ? Number.NaN : mode === 'max' ? acc : acc / n;
  }
}

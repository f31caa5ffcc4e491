import { SENSOR_KINDS, sensorDefinitionSchema, type SensorDefinition, type SensorLayer } from '@twin/protocol';
import type { SceneFrame } from '../geo/sceneFrame.ts';

/**
 * Marker colours of the sensor layers: light tints, so markers never read as a network (whose
 * saturated colours are in `utilityColors.ts`). Gas detectors are pink, CJJ 61's gas colour.
 */
export const SENSOR_LAYER_COLORS: Record<SensorLayer, number> = {
  environment: 0x4dd0e1,
  air: 0xb39ddb,
  gas: 0xff80ab,
  water: 0x90caf9,
  power: 0xffab91,
  access: 0xcfd8dc,
  camera: 0xeceff1,
};

/** Edge length of a sensor marker, metres. */
export const SENSOR_MARKER_SIZE_M = 0.7;

/**
 * How the sensors of `GET /api/sensors` map onto live frames: frames index the whole registry of
 * `registrySize` at `revision`, and `indices[i]` is the registry index of the list's sensor i.
 */
export interface RegistryIndexing {
  revision: number;
  registrySize: number;
  indices: readonly number[];
}

/** Sensors of the registry where they are: position per sensor, in the order of the sensor list. */
export interface SensorMarkers {
  sensors: SensorDefinition[];
  /** 3 floats per sensor: scene position. */
  positions: Float32Array;
  /** Registry index of each sensor: its index in live frames. */
  registryIndices: Uint32Array;
  /** The registry the indices belong to: frames of another revision do not apply. */
  registry: { revision: number; size: number };
  /** Registry entries that failed validation and are not drawn. */
  rejected: number;
}

/**
 * The registry indexing of a `GET /api/sensors` answer; a list without a valid one (an older
 * server) is taken as the whole registry in order.
 */
export function registryIndexing(list: { sensors?: unknown; indices?: unknown; revision?: unknown; registrySize?: unknown }): RegistryIndexing {
  const count = Array.isArray(list.sensors) ? list.sensors.length : 0;
  const { indices, revision, registrySize } = list;
  const size = typeof registrySize === 'number' && Number.isInteger(registrySize) && registrySize >= 0 ? registrySize : count;
  const valid = Array.isArray(indices) && indices.length === count && indices.every((i) => Number.isInteger(i) && i >= 0 && i < size);
  return {
    revision: typeof revision === 'number' && Number.isInteger(revision) ? revision : 0,
    registrySize: size,
    indices: valid ? (indices as number[]) : Array.from({ length: count }, (_, i) => i),
  };
}

/**
 * Validates the registry's sensors (REQ PLAT-10) and places each at its position, `heightM`
 * above the ground (negative below, for buried network meters), keeping each one's registry index
 * for live frames (`indexing`; by default the list is the whole registry in order).
 */
export function buildSensorMarkers(rawSensors: unknown[], frame: SceneFrame, indexing?: RegistryIndexing): SensorMarkers {
  const sensors: SensorDefinition[] = [];
  const registryIndices: number[] = [];
  rawSensors.forEach((raw, j) => {
    const parsed = sensorDefinitionSchema.safeParse(raw);
    if (!parsed.success) return;
    sensors.push(parsed.data);
    registryIndices.push(indexing?.indices[j] ?? j);
  });
  const positions = new Float32Array(3 * sensors.length);
  sensors.forEach((sensor, i) => {
    const [x, z] = frame.toXZ(sensor.location.lon, sensor.location.lat);
    positions.set([x, frame.groundY(x, z) + sensor.location.heightM, z], 3 * i);
  });
  return {
    sensors,
    positions,
    registryIndices: Uint32Array.from(registryIndices),
    registry: { revision: indexing?.revision ?? 0, size: indexing?.registrySize ?? rawSensors.length },
    rejected: rawSensors.length - sensors.length,
  };
}

/** The marker colour of a sensor. */
export function sensorColor(sensor: SensorDefinition): number {
  return SENSOR_LAYER_COLORS[SENSOR_KINDS[sensor.kind].layer];
}

/**
 * Writes instance matrices of axis-aligned markers at `positions`, each `size(i)` metres (0 for
 * hidden ones, scaled to nothing), so one instanced draw call serves every toggle.
 */
export function writeMarkerMatrices(positions: Float32Array, size: (i: number) => number, out: Float32Array): void {
  const count = positions.length / 3;
  for (let i = 0; i < count; i++) {
    const s = size(i);
    const o = 16 * i;
    out.fill(0, o, o + 16);
    out[o] = s;
    out[o + 5] = s;
    out[o + 10] = s;
    out[o + 12] = positions[3 * i]!;
    out[o + 13] = positions[3 * i + 1]!;
    out[o + 14] = positions[3 * i + 2]!;
    out[o + 15] = 1;
  }
}

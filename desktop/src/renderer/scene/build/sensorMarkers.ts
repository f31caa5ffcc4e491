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

/** Sensors of the registry where they are: position per sensor, in registry order (the live-frame index). */
export interface SensorMarkers {
  sensors: SensorDefinition[];
  /** 3 floats per sensor: scene position. */
  positions: Float32Array;
  /** Registry entries that failed validation and are not drawn. */
  rejected: number;
}

/**
 * Validates the registry's sensors (REQ PLAT-10) and places each at its position, `heightM`
 * above the ground (negative below, for buried network meters).
 */
export function buildSensorMarkers(rawSensors: unknown[], frame: SceneFrame): SensorMarkers {
  const sensors: SensorDefinition[] = [];
  for (const raw of rawSensors) {
    const parsed = sensorDefinitionSchema.safeParse(raw);
    if (parsed.success) sensors.push(parsed.data);
  }
  const positions = new Float32Array(3 * sensors.length);
  sensors.forEach((sensor, i) => {
    const [x, z] = frame.toXZ(sensor.location.lon, sensor.location.lat);
    positions.set([x, frame.groundY(x, z) + sensor.location.heightM, z], 3 * i);
  });
  return { sensors, positions, rejected: rawSensors.length - sensors.length };
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

/**
 * Collects sensor definitions with readable, unique ids and kind defaults filled in, in the key
 * order of the registry schema, and the mounting of every camera for `cameras.json`.
 */
import { SENSOR_KINDS, type SensorDefinition, type SensorKind, type SensorRegistry } from '@twin/protocol';
import { offsetToLonLat, roundTo, type LonLat } from './geo.ts';
import { ifcGlobalId } from './ifc/globalId.ts';
import { DEFAULT_SAMPLING_INTERVAL_S, KIND_CODES, defaultRange, defaultThresholds, type Placement } from './sensorCatalog.ts';

/** How a camera is mounted and what it shows (GOV-3). */
export interface CameraMount {
  /** Camera id, an element key such as `B03/CAM-1` or `N1/CAM-1`. */
  id: string;
  /** Compass heading of the optical axis, degrees clockwise from north. */
  headingDeg: number;
  /** Tilt of the optical axis, degrees (negative looks down). */
  pitchDeg: number;
  /** Horizontal field of view, degrees. */
  fovDeg: number;
  /** `vehicles`: plate and parking cameras show the parking-lot clip; `scene`: a numbered test pattern. */
  shows: 'vehicles' | 'scene';
}

/** One entry of `cameras.json`. */
export interface CameraRecord {
  id: string;
  sensorId: string;
  name: string;
  nameEn: string;
  area: string;
  building?: string;
  ifcGlobalId?: string;
  position: { lon: number; lat: number; heightM: number };
  headingDeg: number;
  pitchDeg: number;
  fovDeg: number;
  /** `clip:car-detection.mp4` or `pattern:<n>`. */
  videoSource: string;
}

/** What a planner says about one device; everything else comes from the kind's defaults. */
export interface SensorSpec {
  kind: SensorKind;
  /** The two id segments before the kind code: where, then which part, e.g. `['B03', 'F12']`. */
  place: readonly [string, string];
  /** Chinese name (the UI default, PROP-2 e). */
  name: string;
  nameEn: string;
  eastM: number;
  northM: number;
  heightM: number;
  area: string;
  placement: Placement;
  building?: string;
  storey?: string;
  /** Element key of the IFC element or space the device is bound to (see `elementKeys.ts`). */
  ifcKey?: string;
  /** Id of the GeoJSON network feature the device is bound to. */
  networkElement?: string;
  range?: { min: number; max: number };
  thresholds?: SensorDefinition['thresholds'];
  samplingIntervalS?: number;
  /** Cameras only: mounting and video. */
  camera?: CameraMount;
}

/** The clip shown by vehicle cameras (Intel IoT sample videos, in the shared data folder). */
export const VEHICLE_CLIP = 'clip:car-detection.mp4';

/** Accumulates sensors; ids are `<place>-<part>-<KIND>-<nn>`, numbered per prefix from 01. */
export class RegistryBuilder {
  private readonly sensors: SensorDefinition[] = [];
  private readonly cameraRecords: CameraRecord[] = [];
  private readonly counters = new Map<string, number>();
  private patterns = 0;

  constructor(private readonly origin: LonLat) {}

  /** Adds a sensor and returns its definition. */
  add(spec: SensorSpec): SensorDefinition {
    const prefix = `${spec.place[0]}-${spec.place[1]}-${KIND_CODES[spec.kind]}`;
    const serial = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, serial);
    const { lon, lat } = offsetToLonLat(this.origin, spec.eastM, spec.northM);
    const location: SensorDefinition['location'] = { lon, lat, heightM: roundTo(spec.heightM, 2), area: spec.area, placement: spec.placement };
    if (spec.building !== undefined) location.building = spec.building;
    if (spec.storey !== undefined) location.storey = spec.storey;
    if (spec.ifcKey !== undefined) location.ifcGlobalId = ifcGlobalId(spec.ifcKey);
    if (spec.networkElement !== undefined) location.networkElement = spec.networkElement;
    const sensor: SensorDefinition = {
      id: `${prefix}-${String(serial).padStart(2, '0')}`,
      kind: spec.kind,
      unit: SENSOR_KINDS[spec.kind].unit,
      name: spec.name,
      nameEn: spec.nameEn,
      location,
      samplingIntervalS: spec.samplingIntervalS ?? DEFAULT_SAMPLING_INTERVAL_S[spec.kind],
    };
    const range = spec.range ?? defaultRange(spec.kind, spec.placement);
    if (range !== undefined) sensor.range = range;
    const thresholds = spec.thresholds ?? defaultThresholds(spec.kind, spec.placement);
    if (thresholds !== undefined) sensor.thresholds = thresholds;
    this.sensors.push(sensor);
    if (spec.camera !== undefined) this.addCamera(sensor, spec.camera);
    return sensor;
  }

  private addCamera(sensor: SensorDefinition, mount: CameraMount): void {
    if (sensor.kind !== 'camera_status') throw new Error(`${sensor.id}: only camera_status sensors carry a camera mount`);
    const { location } = sensor;
    const record: CameraRecord = {
      id: mount.id,
      sensorId: sensor.id,
      name: sensor.name,
      nameEn: sensor.nameEn ?? sensor.name,
      area: location.area,
      position: { lon: location.lon, lat: location.lat, heightM: location.heightM },
      headingDeg: roundTo(((mount.headingDeg % 360) + 360) % 360, 1),
      pitchDeg: mount.pitchDeg,
      fovDeg: mount.fovDeg,
      videoSource: mount.shows === 'vehicles' ? VEHICLE_CLIP : `pattern:${++this.patterns}`,
    };
    if (location.building !== undefined) record.building = location.building;
    if (location.ifcGlobalId !== undefined) record.ifcGlobalId = location.ifcGlobalId;
    this.cameraRecords.push(record);
  }

  /** Number of sensors added so far. */
  get size(): number {
    return this.sensors.length;
  }

  /** The registry of everything added, in insertion order. */
  build(community: SensorRegistry['community']): SensorRegistry {
    return { version: 1, community, sensors: [...this.sensors] };
  }

  /** Every camera added, in insertion order. */
  cameras(): CameraRecord[] {
    return [...this.cameraRecords];
  }
}

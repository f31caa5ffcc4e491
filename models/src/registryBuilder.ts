/**
 * Collects sensor definitions with readable, unique ids and kind defaults filled in, in the key
 * order of the registry schema.
 */
import { SENSOR_KINDS, type SensorDefinition, type SensorKind, type SensorRegistry } from '@twin/protocol';
import { offsetToLonLat, roundTo, type LonLat } from './geo.ts';
import { DEFAULT_SAMPLING_INTERVAL_S, KIND_CODES, defaultRange, defaultThresholds, type Placement } from './sensorCatalog.ts';

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
  networkElement?: string;
  range?: { min: number; max: number };
  thresholds?: SensorDefinition['thresholds'];
  samplingIntervalS?: number;
}

/** Accumulates sensors; ids are `<place>-<part>-<KIND>-<nn>`, numbered per prefix from 01. */
export class RegistryBuilder {
  private readonly sensors: SensorDefinition[] = [];
  private readonly counters = new Map<string, number>();

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
    return sensor;
  }

  /** Number of sensors added so far. */
  get size(): number {
    return this.sensors.length;
  }

  /** The registry of everything added, in insertion order. */
  build(community: SensorRegistry['community']): SensorRegistry {
    return { version: 1, community, sensors: [...this.sensors] };
  }
}

import { sensorDefinitionSchema, type SensorDefinition } from '@twin/protocol';

/**
 * The sensors a session may see (`GET /api/sensors`), each with its index in live frames: what
 * the {@link TelemetryStore} is sized and indexed by, and what trends and dashboards look sensors
 * up in. Entries that fail validation (REQ PLAT-10) are left out, as the scene leaves them out.
 */
export class SensorDirectory {
  private readonly byId = new Map<string, number>();

  /**
   * @param revision Registry revision the frame indices belong to.
   * @param registrySize Length of the whole registry (frames index it, not this list).
   * @param sensors The visible sensors.
   * @param frameIndices `frameIndices[i]` is the live-frame index of `sensors[i]`.
   */
  constructor(
    readonly revision: number,
    readonly registrySize: number,
    readonly sensors: readonly SensorDefinition[],
    readonly frameIndices: readonly number[],
  ) {
    sensors.forEach((sensor, i) => this.byId.set(sensor.id, i));
  }

  /**
   * Reads the answer of `GET /api/sensors`.
   * @returns undefined when the answer is not a sensor list.
   */
  static parse(value: unknown): SensorDirectory | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const { revision, registrySize, sensors, indices } = value as Record<string, unknown>;
    if (!Number.isInteger(revision) || !Number.isInteger(registrySize) || !Array.isArray(sensors) || !Array.isArray(indices) || sensors.length !== indices.length) return undefined;
    const size = registrySize as number;
    const valid: SensorDefinition[] = [];
    const frameIndices: number[] = [];
    sensors.forEach((raw, i) => {
      const index = indices[i];
      const parsed = sensorDefinitionSchema.safeParse(raw);
      if (!parsed.success || !Number.isInteger(index) || index < 0 || index >= size) return;
      valid.push(parsed.data);
      frameIndices.push(index);
    });
    return new SensorDirectory(revision as number, size, valid, frameIndices);
  }

  /** The sensor with this id, if the session sees it. */
  sensor(id: string): SensorDefinition | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.sensors[i];
  }

  /** The live-frame index of the sensor with this id, if the session sees it. */
  frameIndex(id: string): number | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.frameIndices[i];
  }
}

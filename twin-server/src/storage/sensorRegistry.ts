import { VARCHAR } from '@duckdb/node-api';
import type { SensorDefinition } from '@twin/protocol';
import { cellToNumber } from './bigIntPolicy.ts';
import type { StorageConnection } from './storageConnection.ts';
import { StorageError } from './storageError.ts';

const SELECT_KEYS = 'SELECT sensor_key, sensor_id FROM sensors ORDER BY sensor_key';

// The rows arrive as one bound JSON parameter, parsed by DuckDB off the event loop. ROW_SHAPE is
// a constant type description (from_json needs it at plan time), never data. Only rows whose
// definition changed are rewritten; registered_ms keeps its first value.
const ROW_SHAPE = JSON.stringify([
  {
    sensor_key: 'INTEGER', sensor_id: 'VARCHAR', kind: 'VARCHAR', unit: 'VARCHAR', name: 'VARCHAR', name_en: 'VARCHAR',
    area: 'VARCHAR', placement: 'VARCHAR', building: 'VARCHAR', storey: 'VARCHAR', ifc_global_id: 'VARCHAR',
    network_element: 'VARCHAR', lon: 'DOUBLE', lat: 'DOUBLE', height_m: 'DOUBLE', sampling_interval_s: 'DOUBLE',
    definition: 'VARCHAR', registered_ms: 'BIGINT', updated_ms: 'BIGINT',
  },
]);
const UPSERT = `INSERT INTO sensors
SELECT r.sensor_key, r.sensor_id, r.kind, r.unit, r.name, r.name_en, r.area, r.placement, r.building,
  r.storey, r.ifc_global_id, r.network_element, r.lon, r.lat, r.height_m, r.sampling_interval_s,
  r.definition, r.registered_ms, r.updated_ms
FROM (SELECT unnest(from_json($1, '${ROW_SHAPE}')) AS r)
ON CONFLICT (sensor_key) DO UPDATE SET
  kind = excluded.kind, unit = excluded.unit, name = excluded.name, name_en = excluded.name_en,
  area = excluded.area, placement = excluded.placement, building = excluded.building,
  storey = excluded.storey, ifc_global_id = excluded.ifc_global_id,
  network_element = excluded.network_element, lon = excluded.lon, lat = excluded.lat,
  height_m = excluded.height_m, sampling_interval_s = excluded.sampling_interval_s,
  definition = excluded.definition, updated_ms = excluded.updated_ms
WHERE sensors.definition IS DISTINCT FROM excluded.definition`;

/**
 * The sensor registry as stored: every sensor id ever synchronised and its integer key. A key is
 * assigned once, the first time an id is seen (the next unused integer, from 0), and is never
 * changed or reused: rows are never deleted, so reordering or editing the registry keeps keys.
 */
export class SensorRegistry {
  private readonly keyById = new Map<string, number>();
  private readonly idByKey: string[] = [];

  private constructor(private readonly connection: StorageConnection) {}

  /** Loads the stored keys. */
  static async load(connection: StorageConnection): Promise<SensorRegistry> {
    const registry = new SensorRegistry(connection);
    await connection.exclusive(async () => {
      const result = await connection.run('load sensor registry', SELECT_KEYS);
      for (const [key, id] of await result.getRows()) registry.remember(cellToNumber(key, 'sensor_key'), String(id));
    });
    return registry;
  }

  /** One more than the largest key assigned: the length a key-indexed array needs. */
  get keyCapacity(): number {
    return this.idByKey.length;
  }

  /** The key of `sensorId`, if it was ever synchronised. */
  keyOf(sensorId: string): number | undefined {
    return this.keyById.get(sensorId);
  }

  /** The sensor id of `key`. */
  idOf(key: number): string | undefined {
    return this.idByKey[key];
  }

  /**
   * Upserts the definitions and returns their keys, aligned with `sensors`. Runs in one
   * transaction; the in-memory keys change only once it has committed.
   */
  sync(sensors: readonly SensorDefinition[], nowMs: number): Promise<Uint32Array> {
    return this.connection.exclusive(async () => {
      const keys = this.assignKeys(sensors);
      if (sensors.length === 0) return keys;
      const rows = JSON.stringify(sensors.map((sensor, i) => sensorRow(keys[i]!, sensor, Math.round(nowMs))));
      await this.connection.transaction('sync sensors', () => this.connection.run('sync sensors: upsert', UPSERT, [rows], [VARCHAR]));
      sensors.forEach((sensor, i) => this.remember(keys[i]!, sensor.id));
      return keys;
    });
  }

  private assignKeys(sensors: readonly SensorDefinition[]): Uint32Array {
    const keys = new Uint32Array(sensors.length);
    const seen = new Set<string>();
    let next = this.idByKey.length;
    sensors.forEach((sensor, i) => {
      if (seen.has(sensor.id)) throw new StorageError('sync sensors', `sensor id ${sensor.id} appears twice`, 'TWIN_ERR_BAD_REQUEST');
      seen.add(sensor.id);
      keys[i] = this.keyById.get(sensor.id) ?? next++;
    });
    return keys;
  }

  private remember(key: number, id: string): void {
    this.keyById.set(id, key);
    this.idByKey[key] = id;
  }
}

/** A definition as a row of `sensors` (JSON `null` for absent optional fields). */
function sensorRow(key: number, sensor: SensorDefinition, nowMs: number): Record<string, string | number | null> {
  const { location } = sensor;
  return {
    sensor_key: key,
    sensor_id: sensor.id,
    kind: sensor.kind,
    unit: sensor.unit,
    name: sensor.name,
    name_en: sensor.nameEn ?? null,
    area: location.area,
    placement: location.placement,
    building: location.building ?? null,
    storey: location.storey ?? null,
    ifc_global_id: location.ifcGlobalId ?? null,
    network_element: location.networkElement ?? null,
    lon: location.lon,
    lat: location.lat,
    height_m: location.heightM,
    sampling_interval_s: sensor.samplingIntervalS,
    definition: JSON.stringify(sensor),
    registered_ms: nowMs,
    updated_ms: nowMs,
  };
}

import { readFile } from 'node:fs/promises';
import { SENSOR_KINDS, sensorRegistrySchema, type SensorDefinition, type SensorKind, type SensorRegistry } from '@twin/protocol';

/** What ingest needs to know about a sensor, looked up by id on the hot path. */
export interface CatalogEntry {
  /** Position in the registry: the index live frames use. */
  index: number;
  kind: SensorKind;
  unit: string;
}

/**
 * The sensor registry of the community as the server uses it: validated, indexed by id, with a
 * revision number that changes whenever the registry's content does (clients compare it with
 * the revision in each live frame).
 */
export class SensorCatalog {
  readonly sensors: readonly SensorDefinition[];
  readonly revision: number;
  private readonly byId: Map<string, CatalogEntry>;

  constructor(readonly registry: SensorRegistry) {
    this.sensors = registry.sensors;
    this.revision = fnv1a32(JSON.stringify(registry));
    this.byId = new Map(registry.sensors.map((s, index) => [s.id, { index, kind: s.kind, unit: SENSOR_KINDS[s.kind].unit }]));
  }

  /** Loads and validates a registry file; errors name the file and the first invalid field. */
  static async load(path: string): Promise<SensorCatalog> {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new Error(`sensor registry ${path}: ${(error as Error).message}`);
    }
    const parsed = sensorRegistrySchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`sensor registry ${path}: ${issue.path.join('.')}: ${issue.message}`);
    }
    return new SensorCatalog(parsed.data);
  }

  get size(): number {
    return this.sensors.length;
  }

  lookup(id: string): CatalogEntry | undefined {
    return this.byId.get(id);
  }

  /** The definition of sensor `id`, if the registry has it. */
  sensor(id: string): SensorDefinition | undefined {
    const entry = this.byId.get(id);
    return entry === undefined ? undefined : this.sensors[entry.index];
  }
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

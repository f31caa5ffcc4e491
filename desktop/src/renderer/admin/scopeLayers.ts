import { SENSOR_LAYER_IDS, type SensorLayer } from '@twin/protocol';

/** A layer a scope can name: a sensor layer, or a buried network without sensors of its own. */
export type ScopeLayer = SensorLayer | 'rain' | 'sewage';

/** Every layer a grant's scope can be narrowed to (REQ PLAT-8 domain-based permission allocation). */
export const SCOPE_LAYERS: readonly ScopeLayer[] = [...SENSOR_LAYER_IDS, 'rain', 'sewage'];

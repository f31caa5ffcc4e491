import { z } from 'zod';
import { SENSOR_KIND_IDS, SENSOR_LAYER_IDS, type SensorKind, type SensorLayer } from '../sensorKinds.ts';

/**
 * Which sensors a client wants live. Fields combine with AND, values within a field with OR;
 * an empty filter means every sensor the client may see.
 */
export const subscriptionFilterSchema = z
  .object({
    layers: z.array(z.enum(SENSOR_LAYER_IDS as [SensorLayer, ...SensorLayer[]])).max(32).optional(),
    kinds: z.array(z.enum(SENSOR_KIND_IDS as [SensorKind, ...SensorKind[]])).max(64).optional(),
    areas: z.array(z.string().min(1).max(128)).max(1024).optional(),
    sensors: z.array(z.string().min(1).max(128)).max(200_000).optional(),
  })
  .strict();

/** A live subscription filter. */
export type SubscriptionFilter = z.infer<typeof subscriptionFilterSchema>;

/** What the server answers to a subscription. */
export interface SubscriptionAck {
  /** Number of sensors the filter selects. */
  sensorCount: number;
  /** Revision of the registry whose indices the frames use. */
  registryRevision: number;
}

import { z } from 'zod';
import { SENSITIVITY_LEVELS } from '../identity.ts';
import { SENSOR_KINDS, SENSOR_KIND_IDS, type SensorKind } from '../sensorKinds.ts';

/** Alarm limits in the sensor's unit, ISA-18.2 style (low-low < low < high < high-high). */
export const thresholdsSchema = z
  .object({
    lowLow: z.number().finite().optional(),
    low: z.number().finite().optional(),
    high: z.number().finite().optional(),
    highHigh: z.number().finite().optional(),
    /** Hysteresis applied when a value returns inside a limit. */
    deadband: z.number().finite().nonnegative().optional(),
  })
  .strict();

/** Limits of a sensor; `night` overrides `day` between 22:00 and 06:00 local time (GB 3096, ENV-4). */
export type Thresholds = z.infer<typeof thresholdsSchema>;

/** Where a device is: WGS84 position plus height, and what it is bound to in the model. */
export const sensorLocationSchema = z
  .object({
    /** WGS84 longitude, degrees. */
    lon: z.number().min(-180).max(180),
    /** WGS84 latitude, degrees. */
    lat: z.number().min(-90).max(90),
    /** Height above ground, metres (negative below ground, for buried networks). */
    heightM: z.number().finite(),
    /** Zone of the community the device serves, used for area subscriptions. */
    area: z.string().min(1),
    placement: z.enum(['indoor', 'outdoor', 'network']),
    building: z.string().min(1).optional(),
    storey: z.string().min(1).optional(),
    /** GlobalId of the IFC space or element the device is bound to. */
    ifcGlobalId: z.string().min(1).optional(),
    /** Id of the network element (pipe, valve, meter, feeder) the device is bound to. */
    networkElement: z.string().min(1).optional(),
  })
  .strict();

/** A sensor's location. */
export type SensorLocation = z.infer<typeof sensorLocationSchema>;

/** One device of the registry. REQ PLAT-10: each kind of IoT device has its access contract. */
export const sensorDefinitionSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'ids are 1-128 characters of letters, digits and ._:-'),
    kind: z.enum(SENSOR_KIND_IDS as [SensorKind, ...SensorKind[]]),
    unit: z.string().min(1),
    name: z.string().min(1),
    nameEn: z.string().min(1).optional(),
    /** Overrides the sensitivity of the sensor's layer (REQ PLAT-11 graded data permissions). */
    sensitivity: z.enum(SENSITIVITY_LEVELS).optional(),
    location: sensorLocationSchema,
    samplingIntervalS: z.number().positive().finite(),
    /** Physical measuring range of the instrument. */
    range: z.object({ min: z.number().finite(), max: z.number().finite() }).strict().optional(),
    thresholds: z.object({ day: thresholdsSchema, night: thresholdsSchema.optional() }).strict().optional(),
  })
  .strict()
  .superRefine((sensor, ctx) => {
    const expected = SENSOR_KINDS[sensor.kind].unit;
    if (sensor.unit !== expected) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `kind ${sensor.kind} is measured in ${expected}, not ${sensor.unit}` });
    }
  });

/** A sensor as the registry declares it. */
export type SensorDefinition = z.infer<typeof sensorDefinitionSchema>;

/** The registry file of a community. */
export const sensorRegistrySchema = z
  .object({
    version: z.literal(1),
    community: z.object({ id: z.string().min(1), name: z.string().min(1), nameEn: z.string().min(1).optional() }).strict(),
    sensors: z.array(sensorDefinitionSchema),
  })
  .strict()
  .superRefine((registry, ctx) => {
    const seen = new Set<string>();
    registry.sensors.forEach((sensor, index) => {
      if (seen.has(sensor.id)) ctx.addIssue({ code: 'custom', path: ['sensors', index, 'id'], message: `duplicate sensor id ${sensor.id}` });
      seen.add(sensor.id);
    });
  });

/** A community's sensor registry. */
export type SensorRegistry = z.infer<typeof sensorRegistrySchema>;

/**
 * `GET /api/sensors`: the sensors visible to the caller, with each one's index in live frames
 * (`indices[i]` belongs to `sensors[i]`; frames index the whole registry of `registrySize`).
 */
export interface SensorListDto {
  revision: number;
  community: SensorRegistry['community'];
  registrySize: number;
  sensors: SensorDefinition[];
  indices: number[];
}

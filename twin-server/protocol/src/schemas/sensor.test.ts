import { describe, expect, it } from 'vitest';
import { sensorRegistrySchema } from './sensor.ts';

const sensor = {
  id: 'B01-F03-R0301-NOISE',
  kind: 'noise',
  unit: 'dBA',
  name: '1栋3层301卧室噪声',
  location: { lon: 114.05, lat: 22.54, heightM: 8.1, area: 'zone-a', placement: 'indoor' },
  samplingIntervalS: 60,
  thresholds: { day: { high: 45 }, night: { high: 35 } },
};

describe('sensor registry schema', () => {
  it('accepts a valid registry (ENV-4 day and night noise limits)', () => {
    const registry = sensorRegistrySchema.parse({ version: 1, community: { id: 'c', name: '社区' }, sensors: [sensor] });
    expect(registry.sensors[0]?.thresholds?.night?.high).toBe(35);
  });

  it("rejects a unit that is not the kind's canonical unit", () => {
    const result = sensorRegistrySchema.safeParse({ version: 1, community: { id: 'c', name: 'c' }, sensors: [{ ...sensor, unit: 'dB' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/measured in dBA/);
  });

  it('rejects duplicate ids', () => {
    const result = sensorRegistrySchema.safeParse({ version: 1, community: { id: 'c', name: 'c' }, sensors: [sensor, sensor] });
    expect(result.error?.issues[0]?.message).toMatch(/duplicate sensor id/);
  });
});

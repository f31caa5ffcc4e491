import type { SensorDefinition } from '@twin/protocol';
import { describe, expect, it } from 'vitest';
import { packGatewayBatches, sensorTelemetryTopic, toSenml, type CompactBatch } from './payloads.ts';

const co2: SensorDefinition = {
  id: 'B01-F03-CO2-01',
  kind: 'co2',
  unit: 'ppm',
  name: '1栋3层301主卧二氧化碳',
  location: { lon: 114.06, lat: 22.54, heightM: 7.2, area: 'zone-a', placement: 'indoor' },
  samplingIntervalS: 60,
};

describe('payloads', () => {
  it('writes a SenML pack whose resolved names are <sensorId>/<kind> in the canonical unit (RFC 8428)', () => {
    const pack = toSenml(co2, [[1_752_624_000_250, 612], [1_752_624_060_250, 618]]);
    expect(pack).toEqual([
      { bn: 'B01-F03-CO2-01/', bu: 'ppm', n: 'co2', t: 1_752_624_000.25, v: 612 },
      { n: 'co2', t: 1_752_624_060.25, v: 618 },
    ]);
    // Resolution per RFC 8428 §4.6: the base name and unit carry over to later records.
    const resolved = pack.map((r) => ({ name: `${pack[0]!.bn}${r.n}`, unit: pack[0]!.bu, timeS: r.t }));
    expect(resolved.every((r) => r.name === 'B01-F03-CO2-01/co2' && r.unit === 'ppm')).toBe(true);
  });

  it("names a sensor's own topic", () => {
    expect(sensorTelemetryTopic('B01-F03-CO2-01')).toBe('twin/v1/telemetry/B01-F03-CO2-01');
  });

  it('packs compact batches into JSON arrays within the size limit, in order, splitting long batches', () => {
    const batches: CompactBatch[] = [
      { sensor: 'a', readings: Array.from({ length: 200 }, (_, i) => [1_752_624_000_000 + i, i] as [number, number]) },
      { sensor: 'b', readings: [[1_752_624_000_000, 1]] },
    ];
    const payloads = packGatewayBatches(batches, 1000);
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(p.length).toBeLessThanOrEqual(1000);
    const back = payloads.flatMap((p) => JSON.parse(p) as CompactBatch[]);
    expect(back.filter((b) => b.sensor === 'a').flatMap((b) => b.readings)).toEqual(batches[0]!.readings);
    expect(back.at(-1)).toEqual(batches[1]);
  });

  it('puts small batches together in one gateway payload', () => {
    const payloads = packGatewayBatches([{ sensor: 'a', readings: [[1, 2]] }, { sensor: 'b', readings: [[1, 3]] }], 65536);
    expect(payloads).toEqual(['[{"sensor":"a","readings":[[1,2]]},{"sensor":"b","readings":[[1,3]]}]']);
  });
});

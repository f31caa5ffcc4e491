import { describe, expect, it } from 'vitest';
import { parseTelemetry, type ParseContext } from './parseTelemetry.ts';
import { ReadingBuffer } from './readingBuffer.ts';
import { RejectionList } from './rejectionList.ts';
import { testCatalog } from '../test/testCatalog.ts';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const catalog = testCatalog();
const ctx: ParseContext = { catalog, nowMs: NOW, maxFutureMs: 5 * 60_000, maxPastMs: 30 * 86_400_000, maxPayloadBytes: 4096 };

function parse(payload: unknown, overrides: Partial<ParseContext> = {}) {
  const out = new ReadingBuffer(4);
  const rejects = new RejectionList();
  parseTelemetry(typeof payload === 'string' ? payload : JSON.stringify(payload), { ...ctx, ...overrides }, out, rejects);
  const readings = Array.from({ length: out.count }, (_, i) => [catalog.sensors[out.sensorIndices[i]!]!.id, out.tsMs[i], out.values[i]]);
  return { readings, rejects };
}

describe('parseTelemetry (PLAT-10 sensor access interface)', () => {
  it('accepts a compact batch', () => {
    const { readings, rejects } = parse({ sensor: 'noise-1', readings: [[NOW - 1000, 41.5], [NOW, 42]] });
    expect(readings).toEqual([['noise-1', NOW - 1000, 41.5], ['noise-1', NOW, 42]]);
    expect(rejects.total).toBe(0);
  });

  it('takes the sensor from the topic when the batch names none', () => {
    const { readings } = parse({ readings: [[NOW, 400]] }, { defaultSensor: 'co2-1' });
    expect(readings).toEqual([['co2-1', NOW, 400]]);
  });

  it('accepts a gateway batch of several sensors', () => {
    const { readings } = parse([
      { sensor: 'noise-1', readings: [[NOW, 40]] },
      { sensor: 'co2-1', readings: [[NOW, 800]] },
    ]);
    expect(readings.map((r) => r[0])).toEqual(['noise-1', 'co2-1']);
  });

  it('accepts a SenML pack with base name, base time and relative times (RFC 8428)', () => {
    const bt = NOW / 1000;
    const { readings, rejects } = parse([
      { bn: 'co2-1/', bt, bu: 'ppm', n: 'co2', v: 612 },
      { n: 'co2', t: 1, v: 615 },
      { bn: 'noise-1/', n: 'noise', u: 'dBA', t: 0, v: 38.5 },
    ]);
    expect(rejects.total).toBe(0);
    expect(readings).toEqual([['co2-1', NOW, 612], ['co2-1', NOW + 1000, 615], ['noise-1', NOW, 38.5]]);
  });

  it('reads SenML times below 2^28 s as relative to now', () => {
    const { readings } = parse([{ bn: 'power-1/', n: 'power', t: -10, v: 3.2 }]);
    expect(readings).toEqual([['power-1', NOW - 10_000, 3.2]]);
  });

  it('keeps good readings and rejects each bad one with its own code', () => {
    const { readings, rejects } = parse([
      { sensor: 'noise-1', readings: [[NOW, 40], [NOW + 3_600_000, 41], [NOW - 90 * 86_400_000, 42], [NOW, null], ['x', 1], [NOW]] },
      { sensor: 'ghost-9', readings: [[NOW, 1], [NOW, 2]] },
      { sensor: 'co2-1', unit: 'ppb', readings: [[NOW, 1]] },
      { sensor: 'co2-1', kind: 'pm25', readings: [[NOW, 1]] },
      { sensor: 'temperature-1', readings: [[NOW, Number.MAX_VALUE * 2]] },
      { sensor: 'temperature-1', readings: [[NOW, 22.5]] },
    ]);
    expect(readings).toEqual([['noise-1', NOW, 40], ['temperature-1', NOW, 22.5]]);
    expect(Object.fromEntries(rejects.counts)).toEqual({
      TWIN_ERR_INGEST_TIMESTAMP_FUTURE: 1,
      TWIN_ERR_INGEST_TIMESTAMP_PAST: 1,
      TWIN_ERR_INGEST_NON_FINITE: 2,
      TWIN_ERR_INGEST_BAD_TIMESTAMP: 1,
      TWIN_ERR_INGEST_MALFORMED_PAYLOAD: 1,
      TWIN_ERR_INGEST_UNKNOWN_SENSOR: 2,
      TWIN_ERR_INGEST_UNIT_MISMATCH: 1,
      TWIN_ERR_INGEST_KIND_MISMATCH: 1,
    });
    expect(rejects.details.find((r) => r.code === 'TWIN_ERR_INGEST_UNKNOWN_SENSOR')).toMatchObject({ where: '[1].readings', sensor: 'ghost-9' });
    expect(rejects.details.find((r) => r.code === 'TWIN_ERR_INGEST_TIMESTAMP_FUTURE')?.where).toBe('[0].readings[1]');
  });

  it('rejects SenML records of the wrong kind, unit or sensor, keeping the rest', () => {
    const { readings, rejects } = parse([
      { bn: 'co2-1/', bt: NOW / 1000, n: 'pm25', v: 10 },
      { n: 'co2', u: '%', v: 10 },
      { bn: 'nobody/', n: 'co2', v: 10 },
      { bn: 'co2-1/', n: 'co2', vs: 'high' },
      { bn: 'co2-1/', n: 'co2', v: 700 },
    ]);
    expect(readings).toHaveLength(1);
    expect([...rejects.counts.keys()].sort()).toEqual([
      'TWIN_ERR_INGEST_KIND_MISMATCH',
      'TWIN_ERR_INGEST_NON_FINITE',
      'TWIN_ERR_INGEST_UNIT_MISMATCH',
      'TWIN_ERR_INGEST_UNKNOWN_SENSOR',
    ]);
  });

  it('rejects malformed JSON, wrong shapes and oversize payloads as a whole', () => {
    expect([...parse('{"sensor": "noise-1", "readings": [[1,').rejects.counts.keys()]).toEqual(['TWIN_ERR_INGEST_MALFORMED_JSON']);
    // 1e400 is valid JSON that overflows to Infinity.
    expect([...parse(`{"sensor": "noise-1", "readings": [[${NOW}, 1e400]]}`).rejects.counts.keys()]).toEqual(['TWIN_ERR_INGEST_NON_FINITE']);
    expect([...parse('42').rejects.counts.keys()]).toEqual(['TWIN_ERR_INGEST_MALFORMED_PAYLOAD']);
    expect([...parse({ sensor: 'noise-1' }).rejects.counts.keys()]).toEqual(['TWIN_ERR_INGEST_MALFORMED_PAYLOAD']);
    const big = { sensor: 'noise-1', readings: Array.from({ length: 500 }, () => [NOW, 40]) };
    const { readings, rejects } = parse(big);
    expect(readings).toHaveLength(0);
    expect(rejects.details[0]?.message).toMatch(/exceeds the limit of 4096 bytes/);
  });
});

import { describe, expect, it } from 'vitest';
import { IngestPipeline, IngestUnavailableError, type ReadingSink } from './ingestPipeline.ts';
import type { ReadingBuffer } from './readingBuffer.ts';
import { silentLogger } from '../logging/logger.ts';
import { testCatalog } from '../test/testCatalog.ts';

/** A sink whose commits finish when the test says so. */
class ControlledSink implements ReadingSink {
  commits: Array<{ count: number; keys: number[]; release: () => void; fail: (e: Error) => void }> = [];
  commitReadings(batch: { count: number; sensorKeys: Uint32Array }) {
    return new Promise<{ stored: number; duplicates: number }>((resolve, reject) => {
      this.commits.push({
        count: batch.count,
        keys: Array.from(batch.sensorKeys.subarray(0, batch.count)),
        release: () => resolve({ stored: batch.count, duplicates: 0 }),
        fail: reject,
      });
    });
  }
}

const catalog = testCatalog();
const limits = { maxPayloadBytes: 1 << 20, maxFutureMs: 60_000, maxPastMs: 86_400_000, maxPendingReadings: 10 };
const tick = () => new Promise((resolve) => setImmediate(resolve));

function pipeline(sink: ReadingSink, accepted: number[] = []) {
  const keys = Uint32Array.from(catalog.sensors, (_, i) => 100 + i);
  return new IngestPipeline({ sink, catalog, sensorKeys: keys, limits, logger: silentLogger, onAccepted: (_b: ReadingBuffer, from: number, to: number) => accepted.push(to - from) });
}

const batch = (sensor: string, n: number) => JSON.stringify({ sensor, readings: Array.from({ length: n }, (_, i) => [Date.now() - 1000 + i, i]) });

describe('IngestPipeline group commit', () => {
  it('answers senders only after their commit, grouping messages that arrive while one runs', async () => {
    const sink = new ControlledSink();
    const accepted: number[] = [];
    const p = pipeline(sink, accepted);
    let firstDone = false;
    const first = p.ingest(batch('noise-1', 2), { transport: 'mqtt' }).then((r) => ((firstDone = true), r));
    await tick();
    expect(sink.commits).toHaveLength(1);
    const second = p.ingest(batch('co2-1', 3), { transport: 'mqtt' });
    const third = p.ingest(batch('power-1', 1), { transport: 'http' });
    await tick();
    expect(firstDone).toBe(false);
    expect(p.pending).toBe(6);
    expect(p.saturated).toBe(false);
    sink.commits[0]!.release();
    expect(await first).toEqual({ accepted: 2, rejected: 0, rejections: [] });
    await tick();
    // The two messages that arrived during the first commit share the second.
    expect(sink.commits).toHaveLength(2);
    expect(sink.commits[1]!.count).toBe(4);
    // Registry indices are translated to storage keys.
    expect(new Set(sink.commits[1]!.keys)).toEqual(new Set([100 + catalog.lookup('co2-1')!.index, 100 + catalog.lookup('power-1')!.index]));
    sink.commits[1]!.release();
    await Promise.all([second, third]);
    // Live fan-out gets each payload's readings as soon as they are validated, before any commit.
    expect(accepted).toEqual([2, 3, 1]);
    expect(p.stats()).toMatchObject({ stored: 6, commits: 2, messages: 3, pending: 0 });
  });

  it('commits a payload that arrives just as a commit loop is finishing', async () => {
    const sink = new ControlledSink();
    const p = pipeline(sink);
    // The second payload is queued from the first one's acknowledgement, as the MQTT client does.
    const second = p.ingest(batch('noise-1', 1), { transport: 'mqtt' }).then(() => p.ingest(batch('co2-1', 1), { transport: 'mqtt' }));
    await tick();
    sink.commits[0]!.release();
    await tick();
    await tick();
    expect(sink.commits).toHaveLength(2);
    sink.commits[1]!.release();
    await second;
  });

  it('answers at once, without a commit, when nothing in the payload was good', async () => {
    const sink = new ControlledSink();
    const p = pipeline(sink);
    const receipt = await p.ingest('not json', { transport: 'http' });
    expect(receipt.rejected).toBe(1);
    expect(sink.commits).toHaveLength(0);
    expect(p.stats().rejected).toEqual({ TWIN_ERR_INGEST_MALFORMED_JSON: 1 });
  });

  it('refuses every sender of a failed commit and counts nothing as stored', async () => {
    const sink = new ControlledSink();
    const p = pipeline(sink);
    const a = p.ingest(batch('noise-1', 2), { transport: 'mqtt' });
    await tick();
    sink.commits[0]!.fail(new Error('disk full'));
    await expect(a).rejects.toBeInstanceOf(IngestUnavailableError);
    expect(p.stats().stored).toBe(0);
  });

  it('reports saturation when pending readings reach the limit, and commits what is queued on close', async () => {
    const sink = new ControlledSink();
    const p = pipeline(sink);
    const a = p.ingest(batch('noise-1', 12), { transport: 'http' });
    expect(p.saturated).toBe(true);
    const closing = p.close();
    await tick();
    sink.commits[0]!.release();
    await closing;
    await a;
    await expect(p.ingest(batch('noise-1', 1), { transport: 'http' })).rejects.toThrow(/shutting down/);
  });
});

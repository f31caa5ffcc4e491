import { describe, expect, it } from 'vitest';
import { decodeLiveFrame, encodeLiveFrame, LIVE_FRAME_SNAPSHOT, LiveFrameError } from './liveFrame.ts';

describe('live frames', () => {
  const frame = {
    flags: LIVE_FRAME_SNAPSHOT,
    registryRevision: 0xdeadbeef,
    serverTimeMs: 1_763_900_000_123.5,
    count: 3,
    timestampsMs: [1_763_900_000_000, 1_763_900_000_001, 1_763_900_000_002],
    values: [21.5, -3.25, 1e9],
    sensorIndices: [0, 7, 99_999],
  };

  it('round-trips every field', () => {
    const decoded = decodeLiveFrame(encodeLiveFrame(frame));
    expect(decoded.flags).toBe(LIVE_FRAME_SNAPSHOT);
    expect(decoded.registryRevision).toBe(0xdeadbeef);
    expect(decoded.serverTimeMs).toBe(frame.serverTimeMs);
    expect([...decoded.timestampsMs]).toEqual(frame.timestampsMs);
    expect([...decoded.values]).toEqual(frame.values);
    expect([...decoded.sensorIndices]).toEqual(frame.sensorIndices);
  });

  it('decodes from an unaligned byte view, as a Node client receives it', () => {
    const bytes = new Uint8Array(encodeLiveFrame(frame));
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    const decoded = decodeLiveFrame(padded.subarray(3));
    expect([...decoded.values]).toEqual(frame.values);
  });

  it('rejects bytes that are not a frame, naming the reason', () => {
    expect(() => decodeLiveFrame(new ArrayBuffer(4))).toThrow(/shorter than its header/);
    expect(() => decodeLiveFrame(new ArrayBuffer(24))).toThrow(/bad magic/);
    const truncated = encodeLiveFrame(frame).slice(0, 50);
    expect(() => decodeLiveFrame(truncated)).toThrow(LiveFrameError);
  });
});

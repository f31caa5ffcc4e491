import { describe, expect, it } from 'vitest';
import { encodeLiveFrame, LIVE_FRAME_SNAPSHOT } from '@twin/protocol';
import type { TwinSocket } from '../../session/liveConnection.ts';
import { TelemetryStore } from '../../telemetry/telemetryStore.ts';
import { TelemetryFeed, type TelemetryFeedPhase } from './telemetryFeed.ts';

/** A socket.io client stand-in: handlers by event, `telemetry:subscribe` answered by `answer`. */
class FakeSocket {
  connected = false;
  readonly emitted: string[] = [];
  private readonly handlers = new Map<string, Set<(payload?: unknown) => void>>();

  constructor(public answer: () => Promise<unknown>) {}

  on(event: string, handler: (payload?: unknown) => void): this {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
    return this;
  }

  off(event: string, handler: (payload?: unknown) => void): this {
    this.handlers.get(event)?.delete(handler);
    return this;
  }

  timeout() {
    return {
      emitWithAck: (event: string) => {
        this.emitted.push(event);
        return this.answer();
      },
    };
  }

  fire(event: string, payload?: unknown): void {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    for (const handler of this.handlers.get(event) ?? []) handler(payload);
  }

  listenerCount(): number {
    return [...this.handlers.values()].reduce((sum, set) => sum + set.size, 0);
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const frame = (revision: number, serverTimeMs: number, readings: Array<[number, number, number]>) =>
  encodeLiveFrame({ flags: LIVE_FRAME_SNAPSHOT, registryRevision: revision, serverTimeMs, count: readings.length, sensorIndices: readings.map((r) => r[0]), timestampsMs: readings.map((r) => r[1]), values: readings.map((r) => r[2]) });

function feedWith(socket: FakeSocket) {
  const store = new TelemetryStore(3, 4);
  const phases: TelemetryFeedPhase[] = [];
  const feed = new TelemetryFeed({ socket: socket as unknown as TwinSocket, store, onPhase: (p) => phases.push(p) });
  return { store, feed, phases };
}

describe('TelemetryFeed (PLAT-2 live data into typed arrays)', () => {
  it('subscribes to every visible sensor on connect and writes frames into the store', async () => {
    const socket = new FakeSocket(async () => ({ ok: true, value: { sensorCount: 3, registryRevision: 4 } }));
    const { store, feed, phases } = feedWith(socket);
    const stop = feed.start();
    socket.fire('connect');
    await settle();
    expect(socket.emitted).toEqual(['telemetry:subscribe']);
    expect(feed.getPhase()).toBe('live');
    socket.fire('telemetry:frame', frame(4, Date.now() + 5_000, [[2, 1000, 42]]));
    expect(store.values[2]).toBe(42);
    expect(feed.clockOffsetMs).toBeGreaterThan(4_000);
    expect(feed.nowMs() - Date.now()).toBeGreaterThan(4_000);
    socket.fire('disconnect');
    expect(phases).toEqual(['offline', 'subscribing', 'live', 'offline']);
    stop();
    expect(socket.listenerCount()).toBe(0);
    expect(feed.getPhase()).toBe('idle');
  });

  it('counts and drops payloads that are not frames, and tells a refused subscription', async () => {
    const socket = new FakeSocket(async () => ({ ok: false, error: { code: 'TWIN_ERR_FORBIDDEN', message: 'no' } }));
    const { store, feed } = feedWith(socket);
    socket.connected = true;
    feed.start();
    await settle();
    expect(feed.getPhase()).toBe('refused');
    socket.fire('telemetry:frame', 'not bytes');
    socket.fire('telemetry:frame', new ArrayBuffer(8));
    expect(feed.rejectedFrames).toBe(2);
    expect(store.revision).toBe(0);
  });
});

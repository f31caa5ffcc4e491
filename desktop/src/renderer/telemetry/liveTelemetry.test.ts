import { describe, expect, it } from 'vitest';
import { encodeLiveFrame, LIVE_FRAME_SNAPSHOT, type Result, type SubscriptionAck, type SubscriptionFilter } from '@twin/protocol';
import type { TwinSocket } from '../session/liveConnection.ts';
import { ServerClock } from '../session/serverClock.ts';
import { LiveTelemetry } from './liveTelemetry.ts';
import { SensorDirectory } from './sensorDirectory.ts';

const sensor = (id: string) => ({ id, kind: 'noise' as const, unit: 'dBA', name: id, location: { lon: 114, lat: 22.5, heightM: 1, area: 'zone-a', placement: 'indoor' as const }, samplingIntervalS: 30 });

/**
 * A socket.io client stand-in: `telemetry:subscribe` answers with the server's registry revision
 * and sends its snapshot first, as the server does; `answer` stands in for another answer.
 */
class FakeSocket {
  connected = false;
  revision = 1;
  answer: ((filter: SubscriptionFilter) => Promise<Result<SubscriptionAck>>) | undefined;
  readonly filters: SubscriptionFilter[] = [];
  readonly emitted: string[] = [];
  private readonly handlers = new Map<string, Set<(payload?: unknown) => void>>();

  on(event: string, handler: (payload?: unknown) => void): this {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
    return this;
  }

  off(event: string, handler: (payload?: unknown) => void): this {
    this.handlers.get(event)?.delete(handler);
    return this;
  }

  emit(event: string): void {
    this.emitted.push(event);
  }

  timeout() {
    return {
      emitWithAck: async (_event: 'telemetry:subscribe', filter: SubscriptionFilter): Promise<Result<SubscriptionAck>> => {
        this.filters.push(filter);
        if (this.answer !== undefined) return this.answer(filter);
        this.fire('telemetry:frame', frame(this.revision, LIVE_FRAME_SNAPSHOT, [[0, 1000, 40]]));
        return { ok: true, value: { sensorCount: 2, registryRevision: this.revision } };
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

function frame(revision: number, flags: number, readings: Array<[number, number, number]>, serverTimeMs = 0): ArrayBuffer {
  return encodeLiveFrame({ flags, registryRevision: revision, serverTimeMs, count: readings.length, sensorIndices: readings.map((r) => r[0]), timestampsMs: readings.map((r) => r[1]), values: readings.map((r) => r[2]) });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function telemetryWith(socket: FakeSocket, ackTimeoutMs?: number) {
  const loads: number[] = [];
  const telemetry = new LiveTelemetry({
    socket: socket as unknown as TwinSocket,
    clock: new ServerClock(),
    ...(ackTimeoutMs === undefined ? {} : { ackTimeoutMs }),
    loadDirectory: async () => {
      loads.push(socket.revision);
      return new SensorDirectory(socket.revision, 2, [sensor('N1'), sensor('N2')], [0, 1]);
    },
  });
  return { telemetry, loads };
}

describe('live telemetry (PLAT-2 real time; one subscription per console)', () => {
  it('loads the sensor list, subscribes to every visible sensor on connect and writes frames into the store', async () => {
    const socket = new FakeSocket();
    const { telemetry, loads } = telemetryWith(socket);
    const stop = telemetry.start();
    expect(telemetry.getState().phase).toBe('offline');
    socket.fire('connect');
    await settle();
    const { phase, store, directory } = telemetry.getState();
    expect(phase).toBe('live');
    expect(socket.filters).toEqual([{}]);
    expect(loads).toEqual([1]);
    expect(directory?.frameIndex('N2')).toBe(1);
    // The snapshot sent before the answer reached the store.
    expect(store!.values[0]).toBe(40);
    socket.fire('telemetry:frame', frame(1, 0, [[1, 2000, 52.5]]));
    expect(store!.values[1]).toBe(52.5);
    // Stopping only stops listening: the socket's subscription ends with the socket.
    stop();
    socket.fire('telemetry:frame', frame(1, 0, [[1, 3000, 60]]));
    expect(store!.values[1]).toBe(52.5);
    expect(socket.emitted).toEqual([]);
    expect(socket.listenerCount()).toBe(0);
    expect(telemetry.getState().phase).toBe('idle');
  });

  it("sets the server clock from the frames, so that staleness is judged by the server's time", async () => {
    const socket = new FakeSocket();
    const { telemetry } = telemetryWith(socket);
    telemetry.start();
    socket.fire('connect');
    await settle();
    socket.fire('telemetry:frame', frame(1, 0, [[1, 2000, 52.5]], Date.now() + 5_000));
    expect(telemetry.clock.now() - Date.now()).toBeGreaterThan(4_000);
  });

  it('resubscribes after a reconnection without loading the list again', async () => {
    const socket = new FakeSocket();
    const { telemetry, loads } = telemetryWith(socket);
    telemetry.start();
    socket.fire('connect');
    await settle();
    const store = telemetry.getState().store;
    socket.fire('disconnect');
    expect(telemetry.getState().phase).toBe('offline');
    socket.fire('connect');
    await settle();
    expect(telemetry.getState().phase).toBe('live');
    expect(telemetry.getState().store).toBe(store);
    expect(socket.filters).toHaveLength(2);
    expect(loads).toEqual([1]);
  });

  it('loads the list again and replaces the store when frames index another registry revision', async () => {
    const socket = new FakeSocket();
    const { telemetry, loads } = telemetryWith(socket);
    telemetry.start();
    socket.fire('connect');
    await settle();
    const first = telemetry.getState().store;
    socket.revision = 2;
    socket.fire('telemetry:frame', frame(2, 0, [[0, 3000, 41]]));
    await settle();
    const { phase, store } = telemetry.getState();
    expect(phase).toBe('live');
    expect(loads).toEqual([1, 2]);
    expect(store).not.toBe(first);
    expect(store!.registryRevision).toBe(2);
    expect(store!.values[0]).toBe(40);
  });

  it('ignores payloads that are not a live frame', async () => {
    const socket = new FakeSocket();
    const { telemetry } = telemetryWith(socket);
    telemetry.start();
    socket.fire('connect');
    await settle();
    const { store } = telemetry.getState();
    const revision = store!.revision;
    expect(() => socket.fire('telemetry:frame', new ArrayBuffer(8))).not.toThrow();
    expect(() => socket.fire('telemetry:frame', 'not bytes')).not.toThrow();
    expect(store!.revision).toBe(revision);
    expect(telemetry.getState().phase).toBe('live');
  });

  it('tells a refused subscription (no telemetry.subscribe permission)', async () => {
    const socket = new FakeSocket();
    const refusal = { code: 'TWIN_ERR_AUTH_FORBIDDEN', message: 'no' } as const;
    socket.answer = async () => ({ ok: false, error: refusal });
    const { telemetry } = telemetryWith(socket);
    socket.connected = true;
    telemetry.start();
    await settle();
    expect(telemetry.getState()).toMatchObject({ phase: 'failed', error: refusal });
  });

  it('asks again when the subscription is not answered in time', async () => {
    const socket = new FakeSocket();
    socket.answer = async () => {
      socket.answer = undefined;
      throw new Error('operation has timed out');
    };
    const { telemetry } = telemetryWith(socket, 5);
    telemetry.start();
    socket.fire('connect');
    await settle();
    expect(telemetry.getState().phase).toBe('loading');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(socket.filters).toHaveLength(2);
    expect(telemetry.getState().phase).toBe('live');
  });
});

import { encodeLiveFrame, LIVE_FRAME_SNAPSHOT, PROTOCOL_VERSION, subscriptionFilterSchema, twinError, type StatsDto } from '@twin/protocol';
import type { ReadingBuffer } from '../ingest/readingBuffer.ts';
import type { Logger } from '../logging/logger.ts';
import type { SensorCatalog } from '../registry/sensorCatalog.ts';
import type { TwinSocket, TwinSocketServer } from './socketGuard.ts';
import { subscriptionMask } from './subscriptionMask.ts';

interface Subscriber {
  socket: TwinSocket;
  group: Group;
  /** Readings this client missed while its connection was busy: flags by registry index, and their list. */
  backlogFlags: Uint8Array | null;
  backlog: number[];
}

interface Group {
  mask: Uint8Array;
  members: Set<Subscriber>;
}

/**
 * Live telemetry out (REQ PLAT-2 real time): keeps the latest value of every sensor, and every
 * `tickMs` sends each subscriber one binary frame of what changed among the sensors it chose.
 * Subscribers with the same filter share one encoded frame. A subscriber whose connection still
 * holds an unsent frame is skipped; what changed meanwhile is kept as a set of sensors (latest
 * value wins, so the buffer is bounded by the registry size) and the overwritten readings are
 * counted as dropped. Ingest never waits for a client.
 */
export class LiveHub {
  private readonly latestTs: Float64Array;
  private readonly latestValue: Float64Array;
  private readonly dirtyFlags: Uint8Array;
  private readonly dirty: Uint32Array;
  private dirtyCount = 0;
  private readonly groups = new Map<string, Group>();
  private readonly subscribers = new Map<string, Subscriber>();
  private timer: NodeJS.Timeout | null = null;
  private readonly counters = { framesSent: 0, droppedReadings: 0, skippedTicks: 0 };

  constructor(
    private readonly io: TwinSocketServer,
    private readonly deps: { catalog: SensorCatalog; logger: Logger; tickMs: number },
  ) {
    const n = deps.catalog.size;
    this.latestTs = new Float64Array(n).fill(-Infinity);
    this.latestValue = new Float64Array(n);
    this.dirtyFlags = new Uint8Array(n);
    this.dirty = new Uint32Array(n);
    io.on('connection', (socket) => this.onConnection(socket));
  }

  /** Seeds latest values (from storage at startup) without sending anything. */
  seed(sensorIndices: ArrayLike<number>, tsMs: ArrayLike<number>, values: ArrayLike<number>): void {
    for (let i = 0; i < sensorIndices.length; i++) {
      const index = sensorIndices[i]!;
      if (tsMs[i]! >= this.latestTs[index]!) {
        this.latestTs[index] = tsMs[i]!;
        this.latestValue[index] = values[i]!;
      }
    }
  }

  /** Takes readings `[from, to)`; a reading older than the sensor's latest does not replace it. */
  publish(readings: ReadingBuffer, from = 0, to = readings.count): void {
    const { sensorIndices, tsMs, values } = readings;
    for (let i = from; i < to; i++) {
      const index = sensorIndices[i]!;
      if (tsMs[i]! < this.latestTs[index]!) continue;
      this.latestTs[index] = tsMs[i]!;
      this.latestValue[index] = values[i]!;
      if (this.dirtyFlags[index] === 0) {
        this.dirtyFlags[index] = 1;
        this.dirty[this.dirtyCount++] = index;
      }
    }
    if (this.dirtyCount > 0) this.scheduleTick();
  }

  stats(): StatsDto['live'] {
    return { clients: this.io.engine.clientsCount, ...this.counters };
  }

  close(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private onConnection(socket: TwinSocket): void {
    socket.emit('server:hello', {
      protocolVersion: PROTOCOL_VERSION,
      serverTimeMs: Date.now(),
      registryRevision: this.deps.catalog.revision,
      sensorCount: this.deps.catalog.size,
    });
    socket.on('telemetry:subscribe', (filter, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = subscriptionFilterSchema.safeParse(filter);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return ack({ ok: false, error: twinError('TWIN_ERR_BAD_REQUEST', `subscription filter: ${issue.path.join('.') || 'filter'}: ${issue.message}`) });
      }
      const count = this.subscribe(socket, parsed.data);
      ack({ ok: true, value: { sensorCount: count, registryRevision: this.deps.catalog.revision } });
    });
    socket.on('telemetry:unsubscribe', (ack) => {
      this.unsubscribe(socket.id);
      if (typeof ack === 'function') ack({ ok: true, value: null });
    });
    socket.on('disconnect', () => this.unsubscribe(socket.id));
  }

  /**
   * Subscribes a socket to what its filter selects among the sensors its user may see (REQ
   * PLAT-8, PLAT-11): clients share a group only when both the filter and the visible set are
   * equal.
   */
  private subscribe(socket: TwinSocket, filter: Parameters<typeof subscriptionMask>[1]): number {
    this.unsubscribe(socket.id);
    const { catalog } = this.deps;
    const visible = socket.data.auth.access.sensorMask('telemetry.subscribe', catalog.registry.community.id, catalog.sensors);
    const selected = subscriptionMask(catalog, filter);
    const mask = selected.mask;
    let count = 0;
    for (let i = 0; i < mask.length; i++) {
      mask[i]! &= visible.mask[i]!;
      count += mask[i]!;
    }
    const key = `${selected.key}|${visible.key}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { mask, members: new Set() };
      this.groups.set(key, group);
    }
    const subscriber: Subscriber = { socket, group, backlogFlags: null, backlog: [] };
    group.members.add(subscriber);
    this.subscribers.set(socket.id, subscriber);
    this.sendSnapshot(subscriber);
    return count;
  }

  private unsubscribe(socketId: string): void {
    const subscriber = this.subscribers.get(socketId);
    if (subscriber === undefined) return;
    this.subscribers.delete(socketId);
    subscriber.group.members.delete(subscriber);
    for (const [key, group] of this.groups) if (group.members.size === 0) this.groups.delete(key);
  }

  private sendSnapshot(subscriber: Subscriber): void {
    const indices: number[] = [];
    const { mask } = subscriber.group;
    for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && this.latestTs[i] !== -Infinity) indices.push(i);
    this.send(subscriber.socket, this.encode(indices, indices.length, LIVE_FRAME_SNAPSHOT));
  }

  private scheduleTick(): void {
    if (this.timer === null) this.timer = setTimeout(() => this.tick(), this.deps.tickMs);
  }

  private tick(): void {
    this.timer = null;
    let backlogged = false;
    for (const group of this.groups.values()) {
      let changed: number[] | null = null;
      const ready: string[] = [];
      for (const member of group.members) {
        if (this.busy(member.socket)) {
          changed ??= this.select(group.mask);
          this.addBacklog(member, changed);
          this.counters.skippedTicks++;
          backlogged = true;
          continue;
        }
        if (member.backlogFlags !== null) {
          changed ??= this.select(group.mask);
          this.addBacklog(member, changed);
          this.send(member.socket, this.encode(member.backlog, member.backlog.length, 0));
          member.backlogFlags = null;
          member.backlog = [];
          continue;
        }
        ready.push(member.socket.id);
      }
      if (ready.length === 0) continue;
      changed ??= this.select(group.mask);
      if (changed.length === 0) continue;
      // One broadcast to the group's ready sockets: socket.io encodes the packet (and the
      // WebSocket frame) once for all of them.
      this.io.to(ready).emit('telemetry:frame', this.encode(changed, changed.length, 0));
      this.counters.framesSent += ready.length;
    }
    for (let i = 0; i < this.dirtyCount; i++) this.dirtyFlags[this.dirty[i]!] = 0;
    this.dirtyCount = 0;
    if (backlogged) this.scheduleTick();
  }

  /** The changed sensors a group's mask selects. */
  private select(mask: Uint8Array): number[] {
    const selected: number[] = [];
    for (let i = 0; i < this.dirtyCount; i++) {
      const index = this.dirty[i]!;
      if (mask[index] === 1) selected.push(index);
    }
    return selected;
  }

  private addBacklog(member: Subscriber, changed: number[]): void {
    member.backlogFlags ??= new Uint8Array(this.latestTs.length);
    for (const index of changed) {
      if (member.backlogFlags[index] === 1) {
        this.counters.droppedReadings++;
      } else {
        member.backlogFlags[index] = 1;
        member.backlog.push(index);
      }
    }
  }

  /** Whether the connection still holds a packet it has not handed to the network. */
  private busy(socket: TwinSocket): boolean {
    const conn = socket.conn as unknown as { writeBuffer?: unknown[] };
    return (conn.writeBuffer?.length ?? 0) > 0;
  }

  private encode(indices: ArrayLike<number>, count: number, flags: number): ArrayBuffer {
    const ts = new Float64Array(count);
    const values = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      ts[i] = this.latestTs[indices[i]!]!;
      values[i] = this.latestValue[indices[i]!]!;
    }
    return encodeLiveFrame({ flags, registryRevision: this.deps.catalog.revision, serverTimeMs: Date.now(), count, timestampsMs: ts, values, sensorIndices: indices });
  }

  private send(socket: TwinSocket, frame: ArrayBuffer): void {
    socket.emit('telemetry:frame', frame);
    this.counters.framesSent++;
  }
}

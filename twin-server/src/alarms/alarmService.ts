import { randomUUID } from 'node:crypto';
import { ALARM_RESUME_LIMIT, twinError, type AlarmDto, type AlarmEventDto, type AlarmKpiDto, type AlarmSubscription, type DeviceCommand, type Result } from '@twin/protocol';
import { AlarmEngine, computeAlarmKpis, KpiInputError, type AdvisoryCondition, type AdvisoryOf, type AlarmEffects, type AlarmOperatorInput, type AlarmRule } from '@twin/domain';
import type { Authenticated } from '../identity/identityService.ts';
import type { TwinSocket, TwinSocketServer } from '../live/socketGuard.ts';
import type { Logger } from '../logging/logger.ts';
import type { DeviceChannel } from '../mqtt/deviceChannel.ts';
import type { SensorCatalog } from '../registry/sensorCatalog.ts';
import type { AlarmStore, DeviceCommandRow, NewAlarmEvent } from '../storage/alarmStore.ts';
import type { DataTarget } from '../identity/dataTargets.ts';
import type { ReadingBuffer } from '../ingest/readingBuffer.ts';
import { AlarmError, refusalError } from './alarmError.ts';
import { AlarmJournal, type DurableAlarmBatch } from './alarmJournal.ts';
import { alarmTarget } from './alarmTarget.ts';

/** What the alarm service is built from. */
export interface AlarmServiceDeps {
  store: AlarmStore;
  catalog: SensorCatalog;
  rules: readonly AlarmRule[];
  devices: DeviceChannel;
  io: TwinSocketServer;
  logger: Logger;
  /** How often time-driven conditions (delays, stale data, shelve expiry, command deadlines) are evaluated, ms. */
  tickMs?: number;
  now?: () => number;
  /** Called with every durable batch after clients and devices have it (escalation and notification). */
  onDurable?: (batch: DurableAlarmBatch) => void;
}

/** Counters of the alarm service. */
export interface AlarmServiceStats {
  alarms: number;
  annunciated: number;
  eventsStored: number;
  commandsSent: number;
  commandsNotSent: number;
}

/**
 * Alarm management on the server (REQ PLAT-8, ANSI/ISA-18.2): readings go through the pure alarm
 * engine as soon as ingest has validated them; its effects are written to DuckDB by group commit
 * and, once durable, pushed to subscribed clients (each sees only alarms within its access) and
 * carried out (linkage commands to devices over MQTT, PLAT-6 / MUN-5). Operators' actions are
 * answered only after they are durable. Clients that reconnect get the events they missed.
 */
export class AlarmService {
  private readonly engine: AlarmEngine;
  private readonly journal: AlarmJournal;
  private readonly subscribers = new Set<TwinSocket>();
  private readonly pendingCommands = new Map<string, DeviceCommandRow>();
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly now: () => number;
  private readonly community: string;
  private readonly stopDeviceStates: () => void;
  private counts = { eventsStored: 0, commandsSent: 0, commandsNotSent: 0 };

  private constructor(
    private readonly deps: AlarmServiceDeps,
    stored: AlarmDto[],
    pending: DeviceCommandRow[],
  ) {
    this.now = deps.now ?? Date.now;
    this.community = deps.catalog.registry.community.id;
    const restoredCommands = pending.flatMap((row) => (row.alarmId === undefined ? [] : [{ commandId: row.commandId, device: row.deviceId, command: row.command, alarmId: row.alarmId, deadlineMs: row.deadlineMs }]));
    this.engine = new AlarmEngine({ registry: deps.catalog.registry, rules: deps.rules, alarms: stored, pendingCommands: restoredCommands, nextCommandId: () => randomUUID() });
    for (const row of pending) this.pendingCommands.set(row.commandId, row);
    this.journal = new AlarmJournal(deps.store, { logger: deps.logger, onDurable: (batch) => this.durable(batch) });
    this.stopDeviceStates = deps.devices.onState((deviceId, state) => this.apply(this.engine.deviceState(deviceId, state.state, this.now())));
    this.timer = setInterval(() => this.tick(), deps.tickMs ?? 250);
    this.timer.unref();
    deps.io.on('connection', (socket) => {
      socket.on('alarm:subscribe', (...args: unknown[]) => {
        // `alarm:subscribe` with only an acknowledgement is a first subscription.
        const ack = args.at(-1) as ((result: Result<AlarmSubscription>) => void) | undefined;
        if (typeof ack !== 'function') return;
        const request = args.length > 1 ? args[0] : undefined;
        const after = typeof request === 'object' && request !== null ? (request as { afterEventId?: number }).afterEventId : undefined;
        this.subscribe(socket, after).then(ack, (error: unknown) => {
          deps.logger.error('alarm subscription failed', { error: String(error) });
          ack({ ok: false, error: twinError('TWIN_ERR_INTERNAL') });
        });
      });
    });
  }


  /** Loads the persisted alarms and starts evaluating. */
  static async open(deps: AlarmServiceDeps): Promise<AlarmService> {
    const rows = await deps.store.loadAlarms();
    const pending = await deps.store.pendingCommands();
    const service = new AlarmService(
      deps,
      rows.map((row) => row.record as AlarmDto),
      pending,
    );
    // Rules may have changed while the server was down; commands keep their deadlines.
    service.apply(service.engine.reconcile(service.now()));
    return service;
  }

  /** Readings `[from, to)` of a buffer, just validated by ingest. */
  onReadings(readings: ReadingBuffer, from: number, to: number): void {
    this.apply(this.engine.ingest(readings, this.now(), from, to));
  }

  /** An early warning about a sensor (REQ PROP-2 g): raises its advisory alarm, or clears it with `null`. */
  advise<C extends AdvisoryCondition>(sensorId: string, condition: C, advisory: AdvisoryOf<C> | null): void {
    this.apply(this.engine.advise(sensorId, condition, advisory, this.now()));
  }

  /** The alarms the caller may see that are not back to normal, and the last event id. */
  current(auth: Authenticated): { alarms: AlarmDto[]; lastEventId: number } {
    return { alarms: this.annunciated().filter((a) => this.visible(auth, a)), lastEventId: this.deps.store.lastEventId };
  }

  /** The events of an alarm the caller may see, newest first. */
  async history(auth: Authenticated, alarmId: string, limit: number): Promise<AlarmEventDto[]> {
    this.visibleAlarm(auth, alarmId);
    await this.journal.flushed();
    return this.deps.store.eventsOfAlarm(alarmId, limit);
  }

  /**
   * An operator's action (acknowledge, shelve, comment …) on an alarm the caller may see;
   * resolves with the alarm once the action is durable.
   */
  async act(auth: Authenticated, alarmId: string, input: AlarmOperatorInput): Promise<AlarmDto> {
    this.visibleAlarm(auth, alarmId);
    const result = this.engine.act(alarmId, input, this.now(), auth.access.can('alarms.configure') ? { maxShelveMs: 7 * 24 * 3_600_000 } : {});
    if (!result.ok) throw refusalError(result.reason, alarmId);
    this.apply(result.effects);
    await this.journal.flushed();
    return this.engine.alarm(alarmId)!;
  }

  /** Every alarm not back to normal. */
  annunciated(): AlarmDto[] {
    return this.engine.alarms().filter((a) => a.state !== 'normal');
  }

  /** An alarm as it is now. */
  alarm(alarmId: string): AlarmDto | undefined {
    return this.engine.alarm(alarmId);
  }

  /** Where an alarm sits, for access decisions. */
  target(alarm: AlarmDto): DataTarget {
    return alarmTarget(this.community, alarm, (id) => this.deps.catalog.sensor(id));
  }

  /** Stores events the platform adds to alarms (notifications sent); announced once durable. */
  record(events: readonly NewAlarmEvent[]): void {
    const alarms = [...new Set(events.map((e) => e.alarmId))].flatMap((id) => this.engine.alarm(id) ?? []);
    this.journal.add({ events, alarms, commands: [] }, this.now());
  }

  /** Alarm performance figures over a window, from the stored log of the alarms the caller may see (ISA-18.2 §16). */
  async kpis(auth: Authenticated, fromMs: number, toMs: number, operators: number): Promise<AlarmKpiDto> {
    await this.journal.flushed();
    const events = (await this.deps.store.eventsBetween(0, toMs, KPI_EVENT_TYPES)).filter((e) => {
      const alarm = this.engine.alarm(e.alarmId);
      return alarm !== undefined && this.visible(auth, alarm);
    });
    try {
      return computeAlarmKpis(events, { fromMs, toMs }, operators);
    } catch (error) {
      if (error instanceof KpiInputError) throw new AlarmError(error.code, error.message, error.details);
      throw error;
    }
  }

  /**
   * `alarm:subscribe`: the socket gets `alarm:update` from now on, the current alarms, and the
   * events after `afterEventId` it may see.
   */
  async subscribe(socket: TwinSocket, afterEventId: number | undefined): Promise<Result<AlarmSubscription>> {
    if (afterEventId !== undefined && !(Number.isSafeInteger(afterEventId) && afterEventId >= 0)) {
      return { ok: false, error: twinError('TWIN_ERR_BAD_REQUEST', 'afterEventId must be a non-negative integer') };
    }
    await this.journal.flushed();
    const auth = socket.data.auth;
    let missed: AlarmEventDto[] = [];
    let truncated = false;
    if (afterEventId !== undefined && afterEventId < this.deps.store.lastEventId) {
      const events = await this.deps.store.eventsAfter(afterEventId, ALARM_RESUME_LIMIT + 1);
      truncated = events.length > ALARM_RESUME_LIMIT;
      missed = events.slice(0, ALARM_RESUME_LIMIT).filter((e) => {
        const alarm = this.engine.alarm(e.alarmId);
        return alarm !== undefined && this.visible(auth, alarm);
      });
    }
    this.subscribers.add(socket);
    socket.once('disconnect', () => this.subscribers.delete(socket));
    return { ok: true, value: { ...this.current(auth), missed, truncated } };
  }

  stats(): AlarmServiceStats {
    const alarms = this.engine.alarms();
    return { alarms: alarms.length, annunciated: alarms.filter((a) => a.state !== 'normal').length, ...this.counts };
  }

  /** Stops evaluating and writes what is queued. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    this.stopDeviceStates();
    await this.journal.close();
  }

  private tick(): void {
    try {
      this.apply(this.engine.tick(this.now()));
    } catch (error) {
      this.deps.logger.error('alarm tick failed', { error: String(error) });
    }
  }

  private apply(effects: AlarmEffects): void {
    const nowMs = this.now();
    const settled: DeviceCommandRow[] = [];
    for (const event of effects.events) {
      const commandId = event.details?.['commandId'];
      if ((event.type !== 'command_confirmed' && event.type !== 'command_failed') || typeof commandId !== 'string') continue;
      const row = this.pendingCommands.get(commandId);
      if (row === undefined) continue;
      this.pendingCommands.delete(commandId);
      settled.push({ ...row, status: event.type === 'command_confirmed' ? 'confirmed' : 'failed', settledMs: event.atMs });
    }
    for (const c of effects.commands) {
      this.pendingCommands.set(c.commandId, { commandId: c.commandId, deviceId: c.device, command: c.command, alarmId: c.alarmId, issuedMs: nowMs, deadlineMs: c.deadlineMs, status: 'pending' });
    }
    this.journal.add(effects, nowMs, settled);
  }

  /** A batch is durable: tell the engine its event ids, push it to clients, send its commands. */
  private durable(batch: DurableAlarmBatch): void {
    this.counts.eventsStored += batch.events.length;
    const alarms = new Map(batch.alarms.map((a) => [a.id, a]));
    for (const a of batch.alarms) this.engine.setLastEventId(a.id, a.lastEventId);
    for (const command of batch.commands) this.send(command.device, command.command, command.commandId, command.alarmId);
    for (const socket of this.subscribers) {
      const auth = socket.data.auth;
      for (const event of batch.events) {
        const alarm = alarms.get(event.alarmId) ?? this.engine.alarm(event.alarmId);
        if (alarm !== undefined && this.visible(auth, alarm)) socket.emit('alarm:update', { event, alarm });
      }
    }
    this.deps.onDurable?.(batch);
  }

  private send(device: string, command: DeviceCommand, commandId: string, alarmId: string): void {
    this.deps.devices.send(device, { commandId, command, issuedAtMs: this.now(), alarmId }).then(
      () => this.counts.commandsSent++,
      (error: unknown) => {
        // Unconfirmed by its deadline, the command fails and raises its own alarm.
        this.counts.commandsNotSent++;
        this.deps.logger.error('device command not sent', { device, command, error: String(error) });
      },
    );
  }

  private visible(auth: Authenticated, alarm: AlarmDto): boolean {
    return auth.access.allows('alarms.read', this.target(alarm));
  }

  /** The alarm, if the caller may see it; the same refusal for unknown and out-of-scope ids. */
  private visibleAlarm(auth: Authenticated, alarmId: string): AlarmDto {
    const alarm = this.engine.alarm(alarmId);
    if (alarm === undefined || !this.visible(auth, alarm)) throw new AlarmError('TWIN_ERR_ALARM_NOT_FOUND', `no alarm ${alarmId} within your access`);
    return alarm;
  }
}

/** The events alarm performance is computed from. */
const KPI_EVENT_TYPES = ['raised', 'returned', 'acknowledged', 'shelved', 'unshelved', 'shelve_expired', 'removed_from_service', 'returned_to_service', 'latch_reset'] as const;

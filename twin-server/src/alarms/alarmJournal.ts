import type { AlarmDto, AlarmEventDto } from '@twin/protocol';
import type { AlarmEffects, LinkageCommand } from '@twin/domain';
import type { Logger } from '../logging/logger.ts';
import { AlarmError } from './alarmError.ts';
import type { AlarmStore, DeviceCommandRow, NewAlarmEvent } from '../storage/alarmStore.ts';

/** What became durable in one write, in the order it happened. */
export interface DurableAlarmBatch {
  events: AlarmEventDto[];
  /** Each alarm written, as it is after the batch, with its last event id. */
  alarms: AlarmDto[];
  commands: LinkageCommand[];
}

const RETRY_MS = 1000;
/** Longest an operator's action waits for storage before it is answered as unavailable. */
const FLUSH_TIMEOUT_MS = 10_000;

/**
 * Writes alarm effects to storage by group commit: effects arriving while a write is in flight go
 * into the next one, so a flood of readings costs a few transactions, not one per alarm. Only
 * once a batch is durable is it handed to `onDurable` (which announces events to clients and
 * sends commands to devices): nothing is announced that a crash could lose. A failed write is
 * retried, with the effects that came after it, in order.
 */
export class AlarmJournal {
  private events: NewAlarmEvent[] = [];
  private readonly alarms = new Map<string, AlarmDto>();
  private commands: LinkageCommand[] = [];
  private commandRows: DeviceCommandRow[] = [];
  /** Each alarm's last stored event id. */
  private readonly lastEventIds = new Map<string, number>();
  private writing: Promise<void> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly store: AlarmStore,
    private readonly deps: { logger: Logger; onDurable: (batch: DurableAlarmBatch) => void },
  ) {}

  /** Queues effects that arose at `nowMs` (and changes of commands' status) for the next write. */
  add(effects: AlarmEffects, nowMs: number, commandStatus: readonly DeviceCommandRow[] = []): void {
    if (effects.events.length === 0 && effects.alarms.length === 0 && effects.commands.length === 0 && commandStatus.length === 0) return;
    this.events.push(...effects.events);
    for (const alarm of effects.alarms) this.alarms.set(alarm.id, alarm);
    this.commands.push(...effects.commands);
    this.commandRows.push(...effects.commands.map((c) => ({ commandId: c.commandId, deviceId: c.device, command: c.command, alarmId: c.alarmId, issuedMs: nowMs, deadlineMs: c.deadlineMs, status: 'pending' as const })), ...commandStatus);
    this.schedule();
  }

  /**
   * Resolves once everything queued so far is durable, waiting through retries of a failed write;
   * rejects after `timeoutMs` while storage keeps failing (or at once when the journal is closed).
   */
  async flushed(timeoutMs = FLUSH_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.writing !== undefined || this.hasQueued()) {
      if (this.closed) throw new AlarmError('TWIN_ERR_ALARM_UNAVAILABLE', 'the alarm log is closed');
      if (Date.now() > deadline) throw new AlarmError('TWIN_ERR_ALARM_UNAVAILABLE', 'the alarm log cannot be written now; the action is kept and stored when storage recovers');
      if (this.writing !== undefined) await this.writing;
      else if (this.retryTimer !== undefined) await new Promise((resolve) => setTimeout(resolve, RETRY_MS / 4));
      else this.schedule();
    }
  }

  /** Writes what is queued (one last try when storage was failing), then stops. */
  async close(): Promise<void> {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    try {
      await this.flushed();
    } catch (error) {
      this.deps.logger.error('alarm events lost at shutdown: storage kept failing', { error: String(error) });
    }
    this.closed = true;
  }

  private hasQueued(): boolean {
    return this.events.length > 0 || this.alarms.size > 0 || this.commandRows.length > 0;
  }

  private schedule(): void {
    if (this.writing !== undefined || this.retryTimer !== undefined || this.closed || !this.hasQueued()) return;
    this.writing = this.writeQueued().finally(() => {
      this.writing = undefined;
      this.schedule();
    });
  }

  private async writeQueued(): Promise<void> {
    const events = this.events;
    const alarms = [...this.alarms.values()];
    const commands = this.commands;
    const commandRows = this.commandRows;
    this.events = [];
    this.alarms.clear();
    this.commands = [];
    this.commandRows = [];
    let stored: AlarmEventDto[];
    try {
      const lastOf = new Map<string, number>();
      const numbered = this.store.lastEventId;
      events.forEach((e, i) => lastOf.set(e.alarmId, numbered + 1 + i));
      // A record changed without an event (a shelved alarm's condition, say) may have been made
      // before the alarm's previous events were numbered: it keeps the last stored id.
      const records = alarms.map((a) => ({ ...a, lastEventId: lastOf.get(a.id) ?? Math.max(a.lastEventId, this.lastEventIds.get(a.id) ?? 0) }));
      stored = await this.store.write({ events, alarms: records.map((a) => ({ id: a.id, state: a.state, record: a, updatedMs: a.updatedAtMs })), commands: commandRows });
      for (const [alarmId, eventId] of lastOf) this.lastEventIds.set(alarmId, eventId);
      this.deps.onDurable({ events: stored, alarms: records, commands });
    } catch (error) {
      this.deps.logger.error('alarm events not stored; retrying', { error: String(error), events: events.length });
      // Put the batch back in front of what came since, and try again shortly.
      this.events = [...events, ...this.events];
      for (const a of alarms) if (!this.alarms.has(a.id)) this.alarms.set(a.id, a);
      this.commands = [...commands, ...this.commands];
      this.commandRows = [...commandRows, ...this.commandRows];
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.schedule();
      }, RETRY_MS);
    }
  }
}

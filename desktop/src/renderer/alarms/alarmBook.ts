import type { AlarmDto, AlarmEventDto, AlarmSubscription, AlarmUpdate } from '@twin/protocol';

/** What the views read from an {@link AlarmBook}: an immutable picture, replaced on every change. */
export interface AlarmBookSnapshot {
  /** The alarms to show (none is `normal`), in no particular order. */
  readonly alarms: readonly AlarmDto[];
  readonly byId: ReadonlyMap<string, AlarmDto>;
  /** The newest event id the book reflects; `0` before anything was applied. */
  readonly lastEventId: number;
  /** Whether a list from the server has been applied (before that, "no alarms" means "not known yet"). */
  readonly loaded: boolean;
}

/** What a resumed subscription brought besides the current list. */
export interface ResumeSummary {
  /** Events that happened while the console was away. */
  missed: number;
  /** More events were missed than the server replays; the list was replaced from the current one. */
  truncated: boolean;
}

/**
 * Schedules `flush` once, soon; returns a function that cancels it. The book calls it at most once
 * between two flushes.
 */
export type FlushScheduler = (flush: () => void) => () => void;

/** How long a hidden window (no animation frames) waits before its book publishes anyway, ms. */
const HIDDEN_FLUSH_MS = 250;

/**
 * The next animation frame, or {@link HIDDEN_FLUSH_MS} when the window is hidden and gets no
 * frames: a console on a second screen must still follow, and sound, while minimised.
 */
export const nextFrame: FlushScheduler = (flush) => {
  let pending = true;
  const run = () => {
    if (!pending) return;
    cancel();
    flush();
  };
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, HIDDEN_FLUSH_MS);
  function cancel() {
    pending = false;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  }
  return cancel;
};

const EMPTY: AlarmBookSnapshot = { alarms: [], byId: new Map(), lastEventId: 0, loaded: false };

/**
 * The console's alarms, keyed by id, fed by the server's lists and its stream of alarm events
 * (REQ PLAT-8 alarm management). Every change is idempotent by event id: an update no newer than
 * what the book applied for that alarm is ignored, so replays after a reconnection and answers
 * racing pushed updates cannot move an alarm backwards. Alarms back to `normal` (nothing to
 * acknowledge) leave the book.
 *
 * Changes land in a mutable map; subscribers hear about them at most once per animation frame
 * (P3: a flood of thousands of updates is one re-render, not thousands). Read with
 * `useSyncExternalStore(book.subscribe, book.getSnapshot)`.
 */
export class AlarmBook {
  private readonly alarms = new Map<string, AlarmDto>();
  /** The newest event applied per alarm id, kept after an alarm leaves so stale updates stay ignored. */
  private readonly applied = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private readonly schedule: FlushScheduler;
  private snapshot: AlarmBookSnapshot = EMPTY;
  private latestEventId = 0;
  private loaded = false;
  private cancelFlush: (() => void) | null = null;

  constructor(options: { schedule?: FlushScheduler } = {}) {
    this.schedule = options.schedule ?? nextFrame;
  }

  /** Calls `listener` after changes are published; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The last published picture (the same object until the next publication). */
  readonly getSnapshot = (): AlarmBookSnapshot => this.snapshot;

  /** The newest event id applied: where a resumed subscription continues from. */
  get lastEventId(): number {
    return this.latestEventId;
  }

  /** Whether a list from the server has been applied. */
  get hasList(): boolean {
    return this.loaded;
  }

  /**
   * Applies the server's current alarms as of `lastEventId` (`GET /api/alarms`, or the list of a
   * subscription). Alarms the book holds that the list lacks are normal by then and leave, unless
   * the book already applied a newer event for them.
   */
  applyList(list: { alarms: readonly AlarmDto[]; lastEventId: number }): void {
    const listed = new Set<string>();
    for (const alarm of list.alarms) {
      listed.add(alarm.id);
      this.applyAlarm(alarm);
    }
    for (const id of this.alarms.keys()) {
      if (!listed.has(id) && (this.applied.get(id) ?? 0) <= list.lastEventId) this.alarms.delete(id);
    }
    this.loaded = true;
    this.advance(list.lastEventId);
    this.changed();
  }

  /**
   * Applies the answer to `alarm:subscribe`: first the events missed while away (oldest first),
   * then the current list.
   */
  applySubscription(subscription: AlarmSubscription): ResumeSummary {
    const missed = [...subscription.missed].sort((a, b) => a.eventId - b.eventId);
    for (const event of missed) this.applyEvent(event);
    this.applyList(subscription);
    return { missed: missed.length, truncated: subscription.truncated };
  }

  /** Applies a pushed `alarm:update`; returns whether it changed the book (false for a replay). */
  applyUpdate(update: AlarmUpdate): boolean {
    return this.applyAlarm(update.alarm, update.event.eventId);
  }

  /**
   * Applies an alarm as the server reports it (a command's answer, an update), if it is newer than
   * what the book holds; returns whether it was.
   */
  applyAlarm(alarm: AlarmDto, eventId = alarm.lastEventId): boolean {
    if (eventId <= (this.applied.get(alarm.id) ?? 0)) return false;
    this.applied.set(alarm.id, eventId);
    if (alarm.state === 'normal') this.alarms.delete(alarm.id);
    else this.alarms.set(alarm.id, alarm);
    this.advance(eventId);
    this.changed();
    return true;
  }

  /** Publishes pending changes now instead of at the next frame. */
  flush(): void {
    this.cancelFlush?.();
    this.cancelFlush = null;
    const alarms = [...this.alarms.values()];
    this.snapshot = { alarms, byId: new Map(alarms.map((alarm) => [alarm.id, alarm])), lastEventId: this.latestEventId, loaded: this.loaded };
    for (const listener of this.listeners) listener();
  }

  /** Applies a missed event to the alarm it is about, when the book holds that alarm. */
  private applyEvent(event: AlarmEventDto): void {
    if (event.eventId <= (this.applied.get(event.alarmId) ?? 0)) return;
    this.applied.set(event.alarmId, event.eventId);
    this.advance(event.eventId);
    const alarm = this.alarms.get(event.alarmId);
    if (alarm === undefined) return;
    if (event.stateAfter === 'normal') this.alarms.delete(alarm.id);
    else this.alarms.set(alarm.id, alarmAfter(alarm, event));
  }

  private advance(eventId: number): void {
    if (eventId > this.latestEventId) this.latestEventId = eventId;
  }

  private changed(): void {
    this.cancelFlush ??= this.schedule(() => {
      this.cancelFlush = null;
      this.flush();
    });
  }
}

/** An alarm as an event leaves it, for the fields an event tells. */
function alarmAfter(alarm: AlarmDto, event: AlarmEventDto): AlarmDto {
  const next: AlarmDto = { ...alarm, state: event.stateAfter, severity: event.severity, lastEventId: event.eventId, updatedAtMs: event.atMs };
  switch (event.type) {
    case 'raised':
      return { ...next, active: true, activeSinceMs: event.atMs, ...(event.value === undefined ? {} : { value: event.value }) };
    case 'returned':
      return { ...next, active: false };
    case 'acknowledged':
      return { ...next, acknowledgedAtMs: event.atMs, acknowledgedBy: event.actor };
    case 'shelved':
      return { ...next, shelvedUntilMs: event.shelvedUntilMs, shelvedBy: event.actor, shelveReason: event.note };
    case 'unshelved':
    case 'shelve_expired':
      return { ...next, shelvedUntilMs: undefined, shelvedBy: undefined, shelveReason: undefined };
    default:
      return next;
  }
}

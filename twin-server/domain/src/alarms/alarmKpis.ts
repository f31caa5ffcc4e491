/**
 * Alarm system performance after ISA-18.2 §16 and EEMUA 191, computed from the alarm log over a
 * time window. An alarm here is an annunciation: a `raised` event.
 * REQ PLAT-8 (alarm management).
 */
import type { AlarmEventDto, AlarmKpiDto } from '@twin/protocol';
import { KpiInputError } from './kpiInputError.ts';

/** Length of the periods the load is counted in (EEMUA 191: alarms per 10 minutes). */
const PERIOD_MS = 600_000;
/** A period with more annunciations than this is in flood (EEMUA 191: more than 10 per 10 minutes). */
const FLOOD_ABOVE = 10;
/** The span in which repeated raises count as chattering. */
const CHATTER_SPAN_MS = 60_000;
/** Raises within {@link CHATTER_SPAN_MS} that make an alarm chattering. */
const CHATTER_MIN_RAISES = 3;
/** An alarm active for longer than this at the end of the window is stale. */
const STALE_AFTER_MS = 86_400_000;
/** How many of the most frequent alarms are listed. */
const TOP_FREQUENT = 10;
const HOUR_MS = 3_600_000;

/** The longest window the figures are computed over: 366 days (52 704 ten-minute periods). */
export const MAX_KPI_WINDOW_MS = 366 * 86_400_000;

/** The window of the figures, half-open: an event at `fromMs` is in it, an event at `toMs` is not. */
export interface AlarmKpiWindow {
  fromMs: number;
  toMs: number;
}

/**
 * The alarms' state at the start of the window, for a caller that passes only the window's
 * events: what the log before `fromMs` amounts to.
 */
export interface AlarmKpiStartState {
  /** Alarms active at `fromMs` (raised and not returned), with when each became active. */
  active: readonly { alarmId: string; activeSinceMs: number }[];
  /** Alarms shelved at `fromMs`; `shelvedUntilMs` is absent for a shelve without expiry. */
  shelved: readonly { alarmId: string; shelvedUntilMs?: number }[];
}

/** What the log says of each alarm as it is replayed: since when it is active, until when shelved. */
interface ReplayState {
  activeSinceMs: Map<string, number>;
  shelvedUntilMs: Map<string, number>;
}

/** What the window's own events add up to. */
interface WindowTally {
  alarms: number;
  shelveActions: number;
  /** Annunciations per 10-minute period, from the period holding `fromMs`. */
  periodCounts: number[];
  /** Raise times of each alarm within the window, in time order. */
  raisesByAlarm: Map<string, number[]>;
}

/**
 * Computes the alarm performance figures of a window from the alarm log (ISA-18.2 §16,
 * EEMUA 191).
 *
 * - Load: `alarms` is the count of `raised` events in the window; `perOperatorPerHour` and
 *   `perOperatorPer10Min` average it over the window's length and the operators.
 * - Periods: 10-minute periods are aligned to the epoch. Every period that overlaps the window
 *   is listed in `per10Min` (its `startMs` may lie before `fromMs`) and counts as a whole period
 *   in `floodShare`, though only the annunciations inside the window are counted in it, so a
 *   partial first or last period is rarely in flood.
 * - `peakPer10Min` is the largest of those counts; a period is in flood above 10.
 * - `topFrequent`: the ten alarms raised most often, ties by alarm id in ascending code-unit
 *   order.
 * - `chattering`: alarms raised at least 3 times within some 60 s span `[t, t + 60 s)`, with the
 *   most raises in such a span; raises exactly 60 s apart are not in one span. Most first, ties
 *   by id. Only raises inside the window count.
 * - `stale`: alarms raised and not returned whose activity at `toMs` has lasted more than 24 h,
 *   oldest first, ties by id. A second `raised` while active keeps the earlier start.
 * - `shelvedNow`: alarms whose last `shelved` event is followed by no `unshelved` or
 *   `shelve_expired` and whose `shelvedUntilMs` is after `toMs` (a shelve without
 *   `shelvedUntilMs` never expires); `shelveActions`: `shelved` events in the window.
 *
 * Stale and shelved alarms depend on events before the window. Pass either the full log (or
 * all of it up to `toMs`) and no `stateAtStart`, or only the window's events and
 * `stateAtStart`; with `stateAtStart`, events before `fromMs` are ignored. Events at or after
 * `toMs` are always ignored. The events may be in any order: they are put in time order (ties by
 * event id) once, unless they already are, and the work is then linear in their number.
 *
 * @param events - The alarm log.
 * @param window - The window, half-open; at most {@link MAX_KPI_WINDOW_MS} long.
 * @param operators - Operators sharing the load, a positive integer.
 * @param stateAtStart - The alarms' state at `fromMs`, when `events` omits what came before.
 * @returns The figures, in the wire shape.
 * @throws {@link KpiInputError} when the window or the operator count is not valid.
 *
 * @example
 * ```ts
 * const dayMs = 86_400_000;
 * const kpis = computeAlarmKpis(log, { fromMs: nowMs - dayMs, toMs: nowMs }, 2);
 * kpis.floodShare; // share of the day's 10-minute periods with more than 10 alarms
 * ```
 */
export function computeAlarmKpis(
  events: readonly AlarmEventDto[],
  window: AlarmKpiWindow,
  operators: number,
  stateAtStart?: AlarmKpiStartState,
): AlarmKpiDto {
  validateRequest(window, operators);
  const { fromMs, toMs } = window;
  const state = startState(stateAtStart);
  const tally = replay(inTimeOrder(events), window, state, stateAtStart === undefined);
  const firstPeriod = Math.floor(fromMs / PERIOD_MS);
  const tenMinutesInWindow = (toMs - fromMs) / PERIOD_MS;
  return {
    fromMs,
    toMs,
    operators,
    alarms: tally.alarms,
    perOperatorPerHour: tally.alarms / operators / ((toMs - fromMs) / HOUR_MS),
    perOperatorPer10Min: tally.alarms / operators / tenMinutesInWindow,
    peakPer10Min: tally.periodCounts.reduce((peak, count) => Math.max(peak, count), 0),
    floodShare: tally.periodCounts.filter((count) => count > FLOOD_ABOVE).length / tally.periodCounts.length,
    per10Min: tally.periodCounts.map((count, i) => ({ startMs: (firstPeriod + i) * PERIOD_MS, count })),
    topFrequent: topFrequent(tally.raisesByAlarm),
    chattering: chattering(tally.raisesByAlarm),
    stale: stale(state.activeSinceMs, toMs),
    shelvedNow: [...state.shelvedUntilMs.values()].filter((untilMs) => untilMs > toMs).length,
    shelveActions: tally.shelveActions,
  };
}

function validateRequest({ fromMs, toMs }: AlarmKpiWindow, operators: number): void {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || fromMs >= toMs) {
    throw new KpiInputError('TWIN_ERR_QUERY_RANGE', `the window must have finite fromMs < toMs; got ${fromMs} to ${toMs}`, { fromMs, toMs });
  }
  if (toMs - fromMs > MAX_KPI_WINDOW_MS) {
    throw new KpiInputError('TWIN_ERR_QUERY_RANGE', `the window is longer than ${MAX_KPI_WINDOW_MS} ms (366 days)`, { fromMs, toMs });
  }
  if (!Number.isInteger(operators) || operators < 1) {
    throw new KpiInputError('TWIN_ERR_BAD_REQUEST', `operators must be an integer of at least 1; got ${operators}`, { operators });
  }
}

function startState(stateAtStart: AlarmKpiStartState | undefined): ReplayState {
  const state: ReplayState = { activeSinceMs: new Map(), shelvedUntilMs: new Map() };
  for (const { alarmId, activeSinceMs } of stateAtStart?.active ?? []) state.activeSinceMs.set(alarmId, activeSinceMs);
  for (const { alarmId, shelvedUntilMs } of stateAtStart?.shelved ?? []) state.shelvedUntilMs.set(alarmId, shelvedUntilMs ?? Infinity);
  return state;
}

function compareEvents(a: AlarmEventDto, b: AlarmEventDto): number {
  return a.atMs - b.atMs || a.eventId - b.eventId;
}

/** The events in time order: the input itself when it already is (the usual case), else a sorted copy. */
function inTimeOrder(events: readonly AlarmEventDto[]): readonly AlarmEventDto[] {
  for (let i = 1; i < events.length; i++) {
    if (compareEvents(events[i - 1]!, events[i]!) > 0) return [...events].sort(compareEvents);
  }
  return events;
}

/**
 * Replays the time-ordered log into `state` up to `toMs` and counts the window's events. Events
 * before the window only move the state, and only when `replayBefore` (no start state given).
 */
function replay(events: readonly AlarmEventDto[], { fromMs, toMs }: AlarmKpiWindow, state: ReplayState, replayBefore: boolean): WindowTally {
  const firstPeriod = Math.floor(fromMs / PERIOD_MS);
  const periods = Math.ceil(toMs / PERIOD_MS) - firstPeriod;
  const tally: WindowTally = { alarms: 0, shelveActions: 0, periodCounts: new Array<number>(periods).fill(0), raisesByAlarm: new Map() };
  for (const event of events) {
    if (event.atMs >= toMs) break;
    if (event.atMs < fromMs) {
      if (replayBefore) applyEvent(state, event);
      continue;
    }
    applyEvent(state, event);
    if (event.type === 'raised') {
      tally.alarms++;
      tally.periodCounts[Math.floor(event.atMs / PERIOD_MS) - firstPeriod]!++;
      const raises = tally.raisesByAlarm.get(event.alarmId);
      if (raises === undefined) tally.raisesByAlarm.set(event.alarmId, [event.atMs]);
      else raises.push(event.atMs);
    } else if (event.type === 'shelved') {
      tally.shelveActions++;
    }
  }
  return tally;
}

function applyEvent(state: ReplayState, event: AlarmEventDto): void {
  switch (event.type) {
    case 'raised':
      if (!state.activeSinceMs.has(event.alarmId)) state.activeSinceMs.set(event.alarmId, event.atMs);
      break;
    case 'returned':
      state.activeSinceMs.delete(event.alarmId);
      break;
    case 'shelved':
      state.shelvedUntilMs.set(event.alarmId, event.shelvedUntilMs ?? Infinity);
      break;
    case 'unshelved':
    case 'shelve_expired':
      state.shelvedUntilMs.delete(event.alarmId);
      break;
    default:
      break;
  }
}

/** Orders alarm ids by code unit, independent of locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function topFrequent(raisesByAlarm: ReadonlyMap<string, readonly number[]>): AlarmKpiDto['topFrequent'] {
  return [...raisesByAlarm]
    .map(([alarmId, raises]) => ({ alarmId, count: raises.length }))
    .sort((a, b) => b.count - a.count || compareIds(a.alarmId, b.alarmId))
    .slice(0, TOP_FREQUENT);
}

function chattering(raisesByAlarm: ReadonlyMap<string, readonly number[]>): AlarmKpiDto['chattering'] {
  const result: AlarmKpiDto['chattering'] = [];
  for (const [alarmId, raises] of raisesByAlarm) {
    if (raises.length < CHATTER_MIN_RAISES) continue;
    const maxPerMinute = mostWithinSpan(raises, CHATTER_SPAN_MS);
    if (maxPerMinute >= CHATTER_MIN_RAISES) result.push({ alarmId, maxPerMinute });
  }
  return result.sort((a, b) => b.maxPerMinute - a.maxPerMinute || compareIds(a.alarmId, b.alarmId));
}

/** The most of the ascending times that fit in one span `[t, t + spanMs)`, by two pointers. */
function mostWithinSpan(times: readonly number[], spanMs: number): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < times.length; last++) {
    while (times[last]! - times[first]! >= spanMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

function stale(activeSinceMs: ReadonlyMap<string, number>, toMs: number): AlarmKpiDto['stale'] {
  return [...activeSinceMs]
    .filter(([, sinceMs]) => toMs - sinceMs > STALE_AFTER_MS)
    .map(([alarmId, sinceMs]) => ({ alarmId, activeSinceMs: sinceMs }))
    .sort((a, b) => a.activeSinceMs - b.activeSinceMs || compareIds(a.alarmId, b.alarmId));
}

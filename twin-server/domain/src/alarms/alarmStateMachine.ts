/**
 * The alarm state machine after ANSI/ISA-18.2-2016 §5.6 (figure 4), as one pure function: an alarm
 * record, an input and the time in; the next record and the events to persist out, or a typed
 * refusal. REQ PLAT-8 (alarm management).
 *
 * Annunciated states: `normal → unack_active` (raised) `→ ack_active` (acknowledged) `→ normal`
 * (returned); `unack_active → rtn_unack` (returned before acknowledgement) `→ normal`
 * (acknowledged); `rtn_unack → unack_active` (raised again). A latching alarm stays in its active
 * state after the condition clears (`latched`) until an operator resets it, which is allowed only
 * once the condition is clear and the alarm acknowledged.
 *
 * Hidden states (`shelved`, `suppressed`, `out_of_service`) stop annunciation, while the record
 * keeps tracking whether the condition holds (`active`). Hiding an alarm releases its latch and its
 * acknowledgement; on leaving a hidden state the alarm lands in the state its condition implies:
 * `normal`, then `unack_active` with a `raised` event if the condition holds. Design suppression
 * takes precedence over shelving, and out of service over both.
 */
import { SYSTEM_ACTOR, type AlarmDto, type AlarmEventDto, type AlarmEventType, type AlarmSeverity, type AlarmState } from '@twin/protocol';

/** The fields of an alarm the state machine reads and writes; any record carrying them will do. */
export type AlarmRecord = Pick<
  AlarmDto,
  | 'id'
  | 'state'
  | 'active'
  | 'latched'
  | 'severity'
  | 'value'
  | 'limit'
  | 'activeSinceMs'
  | 'acknowledgedAtMs'
  | 'acknowledgedBy'
  | 'shelvedUntilMs'
  | 'shelvedBy'
  | 'shelveReason'
  | 'updatedAtMs'
>;

/** An alarm event ready to persist: storage assigns the `eventId`. */
export type AlarmEventDraft = Omit<AlarmEventDto, 'eventId'>;

/** Extra facts an event carries (command, device, previous severity…). */
export type AlarmEventDetails = Record<string, string | number | boolean>;

/**
 * What can happen to an alarm. `condition_*`, `tick`, `suppress` and `unsuppress` come from the
 * platform itself; the others are operator actions and name their actor.
 */
export type AlarmInput =
  /** The condition began to hold, with the value that made it and the limit it reached. */
  | { type: 'condition_active'; value?: number; limit?: number }
  /** The condition stopped holding. */
  | { type: 'condition_cleared'; value?: number }
  | { type: 'acknowledge'; actor: string; note?: string }
  /** Hide the alarm until `untilMs` (epoch ms) for `reason`. */
  | { type: 'shelve'; actor: string; untilMs: number; reason: string }
  | { type: 'unshelve'; actor: string; note?: string }
  /** Time passed: a shelved alarm whose expiry has come returns (`shelve_expired`). */
  | { type: 'tick' }
  /** Suppression by design began, e.g. the upstream valve closed. */
  | { type: 'suppress'; details?: AlarmEventDetails }
  | { type: 'unsuppress'; details?: AlarmEventDetails }
  | { type: 'remove_from_service'; actor: string; note?: string }
  | { type: 'return_to_service'; actor: string; note?: string }
  /** Release a latched alarm whose condition is clear and which is acknowledged. */
  | { type: 'reset_latch'; actor: string; note?: string }
  | { type: 'comment'; actor: string; note: string }
  | { type: 'change_severity'; actor: string; severity: AlarmSeverity; note?: string };

/** An alarm input's type, e.g. `'acknowledge'`. */
export type AlarmInputType = AlarmInput['type'];

/**
 * Why an input was refused. A hidden state names itself (`shelved`, `suppressed`,
 * `out_of_service`) when it is what stands in the way.
 */
export type AlarmRefusalReason =
  | 'nothing_to_acknowledge'
  | 'already_acknowledged'
  | 'shelved'
  | 'suppressed'
  | 'out_of_service'
  | 'not_shelved'
  | 'not_suppressed'
  | 'not_out_of_service'
  | 'shelve_expiry_not_future'
  | 'shelve_too_long'
  | 'reason_required'
  | 'condition_active'
  | 'not_latched'
  | 'unacknowledged'
  | 'note_required';

/** The outcome of {@link transitionAlarm}. `events` is empty and `record` the same object when nothing changed. */
export type AlarmTransition<T extends AlarmRecord> =
  | { ok: true; record: T; events: readonly AlarmEventDraft[] }
  | { ok: false; reason: AlarmRefusalReason; state: AlarmState };

/** How the alarm behaves and what the acting user may do. */
export interface AlarmTransitionOptions {
  /** The alarm latches: it stays active after the condition clears until reset. Default false. */
  latching?: boolean;
  /** Longest shelving the actor may ask for, ms. Default {@link OPERATOR_MAX_SHELVE_MS}. */
  maxShelveMs?: number;
}

/** The longest an operator may shelve an alarm: 24 h. Callers pass a longer policy for administrators. */
export const OPERATOR_MAX_SHELVE_MS = 24 * 3_600_000;

const NO_EVENTS: readonly AlarmEventDraft[] = Object.freeze([]);

/** The states that hide an alarm from annunciation. */
export type HiddenAlarmState = Extract<AlarmState, 'shelved' | 'suppressed' | 'out_of_service'>;

const HIDDEN: ReadonlySet<AlarmState> = new Set<HiddenAlarmState>(['shelved', 'suppressed', 'out_of_service']);

/** Fields cleared when an alarm is hidden: its latch, acknowledgement and shelving. */
const CLEARED_ON_HIDE = {
  latched: false,
  acknowledgedAtMs: undefined,
  acknowledgedBy: undefined,
  shelvedUntilMs: undefined,
  shelvedBy: undefined,
  shelveReason: undefined,
} as const;

/**
 * Applies one input to an alarm at `nowMs` (epoch ms). Pure: the record is not modified; a changed
 * record is a new object with `updatedAtMs = nowMs`. Never throws for an input the state does not
 * allow; it answers a refusal instead.
 *
 * @example
 * const raised = transitionAlarm(alarm, { type: 'condition_active', value: 23, limit: 20 }, nowMs, { latching: true });
 * if (raised.ok) persist(raised.record, raised.events); // one `raised` event, state `unack_active`
 */
export function transitionAlarm<T extends AlarmRecord>(record: T, input: AlarmInput, nowMs: number, options: AlarmTransitionOptions = {}): AlarmTransition<T> {
  const step = new Step(record, nowMs);
  switch (input.type) {
    case 'condition_active':
      return conditionActive(step, input.value, input.limit);
    case 'condition_cleared':
      return conditionCleared(step, input.value, options.latching ?? false);
    case 'acknowledge':
      return acknowledge(step, input.actor, input.note);
    case 'shelve':
      return shelve(step, input, options.maxShelveMs ?? OPERATOR_MAX_SHELVE_MS);
    case 'unshelve':
      return record.state === 'shelved' ? reveal(step, 'unshelved', input.actor, { note: input.note }) : step.refuse('not_shelved');
    case 'tick':
      return record.state === 'shelved' && record.shelvedUntilMs !== undefined && nowMs >= record.shelvedUntilMs
        ? reveal(step, 'shelve_expired', SYSTEM_ACTOR, { shelvedUntilMs: record.shelvedUntilMs })
        : step.done();
    case 'suppress':
      return record.state === 'suppressed' || record.state === 'out_of_service'
        ? step.refuse(record.state)
        : hide(step, 'suppressed', SYSTEM_ACTOR, 'suppressed', { details: input.details });
    case 'unsuppress':
      return record.state === 'suppressed' ? reveal(step, 'unsuppressed', SYSTEM_ACTOR, { details: input.details }) : step.refuse('not_suppressed');
    case 'remove_from_service':
      return record.state === 'out_of_service' ? step.refuse('out_of_service') : hide(step, 'removed_from_service', input.actor, 'out_of_service', { note: input.note });
    case 'return_to_service':
      return record.state === 'out_of_service' ? reveal(step, 'returned_to_service', input.actor, { note: input.note }) : step.refuse('not_out_of_service');
    case 'reset_latch':
      return resetLatch(step, input.actor, input.note);
    case 'comment':
      return input.note.trim() === '' ? step.refuse('note_required') : step.move('commented', input.actor, {}, { note: input.note }).done();
    case 'change_severity':
      return input.severity === record.severity
        ? step.done()
        : step.move('severity_changed', input.actor, { severity: input.severity }, { note: input.note, details: { previousSeverity: record.severity } }).done();
  }
}

/** Whether a state hides the alarm from annunciation. */
export function isHiddenAlarmState(state: AlarmState): state is HiddenAlarmState {
  return HIDDEN.has(state);
}

function conditionActive<T extends AlarmRecord>(step: Step<T>, value: number | undefined, limit: number | undefined): AlarmTransition<T> {
  const { state, active } = step.record;
  const occurrence = { active: true, latched: false, value, limit, activeSinceMs: step.nowMs };
  if (active) return step.done();
  if (state === 'normal' || state === 'rtn_unack' || state === 'ack_active') {
    // A new occurrence: from rtn_unack it re-alarms; from a latched ack_active it is annunciated anew.
    const raisedAgain = { ...occurrence, state: 'unack_active' as const, acknowledgedAtMs: undefined, acknowledgedBy: undefined };
    return step.move('raised', SYSTEM_ACTOR, raisedAgain, { value, details: limit === undefined ? undefined : { limit } }).done();
  }
  // Still unacknowledged (latched) or hidden: the condition is tracked without a new annunciation.
  return step.patch(occurrence).done();
}

function conditionCleared<T extends AlarmRecord>(step: Step<T>, value: number | undefined, latching: boolean): AlarmTransition<T> {
  const { state, active } = step.record;
  if (!active) return step.done();
  if (state === 'unack_active' || state === 'ack_active') {
    if (latching) return step.move('returned', SYSTEM_ACTOR, { active: false, latched: true }, { value, details: { latched: true } }).done();
    return step.move('returned', SYSTEM_ACTOR, { active: false, state: state === 'unack_active' ? 'rtn_unack' : 'normal' }, { value }).done();
  }
  return step.patch({ active: false }).done();
}

function acknowledge<T extends AlarmRecord>(step: Step<T>, actor: string, note: string | undefined): AlarmTransition<T> {
  const { state } = step.record;
  if (state === 'normal') return step.refuse('nothing_to_acknowledge');
  if (state === 'ack_active') return step.refuse('already_acknowledged');
  if (isHiddenAlarmState(state)) return step.refuse(state);
  const next = state === 'unack_active' ? 'ack_active' : 'normal';
  return step.move('acknowledged', actor, { state: next, acknowledgedAtMs: step.nowMs, acknowledgedBy: actor }, { note }).done();
}

function shelve<T extends AlarmRecord>(step: Step<T>, input: { actor: string; untilMs: number; reason: string }, maxShelveMs: number): AlarmTransition<T> {
  const { state } = step.record;
  if (isHiddenAlarmState(state)) return step.refuse(state);
  if (!(input.untilMs > step.nowMs)) return step.refuse('shelve_expiry_not_future');
  if (input.untilMs - step.nowMs > maxShelveMs) return step.refuse('shelve_too_long');
  if (input.reason.trim() === '') return step.refuse('reason_required');
  const shelving = { shelvedUntilMs: input.untilMs, shelvedBy: input.actor, shelveReason: input.reason };
  return step.move('shelved', input.actor, { ...CLEARED_ON_HIDE, ...shelving, state: 'shelved' }, { note: input.reason, shelvedUntilMs: input.untilMs }).done();
}

function resetLatch<T extends AlarmRecord>(step: Step<T>, actor: string, note: string | undefined): AlarmTransition<T> {
  const { state, active, latched } = step.record;
  if (isHiddenAlarmState(state)) return step.refuse(state);
  if (active) return step.refuse('condition_active');
  if (!latched) return step.refuse('not_latched');
  if (state !== 'ack_active') return step.refuse('unacknowledged');
  return step.move('latch_reset', actor, { state: 'normal', latched: false }, { note }).done();
}

function hide<T extends AlarmRecord>(step: Step<T>, type: AlarmEventType, actor: string, state: AlarmState, extra: EventExtra): AlarmTransition<T> {
  return step.move(type, actor, { ...CLEARED_ON_HIDE, state }, extra).done();
}

/** Leaves a hidden state for the state the condition implies. */
function reveal<T extends AlarmRecord>(step: Step<T>, type: AlarmEventType, actor: string, extra: EventExtra): AlarmTransition<T> {
  step.move(type, actor, { ...CLEARED_ON_HIDE, state: 'normal' }, extra);
  const { active, value, limit } = step.record;
  if (active) step.move('raised', SYSTEM_ACTOR, { state: 'unack_active' }, { value, details: limit === undefined ? undefined : { limit } });
  return step.done();
}

/** Optional fields of an event. */
interface EventExtra {
  value?: number | undefined;
  note?: string | undefined;
  shelvedUntilMs?: number | undefined;
  details?: AlarmEventDetails | undefined;
}

/** One transition under construction: the record so far and the events that led to it. */
class Step<T extends AlarmRecord> {
  record: T;
  private events: AlarmEventDraft[] | undefined;

  constructor(
    private readonly start: T,
    readonly nowMs: number,
  ) {
    this.record = start;
  }

  /** Changes fields without an event. */
  patch(fields: Partial<AlarmRecord>): this {
    this.record = { ...this.record, ...fields, updatedAtMs: this.nowMs };
    return this;
  }

  /** Changes fields and records the event that did it, with the states before and after. */
  move(type: AlarmEventType, actor: string, fields: Partial<AlarmRecord>, extra: EventExtra): this {
    const stateBefore = this.record.state;
    this.patch(fields);
    const event: AlarmEventDraft = { alarmId: this.record.id, type, atMs: this.nowMs, actor, stateBefore, stateAfter: this.record.state, severity: this.record.severity };
    if (extra.value !== undefined) event.value = extra.value;
    if (extra.note !== undefined && extra.note !== '') event.note = extra.note;
    if (extra.shelvedUntilMs !== undefined) event.shelvedUntilMs = extra.shelvedUntilMs;
    if (extra.details !== undefined) event.details = extra.details;
    (this.events ??= []).push(event);
    return this;
  }

  done(): AlarmTransition<T> {
    return { ok: true, record: this.record, events: this.events ?? NO_EVENTS };
  }

  refuse(reason: AlarmRefusalReason): AlarmTransition<T> {
    return { ok: false, reason, state: this.start.state };
  }
}

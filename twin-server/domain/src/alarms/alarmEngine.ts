/**
 * The alarm engine: the rules applied to the registry's sensors, their condition detectors, the
 * ISA-18.2 state machine, linkage commands with confirmation, and suppression by design. Pure:
 * time comes in as an argument and every method returns its effects as data. REQ PLAT-8 (alarm
 * management), PLAT-6 (commands to subsystems), MUN-5 (gas alarm and emergency shut-off), ENV-5
 * (fresh air on bad air), PROP-2 g (early warnings held as advisory alarms).
 *
 * Built for a high reading rate: rules are bound to sensors once, at construction; a reading
 * visits only its own sensor's detectors; nothing is allocated for a reading that changes nothing.
 */
import { SYSTEM_ACTOR, type AlarmDto, type AlarmEventType, type DeviceState, type SensorDefinition, type SensorRegistry } from '@twin/protocol';
import { ADVISORY_RULE_IDS, advisoryAlarmId, isAdvisoryRecord, type Advisory, type AdvisoryCondition, type AdvisoryOf } from './advisoryAlarm.ts';
import { AlarmEffectsBuilder, NO_ALARM_EFFECTS, type AlarmEffects, type LinkageCommand } from './alarmEffects.ts';
import type { AlarmRule } from './alarmRule.ts';
import { advisoryLimit, advisoryValue, commandUnconfirmedAlarmId, newAdvisoryAlarm, newCommandUnconfirmedAlarm, newSensorAlarm, type AdvisoryAlarmSlot, type AlarmSlot, type DeviceAlarmSlot, type SensorAlarmSlot } from './alarmSlot.ts';
import { transitionAlarm, type AlarmEventDetails, type AlarmInput, type AlarmRefusalReason, type AlarmTransition } from './alarmStateMachine.ts';
import { advisoryText, sensorAlarmText } from './alarmText.ts';
import { bindAlarmRule, type BoundLinkage } from './bindAlarmRule.ts';
import type { ConditionEdge } from './conditionDetectors/conditionDetector.ts';
import { createConditionDetector } from './conditionDetectors/createConditionDetector.ts';

/**
 * Readings in columns, as ingest buffers them: `sensorIndices[i]` is the position of the sensor
 * in the registry the engine was built from. Each sensor's readings come in time order; a reading
 * older than the sensor's last one is skipped.
 */
export interface ReadingBatch {
  count: number;
  sensorIndices: ArrayLike<number>;
  tsMs: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** What the engine is built from. */
export interface AlarmEngineOptions {
  registry: Pick<SensorRegistry, 'sensors'>;
  /** Validated rules (see `parseAlarmRules`); disabled rules are skipped. None may take an id of `ADVISORY_RULE_IDS`. */
  rules: readonly AlarmRule[];
  /** The alarms as last persisted, so that state survives a restart. */
  alarms?: readonly AlarmDto[];
  /**
   * Linkage commands sent before a restart that no device has confirmed yet: their deadlines still
   * hold (a command that passed its deadline while the server was down fails at the first tick).
   */
  pendingCommands?: readonly LinkageCommand[];
  /** Makes the id of each device command. */
  nextCommandId: () => string;
}

/** The operator actions of {@link AlarmEngine.act}: the inputs that name an actor. */
export type AlarmOperatorInput = Extract<AlarmInput, { actor: string }>;

/** What the acting user may do. */
export interface AlarmActionPolicy {
  /** Longest shelving allowed, ms. Default `OPERATOR_MAX_SHELVE_MS` (24 h). */
  maxShelveMs?: number;
}

/** The outcome of {@link AlarmEngine.act}. */
export type AlarmActionResult = { ok: true; effects: AlarmEffects } | { ok: false; reason: AlarmRefusalReason | 'unknown_alarm' };

/** A command waiting for its device to report the commanded state. */
interface PendingCommand {
  command: LinkageCommand;
  linkage: BoundLinkage;
  slot: SensorAlarmSlot;
}

/**
 * The alarm engine of one community.
 *
 * @example
 * const engine = new AlarmEngine({ registry, rules: defaultAlarmRules(registry).rules, alarms: stored, nextCommandId });
 * const effects = engine.ingest(buffer, nowMs); // persist effects.events, store effects.alarms, send effects.commands
 */
export class AlarmEngine {
  private readonly slots = new Map<string, AlarmSlot>();
  private readonly slotsBySensor: (SensorAlarmSlot[] | undefined)[];
  private readonly lastReadingMs: Float64Array;
  private readonly tickSlots: SensorAlarmSlot[] = [];
  private readonly suppressedBy = new Map<string, SensorAlarmSlot[]>();
  private readonly shelved = new Set<AlarmSlot>();
  private readonly deviceStates = new Map<string, DeviceState>();
  private readonly sensorIndexById = new Map<string, number>();
  private readonly sensors: readonly SensorDefinition[];
  private readonly nextCommandId: () => string;
  private pending: PendingCommand[] = [];
  /** Restored commands whose alarm's rule no longer sends them; `reconcile` settles them. */
  private orphanedCommands: LinkageCommand[] = [];

  /** @throws RangeError when a rule takes an id reserved for early warnings. */
  constructor(options: AlarmEngineOptions) {
    const { sensors } = options.registry;
    const reserved = options.rules.find((rule) => Object.values(ADVISORY_RULE_IDS).includes(rule.id));
    if (reserved !== undefined) throw new RangeError(`the rule id ${reserved.id} is reserved for early warnings`);
    this.sensors = sensors;
    this.nextCommandId = options.nextCommandId;
    this.slotsBySensor = new Array<SensorAlarmSlot[] | undefined>(sensors.length);
    this.lastReadingMs = new Float64Array(sensors.length).fill(Number.NEGATIVE_INFINITY);
    const restored = new Map((options.alarms ?? []).map((record) => [record.id, record]));
    sensors.forEach((sensor, index) => {
      this.sensorIndexById.set(sensor.id, index);
      for (const rule of options.rules) {
        const binding = bindAlarmRule(rule, sensor);
        if (binding === undefined) continue;
        const record = restored.get(binding.alarmId);
        restored.delete(binding.alarmId);
        const slot: SensorAlarmSlot = { kind: 'sensor', alarmId: binding.alarmId, latching: rule.latching ?? false, record, binding, detector: createConditionDetector(binding.condition, record?.active ?? false) };
        this.addSlot(slot);
        (this.slotsBySensor[index] ??= []).push(slot);
        if (slot.detector.ticks) this.tickSlots.push(slot);
        if (binding.suppressWhile !== undefined) pushTo(this.suppressedBy, binding.suppressWhile.device, slot);
      }
    });
    for (const record of restored.values()) {
      const sensor = this.sensorOf(record.sourceId);
      if (record.condition === 'command_unconfirmed') this.addSlot({ kind: 'device', alarmId: record.id, latching: false, record, device: record.sourceId });
      else if (isAdvisoryRecord(record) && sensor !== undefined) this.addSlot({ kind: 'advisory', alarmId: record.id, latching: false, record, sensor, condition: record.condition, advisory: undefined });
      else this.addSlot({ kind: 'restored', alarmId: record.id, latching: record.latched, record });
    }
    for (const command of options.pendingCommands ?? []) if (!this.awaitRestored(command)) this.orphanedCommands.push(command);
  }

  /** The registry position of a sensor, as {@link ReadingBatch} uses it. */
  sensorIndex(sensorId: string): number | undefined {
    return this.sensorIndexById.get(sensorId);
  }

  /** An alarm as it is now, if anything ever happened to it. */
  alarm(alarmId: string): AlarmDto | undefined {
    return this.slots.get(alarmId)?.record;
  }

  /**
   * Storage gave the alarm's latest event this id: the engine's record carries it from now on, so
   * records it returns later (and {@link AlarmEngine.alarms}) agree with storage.
   */
  setLastEventId(alarmId: string, eventId: number): void {
    const slot = this.slots.get(alarmId);
    if (slot?.record !== undefined && slot.record.lastEventId !== eventId) slot.record = { ...slot.record, lastEventId: eventId };
  }

  /** Every alarm anything ever happened to, as it is now. */
  alarms(): AlarmDto[] {
    const records: AlarmDto[] = [];
    for (const slot of this.slots.values()) if (slot.record !== undefined) records.push(slot.record);
    return records;
  }

  /**
   * Feeds readings `from` (inclusive) `to` (exclusive) of a batch through their sensors' detectors.
   * Condition edges are timed by their reading; commands are timed by `nowMs`.
   */
  ingest(readings: ReadingBatch, nowMs: number, from = 0, to = readings.count): AlarmEffects {
    const { sensorIndices, tsMs, values } = readings;
    let fx: AlarmEffectsBuilder | undefined;
    for (let i = from; i < to; i++) {
      const sensorIndex = sensorIndices[i]!;
      const slots = this.slotsBySensor[sensorIndex];
      if (slots === undefined) continue;
      const tMs = tsMs[i]!;
      if (!(tMs >= this.lastReadingMs[sensorIndex]!)) continue;
      this.lastReadingMs[sensorIndex] = tMs;
      const value = values[i]!;
      for (let k = 0; k < slots.length; k++) {
        const slot = slots[k]!;
        const edge = slot.detector.reading(tMs, value);
        if (edge !== undefined) this.onEdge(slot, edge, tMs, nowMs, (fx ??= new AlarmEffectsBuilder()));
      }
    }
    return fx?.build() ?? NO_ALARM_EFFECTS;
  }

  /** Lets time pass: on- and off-delays, stale data, shelve expiry, command deadlines. */
  tick(nowMs: number): AlarmEffects {
    const fx = new AlarmEffectsBuilder();
    for (const slot of this.tickSlots) {
      const edge = slot.detector.tick(nowMs);
      if (edge !== undefined) this.onEdge(slot, edge, nowMs, nowMs, fx);
    }
    for (const slot of this.shelved) this.apply(slot, { type: 'tick' }, nowMs, fx);
    this.expireCommands(nowMs, fx);
    return fx.build();
  }

  /**
   * An operator's action on an alarm. Refusals (wrong state, shelving too long…) come back as a
   * reason, never as an exception. Any alarm a rule produces can be acted on, even one that never
   * went off (e.g. taken out of service before maintenance).
   */
  act(alarmId: string, input: AlarmOperatorInput, nowMs: number, policy: AlarmActionPolicy = {}): AlarmActionResult {
    const slot = this.slots.get(alarmId);
    if (slot === undefined) return { ok: false, reason: 'unknown_alarm' };
    const fx = new AlarmEffectsBuilder();
    const result = this.apply(slot, input, nowMs, fx, policy.maxShelveMs);
    if (!result.ok) return { ok: false, reason: result.reason };
    if (input.type === 'return_to_service' && slot.kind === 'sensor') this.applySuppression(slot, nowMs, fx);
    return { ok: true, effects: fx.build() };
  }

  /**
   * A device reported its state: confirms the commands waiting for it, clears its
   * `command_unconfirmed` alarm once it is in the commanded state, and suppresses or releases the
   * alarms suppressed by design while it is in a given state.
   */
  deviceState(deviceId: string, state: DeviceState, nowMs: number): AlarmEffects {
    const fx = new AlarmEffectsBuilder();
    this.expireCommands(nowMs, fx);
    this.deviceStates.set(deviceId, state);
    this.pending = this.pending.filter((p) => {
      if (p.command.device !== deviceId || p.linkage.expectState !== state) return true;
      this.commandEvent(p.slot, 'command_confirmed', nowMs, fx, { commandId: p.command.commandId, device: deviceId, command: p.command.command, state });
      return false;
    });
    const unconfirmed = this.slots.get(commandUnconfirmedAlarmId(deviceId));
    if (unconfirmed?.record?.active === true && unconfirmed.record.expectedState === state) this.apply(unconfirmed, { type: 'condition_cleared' }, nowMs, fx);
    for (const slot of this.suppressedBy.get(deviceId) ?? []) this.applySuppression(slot, nowMs, fx);
    return fx.build();
  }

  /**
   * An early warning about a sensor (REQ PROP-2 g), from `trendTowardLimit` or `profileDeviation`:
   * an advisory raises the sensor's advisory alarm of that condition, severity low, described by
   * that advisory; `null` clears it. While the alarm stays active, further advisories change
   * nothing: like a limit alarm, it keeps the description of its raise. Operators act on it like
   * on any alarm. Advisories about sensors not in the registry are ignored.
   *
   * @throws RangeError when the advisory is of another condition than `condition`.
   *
   * @example
   * const trend = trendTowardLimit(minuteMeans, { value: 20, direction: 'high' }, { minPoints: 20, horizonMs: 6 * HOUR_MS, minR2: 0.6 });
   * const effects = engine.advise('B01-F03-LEL-01', 'trend', trend, nowMs); // raises or clears `early-warning-trend/B01-F03-LEL-01`
   */
  advise<C extends AdvisoryCondition>(sensorId: string, condition: C, advisory: AdvisoryOf<C> | null, nowMs: number): AlarmEffects {
    if (advisory !== null && advisory.condition !== condition) throw new RangeError(`a ${advisory.condition} advisory given as ${condition}`);
    const existing = this.slots.get(advisoryAlarmId(condition, sensorId));
    if ((existing?.record?.active ?? false) === (advisory !== null)) return NO_ALARM_EFFECTS;
    const slot = existing ?? (advisory === null ? undefined : this.newAdvisorySlot(sensorId, advisory, nowMs));
    // A restored advisory of a sensor no longer in the registry is left to `reconcile`.
    if (slot?.kind !== 'advisory') return NO_ALARM_EFFECTS;
    const fx = new AlarmEffectsBuilder();
    if (advisory === null) {
      this.apply(slot, { type: 'condition_cleared' }, nowMs, fx);
    } else {
      slot.advisory = advisory;
      this.apply(slot, { type: 'condition_active', value: advisoryValue(advisory), limit: advisoryLimit(advisory) }, nowMs, fx);
    }
    return fx.build();
  }

  /**
   * Brings restored alarms in line with the rules the engine was built from: severities follow
   * their rule, suppression by a rule that no longer suppresses ends, and alarms no rule produces
   * any more return to normal (a latched one still waits for its reset). Advisory alarms of
   * sensors still in the registry are left to the next round of early warnings. Pending commands
   * that no rule sends any more fail, without an alarm of their own (nothing waits for them). Call
   * once after a restart.
   */
  reconcile(nowMs: number): AlarmEffects {
    const fx = new AlarmEffectsBuilder();
    for (const { commandId, device, command, alarmId, deadlineMs } of this.orphanedCommands) {
      const slot = this.slots.get(alarmId);
      if (slot?.record !== undefined) this.commandEvent(slot, 'command_failed', nowMs, fx, { commandId, device, command, deadlineMs, reason: 'rule_changed' });
    }
    this.orphanedCommands = [];
    for (const slot of this.slots.values()) {
      if (slot.record === undefined || slot.kind === 'device' || slot.kind === 'advisory') continue;
      if (slot.kind === 'restored') {
        this.apply(slot, { type: 'condition_cleared' }, nowMs, fx);
        continue;
      }
      this.apply(slot, { type: 'change_severity', actor: SYSTEM_ACTOR, severity: slot.binding.rule.severity, note: '报警规则已修改 alarm rules changed' }, nowMs, fx);
      if (slot.record.state === 'suppressed' && slot.binding.suppressWhile === undefined) this.apply(slot, { type: 'unsuppress' }, nowMs, fx);
    }
    return fx.build();
  }

  /** Waits again for a command sent before a restart, if its alarm's rule still sends it; false if not. */
  private awaitRestored(command: LinkageCommand): boolean {
    const slot = this.slots.get(command.alarmId);
    if (slot?.kind !== 'sensor' || slot.record === undefined) return false;
    const linkage = slot.binding.linkage.find((l) => l.device === command.device && l.command === command.command);
    if (linkage === undefined) return false;
    this.pending.push({ command, linkage, slot });
    return true;
  }

    private addSlot(slot: AlarmSlot): void {
    this.slots.set(slot.alarmId, slot);
    if (slot.record?.state === 'shelved') this.shelved.add(slot);
  }

  private sensorOf(sensorId: string): SensorDefinition | undefined {
    const index = this.sensorIndexById.get(sensorId);
    return index === undefined ? undefined : this.sensors[index];
  }

  /** The slot of a sensor's first advisory of a condition; `undefined` for an unknown sensor. */
  private newAdvisorySlot(sensorId: string, advisory: Advisory, nowMs: number): AdvisoryAlarmSlot | undefined {
    const sensor = this.sensorOf(sensorId);
    if (sensor === undefined) return undefined;
    const record = newAdvisoryAlarm(sensor, advisory, nowMs);
    const slot: AdvisoryAlarmSlot = { kind: 'advisory', alarmId: record.id, latching: false, record, sensor, condition: advisory.condition, advisory };
    this.addSlot(slot);
    return slot;
  }

  private onEdge(slot: SensorAlarmSlot, edge: ConditionEdge, tMs: number, nowMs: number, fx: AlarmEffectsBuilder): void {
    const { value, limit } = slot.detector;
    if (edge === 'cleared') {
      this.apply(slot, { type: 'condition_cleared', value }, tMs, fx);
      return;
    }
    const before = slot.record?.state;
    this.apply(slot, { type: 'condition_active', value, limit }, tMs, fx);
    // Linkage is a safety action: it runs even for a shelved alarm, but not for one suppressed by
    // design or out of service (e.g. a detector being calibrated with test gas).
    if (before !== 'suppressed' && before !== 'out_of_service') this.sendLinkage(slot, nowMs, fx);
  }

  /** Applies an input; stores and reports the record if it changed. */
  private apply(slot: AlarmSlot, input: AlarmInput, atMs: number, fx: AlarmEffectsBuilder, maxShelveMs?: number): AlarmTransition<AlarmDto> {
    const record = slot.kind === 'sensor' ? (slot.record ?? newSensorAlarm(slot.binding, atMs)) : slot.record;
    const result = transitionAlarm(record, input, atMs, { latching: slot.latching, maxShelveMs });
    if (!result.ok || result.record === record) return result;
    let next = result.record;
    if (input.type === 'condition_active' && slot.kind === 'sensor') next = { ...next, ...sensorAlarmText(slot.binding.sensor, slot.binding.condition, input.value, input.limit) };
    else if (input.type === 'condition_active' && slot.kind === 'advisory' && slot.advisory !== undefined) next = { ...next, ...advisoryText(slot.sensor, slot.advisory) };
    slot.record = next;
    fx.alarm(next);
    fx.events.push(...result.events);
    if (next.state === 'shelved') this.shelved.add(slot);
    else this.shelved.delete(slot);
    const revealedActive = (record.state === 'suppressed' || record.state === 'out_of_service') && next.state === 'unack_active';
    if (revealedActive && slot.kind === 'sensor') this.sendLinkage(slot, atMs, fx);
    return { ok: true, record: next, events: result.events };
  }

  /** Suppresses or releases an alarm by the last reported state of its `suppressWhile` device. */
  private applySuppression(slot: SensorAlarmSlot, nowMs: number, fx: AlarmEffectsBuilder): void {
    const rule = slot.binding.suppressWhile;
    if (rule === undefined) return;
    const deviceState = this.deviceStates.get(rule.device);
    const state = slot.record?.state;
    const details = { device: rule.device, state: deviceState ?? 'unknown' };
    if (deviceState === rule.state && state !== 'suppressed' && state !== 'out_of_service') this.apply(slot, { type: 'suppress', details }, nowMs, fx);
    else if (deviceState !== rule.state && state === 'suppressed') this.apply(slot, { type: 'unsuppress', details }, nowMs, fx);
  }

  /** Sends the alarm's linkage commands, unless the device already reports the commanded state. */
  private sendLinkage(slot: SensorAlarmSlot, nowMs: number, fx: AlarmEffectsBuilder): void {
    for (const linkage of slot.binding.linkage) {
      const { device, command, expectState } = linkage;
      if (this.deviceStates.get(device) === expectState) {
        this.commandEvent(slot, 'command_confirmed', nowMs, fx, { device, command, state: expectState, alreadyInState: true });
        continue;
      }
      const sent: LinkageCommand = { commandId: this.nextCommandId(), device, command, alarmId: slot.alarmId, deadlineMs: nowMs + linkage.confirmWithinMs };
      fx.commands.push(sent);
      this.pending.push({ command: sent, linkage, slot });
      this.commandEvent(slot, 'command_sent', nowMs, fx, { commandId: sent.commandId, device, command, deadlineMs: sent.deadlineMs });
    }
  }

  /** Fails the commands whose deadline has passed: `command_failed`, and the device's `command_unconfirmed` alarm. */
  private expireCommands(nowMs: number, fx: AlarmEffectsBuilder): void {
    if (this.pending.length === 0) return;
    this.pending = this.pending.filter((p) => {
      if (nowMs <= p.command.deadlineMs) return true;
      const { commandId, device, command, deadlineMs } = p.command;
      this.commandEvent(p.slot, 'command_failed', nowMs, fx, { commandId, device, command, deadlineMs });
      this.raiseUnconfirmed(p, nowMs, fx);
      return false;
    });
  }

  private raiseUnconfirmed(p: PendingCommand, nowMs: number, fx: AlarmEffectsBuilder): void {
    const failed = { device: p.command.device, command: p.command.command, expectState: p.linkage.expectState, confirmWithinMs: p.linkage.confirmWithinMs };
    const fresh = newCommandUnconfirmedAlarm(failed, p.slot.record!, nowMs);
    const existing = this.slots.get(fresh.id);
    let slot: DeviceAlarmSlot;
    if (existing?.kind === 'device') {
      slot = existing;
      // The latest failed command decides what the device must report to clear the alarm.
      if (slot.record.expectedState !== fresh.expectedState || slot.record.message !== fresh.message) {
        slot.record = { ...slot.record, message: fresh.message, messageEn: fresh.messageEn, expectedState: fresh.expectedState, updatedAtMs: nowMs };
        fx.alarm(slot.record);
      }
    } else {
      slot = { kind: 'device', alarmId: fresh.id, latching: false, record: fresh, device: failed.device };
      this.addSlot(slot);
    }
    this.apply(slot, { type: 'condition_active' }, nowMs, fx);
  }

  /** Records a command event on the alarm that sent the command. */
  private commandEvent(slot: AlarmSlot, type: AlarmEventType, atMs: number, fx: AlarmEffectsBuilder, details: AlarmEventDetails): void {
    const record = slot.record!;
    fx.events.push({ alarmId: record.id, type, atMs, actor: SYSTEM_ACTOR, stateBefore: record.state, stateAfter: record.state, severity: record.severity, details });
    fx.alarm(record);
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

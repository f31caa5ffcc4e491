import { describe, expect, it } from 'vitest';
import type { AlarmDto } from '@twin/protocol';
import { AlarmEngine, type ReadingBatch } from './alarmEngine.ts';
import { NO_ALARM_EFFECTS, type AlarmEffects, type LinkageCommand } from './alarmEffects.ts';
import type { AlarmRule } from './alarmRule.ts';
import { defaultAlarmRules } from './defaultAlarmRules.ts';
import { TEST_REGISTRY } from './testing/alarmFixtures.ts';

/** 10:00 local time on 1 June 2024. */
const T0 = Date.UTC(2024, 5, 1, 2);
const HOUR = 3_600_000;
const GAS = 'B01-GV-LEL-01';
const GAS_ALARM = `gas-lel-high/${GAS}`;

function engineWith(rules: AlarmRule[] = defaultAlarmRules(TEST_REGISTRY).rules, alarms?: AlarmDto[], pendingCommands?: readonly LinkageCommand[]): AlarmEngine {
  let issued = 0;
  return new AlarmEngine({ registry: TEST_REGISTRY, rules, alarms, pendingCommands, nextCommandId: () => `cmd-${++issued}` });
}

function batch(engine: AlarmEngine, rows: Array<[sensorId: string, tMs: number, value: number]>): ReadingBatch {
  return { count: rows.length, sensorIndices: rows.map(([id]) => engine.sensorIndex(id)!), tsMs: rows.map(([, t]) => t), values: rows.map(([, , v]) => v) };
}

const read = (engine: AlarmEngine, sensorId: string, tMs: number, value: number) => engine.ingest(batch(engine, [[sensorId, tMs, value]]), tMs);
const types = (effects: AlarmEffects) => effects.events.map((e) => `${e.alarmId} ${e.type}`);

/** Only the gas alarm rules and nothing else, to keep effects short. */
const gasOnly = () => defaultAlarmRules(TEST_REGISTRY).rules.filter((r) => r.id.startsWith('gas-lel'));

describe('AlarmEngine ingest', () => {
  it('PLAT-8 readings that change nothing produce the shared empty effects', () => {
    const engine = engineWith();
    const quiet = batch(engine, [[GAS, T0, 0.4], ['B01-F03-NOISE-01', T0, 30], ['B01-F03-CO2-01', T0, 600]]);
    expect(engine.ingest(quiet, T0)).toBe(NO_ALARM_EFFECTS);
  });

  it('PLAT-8 skips readings of unknown registry positions and readings older than the sensor’s last', () => {
    const engine = engineWith(gasOnly());
    expect(engine.ingest({ count: 1, sensorIndices: [999], tsMs: [T0], values: [90] }, T0)).toBe(NO_ALARM_EFFECTS);
    read(engine, GAS, T0 + 10_000, 1);
    expect(read(engine, GAS, T0, 90)).toBe(NO_ALARM_EFFECTS);
    expect(engine.sensorIndex('nope')).toBeUndefined();
  });

  it('PLAT-8 reads only the given range of a batch', () => {
    const engine = engineWith(gasOnly());
    const rows = batch(engine, [[GAS, T0, 30], [GAS, T0 + 1, 1], [GAS, T0 + 2, 30]]);
    expect(engine.ingest(rows, T0, 1, 2)).toBe(NO_ALARM_EFFECTS);
    expect(types(engine.ingest(rows, T0, 2))).toEqual([`${GAS_ALARM} raised`, `${GAS_ALARM} command_sent`]);
  });

  it('PLAT-8 reports each changed alarm once, as it is at the end of the call', () => {
    const engine = engineWith(gasOnly());
    const effects = engine.ingest(batch(engine, [[GAS, T0, 30], [GAS, T0 + 5_000, 60]]), T0 + 5_000);
    expect(types(effects)).toEqual([`${GAS_ALARM} raised`, `${GAS_ALARM} command_sent`, `gas-lel-high-high/${GAS} raised`, `gas-lel-high-high/${GAS} command_sent`]);
    expect(effects.alarms.map((a) => [a.id, a.state])).toEqual([
      [GAS_ALARM, 'unack_active'],
      [`gas-lel-high-high/${GAS}`, 'unack_active'],
    ]);
    expect(effects.commands.map((c) => c.commandId)).toEqual(['cmd-1', 'cmd-2']);
    expect(engine.alarms().map((a) => a.id)).toEqual([GAS_ALARM, `gas-lel-high-high/${GAS}`]);
  });

  it('PLAT-8 records carry the event id storage assigned', () => {
    const engine = engineWith(gasOnly());
    read(engine, GAS, T0, 30);
    expect(engine.alarm(GAS_ALARM)?.lastEventId).toBe(0);
    engine.setLastEventId(GAS_ALARM, 41);
    engine.setLastEventId('gas-lel-high/NOPE', 42);
    expect(engine.alarm(GAS_ALARM)?.lastEventId).toBe(41);
    expect(read(engine, GAS, T0 + 5_000, 3).alarms[0]).toMatchObject({ id: GAS_ALARM, latched: true, lastEventId: 41 });
  });
});

describe('AlarmEngine tick', () => {
  it('PLAT-8 raises stale data of a sensor never heard from, counted from the first tick', () => {
    const staleOnly = defaultAlarmRules(TEST_REGISTRY)
      .rules.filter((r) => r.id === 'sensor-stale')
      .map((r) => ({ ...r, match: { sensorIds: [GAS] } }));
    const engine = engineWith(staleOnly);
    read(engine, GAS, T0, 0.3);
    expect(engine.tick(T0).events).toEqual([]);
    const effects = engine.tick(T0 + 25_000);
    expect(types(effects)).toEqual([`sensor-stale/${GAS}`].map((id) => `${id} raised`));
    expect(engine.alarm(`sensor-stale/${GAS}`)?.message).toBe('1栋燃气紧急切断阀可燃气体探测器 超过 25 秒无数据');
    expect(types(read(engine, GAS, T0 + 26_000, 0.3))).toEqual([`sensor-stale/${GAS} returned`]);
  });

  it('ENV-4 completes the on-delay of a night noise alarm on ticks', () => {
    const noise = defaultAlarmRules(TEST_REGISTRY).rules.filter((r) => r.id === 'noise-indoor');
    const engine = engineWith(noise);
    const night = Date.UTC(2024, 5, 1, 15); // 23:00 local
    expect(read(engine, 'B01-F03-NOISE-01', night, 40)).toBe(NO_ALARM_EFFECTS);
    expect(engine.tick(night + 59_000).events).toEqual([]);
    const raised = engine.tick(night + 60_000);
    expect(raised.events).toMatchObject([{ type: 'raised', value: 40, details: { limit: 35 }, atMs: night + 60_000 }]);
    expect(raised.alarms[0]?.message).toBe('1栋3层301主卧噪声 噪声 40.0 dB(A) 超过上限 35 dB(A)');
  });

  it('PLAT-8 a shelved alarm returns when its shelve expires, annunciated again if the condition holds', () => {
    const engine = engineWith(gasOnly());
    read(engine, GAS, T0, 30);
    engine.deviceState('B01/GAS-ESV', 'closed', T0 + 500);
    const shelved = engine.act(GAS_ALARM, { type: 'shelve', actor: 'operator.wang', untilMs: T0 + HOUR, reason: '探测器标定 calibration' }, T0 + 1_000);
    expect(shelved.ok && types(shelved.effects)).toEqual([`${GAS_ALARM} shelved`]);
    expect(engine.tick(T0 + HOUR - 1).events).toEqual([]);
    expect(types(engine.tick(T0 + HOUR))).toEqual([`${GAS_ALARM} shelve_expired`, `${GAS_ALARM} raised`]);
    expect(engine.tick(T0 + 2 * HOUR).events).toEqual([]);
  });
});

describe('AlarmEngine act', () => {
  it('PLAT-8 acknowledges, and answers refusals and unknown alarms with a reason', () => {
    const engine = engineWith(gasOnly());
    read(engine, GAS, T0, 30);
    const ack = engine.act(GAS_ALARM, { type: 'acknowledge', actor: 'operator.wang', note: '已派人' }, T0 + 1_000);
    expect(ack.ok && ack.effects.events).toMatchObject([{ type: 'acknowledged', actor: 'operator.wang', note: '已派人', stateAfter: 'ack_active' }]);
    expect(ack.ok && ack.effects.alarms[0]).toMatchObject({ state: 'ack_active', acknowledgedBy: 'operator.wang', acknowledgedAtMs: T0 + 1_000 });
    expect(engine.act(GAS_ALARM, { type: 'acknowledge', actor: 'operator.wang' }, T0 + 2_000)).toEqual({ ok: false, reason: 'already_acknowledged' });
    expect(engine.act('gas-lel-high/NOPE', { type: 'acknowledge', actor: 'operator.wang' }, T0)).toEqual({ ok: false, reason: 'unknown_alarm' });
  });

  it('PLAT-8 shelving beyond 24 h needs a longer policy from the caller', () => {
    const engine = engineWith(gasOnly());
    read(engine, GAS, T0, 30);
    const shelve = { type: 'shelve', actor: 'admin.zhao', untilMs: T0 + 48 * HOUR, reason: '更换探头 replacing the sensor head' } as const;
    expect(engine.act(GAS_ALARM, shelve, T0)).toEqual({ ok: false, reason: 'shelve_too_long' });
    expect(engine.act(GAS_ALARM, shelve, T0, { maxShelveMs: 7 * 24 * HOUR }).ok).toBe(true);
  });

  it('PLAT-8 an alarm that never went off can be taken out of service; refusals leave no record', () => {
    const engine = engineWith(gasOnly());
    expect(engine.act(GAS_ALARM, { type: 'acknowledge', actor: 'operator.wang' }, T0)).toEqual({ ok: false, reason: 'nothing_to_acknowledge' });
    expect(engine.alarm(GAS_ALARM)).toBeUndefined();
    const out = engine.act(GAS_ALARM, { type: 'remove_from_service', actor: 'admin.zhao', note: '探测器检修' }, T0);
    expect(out.ok && out.effects.alarms[0]).toMatchObject({ id: GAS_ALARM, state: 'out_of_service', message: '1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 超过上限 20 %LEL' });
  });
});

describe('AlarmEngine linkage', () => {
  it('PLAT-6 MUN-5 a shelved alarm still closes the valve when the condition comes back', () => {
    const engine = engineWith(gasOnly());
    read(engine, GAS, T0, 30);
    engine.deviceState('B01/GAS-ESV', 'closed', T0 + 1_000);
    engine.deviceState('B01/GAS-ESV', 'open', T0 + 2_000);
    engine.act(GAS_ALARM, { type: 'shelve', actor: 'operator.wang', untilMs: T0 + HOUR, reason: '误报排查 checking' }, T0 + 3_000);
    read(engine, GAS, T0 + 5_000, 5);
    const again = read(engine, GAS, T0 + 10_000, 30);
    expect(types(again)).toEqual([`${GAS_ALARM} command_sent`]);
    expect(again.commands).toEqual([{ commandId: 'cmd-2', device: 'B01/GAS-ESV', command: 'close', alarmId: GAS_ALARM, deadlineMs: T0 + 15_000 }]);
  });

  it('PLAT-6 an alarm out of service sends nothing; back in service with the gas present it alarms and closes the valve', () => {
    const engine = engineWith(gasOnly());
    engine.act(GAS_ALARM, { type: 'remove_from_service', actor: 'admin.zhao' }, T0);
    expect(read(engine, GAS, T0 + 5_000, 30).commands).toEqual([]);
    const back = engine.act(GAS_ALARM, { type: 'return_to_service', actor: 'admin.zhao' }, T0 + 10_000);
    expect(back.ok && types(back.effects)).toEqual([`${GAS_ALARM} returned_to_service`, `${GAS_ALARM} raised`, `${GAS_ALARM} command_sent`]);
    expect(back.ok && back.effects.commands[0]?.deadlineMs).toBe(T0 + 15_000);
  });

  it('PLAT-6 a valve already reported closed needs no command', () => {
    const engine = engineWith(gasOnly());
    expect(engine.deviceState('B01/GAS-ESV', 'closed', T0)).toEqual({ events: [], alarms: [], commands: [] });
    const effects = read(engine, GAS, T0 + 1_000, 30);
    expect(effects.commands).toEqual([]);
    expect(effects.events[1]).toMatchObject({ type: 'command_confirmed', details: { device: 'B01/GAS-ESV', command: 'close', state: 'closed', alreadyInState: true } });
  });

  it('ENV-5 PLAT-6 indoor CO2 above 1000 ppm for five minutes switches the building fresh air on', () => {
    const co2 = defaultAlarmRules(TEST_REGISTRY).rules.filter((r) => r.id === 'co2-indoor');
    const engine = engineWith(co2);
    expect(read(engine, 'B01-F03-CO2-01', T0, 1150)).toBe(NO_ALARM_EFFECTS);
    read(engine, 'B01-F03-CO2-01', T0 + 240_000, 1180);
    const raised = read(engine, 'B01-F03-CO2-01', T0 + 300_000, 1210);
    expect(raised.commands).toEqual([{ commandId: 'cmd-1', device: 'B01/FRESH-AIR', command: 'on', alarmId: 'co2-indoor/B01-F03-CO2-01', deadlineMs: T0 + 360_000 }]);
    expect(raised.alarms[0]).toMatchObject({ severity: 'medium', value: 1210, limit: 1000, layer: 'air' });
    expect(engine.deviceState('B01/FRESH-AIR', 'on', T0 + 320_000).events).toMatchObject([{ type: 'command_confirmed', details: { commandId: 'cmd-1', state: 'on' } }]);
  });

  it('PLAT-8 returning an alarm to service while its valve is closed suppresses it again', () => {
    const flow: AlarmRule = { id: 'gas-flow-low', name: '燃气流量中断', nameEn: 'Gas flow lost', match: { sensorIds: ['B01-IN-GASFLOW-01'] }, condition: { type: 'low', limit: 0.01 }, severity: 'medium', suppressWhile: { device: 'B01/GAS-ESV', state: 'closed' } };
    const engine = engineWith([flow]);
    const id = 'gas-flow-low/B01-IN-GASFLOW-01';
    engine.act(id, { type: 'remove_from_service', actor: 'admin.zhao' }, T0);
    expect(engine.deviceState('B01/GAS-ESV', 'closed', T0 + 1_000).events).toEqual([]);
    const back = engine.act(id, { type: 'return_to_service', actor: 'admin.zhao' }, T0 + 2_000);
    expect(back.ok && types(back.effects)).toEqual([`${id} returned_to_service`, `${id} suppressed`]);
  });
});

describe('AlarmEngine restart', () => {
  /** Runs a first engine to a state, and returns the alarms as storage would have them. */
  function persisted(): AlarmDto[] {
    const engine = engineWith();
    read(engine, GAS, T0, 30);
    engine.tick(T0 + 6_000); // the close command fails
    read(engine, GAS, T0 + 10_000, 3); // the gas clears; the alarm stays latched
    read(engine, 'B01-F03-LEL-01', T0, 30);
    engine.act('gas-lel-high/B01-F03-LEL-01', { type: 'shelve', actor: 'operator.wang', untilMs: T0 + HOUR, reason: '厨房施工 kitchen works' }, T0 + 1_000);
    return engine.alarms();
  }

  it('PLAT-8 keeps latched, shelved and command_unconfirmed alarms across a restart', () => {
    const stored = persisted();
    expect(stored.map((a) => [a.id, a.state, a.active, a.latched])).toEqual([
      [GAS_ALARM, 'unack_active', false, true],
      ['gas-lel-high/B01-F03-LEL-01', 'shelved', true, false],
      ['command-unconfirmed/B01/GAS-ESV', 'unack_active', true, false],
    ]);
    const engine = engineWith(undefined, stored);
    expect(engine.alarms()).toEqual(stored);
    expect(engine.act(GAS_ALARM, { type: 'acknowledge', actor: 'operator.wang' }, T0 + 20_000).ok).toBe(true);
    expect(engine.act(GAS_ALARM, { type: 'reset_latch', actor: 'operator.wang' }, T0 + 21_000).ok).toBe(true);
    expect(types(engine.deviceState('B01/GAS-ESV', 'closed', T0 + 22_000))).toEqual(['command-unconfirmed/B01/GAS-ESV returned']);
    // Restored active, the kitchen detector clears on its next low reading; the shelve still expires.
    expect(read(engine, 'B01-F03-LEL-01', T0 + 30_000, 2).alarms[0]).toMatchObject({ state: 'shelved', active: false });
    expect(types(engine.tick(T0 + HOUR))).toContain('gas-lel-high/B01-F03-LEL-01 shelve_expired');
    expect(engine.alarm('gas-lel-high/B01-F03-LEL-01')?.state).toBe('normal');
  });

  it('PLAT-6 MUN-5 a valve command still unconfirmed at a restart keeps its deadline: confirmed by the valve, or failed with its alarm', () => {
    const before = engineWith(gasOnly());
    const sent = read(before, GAS, T0, 30).commands;
    expect(sent).toEqual([{ commandId: 'cmd-1', device: 'B01/GAS-ESV', command: 'close', alarmId: GAS_ALARM, deadlineMs: T0 + 5_000 }]);

    const confirmed = engineWith(gasOnly(), before.alarms(), sent);
    expect(confirmed.reconcile(T0 + 1_000).events).toEqual([]);
    expect(confirmed.deviceState('B01/GAS-ESV', 'closed', T0 + 2_000).events).toMatchObject([{ alarmId: GAS_ALARM, type: 'command_confirmed', details: { commandId: 'cmd-1', state: 'closed' } }]);
    expect(confirmed.tick(T0 + 10_000).events).toEqual([]);

    const unconfirmed = engineWith(gasOnly(), before.alarms(), sent);
    unconfirmed.reconcile(T0 + 1_000);
    expect(unconfirmed.tick(T0 + 5_000).events).toEqual([]);
    const failed = unconfirmed.tick(T0 + 5_001);
    expect(types(failed)).toEqual([`${GAS_ALARM} command_failed`, 'command-unconfirmed/B01/GAS-ESV raised']);
    expect(failed.events[0]?.details).toMatchObject({ commandId: 'cmd-1', deadlineMs: T0 + 5_000 });
  });

  it('PLAT-6 a pending command that the changed rules no longer send fails at reconcile, without an alarm of its own', () => {
    const before = engineWith(gasOnly());
    const sent = read(before, GAS, T0, 30).commands;
    const withoutLinkage = gasOnly().map((rule) => ({ ...rule, linkage: [] }));
    const engine = engineWith(withoutLinkage, before.alarms(), sent);
    const effects = engine.reconcile(T0 + 1_000);
    expect(effects.events.map((e) => [e.alarmId, e.type, e.details])).toEqual([[GAS_ALARM, 'command_failed', { commandId: 'cmd-1', device: 'B01/GAS-ESV', command: 'close', deadlineMs: T0 + 5_000, reason: 'rule_changed' }]]);
    expect(engine.tick(T0 + 60_000).events).toEqual([]);
    expect(engine.alarm('command-unconfirmed/B01/GAS-ESV')).toBeUndefined();
  });

  it('PLAT-8 reconcile applies changed severities, ends obsolete suppression and returns alarms of removed rules', () => {
    const stored: AlarmDto[] = persisted().map((a) => (a.id === GAS_ALARM ? { ...a, severity: 'high' } : a));
    const orphan: AlarmDto = { ...stored[1]!, id: 'old-rule/B01-F03-LEL-01', ruleId: 'old-rule', state: 'ack_active', active: true };
    const flow: AlarmDto = { ...orphan, id: 'gas-flow-low/B01-IN-GASFLOW-01', ruleId: 'gas-flow-low', sourceId: 'B01-IN-GASFLOW-01', state: 'suppressed', active: false, shelvedUntilMs: undefined };
    const flowRule: AlarmRule = { id: 'gas-flow-low', name: '燃气流量中断', nameEn: 'Gas flow lost', match: { sensorIds: ['B01-IN-GASFLOW-01'] }, condition: { type: 'low', limit: 0.01 }, severity: 'medium' };
    const engine = engineWith([...defaultAlarmRules(TEST_REGISTRY).rules, flowRule], [...stored, orphan, flow]);
    const effects = engine.reconcile(T0 + 60_000);
    expect(effects.events.map((e) => [e.alarmId, e.type, e.stateAfter, e.severity])).toEqual([
      [GAS_ALARM, 'severity_changed', 'unack_active', 'critical'],
      ['gas-flow-low/B01-IN-GASFLOW-01', 'severity_changed', 'suppressed', 'medium'],
      ['gas-flow-low/B01-IN-GASFLOW-01', 'unsuppressed', 'normal', 'medium'],
      ['old-rule/B01-F03-LEL-01', 'returned', 'normal', 'critical'],
    ]);
    expect(engine.act('old-rule/B01-F03-LEL-01', { type: 'comment', actor: 'operator.wang', note: '规则已删除' }, T0 + 61_000).ok).toBe(true);
    expect(engine.reconcile(T0 + 62_000)).toEqual({ events: [], alarms: [], commands: [] });
  });
});

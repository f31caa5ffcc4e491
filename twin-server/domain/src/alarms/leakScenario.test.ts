import { describe, expect, it } from 'vitest';
import { AlarmEngine, type ReadingBatch } from './alarmEngine.ts';
import { NO_ALARM_EFFECTS } from './alarmEffects.ts';
import type { AlarmRule } from './alarmRule.ts';
import { defaultAlarmRules } from './defaultAlarmRules.ts';
import { TEST_REGISTRY } from './testing/alarmFixtures.ts';

/** 10:00 local time on 1 June 2024. */
const T0 = Date.UTC(2024, 5, 1, 2);
const GAS_ALARM = 'gas-lel-high/B01-GV-LEL-01';
const UNCONFIRMED = 'command-unconfirmed/B01/GAS-ESV';
const FLOW_ALARMS = ['gas-flow-low/B01-IN-GASFLOW-01', 'gas-flow-low/B01-F03-GASFLOW-01'];

/** Gas meters downstream of a building's shut-off valve read no flow while it is closed: suppressed by design. */
const flowLost: AlarmRule = {
  id: 'gas-flow-low',
  name: '燃气流量中断',
  nameEn: 'Gas flow lost',
  match: { kinds: ['gas_flow'] },
  condition: { type: 'low', limit: 0.01 },
  severity: 'medium',
  suppressWhile: { device: '{building}/GAS-ESV', state: 'closed' },
};

function leakEngine(): AlarmEngine {
  let issued = 0;
  return new AlarmEngine({ registry: TEST_REGISTRY, rules: [...defaultAlarmRules(TEST_REGISTRY).rules, flowLost], nextCommandId: () => `cmd-${++issued}` });
}

function readings(engine: AlarmEngine, rows: Array<[sensorId: string, tMs: number, value: number]>): ReadingBatch {
  return {
    count: rows.length,
    sensorIndices: rows.map(([id]) => engine.sensorIndex(id)!),
    tsMs: rows.map(([, t]) => t),
    values: rows.map(([, , v]) => v),
  };
}

/** Detector readings 5, 12, 21, 25 %LEL every 5 s; the 21 raises the alarm at T0 + 10 s. */
function leak(engine: AlarmEngine) {
  const before = engine.ingest(readings(engine, [['B01-GV-LEL-01', T0, 5], ['B01-GV-LEL-01', T0 + 5_000, 12]]), T0 + 5_000);
  const raised = engine.ingest(readings(engine, [['B01-GV-LEL-01', T0 + 10_000, 21]]), T0 + 10_000);
  const after = engine.ingest(readings(engine, [['B01-GV-LEL-01', T0 + 15_000, 25]]), T0 + 15_000);
  return { before, raised, after };
}

const event = (alarmId: string, type: string, atMs: number, stateBefore: string, stateAfter: string, severity: string, extra: object = {}) => ({
  alarmId,
  type,
  atMs,
  actor: 'system',
  stateBefore,
  stateAfter,
  severity,
  ...extra,
});

describe('gas leak scenario', () => {
  it('MUN-5 PLAT-6 raises a critical alarm at 21 %LEL and sends the close command with a deadline', () => {
    const engine = leakEngine();
    const { before, raised, after } = leak(engine);
    expect(before).toBe(NO_ALARM_EFFECTS);
    expect(after).toBe(NO_ALARM_EFFECTS);
    expect(raised.events).toEqual([
      event(GAS_ALARM, 'raised', T0 + 10_000, 'normal', 'unack_active', 'critical', { value: 21, details: { limit: 20 } }),
      event(GAS_ALARM, 'command_sent', T0 + 10_000, 'unack_active', 'unack_active', 'critical', {
        details: { commandId: 'cmd-1', device: 'B01/GAS-ESV', command: 'close', deadlineMs: T0 + 15_000 },
      }),
    ]);
    expect(raised.commands).toEqual([{ commandId: 'cmd-1', device: 'B01/GAS-ESV', command: 'close', alarmId: GAS_ALARM, deadlineMs: T0 + 15_000 }]);
    expect(raised.alarms).toEqual([
      {
        id: GAS_ALARM,
        ruleId: 'gas-lel-high',
        sourceId: 'B01-GV-LEL-01',
        condition: 'high',
        severity: 'critical',
        state: 'unack_active',
        active: true,
        latched: false,
        area: 'zone-a',
        building: 'B01',
        layer: 'gas',
        kind: 'gas_lel',
        value: 21,
        limit: 20,
        unit: '%LEL',
        message: '1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 21.0 %LEL 超过上限 20 %LEL',
        messageEn: 'Building 1 gas shut-off valve detector: Combustible gas 21.0 %LEL above the high limit 20 %LEL',
        activeSinceMs: T0 + 10_000,
        lastEventId: 0,
        updatedAtMs: T0 + 10_000,
      },
    ]);
  });

  it('MUN-5 PLAT-6 PLAT-8 the valve reporting closed before the deadline confirms the command and suppresses downstream flow alarms', () => {
    const engine = leakEngine();
    leak(engine);
    const closed = engine.deviceState('B01/GAS-ESV', 'closed', T0 + 12_000);
    expect(closed.events).toEqual([
      event(GAS_ALARM, 'command_confirmed', T0 + 12_000, 'unack_active', 'unack_active', 'critical', {
        details: { commandId: 'cmd-1', device: 'B01/GAS-ESV', command: 'close', state: 'closed' },
      }),
      ...FLOW_ALARMS.map((id) => event(id, 'suppressed', T0 + 12_000, 'normal', 'suppressed', 'medium', { details: { device: 'B01/GAS-ESV', state: 'closed' } })),
    ]);
    expect(closed.commands).toEqual([]);
    // No flow behind the closed valve: tracked, not annunciated.
    const noFlow = engine.ingest(readings(engine, [['B01-IN-GASFLOW-01', T0 + 60_000, 0], ['B01-F03-GASFLOW-01', T0 + 60_000, 0]]), T0 + 60_000);
    expect(noFlow.events).toEqual([]);
    expect(FLOW_ALARMS.map((id) => engine.alarm(id))).toMatchObject([
      { state: 'suppressed', active: true },
      { state: 'suppressed', active: true },
    ]);
    // The deadline passes without a failure.
    expect(engine.tick(T0 + 16_000).events).toEqual([]);
    // Reopened with the flow still absent, the flow alarms are annunciated.
    const reopened = engine.deviceState('B01/GAS-ESV', 'open', T0 + 120_000);
    expect(reopened.events.map((e) => `${e.alarmId} ${e.type} ${e.stateBefore}>${e.stateAfter}`)).toEqual(
      FLOW_ALARMS.flatMap((id) => [`${id} unsuppressed suppressed>normal`, `${id} raised normal>unack_active`]),
    );
  });

  it('MUN-5 PLAT-6 without confirmation by the deadline the command fails and the valve gets a command_unconfirmed alarm', () => {
    const engine = leakEngine();
    leak(engine);
    expect(engine.tick(T0 + 15_000).events).toEqual([]);
    const failed = engine.tick(T0 + 15_001);
    expect(failed.events).toEqual([
      event(GAS_ALARM, 'command_failed', T0 + 15_001, 'unack_active', 'unack_active', 'critical', {
        details: { commandId: 'cmd-1', device: 'B01/GAS-ESV', command: 'close', deadlineMs: T0 + 15_000 },
      }),
      event(UNCONFIRMED, 'raised', T0 + 15_001, 'normal', 'unack_active', 'high'),
    ]);
    expect(failed.alarms.map((a) => a.id)).toEqual([GAS_ALARM, UNCONFIRMED]);
    expect(engine.alarm(UNCONFIRMED)).toEqual({
      id: UNCONFIRMED,
      ruleId: 'command-unconfirmed',
      sourceId: 'B01/GAS-ESV',
      condition: 'command_unconfirmed',
      severity: 'high',
      state: 'unack_active',
      active: true,
      latched: false,
      area: 'zone-a',
      building: 'B01',
      layer: 'gas',
      message: '设备 B01/GAS-ESV 未在 5 秒内确认关闭指令',
      messageEn: 'Device B01/GAS-ESV did not confirm the command "close" within 5 s',
      expectedState: 'closed',
      activeSinceMs: T0 + 15_001,
      lastEventId: 0,
      updatedAtMs: T0 + 15_001,
    });
    // The valve closes late: the unconfirmed alarm returns, waiting for acknowledgement.
    const late = engine.deviceState('B01/GAS-ESV', 'closed', T0 + 40_000);
    expect(late.events.filter((e) => e.alarmId === UNCONFIRMED)).toEqual([event(UNCONFIRMED, 'returned', T0 + 40_000, 'unack_active', 'rtn_unack', 'high')]);
    expect(late.events.some((e) => e.type === 'command_confirmed')).toBe(false);
  });

  it('MUN-5 a report after the deadline that no tick saw still fails the command first', () => {
    const engine = leakEngine();
    leak(engine);
    const late = engine.deviceState('B01/GAS-ESV', 'closed', T0 + 30_000);
    expect(late.events.slice(0, 3).map((e) => `${e.alarmId} ${e.type}`)).toEqual([`${GAS_ALARM} command_failed`, `${UNCONFIRMED} raised`, `${UNCONFIRMED} returned`]);
  });

  it('MUN-5 PLAT-8 the gas alarm stays latched after the gas clears until acknowledged and reset', () => {
    const engine = leakEngine();
    leak(engine);
    const cleared = engine.ingest(readings(engine, [['B01-GV-LEL-01', T0 + 60_000, 17]]), T0 + 60_000);
    expect(cleared.events).toEqual([event(GAS_ALARM, 'returned', T0 + 60_000, 'unack_active', 'unack_active', 'critical', { value: 17, details: { latched: true } })]);
    expect(engine.act(GAS_ALARM, { type: 'reset_latch', actor: 'operator.wang' }, T0 + 61_000)).toEqual({ ok: false, reason: 'unacknowledged' });
    expect(engine.act(GAS_ALARM, { type: 'acknowledge', actor: 'operator.wang' }, T0 + 62_000).ok).toBe(true);
    const reset = engine.act(GAS_ALARM, { type: 'reset_latch', actor: 'operator.wang', note: '已通风 ventilated' }, T0 + 63_000);
    expect(reset.ok && reset.effects.events).toEqual([{ ...event(GAS_ALARM, 'latch_reset', T0 + 63_000, 'ack_active', 'normal', 'critical'), actor: 'operator.wang', note: '已通风 ventilated' }]);
    expect(engine.alarm(GAS_ALARM)).toMatchObject({ state: 'normal', active: false, latched: false });
  });
});

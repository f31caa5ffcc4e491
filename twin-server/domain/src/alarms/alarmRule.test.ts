import { describe, expect, it } from 'vitest';
import { parseAlarmRules, type AlarmRule } from './alarmRule.ts';

const gasRule: AlarmRule = {
  id: 'gas-lel-high',
  name: '可燃气体浓度报警',
  nameEn: 'Combustible gas alarm',
  match: { kinds: ['gas_lel'] },
  condition: { type: 'high', defaultLimit: 20, deadband: 2, onDelayMs: 0 },
  severity: 'critical',
  latching: true,
  linkage: [{ device: '{building}/GAS-ESV', command: 'close', confirmWithinMs: 5000 }],
};

const flowRule: AlarmRule = {
  id: 'gas-flow-low',
  name: '燃气流量过低',
  nameEn: 'Gas flow low',
  enabled: false,
  match: { kinds: ['gas_flow'], buildings: ['B01'], placements: ['network'] },
  exclude: { sensorIds: ['B01-IN-GASFLOW-02'] },
  condition: { type: 'low', limit: { day: 0.05, night: 0.01 } },
  severity: 'medium',
  suppressWhile: { device: 'B01/GAS-ESV', state: 'closed' },
};

const file = (...rules: unknown[]) => ({ version: 1, rules });

describe('alarm rules file', () => {
  it('PLAT-8 accepts rules of every condition kind', () => {
    const parsed = parseAlarmRules(
      file(
        gasRule,
        flowRule,
        { ...gasRule, id: 'gas-roc', condition: { type: 'rate_of_change', maxPerMinute: 5, windowMs: 60_000, direction: 'rise' }, linkage: undefined },
        { ...gasRule, id: 'stale', condition: { type: 'stale', afterIntervals: 5 }, severity: 'low', latching: false, linkage: undefined },
        { ...gasRule, id: 'stale-fixed', condition: { type: 'stale', afterMs: 600_000 }, severity: 'low', latching: false, linkage: undefined },
        { ...gasRule, id: 'fault', condition: { type: 'fault', range: { min: 0, max: 100 }, flatlineMs: 3_600_000, flatlineTolerance: 0.1 }, linkage: undefined },
        { ...gasRule, id: 'fresh-air', match: { kinds: ['co2'] }, linkage: [{ device: '{building}/FRESH-AIR', command: 'on', confirmWithinMs: 30_000 }] },
        { ...gasRule, id: 'station-valve', linkage: [{ device: 'GAS-RS-01-ESV', command: 'close', confirmWithinMs: 5000 }] },
      ),
    );
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.file.rules.map((r) => r.id)).toEqual(['gas-lel-high', 'gas-flow-low', 'gas-roc', 'stale', 'stale-fixed', 'fault', 'fresh-air', 'station-valve']);
  });

  it.each([
    ['a negative on-delay', { ...gasRule, condition: { type: 'high', onDelayMs: -1 } }, 'condition.onDelayMs', /too small/i],
    ['an unknown condition type', { ...gasRule, condition: { type: 'higher' } }, 'condition.type', /discriminator/i],
    ['an unknown key', { ...gasRule, condition: { type: 'high', delay: 5 } }, 'condition.delay', /unrecognized/i],
    ['an unknown sensor kind', { ...gasRule, match: { kinds: ['radon'] } }, 'match.kinds[0]', /invalid option/i],
    ['an unknown severity', { ...gasRule, severity: 'urgent' }, 'severity', /invalid option/i],
    ['an unknown placeholder', { ...gasRule, linkage: [{ device: '{storey}/GAS-ESV', command: 'close', confirmWithinMs: 5000 }] }, 'linkage[0].device', /unknown placeholder \{storey\}/],
    ['unbalanced braces', { ...gasRule, suppressWhile: { device: '{building/GAS-ESV', state: 'closed' } }, 'suppressWhile.device', /unbalanced/],
    ['a command devices do not take', { ...gasRule, linkage: [{ device: 'X', command: 'isolate', confirmWithinMs: 5000 }] }, 'linkage[0].command', /invalid option/i],
    ['a state devices do not report', { ...gasRule, suppressWhile: { device: 'B01/GAS-ESV', state: 'shut' } }, 'suppressWhile.state', /invalid option/i],
    ['both stale durations', { ...gasRule, condition: { type: 'stale', afterIntervals: 5, afterMs: 1000 } }, 'condition', /exactly one/],
    ['an empty range', { ...gasRule, condition: { type: 'fault', range: { min: 5, max: 5 } } }, 'condition.range', /below max/],
    ['a slash in the id', { ...gasRule, id: 'gas/high' }, 'id', /no \//],
    ['a missing English name', { ...gasRule, nameEn: undefined }, 'nameEn', /expected string/],
    ['the reserved id', { ...gasRule, id: 'command-unconfirmed' }, 'id', /reserved/],
  ])('PLAT-8 rejects %s, naming the rule and field', (_name, rule, field, problem) => {
    const parsed = parseAlarmRules(file(flowRule, rule));
    if (parsed.ok) throw new Error('accepted');
    expect(parsed.issues[0]).toMatchObject({ ruleIndex: 1, field });
    expect(parsed.issues[0]?.problem).toMatch(problem);
    const id = (rule as { id?: string }).id;
    expect(parsed.issues[0]?.message).toBe(`rule 1 (${id}) ${field}: ${parsed.issues[0]?.problem}`);
  });

  it('PLAT-8 names a rule without an id by its index', () => {
    const parsed = parseAlarmRules(file({ ...gasRule, id: undefined }));
    expect(parsed.ok || parsed.issues[0]).toMatchObject({ ruleIndex: 0, field: 'id', message: expect.stringMatching(/^rule 0 id: /) });
    expect(parsed.ok || parsed.issues[0]).not.toHaveProperty('ruleId');
    const notObject = parseAlarmRules(file(7));
    expect(notObject.ok || notObject.issues[0]?.message).toMatch(/^rule 0 \(rule\): /);
  });

  it('PLAT-8 rejects duplicate rule ids', () => {
    const parsed = parseAlarmRules(file(gasRule, gasRule));
    expect(parsed.ok || parsed.issues.map((i) => i.message)).toEqual(['rule 1 (gas-lel-high) id: duplicate rule id gas-lel-high']);
  });

  it('PLAT-8 reports file-level problems', () => {
    const parsed = parseAlarmRules({ version: 2, rules: [] });
    expect(parsed.ok || parsed.issues[0]).toMatchObject({ field: 'version', message: expect.stringMatching(/^rules file version: /) });
    const empty = parseAlarmRules(null);
    expect(empty.ok || empty.issues[0]?.message).toMatch(/^rules file \(file\): /);
  });
});

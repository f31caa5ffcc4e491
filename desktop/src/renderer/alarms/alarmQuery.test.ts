import { describe, expect, it } from 'vitest';
import { DEFAULT_ALARM_SORT, NO_ALARM_FILTER, filterChoices, nextSort, queryAlarms, type AlarmFilter } from './alarmQuery.ts';
import { testAlarm } from './testAlarms.ts';

const ids = (alarms: ReadonlyArray<{ id: string }>) => alarms.map((alarm) => alarm.id);
const filter = (changes: Partial<AlarmFilter>): AlarmFilter => ({ ...NO_ALARM_FILTER, ...changes });

const gasCritical = testAlarm({ id: 'gas/1', sourceId: 'gas-001', severity: 'critical', state: 'ack_active', activeSinceMs: 5_000, area: 'A', layer: 'gas', kind: 'gas_lel' });
const noiseLow = testAlarm({
  id: 'noise/2',
  sourceId: 'env-noise-02',
  severity: 'low',
  state: 'unack_active',
  activeSinceMs: 9_000,
  area: 'B',
  building: 'B2',
  layer: 'environment',
  kind: 'noise',
  message: '夜间噪声超标',
  messageEn: 'Night-time noise above the limit',
});
const waterHigh = testAlarm({ id: 'water/3', sourceId: 'water-p-03', severity: 'high', state: 'rtn_unack', activeSinceMs: 1_000, area: 'A', layer: 'water', kind: 'water_pressure' });
const powerShelved = testAlarm({ id: 'power/4', sourceId: 'power-04', severity: 'critical', state: 'shelved', activeSinceMs: 7_000, area: 'C', layer: 'power', kind: 'power' });
const doorMedium = testAlarm({ id: 'door/5', sourceId: 'door-05', severity: 'medium', state: 'unack_active', activeSinceMs: 3_000, area: undefined, layer: 'access', kind: 'door' });
const all = [gasCritical, noiseLow, waterHigh, powerShelved, doorMedium];

describe('alarm list filters (PLAT-8 alarm management)', () => {
  it('shows everything without a filter', () => {
    expect(queryAlarms(all, NO_ALARM_FILTER, DEFAULT_ALARM_SORT)).toHaveLength(all.length);
  });

  it('filters by a set of severities and a set of states', () => {
    expect(ids(queryAlarms(all, filter({ severities: ['critical', 'medium'] }), DEFAULT_ALARM_SORT)).sort()).toEqual(['door/5', 'gas/1', 'power/4']);
    expect(ids(queryAlarms(all, filter({ states: ['unack_active', 'rtn_unack'] }), DEFAULT_ALARM_SORT)).sort()).toEqual(['door/5', 'noise/2', 'water/3']);
    expect(ids(queryAlarms(all, filter({ severities: ['critical'], states: ['shelved'] }), DEFAULT_ALARM_SORT))).toEqual(['power/4']);
  });

  it('filters by area, layer and kind', () => {
    expect(ids(queryAlarms(all, filter({ area: 'A' }), DEFAULT_ALARM_SORT)).sort()).toEqual(['gas/1', 'water/3']);
    expect(ids(queryAlarms(all, filter({ layer: 'environment' }), DEFAULT_ALARM_SORT))).toEqual(['noise/2']);
    expect(ids(queryAlarms(all, filter({ kind: 'door' }), DEFAULT_ALARM_SORT))).toEqual(['door/5']);
  });

  it('finds free text in the message of either language and in the source id, ignoring case', () => {
    expect(ids(queryAlarms(all, filter({ text: '噪声' }), DEFAULT_ALARM_SORT))).toEqual(['noise/2']);
    expect(ids(queryAlarms(all, filter({ text: 'NIGHT limit' }), DEFAULT_ALARM_SORT))).toEqual(['noise/2']);
    expect(ids(queryAlarms(all, filter({ text: 'water-p' }), DEFAULT_ALARM_SORT))).toEqual(['water/3']);
    expect(queryAlarms(all, filter({ text: 'night gas' }), DEFAULT_ALARM_SORT)).toEqual([]);
  });

  it('lists the zones, layers and kinds the alarms have', () => {
    expect(filterChoices(all)).toEqual({
      areas: ['A', 'B', 'C'],
      layers: ['access', 'environment', 'gas', 'power', 'water'],
      kinds: ['door', 'gas_lel', 'noise', 'power', 'water_pressure'],
    });
  });
});

describe('alarm list order', () => {
  it('PLAT-8 sorts unacknowledged first, then by severity, then newest by default', () => {
    const newerHigh = testAlarm({ id: 'gas/6', severity: 'high', state: 'unack_active', activeSinceMs: 8_000 });
    expect(ids(queryAlarms([...all, newerHigh], NO_ALARM_FILTER, DEFAULT_ALARM_SORT))).toEqual(['gas/6', 'water/3', 'door/5', 'noise/2', 'power/4', 'gas/1']);
  });

  it('sorts by time, severity, state, source and area in both directions', () => {
    const sorted = (key: Parameters<typeof nextSort>[1], descending: boolean) => ids(queryAlarms(all, NO_ALARM_FILTER, { key, descending }));
    expect(sorted('time', true)).toEqual(['noise/2', 'power/4', 'gas/1', 'door/5', 'water/3']);
    expect(sorted('time', false)).toEqual(['water/3', 'door/5', 'gas/1', 'power/4', 'noise/2']);
    // Equal severities fall back to the default order (here: the newer of two acknowledged criticals first).
    expect(sorted('severity', false)).toEqual(['power/4', 'gas/1', 'water/3', 'door/5', 'noise/2']);
    expect(sorted('severity', true)).toEqual(['noise/2', 'door/5', 'water/3', 'power/4', 'gas/1']);
    expect(sorted('state', false)).toEqual(['door/5', 'noise/2', 'water/3', 'gas/1', 'power/4']);
    expect(sorted('source', false)).toEqual(['door/5', 'noise/2', 'gas/1', 'power/4', 'water/3']);
    expect(sorted('area', false)).toEqual(['door/5', 'water/3', 'gas/1', 'noise/2', 'power/4']);
  });

  it('keeps a stable order for alarms that compare equal, by id', () => {
    const twin = (id: string) => testAlarm({ id, activeSinceMs: 1_000 });
    expect(ids(queryAlarms([twin('b'), twin('c'), twin('a')], NO_ALARM_FILTER, DEFAULT_ALARM_SORT))).toEqual(['a', 'b', 'c']);
  });

  it('turns a column around on a second click and starts a new column in its natural direction', () => {
    expect(nextSort(DEFAULT_ALARM_SORT, 'time')).toEqual({ key: 'time', descending: true });
    expect(nextSort({ key: 'time', descending: true }, 'time')).toEqual({ key: 'time', descending: false });
    expect(nextSort({ key: 'time', descending: true }, 'severity')).toEqual({ key: 'severity', descending: false });
  });

  it('does not change the alarms it is given', () => {
    const input = [noiseLow, gasCritical];
    queryAlarms(input, NO_ALARM_FILTER, DEFAULT_ALARM_SORT);
    expect(ids(input)).toEqual(['noise/2', 'gas/1']);
  });
});

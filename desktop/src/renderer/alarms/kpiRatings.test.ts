import { describe, expect, it } from 'vitest';
import type { AlarmKpiDto } from '@twin/protocol';
import { rateKpis } from './kpiRatings.ts';

const quiet: AlarmKpiDto = {
  fromMs: 0,
  toMs: 86_400_000,
  operators: 2,
  alarms: 100,
  perOperatorPerHour: 2.1,
  perOperatorPer10Min: 0.35,
  peakPer10Min: 6,
  floodShare: 0,
  per10Min: [],
  topFrequent: [],
  chattering: [],
  stale: [],
  shelvedNow: 0,
  shelveActions: 0,
};

describe('alarm performance against its targets (PLAT-8 alarm management, ISA-18.2 §16)', () => {
  it('PLAT-8 rates a quiet day within every target', () => {
    expect(Object.values(rateKpis(quiet)).every((rating) => rating === 'ok')).toBe(true);
  });

  it('PLAT-8 marks a manageable load as a warning and an overload as bad', () => {
    expect(rateKpis({ ...quiet, perOperatorPerHour: 10, perOperatorPer10Min: 1.7 })).toMatchObject({ perOperatorPerHour: 'warn', perOperatorPer10Min: 'warn' });
    expect(rateKpis({ ...quiet, perOperatorPerHour: 30, perOperatorPer10Min: 5 })).toMatchObject({ perOperatorPerHour: 'bad', perOperatorPer10Min: 'bad' });
  });

  it('marks floods, chattering and a backlog of stale alarms', () => {
    const ratings = rateKpis({
      ...quiet,
      peakPer10Min: 25,
      floodShare: 0.05,
      chattering: [{ alarmId: 'a', maxPerMinute: 4 }],
      stale: Array.from({ length: 5 }, (_, i) => ({ alarmId: `s${i}`, activeSinceMs: 0 })),
    });
    expect(ratings).toMatchObject({ peakPer10Min: 'bad', floodShare: 'bad', chattering: 'bad', stale: 'warn' });
  });
});

import { describe, expect, it } from 'vitest';
import { bannerSummary } from './bannerSummary.ts';
import { testAlarm } from './testAlarms.ts';

describe('alarm banner (PLAT-3 the state at a glance)', () => {
  it('PLAT-3 heads with the newest unacknowledged critical alarm', () => {
    const summary = bannerSummary([
      testAlarm({ id: 'old-critical', severity: 'critical', activeSinceMs: 1_000 }),
      testAlarm({ id: 'new-critical', severity: 'critical', activeSinceMs: 5_000 }),
      testAlarm({ id: 'newest-high', severity: 'high', activeSinceMs: 9_000 }),
      testAlarm({ id: 'acked-critical', severity: 'critical', state: 'ack_active', activeSinceMs: 9_500 }),
    ]);
    expect(summary.headline?.id).toBe('new-critical');
  });

  it('heads with the highest severity present when no critical alarm waits', () => {
    const summary = bannerSummary([
      testAlarm({ id: 'low', severity: 'low', activeSinceMs: 9_000 }),
      testAlarm({ id: 'medium', severity: 'medium', state: 'rtn_unack', active: false, activeSinceMs: 2_000 }),
      testAlarm({ id: 'shelved-critical', severity: 'critical', state: 'shelved' }),
    ]);
    expect(summary.headline?.id).toBe('medium');
  });

  it('counts the unacknowledged alarms by severity and the active ones', () => {
    const summary = bannerSummary([
      testAlarm({ id: 'a', severity: 'critical' }),
      testAlarm({ id: 'b', severity: 'critical', state: 'rtn_unack', active: false }),
      testAlarm({ id: 'c', severity: 'low' }),
      testAlarm({ id: 'd', severity: 'high', state: 'ack_active' }),
      testAlarm({ id: 'e', severity: 'high', state: 'shelved' }),
    ]);
    expect(summary.unacknowledged).toEqual({ critical: 2, high: 0, medium: 0, low: 1 });
    expect(summary.active).toBe(4);
  });

  it('has no headline when nothing waits for acknowledgement', () => {
    expect(bannerSummary([testAlarm({ state: 'ack_active' })]).headline).toBeNull();
    expect(bannerSummary([]).headline).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { formatCountdown, formatRecentTime } from './formatTime.ts';

describe('times shown to operators', () => {
  // Local times: the tests run in the machine's time zone, like the app.
  const morning = new Date(2026, 10, 24, 8, 30, 5).getTime();

  it('PLAT-3 shows the time of day for today, and the date as well for an earlier day', () => {
    expect(formatRecentTime(morning, new Date(2026, 10, 24, 23, 59, 59).getTime(), 'zh-CN')).toBe('08:30:05');
    expect(formatRecentTime(morning, new Date(2026, 10, 25, 0, 0, 1).getTime(), 'zh-CN')).toBe('2026/11/24 08:30:05');
    expect(formatRecentTime(morning, new Date(2026, 10, 25, 9, 0, 0).getTime(), 'en')).toBe('11/24/2026, 08:30:05');
  });

  it('counts down in m:ss, and h:mm:ss from an hour on', () => {
    expect(formatCountdown(59.2)).toBe('1:00');
    expect(formatCountdown(3_725)).toBe('1:02:05');
    expect(formatCountdown(-4)).toBe('0:00');
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityTracker } from './activityTracker.ts';

/** An event target that can fire input events. */
class InputTarget extends EventTarget {
  input(type = 'pointermove'): void {
    this.dispatchEvent(new Event(type));
  }
}

describe('activity reports (PLAT-8 automatic logout after idle time)', () => {
  let target: InputTarget;
  let reports: number[];
  let deadlines: number[];
  let idle: { idleTimeoutS: number; untilIdleMs: number } | undefined;
  let tracker: ActivityTracker;

  beforeEach(() => {
    vi.useFakeTimers();
    target = new InputTarget();
    reports = [];
    deadlines = [];
    idle = { idleTimeoutS: 900, untilIdleMs: 900_000 };
    tracker = new ActivityTracker({
      target,
      report: async () => {
        reports.push(Date.now());
        return Date.now() + 900_000;
      },
      onDeadline: (deadline) => deadlines.push(deadline),
      idle: () => idle,
    });
    tracker.start();
  });

  afterEach(() => {
    tracker.stop();
    vi.useRealTimers();
  });

  it('PLAT-8 reports input at most every 30 s, later input at the end of the interval', async () => {
    const start = Date.now();
    target.input();
    expect(reports).toEqual([]);
    await vi.advanceTimersByTimeAsync(10_000);
    target.input('keydown');
    target.input('wheel');
    await vi.advanceTimersByTimeAsync(19_999);
    expect(reports).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(reports).toEqual([start + 30_000]);
    expect(deadlines).toEqual([start + 30_000 + 900_000]);
  });

  it('PLAT-8 reports at once when the last report is 30 s old', async () => {
    await vi.advanceTimersByTimeAsync(45_000);
    target.input('pointerdown');
    await vi.advanceTimersByTimeAsync(0);
    expect(reports).toHaveLength(1);
  });

  it('PLAT-8 reports at once while the lock warning shows: the user is answering it', async () => {
    idle = { idleTimeoutS: 20, untilIdleMs: 9_000 };
    target.input('touchstart');
    await vi.advanceTimersByTimeAsync(0);
    expect(reports).toHaveLength(1);
  });

  it('PLAT-8 sends nothing without input: time alone is not activity', async () => {
    await vi.advanceTimersByTimeAsync(120_000);
    expect(reports).toEqual([]);
  });

  it('stops listening when stopped, dropping a pending report', async () => {
    target.input();
    tracker.stop();
    target.input();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reports).toEqual([]);
  });
});

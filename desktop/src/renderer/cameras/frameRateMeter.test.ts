import { describe, expect, it } from 'vitest';
import { FrameRateMeter } from './frameRateMeter.ts';

/** Feeds `meter` frames at `fps` from `fromMs` for `durationMs`, one callback per frame; returns the time of the last. */
function play(meter: FrameRateMeter, fps: number, fromMs: number, durationMs: number, firstFrame = meter.frames + 1): number {
  const periodMs = 1000 / fps;
  let t = fromMs;
  for (let frame = firstFrame; t <= fromMs + durationMs; frame++, t += periodMs) meter.record(t, frame);
  return t - periodMs;
}

describe('frame-rate meter (EVAL-1 indicator 32: frames really presented over a sliding second)', () => {
  it('EVAL-1 reads 25 fps for frames every 40 ms', () => {
    const meter = new FrameRateMeter();
    const last = play(meter, 25, 1000, 3000);
    expect(meter.rate(last)).toBe(25);
    expect(meter.rate(last + 20)).toBe(25);
  });

  it('EVAL-1 reads 12.5 fps as the 12 or 13 frames of the last second', () => {
    const meter = new FrameRateMeter();
    const last = play(meter, 12.5, 0, 5000);
    for (let now = last; now < last + 80; now += 10) expect([12, 13]).toContain(meter.rate(now));
  });

  it('is unknown until it has watched a whole second', () => {
    const meter = new FrameRateMeter();
    expect(meter.rate(0)).toBeUndefined();
    const early = play(meter, 25, 0, 600);
    expect(meter.rate(early)).toBeUndefined();
    const last = play(meter, 25, early + 40, 1000 - early - 40);
    expect(last).toBe(1000);
    expect(meter.rate(last)).toBe(25);
  });

  it('falls to 0 when frames stop, and counts again when they resume', () => {
    const meter = new FrameRateMeter();
    const last = play(meter, 25, 0, 2000);
    expect(meter.rate(last + 500)).toBeLessThan(14);
    expect(meter.rate(last + 1000)).toBe(0);
    const resumed = play(meter, 25, last + 3000, 1500);
    expect(meter.rate(resumed)).toBe(25);
  });

  it('counts frames presented between two callbacks from the presented-frame count', () => {
    const meter = new FrameRateMeter();
    // 30 fps video, callbacks every other frame (a display busy with other work).
    for (let i = 0; i <= 90; i += 2) meter.record((i * 1000) / 30, i + 1);
    expect(meter.frames).toBe(91);
    expect(meter.rate(3000)).toBe(30);
  });

  it('keeps the frame count and the time of the last frame', () => {
    const meter = new FrameRateMeter();
    expect(meter.frames).toBe(0);
    expect(meter.lastFrameMs).toBeUndefined();
    meter.record(100, 7);
    meter.record(140, 8);
    expect(meter.frames).toBe(8);
    expect(meter.lastFrameMs).toBe(140);
  });

  it('starts over when the video does (its presented-frame count goes back)', () => {
    const meter = new FrameRateMeter();
    const last = play(meter, 25, 0, 2000);
    meter.record(last + 40, 1);
    expect(meter.frames).toBe(1);
    expect(meter.rate(last + 40)).toBeUndefined();
  });

  it('keeps working when more callbacks come in a window than it has room for', () => {
    const meter = new FrameRateMeter(1000, 16);
    const last = play(meter, 50, 0, 3000);
    // 50 samples a second do not fit in 16: the window cannot be bounded.
    expect(meter.rate(last)).toBeUndefined();
    expect(meter.frames).toBe(151);
    const slow = play(meter, 10, last + 100, 3000);
    expect(meter.rate(slow)).toBe(10);
  });

  it('measures over another window length', () => {
    const meter = new FrameRateMeter(2000);
    const last = play(meter, 25, 0, 4000);
    expect(meter.rate(last)).toBe(25);
  });
});

import { describe, expect, it } from 'vitest';
import { readPlayer, sameShown, STALL_AFTER_MS, writeReadoutAttributes, type PlayerObservation } from './playerReadout.ts';

const playing: PlayerObservation = { nowMs: 10_000, frames: 250, lastFrameMs: 9_990, fps: 25, videoWidth: 352, videoHeight: 288, failed: false, declared: { fps: 25, width: 352, height: 288 } };

describe('camera player readout (GOV-3 video surveillance, EVAL-1 indicator 32)', () => {
  it('GOV-3 is connecting until the first frame, then playing', () => {
    expect(readPlayer({ ...playing, frames: 0, lastFrameMs: undefined, fps: undefined, videoWidth: 0, videoHeight: 0 })).toMatchObject({ state: 'connecting', width: undefined, height: undefined });
    expect(readPlayer(playing)).toMatchObject({ state: 'playing', frames: 250, fps: 25, width: 352, height: 288 });
  });

  it('GOV-3 is stalled when no frame came for a while, and in error once the stream failed', () => {
    expect(readPlayer({ ...playing, nowMs: playing.lastFrameMs! + STALL_AFTER_MS }).state).toBe('playing');
    expect(readPlayer({ ...playing, nowMs: playing.lastFrameMs! + STALL_AFTER_MS + 1 }).state).toBe('stalled');
    expect(readPlayer({ ...playing, failed: true }).state).toBe('error');
  });

  it('EVAL-1 flags a source that declares less than 25 fps, whatever it measures', () => {
    const clip = readPlayer({ ...playing, fps: 13, videoWidth: 768, videoHeight: 432, declared: { fps: 12.5, width: 768, height: 432 } });
    expect(clip.declaredShortfalls).toEqual(['fps']);
    expect(clip.measuredShortfalls).toEqual(['fps']);
  });

  it('EVAL-1 flags a measured rate or size below the minimum only while playing', () => {
    expect(readPlayer({ ...playing, fps: 18 }).measuredShortfalls).toEqual(['fps']);
    expect(readPlayer({ ...playing, videoWidth: 320, videoHeight: 240 }).measuredShortfalls).toEqual(['size']);
    expect(readPlayer({ ...playing, fps: 0, nowMs: 20_000 }).measuredShortfalls).toEqual([]);
    expect(readPlayer({ ...playing, fps: 24 }).measuredShortfalls).toEqual([]);
  });

  it('treats readouts differing only in frame count as the same on screen', () => {
    expect(sameShown(readPlayer(playing), readPlayer({ ...playing, frames: 275 }))).toBe(true);
    expect(sameShown(readPlayer(playing), readPlayer({ ...playing, fps: 24 }))).toBe(false);
    expect(sameShown(readPlayer(playing), readPlayer({ ...playing, declared: { fps: 12.5 } }))).toBe(false);
  });

  it('writes the data attributes, empty while unknown', () => {
    const attributes = new Map<string, string>();
    const element = { setAttribute: (name: string, value: string) => void attributes.set(name, value) };
    writeReadoutAttributes(element, readPlayer(playing));
    expect(Object.fromEntries(attributes)).toEqual({ 'data-state': 'playing', 'data-frames': '250', 'data-fps': '25', 'data-width': '352', 'data-height': '288' });
    writeReadoutAttributes(element, readPlayer({ ...playing, frames: 0, lastFrameMs: undefined, fps: undefined, videoWidth: 0, videoHeight: 0 }));
    expect(Object.fromEntries(attributes)).toEqual({ 'data-state': 'connecting', 'data-frames': '0', 'data-fps': '', 'data-width': '', 'data-height': '' });
  });
});

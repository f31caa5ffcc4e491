import { describe, expect, it } from 'vitest';
import { cameraListRefreshMs, PROBING_REFRESH_MS, STEADY_REFRESH_MS } from './cameraListRefresh.ts';
import { testCamera } from './testCameras.ts';

describe('reading the camera list again (EVAL-1 indicator 32: the declared figures arrive once probed)', () => {
  it('EVAL-1 reads soon while a watched stream has no declared frame rate yet', () => {
    expect(cameraListRefreshMs([testCamera('A', {}, { state: 'starting' })], ['A'])).toBe(PROBING_REFRESH_MS);
  });

  it('reads seldom once watched streams are probed or failed, or when none is watched', () => {
    expect(cameraListRefreshMs([testCamera('A', {}, { state: 'live', fps: 25, width: 352, height: 288 })], ['A'])).toBe(STEADY_REFRESH_MS);
    expect(cameraListRefreshMs([testCamera('A', {}, { state: 'error', error: 'no source' })], ['A'])).toBe(STEADY_REFRESH_MS);
    expect(cameraListRefreshMs([testCamera('A')], [])).toBe(STEADY_REFRESH_MS);
    expect(cameraListRefreshMs(undefined, ['A'])).toBe(STEADY_REFRESH_MS);
  });
});

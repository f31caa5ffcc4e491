import { describe, expect, it } from 'vitest';
import { CAMERA_MINIMUM } from '@twin/protocol';
import { MEASURED_FPS_SLACK, shortfalls } from './cameraMinimum.ts';

describe('the camera minimum (EVAL-1 indicator 32: at least 25 fps at CIF 352×288 or better)', () => {
  it('EVAL-1 passes 25 fps at CIF and anything better', () => {
    expect(CAMERA_MINIMUM).toEqual({ fps: 25, width: 352, height: 288 });
    expect(shortfalls({ fps: 25, width: 352, height: 288 })).toEqual([]);
    expect(shortfalls({ fps: 30, width: 1920, height: 1080 })).toEqual([]);
  });

  it('EVAL-1 finds the 12.5 fps parking clip short of frame rate, not of size', () => {
    expect(shortfalls({ fps: 12.5, width: 768, height: 432 })).toEqual(['fps']);
  });

  it('EVAL-1 finds a picture smaller than CIF in either direction short of size', () => {
    expect(shortfalls({ fps: 25, width: 320, height: 240 })).toEqual(['size']);
    expect(shortfalls({ fps: 25, width: 640, height: 270 })).toEqual(['size']);
    expect(shortfalls({ fps: 15, width: 176, height: 144 })).toEqual(['fps', 'size']);
  });

  it('EVAL-1 allows a measured rate one frame of slack for where the second falls', () => {
    expect(shortfalls({ fps: 24 }, MEASURED_FPS_SLACK)).toEqual([]);
    expect(shortfalls({ fps: 23 }, MEASURED_FPS_SLACK)).toEqual(['fps']);
    expect(shortfalls({ fps: 24 })).toEqual(['fps']);
  });

  it('finds nothing short in what is not known yet', () => {
    expect(shortfalls({})).toEqual([]);
    expect(shortfalls({ width: 100 })).toEqual([]);
  });
});

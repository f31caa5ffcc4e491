import { describe, expect, it } from 'vitest';
import { isCameraListDto } from './cameraGuards.ts';
import { testCamera } from './testCameras.ts';

describe('the camera list as the server sends it (GOV-3 video surveillance)', () => {
  it('GOV-3 accepts cameras with idle, probed and failed streams', () => {
    const list = {
      cameras: [
        testCamera('B01/CAM-1', { area: 'zone-a', building: 'B01', sensorId: 'B01-F01-CAM-01' }),
        testCamera('P01/CAM-1', {}, { source: 'clip', state: 'live', fps: 12.5, width: 768, height: 432, meetsMinimum: false }),
        testCamera('N1/CAM-1', {}, { source: 'rtsp', state: 'error', error: 'connection refused' }),
      ],
    };
    expect(isCameraListDto(list)).toBe(true);
    expect(isCameraListDto({ cameras: [] })).toBe(true);
  });

  it('refuses answers the views could not read', () => {
    expect(isCameraListDto(null)).toBe(false);
    expect(isCameraListDto({})).toBe(false);
    expect(isCameraListDto({ cameras: [{ id: 'A', name: 'a' }] })).toBe(false);
    expect(isCameraListDto({ cameras: [testCamera('A', {}, { state: 'paused' as never })] })).toBe(false);
    expect(isCameraListDto({ cameras: [testCamera('A', {}, { fps: Number.NaN })] })).toBe(false);
    expect(isCameraListDto({ cameras: [{ ...testCamera('A'), name: 7 }] })).toBe(false);
  });
});

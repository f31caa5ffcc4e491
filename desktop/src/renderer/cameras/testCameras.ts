import type { CameraDto } from '@twin/protocol';
import { cameraStreamPath } from '@twin/protocol';

/** A camera as the server lists it, for tests: a 25 fps CIF pattern unless told otherwise. */
export function testCamera(id: string, fields: Partial<Omit<CameraDto, 'stream'>> = {}, stream: Partial<CameraDto['stream']> = {}): CameraDto {
  return {
    id,
    name: `${id} 摄像机`,
    position: { lon: 114.0575, lat: 22.5416, heightM: 2.8 },
    headingDeg: 0,
    pitchDeg: -20,
    fovDeg: 90,
    ...fields,
    stream: { source: 'pattern', state: 'idle', playlist: cameraStreamPath(id), ...stream },
  };
}

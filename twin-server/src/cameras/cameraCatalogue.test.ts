import { describe, expect, it } from 'vitest';
import { parseCameraCatalogue } from './cameraCatalogue.ts';

const camera = (id: string, videoSource: string) => ({ id, name: `摄像机 ${id}`, area: 'zone-a', position: { lon: 114.06, lat: 22.54, heightM: 3 }, headingDeg: 90, pitchDeg: -20, fovDeg: 90, videoSource });
const catalogue = (cameras: unknown[]) => JSON.stringify({ version: 1, community: 'test', crs: 'EPSG:4326', cameras });

describe('camera catalogue (GOV-3)', () => {
  it('reads the cameras and leaves out invalid ones, repeated ids and unknown sources, saying why', () => {
    const parsed = parseCameraCatalogue(catalogue([camera('A/CAM-1', 'pattern:1'), camera('A/CAM-1', 'pattern:2'), camera('A/CAM-2', 'clip:../x.mp4'), { id: 'A/CAM-3' }, camera('A/CAM-4', 'clip:car-detection.mp4')]));
    expect(parsed.community).toBe('test');
    expect(parsed.cameras.map((c) => [c.id, c.source.kind])).toEqual([
      ['A/CAM-1', 'pattern'],
      ['A/CAM-4', 'clip'],
    ]);
    expect(parsed.refused).toHaveLength(3);
    expect(parsed.refused.join('\n')).toMatch(/repeated id[\s\S]*videoSource[\s\S]*cameras\.3/);
  });

  it('takes a camera source from the sources file over the catalogue', () => {
    const parsed = parseCameraCatalogue(catalogue([camera('A/CAM-1', 'pattern:1')]), new Map([['A/CAM-1', { kind: 'rtsp', url: 'rtsp://u:p@camera.example/s' } as const]]));
    expect(parsed.cameras[0]!.source).toEqual({ kind: 'rtsp', url: 'rtsp://u:p@camera.example/s' });
  });

  it('refuses a file that is not a camera catalogue', () => {
    expect(() => parseCameraCatalogue(JSON.stringify({ version: 2, cameras: [] }))).toThrow(/camera catalogue/);
    expect(() => parseCameraCatalogue('not json')).toThrow();
  });
});

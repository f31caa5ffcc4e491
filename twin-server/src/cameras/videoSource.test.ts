import { describe, expect, it } from 'vitest';
import { parseVideoSource, redactCredentials } from './videoSource.ts';

describe('camera video sources (GOV-3)', () => {
  it('reads clips, test patterns and RTSP cameras', () => {
    expect(parseVideoSource('clip:car-detection.mp4')).toEqual({ kind: 'clip', file: 'car-detection.mp4' });
    expect(parseVideoSource('pattern:17')).toEqual({ kind: 'pattern' });
    expect(parseVideoSource('rtsp://user:pass@camera.example:554/stream1')).toEqual({ kind: 'rtsp', url: 'rtsp://user:pass@camera.example:554/stream1' });
    expect(parseVideoSource('rtsps://camera.example/live')).toEqual({ kind: 'rtsp', url: 'rtsps://camera.example/live' });
  });

  it('refuses clip names that leave the clips directory, and anything of no known form', () => {
    for (const spec of ['clip:../sensors.json', 'clip:sub/clip.mp4', 'clip:..', 'clip:', 'clip:/etc/passwd', 'clip:a\\b.mp4', 'pattern:', 'pattern:x', 'http://camera.example/video', 'rtsp://', 'rtsp://camera.example/a b', 'file:///etc/passwd']) {
      expect(parseVideoSource(spec), spec).toBeUndefined();
    }
  });

  it('removes user names and passwords of RTSP URLs from messages', () => {
    expect(redactCredentials('could not read rtsp://admin:s3cret@camera.example:554/h264: Connection refused')).toBe('could not read rtsp://***@camera.example:554/h264: Connection refused');
    expect(redactCredentials('RTSPS://u:p@camera.example/x and rtsp://camera.example/y')).toBe('RTSPS://***@camera.example/x and rtsp://camera.example/y');
  });
});

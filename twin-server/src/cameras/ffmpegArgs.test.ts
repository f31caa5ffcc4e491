import { describe, expect, it } from 'vitest';
import { encoderArgs, encodingFor, probeInputArgs } from './ffmpegArgs.ts';
import type { MediaInfo } from './mediaProbe.ts';

const h264: MediaInfo = { codec: 'h264', fps: 25, width: 704, height: 576, pixelFormat: 'yuv420p' };
const following = (args: string[], option: string) => args[args.indexOf(option) + 1];

describe('ffmpeg command lines for camera HLS (GOV-3)', () => {
  it('copies H.264 from RTSP cameras over TCP, and re-encodes other codecs', () => {
    const rtsp = { kind: 'rtsp', url: 'rtsp://user:pass@camera.example:554/stream' } as const;
    expect(encodingFor(rtsp, h264)).toBe('copy');
    expect(encodingFor(rtsp, { ...h264, codec: 'hevc' })).toBe('transcode');
    expect(encodingFor(rtsp, { ...h264, pixelFormat: 'yuv422p' })).toBe('transcode');
    const args = encoderArgs(rtsp, { dir: '/streams/cam', copy: true });
    expect(following(args, '-rtsp_transport')).toBe('tcp');
    expect(following(args, '-c:v')).toBe('copy');
    expect(args).not.toContain('-re');
  });

  it('copies a clip only when its key frames allow short segments', () => {
    const clip = { kind: 'clip', path: '/clips/a.mp4' } as const;
    expect(encodingFor(clip, { ...h264, keyframeIntervalS: 1 })).toBe('copy');
    expect(encodingFor(clip, { ...h264, keyframeIntervalS: 4.8 })).toBe('transcode');
    expect(encodingFor(clip, h264)).toBe('transcode');
    const args = encoderArgs(clip, { dir: '/streams/cam', copy: false });
    expect(args.slice(args.indexOf('-re'), args.indexOf('-i') + 2)).toEqual(['-re', '-stream_loop', '-1', '-i', '/clips/a.mp4']);
    expect(following(args, '-c:v')).toBe('libx264');
    expect(following(args, '-preset')).toBe('ultrafast');
    expect(following(args, '-tune')).toBe('zerolatency');
  });

  it('generates the test pattern at 25 fps in CIF or D1 and writes 1 s segments into the stream directory', () => {
    const pattern = { kind: 'pattern', size: 'd1' } as const;
    expect(encodingFor(pattern, { ...h264, codec: 'rawvideo' })).toBe('transcode');
    expect(probeInputArgs(pattern)).toEqual(['-f', 'lavfi', 'testsrc2=size=704x576:rate=25']);
    const args = encoderArgs({ kind: 'pattern', size: 'cif' }, { dir: '/streams/cam', copy: false, overlay: 'drawtext=font=sans' });
    expect(following(args, '-i')).toBe('testsrc2=size=352x288:rate=25,drawtext=font=sans');
    expect(following(args, '-hls_time')).toBe('1');
    expect(following(args, '-hls_flags')).toContain('delete_segments');
    expect(following(args, '-hls_segment_filename')).toBe('/streams/cam/seg-%d.ts');
    expect(args.at(-1)).toBe('/streams/cam/index.m3u8');
    expect(args).toContain('-an');
  });
});

/** Helpers for camera streaming tests: reading playlists, probing segments, finding ffmpeg processes. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { defaultRegistryPath } from '@twin/models';
import type { SensorRegistry } from '@twin/protocol';
import { expect } from 'vitest';

/** The sample community's sensor registry (its camera status sensors place the cameras). */
export function sampleRegistry(): SensorRegistry {
  return JSON.parse(readFileSync(defaultRegistryPath, 'utf8')) as SensorRegistry;
}

/** `#EXT-X-MEDIA-SEQUENCE` of a playlist. */
export function mediaSequence(playlist: string): number {
  const match = /^#EXT-X-MEDIA-SEQUENCE:(\d+)$/m.exec(playlist);
  if (match === null) throw new Error(`no media sequence in\n${playlist}`);
  return Number(match[1]);
}

/** The segment URIs a playlist lists. */
export function segmentNames(playlist: string): string[] {
  return playlist.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

/** The first video stream of media bytes as ffprobe sees it. */
export function probeBytes(bytes: Uint8Array): { codec_name: string; width: number; height: number; r_frame_rate: string } {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height,r_frame_rate', '-of', 'json', '-i', 'pipe:0'], { input: bytes });
  return (JSON.parse(out.toString()) as { streams: Array<{ codec_name: string; width: number; height: number; r_frame_rate: string }> }).streams[0]!;
}

/** The first video stream of a file or lavfi graph as ffprobe sees it, frame rate as a number. */
export function probeSource(...input: string[]): { fps: number; width: number; height: number } {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height,avg_frame_rate,r_frame_rate', '-of', 'json', ...input]);
  const stream = (JSON.parse(out.toString()) as { streams: Array<{ width: number; height: number; avg_frame_rate: string; r_frame_rate: string }> }).streams[0]!;
  const rate = (text: string) => {
    const [num, den] = text.split('/').map(Number);
    return num! > 0 && den! > 0 ? num! / den! : undefined;
  };
  return { fps: rate(stream.avg_frame_rate) ?? rate(stream.r_frame_rate)!, width: stream.width, height: stream.height };
}

/** ffmpeg processes whose command line names `dir` (a server's data directory), from `ps`. */
export function ffmpegProcessesUnder(dir: string): Array<{ pid: number; args: string }> {
  return execFileSync('ps', ['-eo', 'pid=,args='])
    .toString()
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && match[2]!.includes(dir) && /(^|\/)ffmpeg\s/.test(match[2]!))
    .map((match) => ({ pid: Number(match[1]), args: match[2]! }));
}

/** Checks a segment is non-empty MPEG-TS: 188-byte packets, each starting with the sync byte 0x47. */
export function expectMpegTs(bytes: Uint8Array): void {
  expect(bytes.length).toBeGreaterThan(188);
  expect(bytes.length % 188).toBe(0);
  const unsynced: number[] = [];
  for (let offset = 0; offset < bytes.length; offset += 188) if (bytes[offset] !== 0x47) unsynced.push(offset);
  expect(unsynced).toEqual([]);
}

/** A GET with `path` sent exactly as given (`fetch` would resolve `..` segments before sending). */
export function rawGet(baseUrl: string, path: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(baseUrl);
    const req = request({ host: url.hostname, port: url.port, path, headers: { authorization: `Bearer ${token}` } }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

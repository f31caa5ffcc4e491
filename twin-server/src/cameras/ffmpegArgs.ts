import { join } from 'node:path';
import type { MediaInfo } from './mediaProbe.ts';

/** Frame rate of the generated test pattern: the least indicator 32 (EVAL-1) accepts. */
export const PATTERN_FPS = 25;

/** Sizes of the generated test pattern: CIF (the least indicator 32 accepts) and D1. */
export const PATTERN_SIZES = {
  cif: { width: 352, height: 288 },
  d1: { width: 704, height: 576 },
} as const;

/** A size of the generated test pattern. */
export type PatternSize = keyof typeof PATTERN_SIZES;

/** Target duration of an HLS segment, seconds. */
export const HLS_SEGMENT_S = 1;

/** Segments the live playlist lists (older ones are deleted). */
export const HLS_LIST_SIZE = 5;

/** The playlist ffmpeg writes in a stream's directory. */
export const HLS_PLAYLIST = 'index.m3u8';

/**
 * What ffmpeg reads for a camera once its source is resolved: a clip file (absolute path), the
 * generated pattern, or an RTSP camera.
 */
export type StreamInput = { kind: 'clip'; path: string } | { kind: 'pattern'; size: PatternSize } | { kind: 'rtsp'; url: string };

/** Over TCP (no lost UDP packets behind NAT and firewalls); give up on a silent camera after 10 s. */
const RTSP_OPTIONS = ['-rtsp_transport', 'tcp', '-timeout', '10000000'];

/**
 * The longest key frame interval of a clip that is still copied: a copied stream can only be cut
 * at the source's key frames, so longer intervals would make segments far longer than 1 s.
 */
const COPY_MAX_KEYFRAME_INTERVAL_S = 2;

/**
 * How HLS is made from a source: its video copied as delivered (no decoding, least CPU) when it is
 * H.264 with 4:2:0 chroma, which every browser plays, and, for clips, has key frames at least every
 * 2 s; else re-encoded. RTSP cameras sending H.264 are always copied; patterns are always encoded.
 */
export function encodingFor(input: StreamInput, info: MediaInfo): 'copy' | 'transcode' {
  if (input.kind === 'pattern' || info.codec !== 'h264') return 'transcode';
  if (info.pixelFormat !== undefined && info.pixelFormat !== 'yuv420p' && info.pixelFormat !== 'yuvj420p') return 'transcode';
  if (input.kind === 'rtsp') return 'copy';
  return info.keyframeIntervalS !== undefined && info.keyframeIntervalS <= COPY_MAX_KEYFRAME_INTERVAL_S ? 'copy' : 'transcode';
}

/** A key naming an input (equal keys: the same video), for caching probes. */
export function inputKey(input: StreamInput): string {
  switch (input.kind) {
    case 'clip':
      return `clip:${input.path}`;
    case 'pattern':
      return `pattern:${input.size}`;
    case 'rtsp':
      return input.url;
  }
}

/** The lavfi graph of the test pattern, with `overlay` (a drawtext filter) appended when given. */
export function patternGraph(size: PatternSize, overlay?: string): string {
  const { width, height } = PATTERN_SIZES[size];
  return `testsrc2=size=${width}x${height}:rate=${PATTERN_FPS}${overlay === undefined ? '' : `,${overlay}`}`;
}

/** ffprobe's options and input for a source (read once, no looping or pacing). */
export function probeInputArgs(input: StreamInput): string[] {
  switch (input.kind) {
    case 'clip':
      return [input.path];
    case 'pattern':
      return ['-f', 'lavfi', patternGraph(input.size)];
    case 'rtsp':
      return [...RTSP_OPTIONS, input.url];
  }
}

/**
 * ffmpeg's full command line for a camera's HLS stream: read the source in real time (a clip
 * looped for ever), keep only its video, copy it or encode H.264 with a key frame every segment,
 * and write 1 s MPEG-TS segments and a short live playlist into `dir`, deleting old segments.
 * Segment numbers start at the Unix time, so names never repeat across restarts.
 */
export function encoderArgs(input: StreamInput, options: { dir: string; copy: boolean; overlay?: string }): string[] {
  return ['-nostdin', '-hide_banner', '-loglevel', 'error', ...encoderInputArgs(input, options.overlay), '-map', '0:v:0', '-an', ...videoCodecArgs(options.copy), ...hlsOutputArgs(options.dir)];
}

function encoderInputArgs(input: StreamInput, overlay: string | undefined): string[] {
  switch (input.kind) {
    case 'clip':
      return ['-re', '-stream_loop', '-1', '-i', input.path];
    case 'pattern':
      return ['-re', '-f', 'lavfi', '-i', patternGraph(input.size, overlay)];
    case 'rtsp':
      return [...RTSP_OPTIONS, '-i', input.url];
  }
}

function videoCodecArgs(copy: boolean): string[] {
  if (copy) return ['-c:v', 'copy'];
  return ['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-force_key_frames', `expr:gte(t,n_forced*${HLS_SEGMENT_S})`];
}

function hlsOutputArgs(dir: string): string[] {
  return [
    '-f',
    'hls',
    '-hls_time',
    String(HLS_SEGMENT_S),
    '-hls_list_size',
    String(HLS_LIST_SIZE),
    '-hls_flags',
    'delete_segments+temp_file+independent_segments',
    '-hls_start_number_source',
    'epoch',
    '-hls_segment_filename',
    join(dir, 'seg-%d.ts'),
    join(dir, HLS_PLAYLIST),
  ];
}

import { execFile } from 'node:child_process';
import { boundToParent, commandNotFound } from './boundToParent.ts';
import { inputKey, probeInputArgs, type StreamInput } from './ffmpegArgs.ts';
import { redactCredentials } from './videoSource.ts';

/** A source's video as ffprobe reports it. */
export interface MediaInfo {
  /** Codec name, e.g. `h264`, `hevc`, `rawvideo`. */
  codec: string;
  /** Frames per second (the average rate where the source states one). */
  fps: number;
  width: number;
  height: number;
  pixelFormat?: string;
  /** Longest time between key frames in the first 60 s of a clip, seconds (clips only; absent with fewer than two key frames). */
  keyframeIntervalS?: number;
}

/** What is known of a source's probe: nothing yet, its video, or why it failed. */
export interface ProbeState {
  /** Settles (never rejects) when the probe is done. */
  readonly settled: Promise<void>;
  info?: MediaInfo;
  error?: string;
}

/** How long one ffprobe run may take. */
const PROBE_TIMEOUT_MS = 20_000;
/** A failed probe (camera offline) is tried again after this long, when someone asks. */
const PROBE_RETRY_MS = 60_000;

/** One probe of one source. */
class ProbeRun implements ProbeState {
  readonly atMs = Date.now();
  readonly settled: Promise<void>;
  info?: MediaInfo;
  error?: string;

  constructor(work: () => Promise<MediaInfo>) {
    this.settled = work().then(
      (info) => {
        this.info = info;
      },
      (error: unknown) => {
        this.error = (error as Error).message;
      },
    );
  }
}

/**
 * Probes sources with ffprobe: each source once (by `inputKey`), at most `concurrency` at a time;
 * a failure is remembered and retried only after a minute. `dispose` kills running probes.
 */
export class MediaProber {
  private readonly runs = new Map<string, ProbeRun>();
  private readonly aborts = new AbortController();
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(
    private readonly ffprobePath: string,
    private readonly concurrency = 2,
  ) {}

  /** The probe of `input`, started now if it never ran or failed over a minute ago. */
  probe(input: StreamInput): ProbeState {
    const key = inputKey(input);
    const known = this.runs.get(key);
    if (known !== undefined && (known.error === undefined || Date.now() - known.atMs < PROBE_RETRY_MS)) return known;
    const run = new ProbeRun(async () => {
      const release = await this.slot();
      try {
        return await probeMedia(this.ffprobePath, input, this.aborts.signal);
      } finally {
        release();
      }
    });
    this.runs.set(key, run);
    return run;
  }

  /** What is known of `input` without starting a probe. */
  known(input: StreamInput): ProbeState | undefined {
    return this.runs.get(inputKey(input));
  }

  /** Kills running probes; queued ones fail at once. */
  dispose(): void {
    this.aborts.abort();
    for (const start of this.queue.splice(0)) start();
  }

  private async slot(): Promise<() => void> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    return () => {
      this.running--;
      this.queue.shift()?.();
    };
  }
}

/**
 * Probes one source's first video stream: codec, frame rate, size and, for clips, the longest key
 * frame interval (which decides whether it can be copied into 1 s segments).
 * @throws Error naming the source (without credentials) and ffprobe's complaint.
 */
export async function probeMedia(ffprobePath: string, input: StreamInput, signal: AbortSignal): Promise<MediaInfo> {
  const streams = await runProbe(ffprobePath, ['-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height,avg_frame_rate,r_frame_rate,pix_fmt', '-of', 'json', ...probeInputArgs(input)], input, signal);
  const stream = (JSON.parse(streams) as { streams?: Array<Record<string, unknown>> }).streams?.[0];
  if (stream === undefined) throw new Error(`${describeInput(input)} has no video stream`);
  const fps = frameRate(stream.avg_frame_rate) ?? frameRate(stream.r_frame_rate);
  if (fps === undefined || typeof stream.width !== 'number' || typeof stream.height !== 'number') throw new Error(`ffprobe could not tell the frame rate and size of ${describeInput(input)}`);
  const info: MediaInfo = { codec: String(stream.codec_name ?? 'unknown'), fps, width: stream.width, height: stream.height };
  if (typeof stream.pix_fmt === 'string') info.pixelFormat = stream.pix_fmt;
  if (input.kind === 'clip') {
    const packets = await runProbe(ffprobePath, ['-select_streams', 'v:0', '-read_intervals', '%+60', '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', input.path], input, signal);
    const interval = longestKeyframeInterval(packets);
    if (interval !== undefined) info.keyframeIntervalS = interval;
  }
  return info;
}

/** The source in words for messages: the clip's path, the pattern, or the camera's URL without credentials. */
export function describeInput(input: StreamInput): string {
  switch (input.kind) {
    case 'clip':
      return `clip ${input.path}`;
    case 'pattern':
      return `test pattern (${input.size.toUpperCase()})`;
    case 'rtsp':
      return redactCredentials(input.url);
  }
}

/** A frame rate such as `25/2`; undefined for `0/0` and other non-rates. */
function frameRate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const [num, den] = value.split('/').map(Number);
  if (num === undefined || den === undefined || !(num > 0) || !(den > 0)) return undefined;
  return num / den;
}

/** The longest gap between key frames of ffprobe's `pts_time,flags` packet lines. */
function longestKeyframeInterval(csv: string): number | undefined {
  const times = csv
    .split('\n')
    .map((line) => line.split(','))
    .filter(([time, flags]) => flags?.startsWith('K') === true && time !== undefined && time !== 'N/A')
    .map(([time]) => Number(time));
  if (times.length < 2) return undefined;
  let longest = 0;
  for (let i = 1; i < times.length; i++) longest = Math.max(longest, times[i]! - times[i - 1]!);
  return longest;
}

function runProbe(ffprobePath: string, args: string[], input: StreamInput, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error(`${describeInput(input)} was not probed: the server is closing`));
    const line = boundToParent(ffprobePath, ['-v', 'error', ...args]);
    execFile(line.command, line.args, { signal, timeout: PROBE_TIMEOUT_MS, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null) return resolve(stdout);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || commandNotFound(line, typeof code === 'number' ? code : null)) return reject(new Error(`ffprobe was not found (${ffprobePath}); install ffmpeg, which includes it`));
      const said = redactCredentials(stderr.trim().split('\n').at(-1) ?? '');
      const why = signal.aborted ? 'the server is closing' : error.killed ? `no answer within ${PROBE_TIMEOUT_MS / 1000} s` : said || `exit code ${String(code)}`;
      reject(new Error(`ffprobe could not read ${describeInput(input)}: ${why}`));
    });
  });
}

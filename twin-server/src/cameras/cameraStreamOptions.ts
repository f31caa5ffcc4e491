import type { PatternSize } from './ffmpegArgs.ts';

/** Limits and tools of camera streaming (`ServerConfig.cameraStreams`). */
export interface CameraStreamOptions {
  /** At most this many ffmpeg encoders run at once; beyond, a new camera gets 503 `TWIN_ERR_CAMERA_BUSY`. */
  maxEncoders: number;
  /** A stream nobody fetched anything from for this long is stopped, ms. */
  idleStopMs: number;
  /** Size of the generated test pattern: CIF 352×288 or D1 704×576. */
  patternSize: PatternSize;
  /** The ffmpeg and ffprobe executables: names on the PATH or paths. */
  ffmpegPath: string;
  ffprobePath: string;
}

/** Eight encoders (a CIF test pattern costs about 4 % of one core), stopped after a minute unwatched. */
export const DEFAULT_CAMERA_STREAM_OPTIONS: CameraStreamOptions = { maxEncoders: 8, idleStopMs: 60_000, patternSize: 'cif', ffmpegPath: 'ffmpeg', ffprobePath: 'ffprobe' };

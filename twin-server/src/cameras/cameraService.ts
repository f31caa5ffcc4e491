import { createHash } from 'node:crypto';
import { existsSync, type ReadStream } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CAMERA_MINIMUM, cameraStreamPath, type CameraDto, type CameraListDto, type CameraStreamDto } from '@twin/protocol';
import type { DataTarget } from '../identity/dataTargets.ts';
import type { Logger } from '../logging/logger.ts';
import type { ModelLibrary } from '../modelService/modelLibrary.ts';
import type { SensorCatalog } from '../registry/sensorCatalog.ts';
import { parseCameraCatalogue, type CameraEntry } from './cameraCatalogue.ts';
import { CameraError } from './cameraError.ts';
import { loadCameraSources } from './cameraSources.ts';
import { CameraStream } from './cameraStream.ts';
import { cameraTarget } from './cameraTarget.ts';
import { encoderArgs, encodingFor, HLS_PLAYLIST, PATTERN_SIZES, type PatternSize, type StreamInput } from './ffmpegArgs.ts';
import { HlsEncoder } from './hlsEncoder.ts';
import { MediaProber, type MediaInfo } from './mediaProbe.ts';
import { findOverlayFont, overlayFilter } from './patternOverlay.ts';
import type { CameraStreamOptions } from './cameraStreamOptions.ts';
import type { VideoSource } from './videoSource.ts';

/** Where the camera service finds its inputs and writes its streams. */
export interface CameraServiceConfig {
  /** The streams' HLS files go into a directory per camera here; emptied at open, removed at dispose. */
  streamsDir: string;
  /** The video files `clip:<file>` sources name; absent or missing: those cameras show the test pattern. */
  clipsDir?: string;
  /** The camera sources file, which overrides catalogue sources (RTSP URLs with credentials). */
  sourcesPath?: string;
  options: CameraStreamOptions;
}

/** A camera of the catalogue as the service serves it: where its data sits and what ffmpeg reads. */
export interface Camera extends CameraEntry {
  target: DataTarget;
  input: StreamInput;
  /** Why it shows the test pattern instead of its configured clip. */
  fallback?: string;
}

/** HLS files of a stream: the playlist and its MPEG-TS segments, nothing else. */
const STREAM_FILE = /^(index\.m3u8|seg-\d{1,12}\.ts)$/;
/** How long a playlist request waits for a starting stream's first segment (hls.js gives up after 10 s). */
const START_WAIT_MS = 8_000;
/** How long the camera list waits for first probes before answering with what it knows. */
const LIST_PROBE_WAIT_MS = 2_000;
/** At the encoder limit, a stream nobody fetched from for this long gives way to a new one. */
const REPLACEABLE_AFTER_MS = 10_000;

/** Whether `file` names a file of a stream: `index.m3u8` or a segment `seg-<n>.ts`. */
export function isStreamFile(file: string): boolean {
  return STREAM_FILE.test(file);
}

/**
 * Camera video as HLS (REQ GOV-3; EVAL-1 indicator 32): the camera catalogue of the models
 * directory, each camera's source probed once with ffprobe (frame rate and size, reported as they
 * are), and an ffmpeg encoder per watched camera, started by the first playlist request and
 * stopped when nobody fetched anything for `idleStopMs`. At most `maxEncoders` run at once.
 * `dispose` ends every ffmpeg and ffprobe it started.
 */
export class CameraService {
  private loaded: { sha256: string; cameras: ReadonlyMap<string, Camera> } | undefined;
  private readonly streams = new Map<string, CameraStream>();
  private readonly prober: MediaProber;
  private readonly aborts = new AbortController();
  private font: Promise<string | undefined> | undefined;
  private readonly sweeper: NodeJS.Timeout;
  private disposed = false;

  private constructor(
    private readonly config: CameraServiceConfig,
    private readonly deps: { library: ModelLibrary; sensors: SensorCatalog; logger: Logger },
    private readonly sources: ReadonlyMap<string, VideoSource>,
  ) {
    this.prober = new MediaProber(config.options.ffprobePath);
    this.sweeper = setInterval(() => this.sweep(), Math.min(5_000, Math.max(250, config.options.idleStopMs / 4)));
    this.sweeper.unref();
  }

  /**
   * Reads the camera sources file (if any) and clears what an earlier run left in the streams
   * directory. The catalogue is read on first use and again whenever its manifest entry changes.
   * @throws Error when the camera sources file cannot be read or is not valid.
   */
  static async open(config: CameraServiceConfig, deps: { library: ModelLibrary; sensors: SensorCatalog; logger: Logger }): Promise<CameraService> {
    const sources = config.sourcesPath === undefined ? new Map<string, VideoSource>() : await loadCameraSources(config.sourcesPath);
    await rm(config.streamsDir, { recursive: true, force: true });
    if (config.clipsDir === undefined || !existsSync(config.clipsDir)) deps.logger.warn('no camera clips directory: clip cameras show the test pattern', { clipsDir: config.clipsDir });
    return new CameraService(config, deps, sources);
  }

  /** The cameras `visible` admits, with what is known of their streams (waiting briefly for first probes). */
  async list(visible: (camera: Camera) => boolean): Promise<CameraListDto> {
    const cameras = [...(await this.catalogue()).values()].filter(visible);
    await within(Promise.all(cameras.map((camera) => this.prober.probe(camera.input).settled)), LIST_PROBE_WAIT_MS);
    return { cameras: cameras.map((camera) => this.dto(camera)) };
  }

  /**
   * The camera with this id.
   * @throws CameraError `TWIN_ERR_CAMERA_NOT_FOUND`.
   */
  async camera(id: string): Promise<Camera> {
    const camera = (await this.catalogue()).get(id);
    if (camera === undefined) throw new CameraError('TWIN_ERR_CAMERA_NOT_FOUND', `no camera ${id} in the camera catalogue`);
    return camera;
  }

  /**
   * The camera's live playlist, starting its stream if it is not running and waiting for the
   * first segment.
   * @throws CameraError `TWIN_ERR_CAMERA_BUSY` at the encoder limit, `TWIN_ERR_CAMERA_UNAVAILABLE`
   *   when the source cannot be probed, the encoder is down or still starting.
   */
  async playlist(camera: Camera): Promise<Buffer> {
    const stream = this.streamOf(camera);
    const encoder = await stream.ready;
    if (!(await encoder.untilLive(START_WAIT_MS))) {
      const why = encoder.error === undefined ? 'is still starting; try again in a moment' : `is down (${encoder.error}); restarting`;
      throw new CameraError('TWIN_ERR_CAMERA_UNAVAILABLE', `the stream of ${camera.id} ${why}`, { retryAfterS: 1 });
    }
    stream.touch();
    try {
      return await readFile(join(encoder.dir, HLS_PLAYLIST));
    } catch {
      throw new CameraError('TWIN_ERR_CAMERA_UNAVAILABLE', `the stream of ${camera.id} is restarting`, { retryAfterS: 1 });
    }
  }

  /**
   * A segment of the camera's running stream, opened for reading.
   * @throws CameraError `TWIN_ERR_BAD_REQUEST` for a name that is not a segment's, `TWIN_ERR_NOT_FOUND`
   *   when the stream is not running or the segment is gone (or not yet written).
   */
  async segment(camera: Camera, file: string): Promise<{ body: ReadStream; bytes: number }> {
    if (!isStreamFile(file) || file === HLS_PLAYLIST) throw new CameraError('TWIN_ERR_BAD_REQUEST', `${file} is not a segment name`);
    const stream = this.streams.get(camera.id);
    const encoder = stream?.encoder;
    if (stream === undefined || encoder === undefined) throw new CameraError('TWIN_ERR_NOT_FOUND', `the stream of ${camera.id} is not running; fetch its ${HLS_PLAYLIST} first`);
    stream.touch();
    const handle = await open(join(encoder.dir, file), 'r').catch(() => undefined);
    if (handle === undefined) throw new CameraError('TWIN_ERR_NOT_FOUND', `segment ${file} of ${camera.id} is no longer (or not yet) available`);
    try {
      const { size } = await handle.stat();
      return { body: handle.createReadStream(), bytes: size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Stops every stream (no ffmpeg or ffprobe is left running) and removes the streams directory. */
  async dispose(): Promise<void> {
    this.disposed = true;
    clearInterval(this.sweeper);
    this.aborts.abort();
    this.prober.dispose();
    await Promise.all([...this.streams.values()].map((stream) => this.stopStream(stream, 'the server is closing')));
    await rm(this.config.streamsDir, { recursive: true, force: true });
  }

  private streamOf(camera: Camera): CameraStream {
    const running = this.streams.get(camera.id);
    if (running !== undefined) {
      running.touch();
      return running;
    }
    if (this.disposed) throw new CameraError('TWIN_ERR_CAMERA_UNAVAILABLE', 'the server is closing');
    const room = this.makeRoom();
    const stream = new CameraStream(camera.id, async () => {
      await room;
      return this.makeEncoder(camera);
    });
    this.streams.set(camera.id, stream);
    stream.ready.catch(() => {
      if (this.streams.get(camera.id) === stream) this.streams.delete(camera.id);
    });
    return stream;
  }

  /** Frees a place at the encoder limit by stopping the stream unwatched longest, if any has been for a while. */
  private makeRoom(): Promise<void> {
    const { maxEncoders, idleStopMs } = this.config.options;
    if (this.streams.size < maxEncoders) return Promise.resolve();
    const nowMs = Date.now();
    let oldest: CameraStream | undefined;
    for (const stream of this.streams.values()) {
      if (nowMs - stream.lastFetchMs >= Math.min(REPLACEABLE_AFTER_MS, idleStopMs) && (oldest === undefined || stream.lastFetchMs < oldest.lastFetchMs)) oldest = stream;
    }
    if (oldest === undefined) throw new CameraError('TWIN_ERR_CAMERA_BUSY', `${this.streams.size} cameras are being watched, the most this server streams at once; close one or try again later`, { maxEncoders, retryAfterS: 10 });
    return this.stopStream(oldest, 'another camera needs its place');
  }

  private async makeEncoder(camera: Camera): Promise<HlsEncoder> {
    const probe = this.prober.probe(camera.input);
    await probe.settled;
    if (probe.info === undefined) throw new CameraError('TWIN_ERR_CAMERA_UNAVAILABLE', probe.error ?? `the source of ${camera.id} could not be probed`);
    const dir = join(this.config.streamsDir, streamDirName(camera.id));
    const overlay = camera.input.kind === 'pattern' ? await this.overlay(camera.id, camera.input.size) : undefined;
    const encoding = encodingFor(camera.input, probe.info);
    this.deps.logger.info('starting camera stream', { camera: camera.id, source: camera.input.kind, encoding });
    const args = encoderArgs(camera.input, { dir, copy: encoding === 'copy', ...(overlay === undefined ? {} : { overlay }) });
    return new HlsEncoder({ ffmpegPath: this.config.options.ffmpegPath, args, dir, logger: this.deps.logger });
  }

  private async overlay(cameraId: string, size: PatternSize): Promise<string | undefined> {
    this.font ??= findOverlayFont(this.config.options.ffmpegPath, this.aborts.signal).then((font) => {
      if (font === undefined) this.deps.logger.warn('ffmpeg cannot draw text with any installed font: test patterns carry no camera id or clock');
      return font;
    });
    const font = await this.font;
    return font === undefined ? undefined : overlayFilter(font, cameraId, PATTERN_SIZES[size].height);
  }

  private async stopStream(stream: CameraStream, why: string): Promise<void> {
    if (this.streams.get(stream.cameraId) === stream) this.streams.delete(stream.cameraId);
    this.deps.logger.info('stopping camera stream', { camera: stream.cameraId, why });
    await stream.stop();
  }

  private sweep(): void {
    const nowMs = Date.now();
    for (const stream of [...this.streams.values()]) {
      if (nowMs - stream.lastFetchMs > this.config.options.idleStopMs) void this.stopStream(stream, 'nobody watched it');
    }
  }

  /** The catalogue, read again when its manifest entry changes. */
  private async catalogue(): Promise<ReadonlyMap<string, Camera>> {
    const { library, sensors, logger } = this.deps;
    const entry = [...(await library.manifest()).files.values()].find((file) => file.role === 'cameras');
    if (entry === undefined) return new Map();
    if (this.loaded?.sha256 === entry.sha256) return this.loaded.cameras;
    const file = await library.file(entry.path);
    const catalogue = parseCameraCatalogue(await readFile(file.absolutePath, 'utf8'), this.sources);
    if (catalogue.refused.length > 0) logger.warn('cameras left out of the catalogue', { file: entry.path, refused: catalogue.refused.slice(0, 20) });
    const unknown = [...this.sources.keys()].filter((id) => !catalogue.cameras.some((camera) => camera.id === id));
    if (unknown.length > 0) logger.warn('the camera sources file names cameras the catalogue does not have', { cameras: unknown.slice(0, 20) });
    const cameras = new Map(catalogue.cameras.map((camera) => [camera.id, { ...camera, target: cameraTarget(camera, catalogue.community, sensors), ...this.resolve(camera.source) }]));
    logger.info('camera catalogue read', { file: entry.path, cameras: cameras.size });
    this.loaded = { sha256: entry.sha256, cameras };
    return cameras;
  }

  /** What ffmpeg reads for a source; a clip that is not there becomes the test pattern, saying why. */
  private resolve(source: VideoSource): Pick<Camera, 'input' | 'fallback'> {
    const pattern: StreamInput = { kind: 'pattern', size: this.config.options.patternSize };
    if (source.kind === 'pattern') return { input: pattern };
    if (source.kind === 'rtsp') return { input: { kind: 'rtsp', url: source.url } };
    const { clipsDir } = this.config;
    const instead = 'the test pattern is shown instead';
    if (clipsDir === undefined) return { input: pattern, fallback: `clip ${source.file}: no clips directory is configured (--camera-clips); ${instead}` };
    if (!existsSync(clipsDir)) return { input: pattern, fallback: `clip ${source.file}: the clips directory ${clipsDir} is absent; ${instead}` };
    const path = resolve(clipsDir, source.file);
    if (!existsSync(path)) return { input: pattern, fallback: `clip ${source.file} is not in the clips directory ${clipsDir}; ${instead}` };
    return { input: { kind: 'clip', path } };
  }

  private dto(camera: Camera): CameraDto {
    // Only what the catalogue says of the camera, never where its video comes from.
    const { source: _source, target: _target, input: _input, fallback: _fallback, ...facts } = camera;
    return { ...facts, stream: this.streamDto(camera) };
  }

  private streamDto(camera: Camera): CameraStreamDto {
    const probe = this.prober.known(camera.input);
    const stream = this.streams.get(camera.id);
    const encoder = stream?.encoder;
    const probeError = stream === undefined ? probe?.error : undefined;
    const dto: CameraStreamDto = {
      source: camera.input.kind,
      state: encoder?.state ?? (stream !== undefined ? 'starting' : probeError !== undefined ? 'error' : 'idle'),
      playlist: cameraStreamPath(camera.id),
    };
    if (probe?.info !== undefined) Object.assign(dto, videoFacts(camera.input, probe.info));
    const error = encoder?.error ?? probeError;
    if (error !== undefined) dto.error = error;
    if (camera.fallback !== undefined) dto.fallback = camera.fallback;
    if (encoder !== undefined && encoder.restarts > 0) dto.restarts = encoder.restarts;
    return dto;
  }
}

/** Frame rate and size as probed, whether they meet indicator 32 (EVAL-1), codec and how HLS is made. */
function videoFacts(input: StreamInput, info: MediaInfo): Pick<CameraStreamDto, 'fps' | 'width' | 'height' | 'meetsMinimum' | 'codec' | 'encoding'> {
  return {
    fps: Math.round(info.fps * 1000) / 1000,
    width: info.width,
    height: info.height,
    meetsMinimum: info.fps >= CAMERA_MINIMUM.fps && info.width >= CAMERA_MINIMUM.width && info.height >= CAMERA_MINIMUM.height,
    codec: info.codec,
    encoding: encodingFor(input, info),
  };
}

/** A directory name per camera: readable, and distinct for distinct ids. */
function streamDirName(cameraId: string): string {
  return `${cameraId.replace(/[^A-Za-z0-9_-]/g, '_')}-${createHash('sha256').update(cameraId).digest('hex').slice(0, 8)}`;
}

/** Waits for `promise`, but no longer than `ms`. */
async function within(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

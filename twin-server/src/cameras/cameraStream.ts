import { CameraError } from './cameraError.ts';
import type { HlsEncoder } from './hlsEncoder.ts';

/**
 * A camera being watched: its encoder once made (after probing the source), and when anyone last
 * fetched from it. Stopping it before the encoder is made means no ffmpeg is ever started.
 */
export class CameraStream {
  /** When the playlist or a segment was last fetched, ms since the epoch. */
  lastFetchMs = Date.now();
  /** Resolves with the started encoder; rejects when the source cannot be streamed or the stream was stopped first. */
  readonly ready: Promise<HlsEncoder>;
  private encoderNow: HlsEncoder | undefined;
  private stopped = false;

  constructor(
    readonly cameraId: string,
    make: () => Promise<HlsEncoder>,
  ) {
    this.ready = make().then((encoder) => {
      if (this.stopped) throw new CameraError('TWIN_ERR_CAMERA_UNAVAILABLE', `the stream of ${cameraId} was stopped before it started`);
      this.encoderNow = encoder;
      encoder.start();
      return encoder;
    });
    // Whoever fetches the playlist hears of a failure; nobody else needs to.
    this.ready.catch(() => {});
  }

  /** The encoder, once started. */
  get encoder(): HlsEncoder | undefined {
    return this.encoderNow;
  }

  /** Notes a fetch. */
  touch(): void {
    this.lastFetchMs = Date.now();
  }

  /** Stops the encoder (ffmpeg ends and its files go) or keeps it from starting. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.encoderNow?.stop();
  }
}

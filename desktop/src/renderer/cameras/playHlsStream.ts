import Hls, { ErrorTypes, Events, type HlsConfig, type RetryConfig } from 'hls.js';
import workerPath from 'hls.js/dist/hls.worker.js?url';
import { streamFailureOf, type StreamFailure } from './streamFailure.ts';

/** What {@link playHlsStream} needs besides the video element. */
export interface HlsStreamOptions {
  /** The playlist's absolute URL. */
  url: string;
  /** The session token, read at each request. */
  token: () => string | undefined;
  /** Called once when the stream fails for good; it has stopped by then. */
  onFailure: (failure: StreamFailure) => void;
}

// A full server is not less full a second later: a 503 ends the attempt at once, other server
// errors and timeouts are tried again.
const notWhenBusy: RetryConfig['shouldRetry'] = (_config, _count, _isTimeout, response, retry) => retry && response?.code !== 503;

/**
 * The live profile: start two segments behind the live edge and never fall more than five
 * behind (skipping ahead, not playing faster, so every frame shows at the source's rate); keep
 * a few seconds of buffer. The first playlist may take seconds while the server starts the
 * stream. Transmuxing runs in hls.js's worker, served from the app's own origin like every
 * other script (`worker-src 'self'`).
 */
function liveConfig(token: () => string | undefined): Partial<HlsConfig> {
  return {
    workerPath,
    lowLatencyMode: true,
    liveSyncDurationCount: 2,
    liveMaxLatencyDurationCount: 5,
    maxLiveSyncPlaybackRate: 1,
    maxBufferLength: 4,
    backBufferLength: 4,
    manifestLoadPolicy: {
      default: {
        maxTimeToFirstByteMs: 15_000,
        maxLoadTimeMs: 20_000,
        timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 },
        errorRetry: { maxNumRetry: 3, retryDelayMs: 1_000, maxRetryDelayMs: 4_000, shouldRetry: notWhenBusy },
      },
    },
    xhrSetup(xhr, url) {
      xhr.open('GET', url, true);
      const current = token();
      if (current !== undefined) xhr.setRequestHeader('authorization', `Bearer ${current}`);
      // Watching video is not activity at the console: the idle timeout still applies (PLAT-8).
      xhr.setRequestHeader('x-twin-background', '1');
    },
  };
}

/**
 * Plays a camera's live HLS stream, muted, in `video` (GOV-3 video surveillance), with the session's
 * bearer token on every playlist and segment request. A media error is recovered from once; any
 * other fatal error stops the stream and is reported. Returns the function that stops it.
 */
export function playHlsStream(video: HTMLVideoElement, options: HlsStreamOptions): () => void {
  if (!Hls.isSupported()) {
    options.onFailure({ kind: 'unsupported' });
    return () => undefined;
  }
  const hls = new Hls(liveConfig(options.token));
  let recovered = false;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    hls.destroy();
  };
  hls.on(Events.MANIFEST_PARSED, () => {
    // Muted video may start by itself; a rejected start (the stream stopped first) is no error.
    video.play().catch(() => undefined);
  });
  hls.on(Events.ERROR, (_event, data) => {
    if (!data.fatal) return;
    if (data.type === ErrorTypes.MEDIA_ERROR && !recovered) {
      recovered = true;
      hls.recoverMediaError();
      return;
    }
    stop();
    options.onFailure(streamFailureOf(data));
  });
  hls.loadSource(options.url);
  hls.attachMedia(video);
  return stop;
}

import { MEASURED_FPS_SLACK, shortfalls, type Shortfall, type VideoFigures } from './cameraMinimum.ts';

/** What a camera player is doing: waiting for its first frame, showing frames, frozen, or failed. */
export type CameraPlayerState = 'connecting' | 'playing' | 'stalled' | 'error';

/** A player that presented no frame for this long is stalled, ms. */
export const STALL_AFTER_MS = 2000;

/** What the player sees at one moment; the inputs of {@link readPlayer}. */
export interface PlayerObservation {
  nowMs: number;
  /** Frames presented so far. */
  frames: number;
  /** When the last frame was presented, ms; undefined before the first. */
  lastFrameMs: number | undefined;
  /** Measured frames/s over the last second, undefined until known. */
  fps: number | undefined;
  /** `videoWidth` and `videoHeight` of the video element (0 before the first frame is decoded). */
  videoWidth: number;
  videoHeight: number;
  /** The stream failed and stopped. */
  failed: boolean;
  /** Frame rate and size as the source declares them (`CameraDto.stream`). */
  declared: VideoFigures;
}

/** What a camera player shows about its video (EVAL-1 indicator 32). */
export interface PlayerReadout {
  state: CameraPlayerState;
  frames: number;
  /** Measured frames/s, while known. */
  fps: number | undefined;
  /** The size of the decoded picture, once known. */
  width: number | undefined;
  height: number | undefined;
  /** Where the source's declared figures fall below indicator 32. */
  declaredShortfalls: Shortfall[];
  /** Where the measured figures fall below it, while playing (a stalled video's rate says nothing of the camera). */
  measuredShortfalls: Shortfall[];
}

/** The readout of an observation. */
export function readPlayer(o: PlayerObservation): PlayerReadout {
  const state = o.failed ? 'error' : o.lastFrameMs === undefined ? 'connecting' : o.nowMs - o.lastFrameMs > STALL_AFTER_MS ? 'stalled' : 'playing';
  const width = o.videoWidth > 0 ? o.videoWidth : undefined;
  const height = o.videoHeight > 0 ? o.videoHeight : undefined;
  return {
    state,
    frames: o.frames,
    fps: o.fps,
    width,
    height,
    declaredShortfalls: shortfalls(o.declared),
    measuredShortfalls: state === 'playing' ? shortfalls({ fps: o.fps, width, height }, MEASURED_FPS_SLACK) : [],
  };
}

/** Whether two readouts show the same (the frame count, which is not shown, aside). */
export function sameShown(a: PlayerReadout, b: PlayerReadout): boolean {
  return (
    a.state === b.state &&
    a.fps === b.fps &&
    a.width === b.width &&
    a.height === b.height &&
    a.declaredShortfalls.join() === b.declaredShortfalls.join() &&
    a.measuredShortfalls.join() === b.measuredShortfalls.join()
  );
}

/**
 * Writes the readout to the player element as `data-state`, `data-frames`, `data-fps`,
 * `data-width` and `data-height` (empty while unknown), for automation and tests.
 */
export function writeReadoutAttributes(element: Pick<Element, 'setAttribute'>, readout: PlayerReadout): void {
  element.setAttribute('data-state', readout.state);
  element.setAttribute('data-frames', String(readout.frames));
  element.setAttribute('data-fps', readout.fps === undefined ? '' : String(readout.fps));
  element.setAttribute('data-width', readout.width === undefined ? '' : String(readout.width));
  element.setAttribute('data-height', readout.height === undefined ? '' : String(readout.height));
}

import { useEffect, useRef, useState, type RefObject } from 'react';
import type { VideoFigures } from './cameraMinimum.ts';
import { FrameRateMeter } from './frameRateMeter.ts';
import { readPlayer, sameShown, writeReadoutAttributes, type PlayerReadout } from './playerReadout.ts';

/** How often the readout is taken, ms: often enough to see a stall at once, far below the frame rate. */
const READOUT_PERIOD_MS = 250;

const NOTHING_YET = readPlayer({ nowMs: 0, frames: 0, lastFrameMs: undefined, fps: undefined, videoWidth: 0, videoHeight: 0, failed: false, declared: {} });

/**
 * Watches the frames `video` presents (`requestVideoFrameCallback`, outside React) and takes the
 * readout every 250 ms: written to `element`'s data attributes each time, returned as React
 * state only when what is shown changes (EVAL-1 indicator 32).
 *
 * @param attempt - changes when the video starts over (a retry): the meter starts over with it.
 */
export function usePlayerReadout(
  element: RefObject<HTMLElement | null>,
  video: RefObject<HTMLVideoElement | null>,
  declared: VideoFigures,
  failed: boolean,
  attempt: number,
): PlayerReadout {
  const [readout, setReadout] = useState(NOTHING_YET);
  // The tick reads the latest of these without restarting the watch.
  const latest = useRef({ declared, failed });
  latest.current = { declared, failed };

  useEffect(() => {
    const media = video.current;
    const target = element.current;
    if (media === null || target === null) return;
    const meter = new FrameRateMeter();
    let frameRequest = 0;
    const onFrame: VideoFrameRequestCallback = (nowMs, frame) => {
      meter.record(nowMs, frame.presentedFrames);
      frameRequest = media.requestVideoFrameCallback(onFrame);
    };
    frameRequest = media.requestVideoFrameCallback(onFrame);
    const tick = () => {
      const nowMs = performance.now();
      const next = readPlayer({ nowMs, frames: meter.frames, lastFrameMs: meter.lastFrameMs, fps: meter.rate(nowMs), videoWidth: media.videoWidth, videoHeight: media.videoHeight, ...latest.current });
      writeReadoutAttributes(target, next);
      setReadout((shown) => (sameShown(shown, next) ? shown : next));
    };
    tick();
    const timer = setInterval(tick, READOUT_PERIOD_MS);
    return () => {
      clearInterval(timer);
      media.cancelVideoFrameCallback(frameRequest);
    };
  }, [element, video, attempt]);

  return readout;
}

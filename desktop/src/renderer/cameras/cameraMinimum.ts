import { CAMERA_MINIMUM } from '@twin/protocol';

/** A video's frame rate (frames/s) and size (pixels), each absent while unknown. */
export interface VideoFigures {
  fps?: number;
  width?: number;
  height?: number;
}

/** What falls short of indicator 32: the frame rate, the size (CIF, 352 × 288), or both. */
export type Shortfall = 'fps' | 'size';

/**
 * Slack for a measured frame rate: one second of a 25 fps stream holds 24, 25 or 26 whole
 * frames depending on where the window falls, so a measured 24 is still 25 fps.
 */
export const MEASURED_FPS_SLACK = 1;

/**
 * What of `figures` falls below the minimum of EVAL-1 indicator 32 (at least 25 frames/s at CIF,
 * 352 × 288, or better). Unknown figures fall short of nothing.
 *
 * @param fpsSlack - frames/s a rate may lack and still pass: {@link MEASURED_FPS_SLACK} for a
 *   measured rate, 0 (the default) for a source's declared one.
 */
export function shortfalls(figures: VideoFigures, fpsSlack = 0): Shortfall[] {
  const result: Shortfall[] = [];
  if (figures.fps !== undefined && figures.fps < CAMERA_MINIMUM.fps - fpsSlack) result.push('fps');
  if (figures.width !== undefined && figures.height !== undefined && (figures.width < CAMERA_MINIMUM.width || figures.height < CAMERA_MINIMUM.height)) result.push('size');
  return result;
}

import type { CameraDto } from '@twin/protocol';

/** How often the camera list is read while a watched stream has not been probed yet, ms. */
export const PROBING_REFRESH_MS = 2_000;
/** How often it is read otherwise, ms: streams change state seldom. */
export const STEADY_REFRESH_MS = 30_000;

/**
 * When to read the camera list again: soon while a watched camera's stream has no declared frame
 * rate yet (the server probes it once the stream starts), else at the steady pace.
 */
export function cameraListRefreshMs(cameras: readonly CameraDto[] | undefined, watched: readonly string[]): number {
  const probing = cameras?.some((camera) => watched.includes(camera.id) && camera.stream.fps === undefined && camera.stream.state !== 'error');
  return probing === true ? PROBING_REFRESH_MS : STEADY_REFRESH_MS;
}

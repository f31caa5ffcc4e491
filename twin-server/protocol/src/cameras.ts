/**
 * Video surveillance (REQ GOV-3; EVAL-1 indicator 32: camera video at least 25 frames/s at CIF
 * (352 × 288) or better). Cameras come from the community's camera catalogue; each is played in
 * the browser as HLS from the twin server.
 */

/** The least a camera must deliver (indicator 32). */
export const CAMERA_MINIMUM = { fps: 25, width: 352, height: 288 } as const;

/** Where a camera's video comes from. */
export type CameraSourceKind = 'clip' | 'pattern' | 'rtsp';

/** What is known of a camera's stream. */
export interface CameraStreamDto {
  source: CameraSourceKind;
  /** `idle` until someone watches; `starting` while the first segments are made. */
  state: 'idle' | 'starting' | 'live' | 'error';
  /** Frame rate and size of the video as the source delivers it, once probed. */
  fps?: number;
  width?: number;
  height?: number;
  /** Whether it meets indicator 32 (absent until probed). */
  meetsMinimum?: boolean;
  /** Why it is in error, for people. */
  error?: string;
  /** The HLS playlist, relative to the server. */
  playlist: string;
  /**
   * Set when the camera shows the generated test pattern instead of its configured source, saying
   * why (e.g. the clips directory is absent). `source` is then `pattern`: what is actually shown.
   */
  fallback?: string;
  /** The source's video codec as probed, e.g. `h264`. */
  codec?: string;
  /** How HLS is made from the source: its video `copy`-ed as delivered, or re-encoded to H.264 (once probed). */
  encoding?: 'copy' | 'transcode';
  /** How often the encoder was restarted after a failure since the stream last started. */
  restarts?: number;
}

/** A camera: where it is and looks, and its stream. */
export interface CameraDto {
  id: string;
  /** The camera's status sensor in the registry. */
  sensorId?: string;
  name: string;
  nameEn?: string;
  area?: string;
  building?: string;
  position: { lon: number; lat: number; heightM: number };
  headingDeg: number;
  pitchDeg: number;
  fovDeg: number;
  stream: CameraStreamDto;
}

/** `GET /api/cameras`: the cameras the caller may watch. */
export interface CameraListDto {
  cameras: CameraDto[];
}

/** The path of a camera's HLS files: `/api/cameras/<id, URI-encoded>/stream/<file>`. */
export function cameraStreamPath(cameraId: string, file = 'index.m3u8'): string {
  return `/api/cameras/${encodeURIComponent(cameraId)}/stream/${file}`;
}

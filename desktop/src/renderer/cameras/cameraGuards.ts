import type { CameraDto, CameraListDto, CameraStreamDto } from '@twin/protocol';
import type { Guard } from '../api/apiClient.ts';

// Checks of `GET /api/cameras` before it reaches React state: the fields the camera views read.

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optional =
  (check: (value: unknown) => boolean) =>
  (value: unknown): boolean =>
    value === undefined || check(value);

function hasFields(value: unknown, checks: Record<string, (field: unknown) => boolean>): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.entries(checks).every(([name, check]) => check((value as Record<string, unknown>)[name]));
}

const isStream = (value: unknown): value is CameraStreamDto =>
  hasFields(value, {
    source: (v) => v === 'clip' || v === 'pattern' || v === 'rtsp',
    state: (v) => v === 'idle' || v === 'starting' || v === 'live' || v === 'error',
    fps: optional(isNumber),
    width: optional(isNumber),
    height: optional(isNumber),
    meetsMinimum: optional((v) => typeof v === 'boolean'),
    error: optional(isString),
    playlist: isString,
    fallback: optional(isString),
  });

/** A camera as `GET /api/cameras` lists it. */
export const isCameraDto: Guard<CameraDto> = (value): value is CameraDto =>
  hasFields(value, { id: isString, name: isString, nameEn: optional(isString), area: optional(isString), building: optional(isString), stream: isStream });

/** The answer of `GET /api/cameras`. */
export const isCameraListDto: Guard<CameraListDto> = (value): value is CameraListDto => hasFields(value, { cameras: (v) => Array.isArray(v) && v.every(isCameraDto) });

import { useCallback, useEffect } from 'react';
import type { CameraDto } from '@twin/protocol';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { useLoad } from '../ui/useLoad.ts';
import { isCameraListDto } from './cameraGuards.ts';
import { cameraListRefreshMs } from './cameraListRefresh.ts';

/** The cameras this session may watch, and why they could not be read. */
export interface CameraList {
  cameras: CameraDto[] | undefined;
  error: unknown;
}

/**
 * `GET /api/cameras`, read again while shown: soon while a watched camera's stream is being
 * probed (its declared frame rate and size arrive then), seldom otherwise.
 *
 * @param watched - ids of the cameras whose video is on screen.
 */
export function useCameraList(watched: readonly string[]): CameraList {
  const { api } = useConsole();
  const load = useCallback((signal: AbortSignal) => api.getJson('/api/cameras', isCameraListDto, { signal }).then((list) => list.cameras), [api]);
  const { data, error, loading, reload } = useLoad(load);
  const delayMs = cameraListRefreshMs(data, watched);
  useEffect(() => {
    if (loading) return;
    const timer = setTimeout(reload, delayMs);
    return () => clearTimeout(timer);
  }, [loading, delayMs, reload]);
  return { cameras: data, error };
}

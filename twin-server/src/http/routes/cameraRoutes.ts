import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CameraError } from '../../cameras/cameraError.ts';
import { isStreamFile, type Camera, type CameraService } from '../../cameras/cameraService.ts';
import { HLS_PLAYLIST } from '../../cameras/ffmpegArgs.ts';
import { answerCoded } from '../codedReply.ts';
import { replyError } from '../replyError.ts';
import { authOf } from '../routeGuard.ts';

/**
 * Camera video (REQ GOV-3) for users with `sensors.read`, each camera only within their scopes and
 * with clearance for its data (REQ PLAT-11; cameras are `restricted`):
 *
 * - `GET /api/cameras`: the cameras the caller may watch, with what is known of their streams
 *   (`CameraListDto`: source, state, probed frame rate and size against indicator 32).
 * - `GET /api/cameras/<id, URI-encoded>/stream/index.m3u8`: the live HLS playlist, starting the
 *   camera's encoder on first request (`Cache-Control: no-cache`). 503 `TWIN_ERR_CAMERA_BUSY` at
 *   the encoder limit, 503 `TWIN_ERR_CAMERA_UNAVAILABLE` while the source cannot be streamed (both
 *   with `Retry-After`).
 * - `GET /api/cameras/<id>/stream/seg-<n>.ts`: an MPEG-TS segment the playlist lists.
 *
 * Other file names get 400, unknown cameras 404 `TWIN_ERR_CAMERA_NOT_FOUND`, cameras outside the
 * caller's access 403 `TWIN_ERR_AUTH_OUT_OF_SCOPE`. Browsers send the bearer token with each
 * playlist and segment request (hls.js `xhrSetup`).
 */
export function cameraRoutes(app: FastifyInstance, deps: { cameras: CameraService }): void {
  const { cameras } = deps;
  const config = { access: { permission: 'sensors.read' as const } };
  const visible = (request: FastifyRequest) => (camera: Camera) => authOf(request).access.allows('sensors.read', camera.target);

  app.get('/api/cameras', { config }, async (request, reply) => answerCoded(reply, () => cameras.list(visible(request))));

  app.get<{ Params: { camera: string; file: string } }>('/api/cameras/:camera/stream/:file', { config }, async (request, reply) => {
    const { camera: id, file } = request.params;
    if (!isStreamFile(file)) return replyError(reply, 'TWIN_ERR_BAD_REQUEST', `${file} is not a stream file: only ${HLS_PLAYLIST} and seg-<n>.ts are served`);
    return answer(reply, async () => {
      const camera = await cameras.camera(id);
      if (!visible(request)(camera)) return replyError(reply, 'TWIN_ERR_AUTH_OUT_OF_SCOPE', `camera ${id} is not within your scopes or clearance`);
      if (file === HLS_PLAYLIST) {
        const playlist = await cameras.playlist(camera);
        return reply.header('cache-control', 'no-cache').type('application/vnd.apple.mpegurl').send(playlist);
      }
      const segment = await cameras.segment(camera, file);
      return reply.header('cache-control', 'private, max-age=60').header('content-length', segment.bytes).type('video/mp2t').send(segment.body);
    });
  });
}

/** Runs a camera action; a refusal that may pass (busy, starting) carries `Retry-After`. */
async function answer<T>(reply: FastifyReply, action: () => Promise<T>): Promise<T | FastifyReply> {
  return answerCoded(reply, async () => {
    try {
      return await action();
    } catch (error) {
      if (error instanceof CameraError && typeof error.details?.retryAfterS === 'number') reply.header('retry-after', String(error.details.retryAfterS));
      throw error;
    }
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IngestUnavailableError, type IngestPipeline } from '../../ingest/ingestPipeline.ts';
import { replyError } from '../replyError.ts';

/**
 * `POST /api/ingest` and `POST /api/ingest/:sensorId`: batch ingest for gateways that cannot speak
 * MQTT (REQ PLAT-10). Bodies are compact batches, gateway batches or SenML packs
 * (`application/json` or `application/senml+json`), with the device token. The answer comes after the good readings
 * are committed: 200 with the count of accepted readings and every rejection with its code; 422
 * when no reading was good; 503 (not stored, retry) when storage is saturated or failing.
 */
export function ingestRoutes(app: FastifyInstance, deps: { ingest: IngestPipeline }): void {
  const { ingest } = deps;
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const { sensorId } = request.params as { sensorId?: string };
    if (!Buffer.isBuffer(request.body)) return replyError(reply, 'TWIN_ERR_INGEST_MALFORMED_PAYLOAD', 'send a JSON body with Content-Type application/json or application/senml+json');
    if (ingest.saturated) {
      reply.header('retry-after', '1');
      return replyError(reply, 'TWIN_ERR_INGEST_UNAVAILABLE', 'ingest is saturated; nothing was stored, retry shortly');
    }
    const source = { transport: 'http' as const, peer: request.ip, ...(sensorId === undefined ? {} : { defaultSensor: sensorId }) };
    try {
      const receipt = await ingest.ingest(request.body, source);
      if (receipt.accepted === 0 && receipt.rejected > 0) {
        const first = receipt.rejections[0]!;
        const status = first.code === 'TWIN_ERR_INGEST_MALFORMED_JSON' || first.code === 'TWIN_ERR_INGEST_MALFORMED_PAYLOAD' ? 400 : first.code === 'TWIN_ERR_INGEST_PAYLOAD_TOO_LARGE' ? 413 : 422;
        return reply.code(status).send({ error: { code: first.code, message: first.message, details: { rejected: receipt.rejected, rejections: receipt.rejections } } });
      }
      return reply.code(200).send({ accepted: receipt.accepted, rejected: receipt.rejected, rejections: receipt.rejections });
    } catch (error) {
      if (error instanceof IngestUnavailableError) return replyError(reply, 'TWIN_ERR_INGEST_UNAVAILABLE', error.message);
      throw error;
    }
  };
  const config = { access: { device: true as const } };
  // Bodies reach the hot-path validator as raw bytes; the parser applies to these routes only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(['application/json', 'application/senml+json'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post('/api/ingest', { config }, handler);
    scope.post('/api/ingest/:sensorId', { config }, handler);
  });
}

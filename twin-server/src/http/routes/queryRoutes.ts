import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SensorCatalog } from '../../registry/sensorCatalog.ts';
import type { TelemetryStore } from '../../storage/telemetryStore.ts';
import { windowToArrow, windowToJson } from '../../storage/windowToArrow.ts';
import { replyError } from '../replyError.ts';
import { authOf } from '../routeGuard.ts';

/** Media type of Arrow IPC streams. */
export const ARROW_STREAM_TYPE = 'application/vnd.apache.arrow.stream';
/** Results larger than this are only served as Arrow. */
const JSON_ROW_LIMIT = 10_000;
/** Ranges longer than this need a rollup resolution. */
const RAW_RANGE_LIMIT_MS = 7 * 86_400_000;

const querySchema = z.object({
  sensor: z.union([z.string().min(1), z.array(z.string().min(1)).min(1).max(1000)]),
  from: z.coerce.number().int(),
  to: z.coerce.number().int(),
  resolution: z.enum(['raw', '1m', '1h']).default('raw'),
  format: z.enum(['arrow', 'json']).optional(),
  limit: z.coerce.number().int().positive().max(10_000_000).default(1_000_000),
});

/**
 * `GET /api/readings?sensor=<id>&sensor=<id>&from=<ms>&to=<ms>&resolution=raw|1m|1h&format=arrow|json`
 * (permission `readings.read`, each sensor within the caller's scopes and clearance):
 * a time window of readings or rollups (REQ EVAL-2 data exchange), as an Arrow IPC stream
 * (the default, or `Accept: application/vnd.apache.arrow.stream`) or as JSON for small results.
 */
export function queryRoutes(app: FastifyInstance, deps: { catalog: SensorCatalog; store: TelemetryStore }): void {
  app.get('/api/readings', { config: { access: { permission: 'readings.read' } } }, async (request, reply) => {
    const parsed = querySchema.safeParse(request.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return replyError(reply, 'TWIN_ERR_BAD_REQUEST', `query parameter ${issue.path.join('.')}: ${issue.message}`);
    }
    const q = parsed.data;
    const sensorIds = Array.isArray(q.sensor) ? q.sensor : [q.sensor];
    // Unknown sensors and sensors outside the caller's scopes or clearance get the same answer, so
    // another organisation's sensor ids cannot be probed.
    const { mask } = authOf(request).access.sensorMask('readings.read', deps.catalog.registry.community.id, deps.catalog.sensors);
    const refused = sensorIds.filter((id) => {
      const entry = deps.catalog.lookup(id);
      return entry === undefined || mask[entry.index] === 0;
    });
    if (refused.length > 0) return replyError(reply, 'TWIN_ERR_AUTH_OUT_OF_SCOPE', `unknown sensor(s) or outside your scope: ${refused.slice(0, 10).join(', ')}`);
    if (q.to <= q.from) return replyError(reply, 'TWIN_ERR_QUERY_RANGE', '`to` must be later than `from`');
    if (q.resolution === 'raw' && q.to - q.from > RAW_RANGE_LIMIT_MS) return replyError(reply, 'TWIN_ERR_QUERY_RANGE', 'raw windows are limited to 7 days; use resolution=1m or 1h');
    const wantsJson = q.format === 'json' || (q.format === undefined && !String(request.headers.accept ?? '').includes(ARROW_STREAM_TYPE) && String(request.headers.accept ?? '').includes('application/json'));
    const result = await deps.store.queryWindow({ sensorIds, fromMs: q.from, toMs: q.to, resolution: q.resolution, limit: q.limit });
    if (wantsJson) {
      if (result.rowCount > JSON_ROW_LIMIT) return replyError(reply, 'TWIN_ERR_QUERY_RANGE', `${result.rowCount} rows is too many for JSON; request Arrow (format=arrow)`);
      return reply.send({ resolution: q.resolution, rows: windowToJson(result) });
    }
    return reply.type(ARROW_STREAM_TYPE).send(Buffer.from(windowToArrow(result)));
  });
}

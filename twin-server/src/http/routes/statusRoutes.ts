import type { FastifyInstance } from 'fastify';
import type { StatsDto } from '@twin/protocol';
import type { AccessTokens } from '../../auth/accessTokens.ts';
import type { SensorCatalog } from '../../registry/sensorCatalog.ts';
import { requireRole } from '../requireRole.ts';

/**
 * `GET /api/health` (public liveness probe: status only, no data), `GET /api/stats` (ingest,
 * live and MQTT counters) and `GET /api/sensors` (the registry, in live-frame index order).
 */
export function statusRoutes(app: FastifyInstance, deps: { tokens: AccessTokens; catalog: SensorCatalog; stats: () => StatsDto; startedAtMs: number }): void {
  const operator = requireRole(deps.tokens, 'operator');
  app.get('/api/health', async () => ({ status: 'ok', uptimeS: Math.round((Date.now() - deps.startedAtMs) / 1000) }));
  app.get('/api/stats', { preHandler: operator }, async () => deps.stats());
  app.get('/api/sensors', { preHandler: operator }, async () => ({
    revision: deps.catalog.revision,
    community: deps.catalog.registry.community,
    sensors: deps.catalog.sensors,
  }));
}

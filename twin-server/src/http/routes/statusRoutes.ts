import type { FastifyInstance } from 'fastify';
import type { SensorListDto, StatsDto } from '@twin/protocol';
import type { SensorCatalog } from '../../registry/sensorCatalog.ts';
import { authOf } from '../routeGuard.ts';

/**
 * `GET /api/health` (public liveness probe: status only, no data), `GET /api/stats` (ingest,
 * live, MQTT and identity counters) and `GET /api/sensors` (the sensors the caller may see, with
 * their live-frame indices).
 */
export function statusRoutes(app: FastifyInstance, deps: { catalog: SensorCatalog; stats: () => StatsDto; startedAtMs: number }): void {
  const { catalog } = deps;
  app.get('/api/health', { config: { access: { public: true } } }, async () => ({ status: 'ok', uptimeS: Math.round((Date.now() - deps.startedAtMs) / 1000) }));
  app.get('/api/stats', { config: { access: { permission: 'status.read' } } }, async () => deps.stats());
  app.get('/api/sensors', { config: { access: { permission: 'sensors.read' } } }, async (request): Promise<SensorListDto> => {
    const { mask } = authOf(request).access.sensorMask('sensors.read', catalog.registry.community.id, catalog.sensors);
    const sensors: SensorListDto['sensors'] = [];
    const indices: number[] = [];
    catalog.sensors.forEach((sensor, index) => {
      if (mask[index] === 0) return;
      sensors.push(sensor);
      indices.push(index);
    });
    return { revision: catalog.revision, community: catalog.registry.community, registrySize: catalog.size, sensors, indices };
  });
}

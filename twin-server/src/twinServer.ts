import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { Server as SocketServer } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, StatsDto } from '@twin/protocol';
import { DeviceTokens } from './auth/deviceTokens.ts';
import { CameraService } from './cameras/cameraService.ts';
import { openAlarms } from './alarms/openAlarms.ts';
import { adminRoutes } from './http/routes/adminRoutes.ts';
import { alarmRoutes } from './http/routes/alarmRoutes.ts';
import { authRoutes } from './http/routes/authRoutes.ts';
import { cameraRoutes } from './http/routes/cameraRoutes.ts';
import { oidcRoutes } from './http/routes/oidcRoutes.ts';
import { queryRoutes } from './http/routes/queryRoutes.ts';
import { ingestRoutes } from './http/routes/ingestRoutes.ts';
import { statusRoutes } from './http/routes/statusRoutes.ts';
import { replyError } from './http/replyError.ts';
import { rendererRoutes } from './http/rendererRoutes.ts';
import { installRouteGuard, type GuardedRoute } from './http/routeGuard.ts';
import { modelFileTarget } from './identity/dataTargets.ts';
import { createDemoOrganisation, type DemoCredential } from './identity/demoOrganisation.ts';
import { IdentityError } from './identity/identityError.ts';
import { IdentityService } from './identity/identityService.ts';
import { OidcSignIn } from './identity/oidcSignIn.ts';
import { IngestPipeline } from './ingest/ingestPipeline.ts';
import { LiveHub } from './live/liveHub.ts';
import { emitWhere, installSocketGuard, type SocketData } from './live/socketGuard.ts';
import { createLogger, type Logger } from './logging/logger.ts';
import { DeviceChannel } from './mqtt/deviceChannel.ts';
import { startEmbeddedBroker, type EmbeddedBroker } from './mqtt/embeddedBroker.ts';
import { startExternalSubscriber, type ExternalSubscriber } from './mqtt/externalSubscriber.ts';
import { modelRoutes } from './modelService/modelRoutes.ts';
import { ModelService } from './modelService/modelService.ts';
import { SensorCatalog } from './registry/sensorCatalog.ts';
import type { ServerConfig } from './serverConfig.ts';
import { TelemetryStore } from './storage/telemetryStore.ts';

/** A running twin server. */
export interface TwinServer {
  readonly httpUrl: string;
  /** URL devices publish to (the embedded broker, or the external one). */
  readonly mqttUrl: string;
  /** The device token (MQTT password, HTTP ingest). */
  readonly devices: DeviceTokens;
  /** True when the credentials file was created by this start (show the device token once). */
  readonly credentialsCreated: boolean;
  readonly identity: IdentityService;
  /** The demo users created by this first start, to be shown once; empty otherwise. */
  readonly demoCredentials: readonly DemoCredential[];
  /** Every HTTP route and who may call it. */
  readonly routes: readonly GuardedRoute[];
  readonly catalog: SensorCatalog;
  stats(): StatsDto;
  /** Stops taking data, commits what was accepted, closes the database. */
  close(): Promise<void>;
}

/**
 * The composition root: opens storage, the registry and the credentials, then starts ingest,
 * the MQTT side (embedded broker or external subscription), HTTP and socket.io. Closing runs
 * in reverse order.
 */
export async function startTwinServer(config: ServerConfig, logger: Logger = createLogger('twin', { level: config.logLevel })): Promise<TwinServer> {
  const startedAtMs = Date.now();
  const catalog = await SensorCatalog.load(config.registryPath);
  const { tokens: devices, created } = await DeviceTokens.loadOrCreate(config.credentialsPath);
  const store = await TelemetryStore.open(config.dbPath);
  const disposers: Array<() => Promise<void> | void> = [() => store.close()];
  const close = async () => {
    for (const dispose of disposers.reverse()) {
      try {
        await dispose();
      } catch (error) {
        logger.error('error while shutting down', { error: String(error) });
      }
    }
    disposers.length = 0;
  };
  try {
    const identity = await IdentityService.open(await store.openIdentityStore(), { logger: logger.child('identity'), options: config.identity });
    disposers.push(() => identity.close());
    const community = catalog.registry.community;
    const demoCredentials = config.production || identity.organisationCount() > 0 ? [] : await createDemoOrganisation(identity, community);
    if (config.production) refuseDemoCredentials(identity);

    const sensorKeys = await store.syncSensors(catalog.sensors);
    const indexByKey = new Map<number, number>();
    sensorKeys.forEach((key, index) => indexByKey.set(key, index));

    const app = Fastify({ logger: false, bodyLimit: config.limits.maxPayloadBytes });
    const guard = installRouteGuard(app, { identity, devices });
    const io = new SocketServer<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(app.server, { serveClient: false });
    installSocketGuard(io, { identity, logger: logger.child('socket'), denials: guard.denials });
    const live = new LiveHub(io, { catalog, logger: logger.child('live'), tickMs: config.liveTickMs });
    const latest = await store.latestReadings();
    const seedIndices: number[] = [];
    const seedTs: number[] = [];
    const seedValues: number[] = [];
    latest.sensorKeys.forEach((key, i) => {
      const index = indexByKey.get(key);
      if (index === undefined) return;
      seedIndices.push(index);
      seedTs.push(latest.tsMs[i]!);
      seedValues.push(latest.values[i]!);
    });
    live.seed(seedIndices, seedTs, seedValues);

    const zoneOfBuilding = new Map(catalog.sensors.flatMap((s) => (s.location.building === undefined ? [] : [[s.location.building, s.location.area] as const])));
    const dataOf = (entry: { role: string; building?: string }) => modelFileTarget(community.id, entry, (building) => zoneOfBuilding.get(building));
    const models = await ModelService.open(
      { modelsDir: config.modelsDir, cacheDir: config.geometryCacheDir, limits: config.geometryLimits },
      {
        logger: logger.child('models'),
        onProgress: (progress) => {
          // Progress goes only to the clients that may see the model (REQ PLAT-8).
          const entry = models.library.listedEntry(progress.path);
          if (entry !== undefined) emitWhere(io, (auth) => auth.access.allows('models.read', dataOf(entry)), 'model:progress', progress);
        },
      },
    );
    disposers.push(() => models.dispose());

    // Camera video (GOV-3): ffmpeg makes HLS per watched camera; closing ends every ffmpeg.
    const cameras = await CameraService.open(
      {
        streamsDir: join(config.dataDir, 'camera-streams'),
        options: config.cameraStreams,
        ...(config.cameraClipsDir === undefined ? {} : { clipsDir: config.cameraClipsDir }),
        ...(config.cameraSourcesPath === undefined ? {} : { sourcesPath: config.cameraSourcesPath }),
      },
      { library: models.library, sensors: catalog, logger: logger.child('cameras') },
    );
    disposers.push(() => cameras.dispose());

    const deviceChannel = new DeviceChannel(logger.child('devices'));
    const alarms = await openAlarms(config, { store, catalog, identity, io, devices: deviceChannel, logger: logger.child('alarms') });
    disposers.push(() => alarms.close());

    const ingest = new IngestPipeline({
      sink: store,
      catalog,
      sensorKeys,
      limits: config.limits,
      onAccepted: (readings, from, to) => {
        live.publish(readings, from, to);
        alarms.service.onReadings(readings, from, to);
      },
      logger: logger.child('ingest'),
    });
    disposers.push(() => ingest.close());

    let broker: EmbeddedBroker | undefined;
    let subscriber: ExternalSubscriber | undefined;
    if (config.mqttUrl === undefined) {
      broker = await startEmbeddedBroker({ host: config.host, port: config.mqttPort, tokens: devices, ingest, devices: deviceChannel, logger: logger.child('mqtt') });
      const b = broker;
      disposers.push(() => b.close());
    } else {
      subscriber = await startExternalSubscriber({
        url: config.mqttUrl,
        clientId: 'twin-server-ingest',
        ingest,
        devices: deviceChannel,
        logger: logger.child('mqtt'),
        ...(config.mqttUsername === undefined ? {} : { username: config.mqttUsername }),
        ...(config.mqttPassword === undefined ? {} : { password: config.mqttPassword }),
      });
      const s = subscriber;
      disposers.push(() => s.close());
    }

    const stats = (): StatsDto => ({
      serverTimeMs: Date.now(),
      uptimeS: Math.round((Date.now() - startedAtMs) / 1000),
      ingest: ingest.stats(),
      live: live.stats(),
      mqtt: broker
        ? { mode: 'embedded', connectedDevices: broker.connectedDevices(), url: broker.url }
        : { mode: 'external', connectedDevices: subscriber?.connected() ? 1 : 0, url: config.mqttUrl ?? '' },
      registry: { sensors: catalog.size, revision: catalog.revision },
      models: models.stats(),
      identity: { liveSessions: identity.liveSessionCount(), denials: { ...guard.denials } },
      alarms: { ...alarms.service.stats(), devices: deviceChannel.stats() },
    });

    app.setErrorHandler((error: { code?: string; statusCode?: number; message: string }, request, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        ingest.countRejection('TWIN_ERR_INGEST_PAYLOAD_TOO_LARGE', { transport: 'http', peer: request.ip });
        return replyError(reply, 'TWIN_ERR_INGEST_PAYLOAD_TOO_LARGE', `body exceeds the limit of ${config.limits.maxPayloadBytes} bytes`);
      }
      if (error.statusCode !== undefined && error.statusCode < 500) return replyError(reply, 'TWIN_ERR_BAD_REQUEST', error.message);
      logger.error('request failed', { url: request.url, error: error.message });
      return replyError(reply, 'TWIN_ERR_INTERNAL');
    });
    app.setNotFoundHandler((request, reply) => replyError(reply, 'TWIN_ERR_NOT_FOUND', `no route ${request.method} ${request.url}`));
    statusRoutes(app, { catalog, stats, startedAtMs });
    ingestRoutes(app, { ingest });
    queryRoutes(app, { catalog, store });
    modelRoutes(app, { models, dataOf });
    authRoutes(app, { identity });
    adminRoutes(app, { identity });
    alarmRoutes(app, { alarms: alarms.service, identity });
    cameraRoutes(app, { cameras });
    let origin = config.publicUrl === undefined ? undefined : new URL(config.publicUrl).origin;
    oidcRoutes(app, { sso: new OidcSignIn(config.oidcProviders, { identity, serverOrigin: () => origin ?? '' }) });
    if (config.rendererDir !== undefined && existsSync(join(config.rendererDir, 'index.html'))) rendererRoutes(app, { rendererDir: config.rendererDir });
    else logger.warn('the command-center app is not built, so / serves nothing: run npm run build -w desktop', { rendererDir: config.rendererDir });
    await app.listen({ host: config.host, port: config.httpPort });
    disposers.push(async () => {
      live.close();
      await io.close();
      await app.close();
    });
    const address = app.server.address();
    const httpPort = typeof address === 'object' && address !== null ? address.port : config.httpPort;
    const httpUrl = `http://${config.host}:${httpPort}`;
    origin ??= httpUrl;
    logger.info('twin server listening', { http: httpUrl, mqtt: broker?.url ?? config.mqttUrl, db: config.dbPath, sensors: catalog.size });

    const rollups = setInterval(() => {
      store.refreshRollups(Date.now()).catch((error: unknown) => logger.error('rollup refresh failed', { error: String(error) }));
    }, config.rollupIntervalMs);
    disposers.push(() => clearInterval(rollups));

    return { httpUrl, mqttUrl: broker?.url ?? config.mqttUrl ?? '', devices, credentialsCreated: created, identity, demoCredentials, routes: guard.routes, catalog, stats, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Production mode refuses to run with generated demo passwords still in place. */
function refuseDemoCredentials(identity: IdentityService): void {
  const demo = identity
    .organisationIds()
    .flatMap((orgId) => identity.usersOf(orgId))
    .filter((u) => u.demoCredentials && !u.disabled);
  if (demo.length > 0) {
    throw new IdentityError('TWIN_ERR_AUTH_DEFAULT_CREDENTIALS', `production mode refuses generated demo credentials; change the password of, or disable: ${demo.map((u) => u.username).join(', ')}`);
  }
}

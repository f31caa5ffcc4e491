import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultRegistryPath } from '@twin/models';
import { DEFAULT_CAMERA_STREAM_OPTIONS, type CameraStreamOptions } from './cameras/cameraStreamOptions.ts';
import type { IngestLimits } from './ingest/ingestPipeline.ts';
import type { LogLevel } from './logging/logger.ts';
import { DEFAULT_IDENTITY_OPTIONS, type IdentityOptions } from './identity/identityService.ts';
import type { OidcProviderConfig } from './identity/oidcSignIn.ts';
import { DEFAULT_GEOMETRY_LIMITS, type GeometryLimits } from './modelService/geometryService.ts';

/** Everything `twin serve` can be told; `defaultServerConfig` gives the embedded defaults. */
export interface ServerConfig {
  /** Directory for the database, credentials and caches. */
  dataDir: string;
  /** DuckDB file. */
  dbPath: string;
  /** File holding the device token (created on first start). */
  credentialsPath: string;
  registryPath: string;
  host: string;
  /** HTTP and socket.io port; 0 picks a free one. */
  httpPort: number;
  /** Embedded MQTT broker port; 0 picks a free one. Ignored with `mqttUrl`. */
  mqttPort: number;
  /** External broker to subscribe to instead of embedding one. */
  mqttUrl?: string;
  mqttUsername?: string;
  mqttPassword?: string;
  limits: IngestLimits;
  /** Live frame interval. */
  liveTickMs: number;
  /** How often rollups are brought up to date. */
  rollupIntervalMs: number;
  logLevel: LogLevel;
  /** The community's models: `manifest.json` and the files it lists. */
  modelsDir: string;
  /** Prepared geometry (mesh packs), one file per IFC content hash. */
  geometryCacheDir: string;
  geometryLimits: GeometryLimits;
  /** Login rate limits and session sweeping. */
  identity: IdentityOptions;
  /**
   * Production mode: no demo organisation is created on first start, and the server refuses to
   * start while generated demo credentials remain.
   */
  production: boolean;
  /** OpenID Connect providers offered for single sign-on. */
  oidcProviders: OidcProviderConfig[];
  /** The built command-center app served at `/` (absent: not served). */
  rendererDir?: string;
  /** The alarm rules file (absent: the guideline's default rules for the registry). */
  alarmRulesPath?: string;
  /** Notification channels, recipients and escalation per organisation (absent: no notifications). */
  notificationsPath?: string;
  /** How often time-driven alarm conditions are evaluated, ms. */
  alarmTickMs: number;
  /** How often early warnings are drawn from the stored history (REQ PROP-2 g), ms. */
  earlyWarningIntervalMs: number;
  /** The origin browsers reach this server at (the OIDC callback is registered under it); default: the listening address. */
  publicUrl?: string;
  /** Video files of `clip:<file>` cameras (absent: those cameras show the test pattern). */
  cameraClipsDir?: string;
  /** Camera sources file overriding catalogue sources, e.g. RTSP URLs with credentials (absent: none). */
  cameraSourcesPath?: string;
  /** Encoder limit, idle stop, test pattern size and the ffmpeg tools of camera streaming. */
  cameraStreams: CameraStreamOptions;
}

/** The sample camera clips of the shared test data, beside the repository. */
const SAMPLE_CAMERA_CLIPS = fileURLToPath(new URL('../../../shared/data/camera/intel-iot-sample-videos', import.meta.url));

/**
 * Embedded defaults: a DuckDB file and the geometry cache under `var/`, the built-in broker on
 * 1883, HTTP on 8080, the sample community's models (`models/community` of `@twin/models`), and the
 * sample camera clips when the shared data folder is beside the repository.
 */
export function defaultServerConfig(registryPath: string, dataDir = 'var'): ServerConfig {
  return {
    dataDir,
    dbPath: join(dataDir, 'twin.duckdb'),
    credentialsPath: join(dataDir, 'credentials.json'),
    registryPath,
    host: '127.0.0.1',
    httpPort: 8080,
    mqttPort: 1883,
    limits: {
      maxPayloadBytes: 4 * 1024 * 1024,
      maxFutureMs: 5 * 60_000,
      maxPastMs: 30 * 86_400_000,
      maxPendingReadings: 4_000_000,
    },
    liveTickMs: 10,
    rollupIntervalMs: 10_000,
    logLevel: 'info',
    modelsDir: dirname(defaultRegistryPath),
    geometryCacheDir: join(dataDir, 'geometry-cache'),
    geometryLimits: { ...DEFAULT_GEOMETRY_LIMITS },
    identity: { ...DEFAULT_IDENTITY_OPTIONS },
    production: false,
    oidcProviders: [],
    alarmTickMs: 250,
    earlyWarningIntervalMs: 5 * 60_000,
    rendererDir: fileURLToPath(new URL('../../desktop/dist/renderer', import.meta.url)),
    ...(existsSync(SAMPLE_CAMERA_CLIPS) ? { cameraClipsDir: SAMPLE_CAMERA_CLIPS } : {}),
    cameraStreams: { ...DEFAULT_CAMERA_STREAM_OPTIONS },
  };
}

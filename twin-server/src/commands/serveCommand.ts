import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { LogLevel } from '../logging/logger.ts';
import { defaultServerConfig, type ServerConfig } from '../serverConfig.ts';
import { startTwinServer, type TwinServer } from '../twinServer.ts';

/** Parsed options of `twin serve` and `twin start`. */
export interface ServeOptions {
  dataDir: string;
  db?: string;
  registry: string;
  /** Models directory (default: the sample community of `@twin/models`). */
  models?: string;
  host: string;
  httpPort: number;
  mqttPort: number;
  mqttUrl?: string;
  mqttUsername?: string;
  mqttPassword?: string;
  maxPayloadBytes: number;
  liveTickMs: number;
  logLevel: LogLevel;
  /** Refuse demo credentials; create no demo organisation. */
  production: boolean;
  /** JSON file of OpenID Connect providers. */
  oidcConfig?: string;
  publicUrl?: string;
  /** Alarm rules file (JSON). */
  alarmRules?: string;
  /** Notification settings file (JSON, per organisation). */
  notifications?: string;
  /** Video files of `clip:` cameras. */
  cameraClips?: string;
  /** Camera sources file (JSON). */
  cameraSources?: string;
  /** Most cameras streamed at once. */
  maxCameraStreams: number;
}

const oidcProvidersSchema = z.array(
  z
    .object({
      id: z.string().regex(/^[a-z0-9-]{1,32}$/),
      name: z.string().min(1),
      issuer: z.url(),
      clientId: z.string().min(1),
      clientSecret: z.string().min(1).optional(),
      orgId: z.string().min(1),
      usernameClaim: z.string().min(1).optional(),
      allowInsecure: z.boolean().optional(),
    })
    .strict(),
);

/** Turns command-line options into a server configuration. */
export async function configFromOptions(options: ServeOptions): Promise<ServerConfig> {
  const config = defaultServerConfig(options.registry, options.dataDir);
  config.dbPath = options.db ?? join(options.dataDir, 'twin.duckdb');
  if (options.models !== undefined) config.modelsDir = options.models;
  config.host = options.host;
  config.httpPort = options.httpPort;
  config.mqttPort = options.mqttPort;
  if (options.mqttUrl !== undefined) config.mqttUrl = options.mqttUrl;
  if (options.mqttUsername !== undefined) config.mqttUsername = options.mqttUsername;
  if (options.mqttPassword !== undefined) config.mqttPassword = options.mqttPassword;
  config.limits.maxPayloadBytes = options.maxPayloadBytes;
  config.liveTickMs = options.liveTickMs;
  config.logLevel = options.logLevel;
  config.production = options.production;
  if (options.publicUrl !== undefined) config.publicUrl = options.publicUrl;
  if (options.alarmRules !== undefined) config.alarmRulesPath = options.alarmRules;
  if (options.notifications !== undefined) config.notificationsPath = options.notifications;
  if (options.cameraClips !== undefined) config.cameraClipsDir = options.cameraClips;
  if (options.cameraSources !== undefined) config.cameraSourcesPath = options.cameraSources;
  config.cameraStreams.maxEncoders = options.maxCameraStreams;
  if (options.oidcConfig !== undefined) {
    const parsed = oidcProvidersSchema.safeParse(JSON.parse(await readFile(options.oidcConfig, 'utf8')));
    if (!parsed.success) throw new Error(`${options.oidcConfig}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
    config.oidcProviders = parsed.data;
  }
  return config;
}

/** Stops the server on SIGINT/SIGTERM, committing what was accepted first. */
export function closeOnSignals(server: TwinServer, beforeClose: () => Promise<void> | void = () => {}): void {
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.error(`${signal}: committing accepted readings and closing the database...`);
    await beforeClose();
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** `twin serve`. */
export async function serveCommand(options: ServeOptions): Promise<void> {
  const server = await startTwinServer(await configFromOptions(options));
  printCredentials(server, options.dataDir);
  // Machine-readable line for supervisors and tests.
  console.log(JSON.stringify({ event: 'listening', http: server.httpUrl, mqtt: server.mqttUrl }));
  closeOnSignals(server);
}

/**
 * Shows what this start created, once: the device token (kept in the credentials file) and the
 * demo users' passwords (kept only as hashes, so never shown again).
 */
export function printCredentials(server: TwinServer, dataDir: string): void {
  if (server.credentialsCreated) {
    console.log(`New device token written to ${join(dataDir, 'credentials.json')} (MQTT password, POST /api/ingest): ${server.devices.secrets.deviceToken}`);
  }
  if (server.demoCredentials.length > 0) {
    console.log('Demo organisation created. Sign-in credentials (shown once; change them, production mode refuses them):');
    for (const c of server.demoCredentials) console.log(`  ${c.role.padEnd(13)} ${c.username.padEnd(10)} ${c.password}`);
  }
}

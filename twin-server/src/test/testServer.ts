import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type Grant, type LoginResult, type OrganisationCreate, type SensorRegistry, type ServerToClientEvents, type Sensitivity } from '@twin/protocol';
import { silentLogger, type Logger } from '../logging/logger.ts';
import { defaultServerConfig, type ServerConfig } from '../serverConfig.ts';
import { startTwinServer, type TwinServer } from '../twinServer.ts';

/** A socket.io client typed by the wire contract. */
export type TwinClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A temporary data directory holding a registry file. */
export async function makeDataDir(registry: SensorRegistry): Promise<{ dir: string; registryPath: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'twin-test-'));
  const registryPath = join(dir, 'sensors.json');
  await writeFile(registryPath, JSON.stringify(registry));
  return { dir, registryPath, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A user for `seedOrganisation`. */
export interface TestUser {
  username: string;
  password: string;
  displayName?: string;
  clearance?: Sensitivity;
  grants: Grant[];
}

/**
 * A real server (DuckDB file, embedded broker, HTTP, socket.io) on free ports in a temp dir. The
 * first start creates the demo organisation; `operator()` and `http()` sign in as its operator.
 */
export async function startTestServer(registry: SensorRegistry, overrides: Partial<ServerConfig> = {}, logger: Logger = silentLogger) {
  const data = await makeDataDir(registry);
  const defaults = defaultServerConfig(data.registryPath, data.dir);
  const config = { ...defaults, httpPort: 0, mqttPort: 0, rollupIntervalMs: 60_000, identity: { ...defaults.identity, sweepIntervalMs: 100 }, ...overrides };
  const server = await startTwinServer(config, logger);
  const clients: Array<{ close: () => unknown }> = [];
  const platform = { user: null, ip: 'test' };
  const login = async (username: string, password: string): Promise<LoginResult> => {
    const response = await fetch(`${server.httpUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (response.status !== 200) throw new Error(`login of ${username} failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as LoginResult;
  };
  const demo = (role: string) => {
    const credential = server.demoCredentials.find((c) => c.role === role);
    if (credential === undefined) throw new Error(`no demo ${role} (the data directory was not fresh)`);
    return credential;
  };
  let operatorToken: Promise<string> | undefined;
  const defaultToken = () => (operatorToken ??= login(demo('operator').username, demo('operator').password).then((r) => r.token));
  const connect = async (auth: Partial<{ token: string; protocolVersion: number }>): Promise<TwinClientSocket> => {
    const socket: TwinClientSocket = connectSocket(server.httpUrl, { transports: ['websocket'], reconnection: false, auth: { protocolVersion: PROTOCOL_VERSION, ...auth } });
    clients.push({ close: () => socket.close() });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    return socket;
  };
  return {
    server,
    config,
    dir: data.dir,
    /** An MQTT device logged in with the device token. */
    async device(clientId = `device-${clients.length}`): Promise<MqttClient> {
      const client = await mqtt.connectAsync(server.mqttUrl, { clientId, username: clientId, password: server.devices.secrets.deviceToken, reconnectPeriod: 0 });
      clients.push({ close: () => client.endAsync(true) });
      return client;
    },
    /** A socket.io client signed in as the demo operator, or with the given handshake auth. */
    async operator(auth: Partial<{ token: string; protocolVersion: number }> = {}): Promise<TwinClientSocket> {
      return connect({ token: auth.token ?? (await defaultToken()), ...auth });
    },
    /** A socket.io client with exactly this handshake auth (no default token). */
    socket: connect,
    /** `fetch` against the server with a bearer token: the demo operator's by default, none with `null`. */
    async http(path: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> {
      const token = init.token === undefined ? await defaultToken() : init.token;
      const headers = new Headers(init.headers);
      if (token !== null) headers.set('authorization', `Bearer ${token}`);
      return fetch(server.httpUrl + path, { ...init, headers });
    },
    /** Signs in through `POST /api/auth/login`. */
    login,
    /** The generated password of the demo user with this role. */
    demo,
    /** Creates an organisation and its users directly in the identity service. */
    async seedOrganisation(org: OrganisationCreate, users: readonly TestUser[]): Promise<void> {
      await server.identity.createOrganisation(org, platform);
      for (const u of users) {
        await server.identity.createUser(org.id, { username: u.username, password: u.password, displayName: u.displayName ?? u.username, clearance: u.clearance ?? 'confidential', grants: u.grants, ssoLinks: [] }, platform);
      }
    },
    /** Sets an organisation's idle timeout, below the API's one-minute floor (tests only). */
    async setIdleTimeout(orgId: string, seconds: number): Promise<void> {
      await server.identity.updateOrganisation(orgId, { idleTimeoutS: seconds }, platform);
    },
    async close(options: { keepData?: boolean } = {}): Promise<void> {
      for (const client of clients.splice(0)) await client.close();
      await server.close();
      if (!options.keepData) await data.remove();
    },
  };
}

/** Resolves with the first value `probe` returns that is not undefined, polling every 20 ms. */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export type { TwinServer };

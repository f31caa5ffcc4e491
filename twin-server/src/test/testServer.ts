import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type SensorRegistry, type ServerToClientEvents } from '@twin/protocol';
import { silentLogger } from '../logging/logger.ts';
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

/** A real server (DuckDB file, embedded broker, HTTP, socket.io) on free ports in a temp dir. */
export async function startTestServer(registry: SensorRegistry, overrides: Partial<ServerConfig> = {}) {
  const data = await makeDataDir(registry);
  const config = { ...defaultServerConfig(data.registryPath, data.dir), httpPort: 0, mqttPort: 0, rollupIntervalMs: 60_000, ...overrides };
  const server = await startTwinServer(config, silentLogger);
  const clients: Array<{ close: () => unknown }> = [];
  return {
    server,
    config,
    dir: data.dir,
    /** An MQTT device logged in with the device token. */
    async device(clientId = `device-${clients.length}`): Promise<MqttClient> {
      const client = await mqtt.connectAsync(server.mqttUrl, { clientId, username: clientId, password: server.tokens.secrets.deviceToken, reconnectPeriod: 0 });
      clients.push({ close: () => client.endAsync(true) });
      return client;
    },
    /** A socket.io client logged in with the operator token. */
    async operator(auth: Partial<{ token: string; protocolVersion: number }> = {}): Promise<TwinClientSocket> {
      const socket: TwinClientSocket = connectSocket(server.httpUrl, {
        transports: ['websocket'],
        reconnection: false,
        auth: { token: server.tokens.secrets.operatorToken, protocolVersion: PROTOCOL_VERSION, ...auth },
      });
      clients.push({ close: () => socket.close() });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', (error) => reject(error));
      });
      return socket;
    },
    /** `fetch` against the server with the given token (operator by default). */
    http(path: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> {
      const token = init.token === undefined ? server.tokens.secrets.operatorToken : init.token;
      const headers = new Headers(init.headers);
      if (token !== null) headers.set('authorization', `Bearer ${token}`);
      return fetch(server.httpUrl + path, { ...init, headers });
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

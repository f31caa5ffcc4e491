import { createServer, type Server } from 'node:net';
import type { Writable } from 'node:stream';
import { Aedes, type AuthenticateError } from 'aedes';
import type { DeviceTokens } from '../auth/deviceTokens.ts';
import { IngestUnavailableError, type IngestPipeline } from '../ingest/ingestPipeline.ts';
import type { Logger } from '../logging/logger.ts';
import type { DeviceChannel } from './deviceChannel.ts';
import { classifyTopic } from './telemetryTopics.ts';

/** A running broker. */
export interface EmbeddedBroker {
  readonly port: number;
  readonly url: string;
  connectedDevices(): number;
  close(): Promise<void>;
}

/**
 * The MQTT broker built into the server (REQ PLAT-10: the device interface). Devices log in with
 * the device token as password. A QoS 1 PUBLISH to a telemetry topic is acknowledged (PUBACK)
 * only after its readings are committed: the broker asks `authorizePublish` before it writes
 * the PUBACK, and we answer after the commit. Aedes reads a client's next socket chunk only once
 * every packet of the last one is answered, so a device cannot outrun storage.
 */
export async function startEmbeddedBroker(options: {
  host: string;
  port: number;
  tokens: DeviceTokens;
  ingest: IngestPipeline;
  logger: Logger;
  /** Carries commands to devices and their state reports back (PLAT-6). */
  devices: DeviceChannel;
  /** Socket read buffer: bytes read per commit cycle per connection. */
  socketBufferBytes?: number;
}): Promise<EmbeddedBroker> {
  const { tokens, ingest, logger, devices } = options;
  // One commit releases many PUBACKs per connection: cork each connection until the promise
  // callbacks of that commit have run, so they leave in one write instead of one syscall each.
  const corked = new Set<Writable>();
  const uncorkAll = () => {
    for (const conn of corked) conn.uncork();
    corked.clear();
  };
  const corkForThisTick = (conn: Writable) => {
    if (corked.has(conn)) return;
    if (corked.size === 0) process.nextTick(uncorkAll);
    conn.cork();
    corked.add(conn);
  };
  const broker = await Aedes.createBroker({
    maxClientsIdLength: 128,
    authenticate(client, username, password, done) {
      if (tokens.authenticate(password?.toString('utf8'))) return done(null, true);
      logger.warn('MQTT login refused', { clientId: client.id, username });
      const error = new Error('bad username or password') as AuthenticateError;
      error.returnCode = 4;
      done(error, false);
    },
    authorizePublish(client, packet, callback) {
      if (client === null) return callback(null);
      const topic = classifyTopic(packet.topic);
      if (topic.role === 'status') return callback(null);
      if (topic.role === 'state') {
        devices.receive(topic.deviceId, packet.payload as Buffer);
        return callback(null);
      }
      if (topic.role !== 'telemetry') {
        logger.warn('MQTT publish to a topic devices may not use', { clientId: client.id, topic: packet.topic });
        return callback(new Error(`publishing to ${packet.topic} is not allowed`));
      }
      ingest.submit(packet.payload as Buffer, { transport: 'mqtt', peer: client.id, defaultSensor: topic.sensorId }, (error) => {
        if (error === null) {
          corkForThisTick(client.conn as Writable);
          return callback(null);
        }
        // Not durable: no PUBACK. Dropping the connection makes the device resend after reconnecting.
        logger.error('telemetry not committed; closing the device connection so it resends', { clientId: client.id, error: String(error) });
        callback(error instanceof IngestUnavailableError ? error : new Error(String(error)));
      });
    },
    authorizeSubscribe(client, subscription, callback) {
      const topic = classifyTopic(subscription.topic);
      // Devices listen for commands: a device for its own, a gateway (with the device token) for the devices behind it.
      if (topic.role === 'command' || topic.role === 'command-wildcard') return callback(null, subscription);
      logger.warn('MQTT subscription refused', { clientId: client.id, topic: subscription.topic });
      callback(new Error(`subscribing to ${subscription.topic} is not allowed`));
    },
    // Telemetry is consumed by the server itself; it is not forwarded to other MQTT clients.
    authorizeForward(_client, packet) {
      return classifyTopic(packet.topic).role === 'telemetry' ? null : packet;
    },
  });
  broker.on('clientError', (client, error) => logger.debug('MQTT client error', { clientId: client.id, error: error.message }));
  const server: Server = createServer({ highWaterMark: options.socketBufferBytes ?? 1 << 20 }, broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  logger.info('MQTT broker listening', { host: options.host, port });
  devices.attach(
    (topic, payload) =>
      new Promise<void>((resolve, reject) => broker.publish({ cmd: 'publish', topic, payload: Buffer.from(payload), qos: 1, retain: false, dup: false }, (error) => (error ? reject(error) : resolve()))),
  );
  return {
    port,
    url: `mqtt://${options.host}:${port}`,
    connectedDevices: () => broker.connectedClients,
    close: async () => {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

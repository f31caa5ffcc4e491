import mqtt from 'mqtt';
import type { IngestPipeline } from '../ingest/ingestPipeline.ts';
import type { Logger } from '../logging/logger.ts';
import type { DeviceChannel } from './deviceChannel.ts';
import { classifyTopic, STATE_SUBSCRIPTION, TELEMETRY_SUBSCRIPTIONS } from './telemetryTopics.ts';

/** A subscription to an external broker. */
export interface ExternalSubscriber {
  readonly url: string;
  connected(): boolean;
  close(): Promise<void>;
}

/**
 * Consumes telemetry from an external broker (`--mqtt-url`) with a persistent session and QoS 1,
 * acknowledging each message to the broker only after its readings are committed; the broker
 * keeps and redelivers what was not acknowledged, so a crash of the server loses nothing.
 * The MQTT client handles one message at a time, so throughput here is one message per commit:
 * gateways should send batches.
 */
export async function startExternalSubscriber(options: {
  url: string;
  clientId: string;
  username?: string;
  password?: string;
  ingest: IngestPipeline;
  logger: Logger;
  /** Carries commands to devices and their state reports back (PLAT-6). */
  devices: DeviceChannel;
}): Promise<ExternalSubscriber> {
  const { ingest, logger, devices } = options;
  const client = mqtt.connect(options.url, {
    clientId: options.clientId,
    clean: false,
    reconnectPeriod: 1000,
    ...(options.username === undefined ? {} : { username: options.username }),
    ...(options.password === undefined ? {} : { password: options.password }),
  });
  client.handleMessage = (packet, callback) => {
    if (packet.cmd !== 'publish') return callback();
    const topic = classifyTopic(packet.topic);
    if (topic.role === 'state') {
      devices.receive(topic.deviceId, packet.payload as Buffer);
      return callback();
    }
    if (topic.role !== 'telemetry') return callback();
    const source = { transport: 'mqtt' as const, peer: 'external-broker', ...(topic.sensorId === undefined ? {} : { defaultSensor: topic.sensorId }) };
    ingest.ingest(packet.payload as Buffer, source).then(
      () => callback(),
      (error: unknown) => {
        // Without an acknowledgement the broker redelivers after we reconnect.
        logger.error('telemetry from the external broker not committed; reconnecting for redelivery', { error: String(error) });
        client.stream.destroy();
      },
    );
  };
  client.on('error', (error) => logger.warn('external MQTT broker error', { url: options.url, error: error.message }));
  let subscribed: () => void = () => {};
  client.on('connect', (connack) => {
    logger.info('connected to the external MQTT broker', { url: options.url, sessionPresent: connack.sessionPresent });
    client.subscribe([...TELEMETRY_SUBSCRIPTIONS, STATE_SUBSCRIPTION], { qos: 1 }, (error) => {
      if (error) logger.error('subscribing to telemetry failed', { error: error.message });
      else subscribed();
    });
  });
  await new Promise<void>((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      client.end(true);
      reject(new Error(`no answer from the MQTT broker at ${options.url}: ${reason}`));
    };
    const succeed = () => {
      clearTimeout(timer);
      client.removeListener('close', closedEarly);
      resolve();
    };
    // Started means subscribed: nothing published after start can miss the subscription.
    subscribed = succeed;
    const closedEarly = () => fail('connection closed before the broker accepted it');
    const timer = setTimeout(() => fail('not connected and subscribed within 10 s'), 10_000);
    client.once('close', closedEarly);
  });
  devices.attach((topic, payload) => client.publishAsync(topic, payload, { qos: 1 }).then(() => undefined));
  return {
    url: options.url,
    connected: () => client.connected,
    close: () => new Promise<void>((resolve) => client.end(false, {}, () => resolve())),
  };
}

import { connect, type Socket } from 'node:net';
import mqttPacket from 'mqtt-packet';

/**
 * A minimal MQTT 3.1.1 QoS 1 publisher for load generation: packets encoded with mqtt-packet (the
 * codec aedes and mqtt.js use) and written corked, so the machine's CPU goes to the server under
 * test rather than to the load generator. PUBACKs are matched by message id.
 */
export class LeanPublisher {
  private nextId = 1;
  private readonly pending = new Map<number, () => void>();
  private corked = false;

  private constructor(private readonly socket: Socket) {
    const parser = mqttPacket.parser();
    parser.on('packet', (packet) => {
      if (packet.cmd === 'puback' && packet.messageId !== undefined) {
        const done = this.pending.get(packet.messageId);
        this.pending.delete(packet.messageId);
        done?.();
      }
    });
    socket.on('data', (chunk) => parser.parse(chunk));
  }

  /** Connects and logs in; resolves on a successful CONNACK. */
  static async connect(url: string, clientId: string, password: string): Promise<LeanPublisher> {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    socket.setNoDelay(true);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const connack = new Promise<void>((resolve, reject) => {
      const parser = mqttPacket.parser();
      const onData = (chunk: Buffer) => parser.parse(chunk);
      parser.once('packet', (packet) => {
        socket.off('data', onData);
        if (packet.cmd === 'connack' && packet.returnCode === 0) resolve();
        else reject(new Error(`connection refused: ${JSON.stringify(packet)}`));
      });
      socket.on('data', onData);
    });
    socket.write(mqttPacket.generate({ cmd: 'connect', protocolId: 'MQTT', protocolVersion: 4, clean: true, clientId, keepalive: 60, username: clientId, password: Buffer.from(password) }));
    await connack;
    return new LeanPublisher(socket);
  }

  /** Publishes at QoS 1; `acked` runs when the PUBACK arrives. */
  publish(topic: string, payload: string | Buffer, acked: () => void): void {
    const messageId = this.nextId;
    this.nextId = this.nextId === 65535 ? 1 : this.nextId + 1;
    this.pending.set(messageId, acked);
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    this.socket.write(mqttPacket.generate({ cmd: 'publish', topic, payload, qos: 1, messageId, retain: false, dup: false }));
  }

  end(): void {
    this.socket.end(mqttPacket.generate({ cmd: 'disconnect' }));
  }
}

/**
 * An embedded aedes broker on a free local port, for the simulator's tests: it accepts one
 * device login and records every publish it receives.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Aedes, type AuthenticateError } from 'aedes';

/** A publish as the broker received it. */
export interface ReceivedPublish {
  clientId: string;
  topic: string;
  payload: string;
  qos: number;
}

/** A running test broker. */
export interface TestBroker {
  url: string;
  received: ReceivedPublish[];
  close(): Promise<void>;
}

/** Starts a broker that admits `username`/`password` only. */
export async function startTestBroker(username: string, password: string): Promise<TestBroker> {
  const received: ReceivedPublish[] = [];
  const broker = await Aedes.createBroker({
    authenticate(_client, user, pass, done) {
      if (user === username && pass?.toString('utf8') === password) return done(null, true);
      const error = new Error('bad username or password') as AuthenticateError;
      error.returnCode = 4;
      done(error, false);
    },
  });
  broker.on('publish', (packet, client) => {
    if (client !== null && client !== undefined) received.push({ clientId: client.id, topic: packet.topic, payload: packet.payload.toString(), qos: packet.qos });
  });
  const server = createServer(broker.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `mqtt://127.0.0.1:${port}`,
    received,
    async close() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Resolves once `predicate` holds, polling every 20 ms; rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

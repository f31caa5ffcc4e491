import type { Result } from './errors.ts';
import type { SubscriptionAck, SubscriptionFilter } from './schemas/subscription.ts';
import type { ModelProgress } from './meshPack.ts';
import type { SessionEndReason } from './identity.ts';

/** What the server says first on every connection. */
export interface ServerHello {
  protocolVersion: number;
  serverTimeMs: number;
  registryRevision: number;
  sensorCount: number;
}

/**
 * Events the server emits. `telemetry:frame` carries a binary live frame (see `liveFrame.ts`):
 * first a snapshot of the latest values of the subscribed sensors, then deltas.
 */
export interface ServerToClientEvents {
  'server:hello': (hello: ServerHello) => void;
  'telemetry:frame': (frame: ArrayBuffer) => void;
  /** Progress of preparing a model's geometry (`GET /api/models/geometry/<path>`), to every operator. */
  'model:progress': (progress: ModelProgress) => void;
  /** The session ended (idle, lifetime, revoked, logged out); the server disconnects right after. */
  'session:ended': (ended: { reason: SessionEndReason }) => void;
}

/** Events a client emits; every request is answered through its acknowledgement. */
export interface ClientToServerEvents {
  'telemetry:subscribe': (filter: SubscriptionFilter, ack: (result: Result<SubscriptionAck>) => void) => void;
  'telemetry:unsubscribe': (ack: (result: Result<null>) => void) => void;
  /** The user is at the console (input seen): restarts the idle timer. Answers the new idle deadline. */
  'session:activity': (ack: (result: Result<{ idleExpiresAtMs: number }>) => void) => void;
}

/** What a client sends in the socket.io handshake (`io(url, { auth })`). */
export interface HandshakeAuth {
  /** The session token from login. */
  token: string;
  protocolVersion: number;
}

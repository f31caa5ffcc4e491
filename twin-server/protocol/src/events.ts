import type { Result } from './errors.ts';
import type { SubscriptionAck, SubscriptionFilter } from './schemas/subscription.ts';
import type { ModelProgress } from './meshPack.ts';
import type { SessionEndReason } from './identity.ts';
import type { AlarmDto, AlarmEventDto, AlarmUpdate } from './alarms.ts';

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
  /** An alarm event and the alarm after it, to clients subscribed with `alarm:subscribe`. */
  'alarm:update': (update: AlarmUpdate) => void;
}

/**
 * What `alarm:subscribe` answers: the current alarms (not normal, or with something to
 * acknowledge), the events after `afterEventId` the client missed while away (at most
 * `ALARM_RESUME_LIMIT`; `truncated` when more were missed), and the last event id. Updates follow
 * as `alarm:update`.
 */
export interface AlarmSubscription {
  alarms: AlarmDto[];
  missed: AlarmEventDto[];
  truncated: boolean;
  lastEventId: number;
}

/** Most missed events one resume returns. */
export const ALARM_RESUME_LIMIT = 10_000;

/** Events a client emits; every request is answered through its acknowledgement. */
export interface ClientToServerEvents {
  'telemetry:subscribe': (filter: SubscriptionFilter, ack: (result: Result<SubscriptionAck>) => void) => void;
  'telemetry:unsubscribe': (ack: (result: Result<null>) => void) => void;
  /** The user is at the console (input seen): restarts the idle timer. Answers the new idle deadline. */
  'session:activity': (ack: (result: Result<{ idleExpiresAtMs: number }>) => void) => void;
  /** Alarm updates from now on, with what happened after `afterEventId` (omit on first connect). */
  'alarm:subscribe': (request: { afterEventId?: number }, ack: (result: Result<AlarmSubscription>) => void) => void;
}

/** What a client sends in the socket.io handshake (`io(url, { auth })`). */
export interface HandshakeAuth {
  /** The session token from login. */
  token: string;
  protocolVersion: number;
}

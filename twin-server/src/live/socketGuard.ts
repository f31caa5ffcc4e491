import type { Server, Socket } from 'socket.io';
import { PROTOCOL_VERSION, twinError, type ClientToServerEvents, type HandshakeAuth, type Permission, type ServerToClientEvents, type TwinErrorCode } from '@twin/protocol';
import type { DenialCounts } from '../http/routeGuard.ts';
import { IdentityError } from '../identity/identityError.ts';
import type { Authenticated, IdentityService } from '../identity/identityService.ts';
import type { Logger } from '../logging/logger.ts';

/** What the server keeps per socket: the signed-in identity, refreshed on every event. */
export interface SocketData {
  auth: Authenticated;
}

/** The socket.io server typed by the wire contract. */
export type TwinSocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
/** One connection typed by the wire contract. */
export type TwinSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * Who may send each client event (REQ PLAT-8: every socket event authorised): a permission, or
 * `session` for any signed-in user. An event not listed here is refused.
 */
export const SOCKET_EVENT_ACCESS: Record<keyof ClientToServerEvents, Permission | 'session'> = {
  'telemetry:subscribe': 'telemetry.subscribe',
  'telemetry:unsubscribe': 'telemetry.subscribe',
  'session:activity': 'session',
  'alarm:subscribe': 'alarms.read',
};

/**
 * Authenticates every socket.io connection with a session token and protocol version, checks the
 * session and the event's permission again on every event (so an ended session is cut off at
 * once, and so is a reconnect with its token), and disconnects a session's sockets the moment it
 * ends (logout, revocation, idle timeout, lifetime), telling the client why first.
 */
export function installSocketGuard(io: TwinSocketServer, deps: { identity: IdentityService; logger: Logger; denials: DenialCounts }): void {
  const { identity } = deps;
  const bySession = new Map<string, Set<TwinSocket>>();
  const deny = (code: TwinErrorCode) => {
    deps.denials[code] = (deps.denials[code] ?? 0) + 1;
  };

  io.use((socket, next) => {
    const auth = socket.handshake.auth as Partial<HandshakeAuth>;
    const refuse = (code: TwinErrorCode, message: string) => {
      deny(code);
      next(Object.assign(new Error(code), { data: twinError(code, message) }));
    };
    if (auth.protocolVersion !== PROTOCOL_VERSION) return refuse('TWIN_ERR_PROTOCOL_VERSION', `protocol version ${String(auth.protocolVersion)} is not supported; the server speaks ${PROTOCOL_VERSION}`);
    if (typeof auth.token !== 'string' || auth.token.length === 0) return refuse('TWIN_ERR_AUTH_REQUIRED', 'send the session token as handshake auth.token');
    const result = identity.authenticate(auth.token, { activity: false });
    if (result instanceof IdentityError) {
      deps.logger.debug('socket connection refused', { address: socket.handshake.address, code: result.code });
      return refuse(result.code, result.message);
    }
    socket.data.auth = result;
    next();
  });

  io.on('connection', (socket: TwinSocket) => {
    const { tokenHash } = socket.data.auth;
    let sockets = bySession.get(tokenHash);
    if (sockets === undefined) bySession.set(tokenHash, (sockets = new Set()));
    sockets.add(socket);
    socket.on('disconnect', () => {
      const set = bySession.get(tokenHash);
      set?.delete(socket);
      if (set?.size === 0) bySession.delete(tokenHash);
    });

    socket.use(([event, ...args], next) => {
      const ack = args.at(-1);
      const answer = (code: TwinErrorCode, message: string) => {
        deny(code);
        if (typeof ack === 'function') (ack as (r: unknown) => void)({ ok: false, error: twinError(code, message) });
      };
      const access = SOCKET_EVENT_ACCESS[event as keyof ClientToServerEvents] as Permission | 'session' | undefined;
      if (access === undefined) return answer('TWIN_ERR_BAD_REQUEST', `unknown event ${event}`);
      const token = (socket.handshake.auth as HandshakeAuth).token;
      const result = identity.authenticate(token, { activity: event === 'session:activity' });
      if (result instanceof IdentityError) {
        answer(result.code, result.message);
        socket.disconnect(true);
        return;
      }
      socket.data.auth = result;
      if (access !== 'session' && !result.access.can(access)) {
        void identity.record(identity.entry({ user: result.user, ip: socket.handshake.address }, result.user.orgId, 'access.denied', `socket ${event}`, 'denied', { permission: access }));
        return answer('TWIN_ERR_AUTH_PERMISSION', `${event} needs the permission ${access}, which none of your roles carries`);
      }
      next();
    });

    socket.on('session:activity', (ack) => {
      if (typeof ack !== 'function') return;
      const { session, organisation } = socket.data.auth;
      ack({ ok: true, value: { idleExpiresAtMs: session.lastActiveMs + organisation.idleTimeoutS * 1000 } });
    });
  });

  identity.onSessionEnded(({ tokenHash, reason }) => {
    const sockets = bySession.get(tokenHash);
    if (sockets === undefined) return;
    bySession.delete(tokenHash);
    for (const socket of sockets) {
      socket.emit('session:ended', { reason });
      socket.disconnect(true);
    }
  });
}

/** Emits an event to the connected clients whose identity `allowed` admits. */
export function emitWhere<E extends keyof ServerToClientEvents>(io: TwinSocketServer, allowed: (auth: Authenticated) => boolean, event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
  for (const socket of io.sockets.sockets.values()) {
    if (allowed(socket.data.auth)) socket.emit(event, ...args);
  }
}

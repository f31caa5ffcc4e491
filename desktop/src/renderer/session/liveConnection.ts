import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type HandshakeAuth, type ServerToClientEvents, type SessionEndReason } from '@twin/protocol';
import { isTwinErrorCode, sessionEndReasonOf, type ApiErrorCode } from '../api/apiError.ts';
import type { ServerClock } from './serverClock.ts';

/** The socket.io client of the twin server, typed by the wire contract. */
export type TwinSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What the status bar shows about the live connection. */
export interface ConnectionState {
  status: 'offline' | 'connecting' | 'connected' | 'reconnecting';
  /** Why the last attempt failed (e.g. `TWIN_ERR_PROTOCOL_VERSION`), until it connects again. */
  problem: ApiErrorCode | null;
}

/** Construction options of {@link LiveConnection}. */
export interface LiveConnectionOptions {
  serverUrl: string;
  /** The current session token; read at every (re)connection. */
  token: () => string | undefined;
  clock: ServerClock;
  /** The server ended the session (`session:ended`, or a handshake refused with a session code). */
  onSessionEnded: (reason: SessionEndReason) => void;
}

const ACK_TIMEOUT_MS = 10_000;

/**
 * The one socket.io connection of the console, opened while signed in. Listeners that other
 * parts of the renderer add to {@link socket} survive reconnections and re-logins.
 */
export class LiveConnection {
  readonly socket: TwinSocket;
  private state: ConnectionState = { status: 'offline', problem: null };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: LiveConnectionOptions) {
    this.socket = io(options.serverUrl, {
      autoConnect: false,
      transports: ['websocket'],
      auth: (send: (auth: HandshakeAuth) => void) => send({ token: options.token() ?? '', protocolVersion: PROTOCOL_VERSION }),
    });
    this.socket.on('server:hello', (hello) => {
      if (Number.isFinite(hello.serverTimeMs)) options.clock.observe(hello.serverTimeMs, Date.now());
    });
    this.socket.on('session:ended', ({ reason }) => options.onSessionEnded(reason));
    this.socket.on('connect', () => this.setState({ status: 'connected', problem: null }));
    this.socket.on('disconnect', (reason) => {
      // The server hangs up after `session:ended`; anything else is a drop the client recovers from.
      if (reason === 'io client disconnect') this.setState({ status: 'offline', problem: null });
      else if (reason === 'io server disconnect') this.setState({ status: 'offline', problem: this.state.problem });
      else this.setState({ status: 'reconnecting', problem: null });
    });
    this.socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      const code = error.data?.code;
      const reason = sessionEndReasonOf(code);
      if (reason !== undefined) return options.onSessionEnded(reason);
      const problem: ApiErrorCode = isTwinErrorCode(code) ? code : 'NETWORK';
      // A refused handshake is final; a transport failure is retried by the manager.
      this.setState({ status: this.socket.active ? 'reconnecting' : 'offline', problem });
    });
  }

  getState(): ConnectionState {
    return this.state;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connects with the current token (after login). */
  open(): void {
    if (this.socket.connected) this.socket.disconnect();
    this.setState({ status: 'connecting', problem: null });
    this.socket.connect();
  }

  /** Disconnects (sign-out, lock). */
  close(): void {
    this.socket.disconnect();
  }

  /**
   * Reports user activity over the socket (PLAT-8); resolves with the new idle deadline, or
   * undefined when not connected or the server refused.
   */
  async reportActivity(): Promise<number | undefined> {
    if (!this.socket.connected) return undefined;
    try {
      const result = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('session:activity');
      if (result.ok) return Number.isFinite(result.value.idleExpiresAtMs) ? result.value.idleExpiresAtMs : undefined;
      const reason = sessionEndReasonOf(result.error.code);
      if (reason !== undefined) this.options.onSessionEnded(reason);
      return undefined;
    } catch {
      return undefined;
    }
  }

  private setState(state: ConnectionState): void {
    if (state.status === this.state.status && state.problem === this.state.problem) return;
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

import type { SessionEndReason } from '@twin/protocol';
import { ApiError, sessionEndReasonOf } from './apiError.ts';
import { isIdleDeadline } from './dtoGuards.ts';
import type { SessionTokenStore } from './sessionTokenStore.ts';

/** Construction options of {@link ApiClient}. */
export interface ApiClientOptions {
  /** Origin of the twin server, e.g. `http://127.0.0.1:8080` (no trailing slash). */
  serverUrl: string;
  tokens: SessionTokenStore;
  /** Injected for tests; the browser's `fetch` otherwise. */
  fetch?: typeof fetch;
}

/** A check that an answer has the shape the caller relies on (the renderer validates what it receives). */
export type Guard<T> = (value: unknown) => value is T;

/**
 * HTTP access to the twin server with the session's bearer token. `get` behaves like `fetch`
 * (any HTTP status resolves); the JSON helpers reject with an {@link ApiError} for anything but
 * 2xx. A 401 with a session code (idle, expired, revoked) ends the session: `onSessionEnded`
 * listeners hear it, whichever helper made the request.
 *
 * None of these requests counts as user activity (REQ PLAT-8: the idle timeout measures the
 * person, not the app): each carries `X-Twin-Background: 1`. User input is reported through
 * `reportActivity` (or the socket) instead.
 */
export class ApiClient {
  readonly serverUrl: string;
  private readonly tokens: SessionTokenStore;
  private readonly fetchImpl: typeof fetch;
  private readonly sessionEndListeners = new Set<(reason: SessionEndReason) => void>();

  constructor(options: ApiClientOptions) {
    this.serverUrl = options.serverUrl;
    this.tokens = options.tokens;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** The session token, while signed in. */
  get token(): string | undefined {
    return this.tokens.get();
  }

  setToken(token: string): void {
    this.tokens.set(token);
  }

  clearToken(): void {
    this.tokens.clear();
  }

  /** Calls `listener` when a response says the session ended; returns the unsubscribe function. */
  onSessionEnded(listener: (reason: SessionEndReason) => void): () => void {
    this.sessionEndListeners.add(listener);
    return () => this.sessionEndListeners.delete(listener);
  }

  /** The absolute URL of a server path such as `/api/sensors`. */
  url(path: string): string {
    return this.serverUrl + path;
  }

  /**
   * Sends a background request with `Authorization: Bearer <token>` (when signed in). Resolves
   * with the response whatever its status; rejects with `ApiError('NETWORK')` when the server is
   * not reached.
   */
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    return this.send(path, init, true);
  }

  /** `GET path`, like `fetch`: resolves with the response whatever its status. */
  get(path: string, init: RequestInit = {}): Promise<Response> {
    return this.request(path, { ...init, method: 'GET' });
  }

  /** `GET path` answered with JSON of the shape `guard` accepts. */
  async getJson<T>(path: string, guard: Guard<T>, init: RequestInit = {}): Promise<T> {
    return this.readJson(await this.get(path, init), guard);
  }

  /** `POST path` with a JSON body, answered with JSON of the shape `guard` accepts. */
  async postJson<T>(path: string, body: unknown, guard: Guard<T>): Promise<T> {
    return this.readJson(await this.sendJson('POST', path, body), guard);
  }

  /** `PATCH path` with a JSON body, answered with JSON of the shape `guard` accepts. */
  async patchJson<T>(path: string, body: unknown, guard: Guard<T>): Promise<T> {
    return this.readJson(await this.sendJson('PATCH', path, body), guard);
  }

  /** `POST path` (JSON body optional) answered without content (204). */
  async post(path: string, body?: unknown): Promise<void> {
    const response = await this.sendJson('POST', path, body);
    if (!response.ok) throw await ApiError.fromResponse(response);
  }

  /** Tells the server the user is at the console; resolves with the new idle deadline (server time). */
  async reportActivity(): Promise<number> {
    return (await this.readJson(await this.send('/api/auth/activity', { method: 'POST' }, false), isIdleDeadline)).idleExpiresAtMs;
  }

  private async send(path: string, init: RequestInit, background: boolean): Promise<Response> {
    const headers = new Headers(init.headers);
    const token = this.tokens.get();
    if (token !== undefined && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    if (background) headers.set('x-twin-background', '1');
    let response: Response;
    try {
      response = await this.fetchImpl(this.url(path), { ...init, headers });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error), 0);
    }
    if (response.status === 401 && token !== undefined) await this.noticeSessionEnd(response.clone(), token);
    return response;
  }

  private sendJson(method: string, path: string, body: unknown): Promise<Response> {
    if (body === undefined) return this.request(path, { method });
    return this.request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  private async readJson<T>(response: Response, guard: Guard<T>): Promise<T> {
    if (!response.ok) throw await ApiError.fromResponse(response);
    let value: unknown;
    try {
      value = await response.json();
    } catch {
      throw new ApiError('UNEXPECTED_RESPONSE', 'the answer is not JSON', response.status);
    }
    if (!guard(value)) throw new ApiError('UNEXPECTED_RESPONSE', 'the answer does not have the expected shape', response.status);
    return value;
  }

  private async noticeSessionEnd(response: Response, token: string): Promise<void> {
    const reason = sessionEndReasonOf((await ApiError.fromResponse(response)).code);
    // A late answer to a request of an earlier session must not end the current one.
    if (reason === undefined || this.tokens.get() !== token) return;
    for (const listener of this.sessionEndListeners) listener(reason);
  }
}

/**
 * Single sign-on of a native app through the system browser (RFC 8252; PLAT-11 unified identity
 * authentication and single sign-on).
 *
 * 1. A one-shot HTTP listener on the loopback IP literal `127.0.0.1` with a port the system picks
 *    (RFC 8252 §7.3, §8.3), a PKCE S256 pair (RFC 7636) and a random `state`.
 * 2. The system browser opens `<server>/api/auth/oidc/<provider>/start?redirect_uri=…&code_challenge=…
 *    &code_challenge_method=S256&state=…`; the twin server runs the OpenID Connect round trip with
 *    the identity provider and sends the browser to `http://127.0.0.1:<port>/callback?code=…&state=…`.
 * 3. The listener accepts only that path with the expected state, answers the browser with a
 *    bilingual "you can close this tab" page and closes (or gives up after `timeoutMs`).
 * 4. `POST <server>/api/auth/oidc/token {code, code_verifier, redirect_uri}` yields the session.
 *
 * Pure Node: the browser is whatever `openExternal` opens, so tests drive it with a fake one.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ERROR_CODES, twinError, type LoginResult, type Result, type TwinErrorCode } from '@twin/protocol';
import { createOAuthState, createPkcePair } from './pkce.ts';
import { SIGN_IN_RESULT_PAGE_CSP, signInResultPage } from './signInResultPage.ts';

/** How long the user has to finish signing in in the browser. */
export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

/** How long the token exchange may take. */
const TOKEN_EXCHANGE_TIMEOUT_MS = 30_000;

/** Why a sign-in failed, in `error.details.reason` of a `TWIN_ERR_AUTH_SSO` failure. */
export type SignInFailureReason = 'listener' | 'browser' | 'timeout' | 'cancelled' | 'denied' | 'exchange';

export interface LoopbackSignInOptions {
  /** The twin server's root URL. */
  serverUrl: URL;
  /** The identity provider, as the server names it. */
  providerId: string;
  /** Opens a URL in the system browser (`shell.openExternal`). */
  openExternal: (url: string) => Promise<void>;
  timeoutMs?: number;
  /** Cancels the sign-in (a newer one started, the app quits). */
  signal?: AbortSignal;
  fetch?: typeof globalThis.fetch;
}

/** What the browser brought back to the loopback listener, its state already checked. */
type AuthorizationResponse = { code: string } | { error: string; description: string };

/** Signs in through the system browser; never throws, every failure is a `Result`. */
export async function signInWithLoopback(options: LoopbackSignInOptions): Promise<Result<LoginResult>> {
  const { signal } = options;
  if (signal?.aborted) return failure('cancelled', 'sign-in was cancelled');
  const pkce = createPkcePair();
  const state = createOAuthState();
  let listener: LoopbackListener;
  try {
    listener = await listenOnLoopback(state);
  } catch (error) {
    return failure('listener', `cannot listen on the loopback interface: ${(error as Error).message}`);
  }
  // Ends the wait when this function returns early, so no timer outlives the sign-in.
  const finished = new AbortController();
  let response: AuthorizationResponse;
  try {
    const startUrl = new URL(`/api/auth/oidc/${encodeURIComponent(options.providerId)}/start`, options.serverUrl);
    startUrl.search = new URLSearchParams({
      redirect_uri: listener.redirectUri,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
      state,
    }).toString();
    const answered = waitFor(listener.response, options.timeoutMs ?? SIGN_IN_TIMEOUT_MS, signal === undefined ? finished.signal : AbortSignal.any([signal, finished.signal]));
    try {
      await options.openExternal(startUrl.href);
    } catch (error) {
      return failure('browser', `cannot open the system browser: ${(error as Error).message}`);
    }
    const outcome = await answered;
    if ('reason' in outcome) return outcome.reason === 'timeout' ? failure('timeout', `sign-in was not completed within ${describeDuration(options.timeoutMs ?? SIGN_IN_TIMEOUT_MS)}`) : failure('cancelled', 'sign-in was cancelled');
    response = outcome;
  } finally {
    finished.abort();
    listener.close();
  }
  if ('error' in response) return failure('denied', `the identity provider refused: ${response.error}${response.description === '' ? '' : ` (${response.description})`}`);
  return exchangeCode(options, { code: response.code, code_verifier: pkce.verifier, redirect_uri: listener.redirectUri });
}

interface LoopbackListener {
  redirectUri: string;
  /** Settles with the first callback that carries the expected state. */
  response: Promise<AuthorizationResponse>;
  close(): void;
}

async function listenOnLoopback(expectedState: string): Promise<LoopbackListener> {
  let settle: (response: AuthorizationResponse) => void = () => undefined;
  const response = new Promise<AuthorizationResponse>((resolve) => (settle = resolve));
  const server = createServer((request, reply) => answerCallback(request, reply, expectedState, settle));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { redirectUri: `http://127.0.0.1:${port}/callback`, response, close: () => closeServer(server) };
}

function answerCallback(request: IncomingMessage, reply: ServerResponse, expectedState: string, settle: (response: AuthorizationResponse) => void): void {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== '/callback') return void reply.writeHead(404, { 'content-type': 'text/plain', connection: 'close' }).end('not found');
  if (request.method !== 'GET') return void reply.writeHead(405, { allow: 'GET', connection: 'close' }).end();
  const params = url.searchParams;
  // A request without this sign-in's state is not the answer to it (a forged or stale
  // redirect): refused, and the sign-in keeps waiting for the real one.
  if (!sameSecret(params.get('state'), expectedState)) return sendPage(reply, 400, 'failure');
  const code = params.get('code');
  const error = params.get('error') ?? (code === null || code === '' ? 'invalid_response' : undefined);
  const answer: AuthorizationResponse =
    error === undefined ? { code: code as string } : { error: error.slice(0, 64), description: (params.get('error_description') ?? '').slice(0, 200) };
  sendPage(reply, error === undefined ? 200 : 400, error === undefined ? 'success' : 'failure', () => settle(answer));
}

function sendPage(reply: ServerResponse, status: number, outcome: 'success' | 'failure', sent?: () => void): void {
  reply.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': SIGN_IN_RESULT_PAGE_CSP,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  reply.end(signInResultPage(outcome), sent);
}

function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function closeServer(server: Server): void {
  server.close();
  server.closeAllConnections();
}

/** The response, or why there is none. */
function waitFor(response: Promise<AuthorizationResponse>, timeoutMs: number, signal: AbortSignal | undefined): Promise<AuthorizationResponse | { reason: 'timeout' | 'cancelled' }> {
  return new Promise((resolve) => {
    const done = (outcome: AuthorizationResponse | { reason: 'timeout' | 'cancelled' }): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const onAbort = (): void => done({ reason: 'cancelled' });
    const timer = setTimeout(() => done({ reason: 'timeout' }), timeoutMs);
    // Aborted while the listener started: an abort listener added now would never fire.
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    void response.then(done);
  });
}

async function exchangeCode(options: LoopbackSignInOptions, body: { code: string; code_verifier: string; redirect_uri: string }): Promise<Result<LoginResult>> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeout = AbortSignal.timeout(TOKEN_EXCHANGE_TIMEOUT_MS);
  let response: Response;
  let answer: unknown;
  try {
    response = await fetchImpl(new URL('/api/auth/oidc/token', options.serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: options.signal === undefined ? timeout : AbortSignal.any([options.signal, timeout]),
    });
    answer = await response.json().catch(() => undefined);
  } catch (error) {
    if (options.signal?.aborted) return failure('cancelled', 'sign-in was cancelled');
    return failure('exchange', `the token request failed: ${(error as Error).message}`);
  }
  if (response.ok) return isLoginResult(answer) ? { ok: true, value: answer } : failure('exchange', 'the token endpoint did not answer with a session');
  const serverError = (answer as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (typeof serverError?.code === 'string' && serverError.code in ERROR_CODES) {
    const message = typeof serverError.message === 'string' ? serverError.message : undefined;
    return { ok: false, error: twinError(serverError.code as TwinErrorCode, message) };
  }
  return failure('exchange', `the token endpoint answered HTTP ${response.status}`);
}

function isLoginResult(value: unknown): value is LoginResult {
  if (typeof value !== 'object' || value === null) return false;
  const { token, session } = value as { token?: unknown; session?: { user?: unknown; organisation?: unknown; permissions?: unknown } };
  return (
    typeof token === 'string' &&
    token !== '' &&
    typeof session === 'object' &&
    session !== null &&
    typeof session.user === 'object' &&
    session.user !== null &&
    typeof session.organisation === 'object' &&
    session.organisation !== null &&
    Array.isArray(session.permissions)
  );
}

function failure(reason: SignInFailureReason, message: string): Result<LoginResult> {
  return { ok: false, error: twinError('TWIN_ERR_AUTH_SSO', message, { reason }) };
}

function describeDuration(ms: number): string {
  if (ms === 60_000) return '1 minute';
  return ms % 60_000 === 0 ? `${ms / 60_000} minutes` : `${ms / 1000} s`;
}

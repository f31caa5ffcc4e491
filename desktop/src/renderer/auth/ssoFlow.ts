import type { LoginResult } from '@twin/protocol';
import type { ApiClient } from '../api/apiClient.ts';
import { ApiError, isTwinErrorCode } from '../api/apiError.ts';
import { isLoginResult } from '../api/dtoGuards.ts';
import { randomUrlSafe, s256Challenge } from './pkce.ts';

/** What a browser sign-on leaves in `sessionStorage` for the page the provider returns to. */
interface PendingSso {
  providerId: string;
  state: string;
  verifier: string;
  redirectUri: string;
}

const PENDING_KEY = 'twin.sso.pending';

/** The route the provider returns to (the query goes before it: `?code=…&state=…#/sso`). */
const SSO_RETURN_HASH = '#/sso';

/**
 * Starts single sign-on in this browser tab (REQ PLAT-11): a PKCE verifier and state go to
 * `sessionStorage`, then the tab navigates to the server, which sends it on to the provider.
 */
export async function beginBrowserSso(api: ApiClient, providerId: string, location: Location, storage: Storage): Promise<void> {
  if (crypto.subtle === undefined) throw new ApiError('TWIN_ERR_AUTH_SSO', 'single sign-on needs HTTPS (no WebCrypto here)', 0, { insecureContext: true });
  const verifier = randomUrlSafe();
  const pending: PendingSso = { providerId, state: randomUrlSafe(16), verifier, redirectUri: `${location.origin}${location.pathname}${SSO_RETURN_HASH}` };
  storage.setItem(PENDING_KEY, JSON.stringify(pending));
  const query = new URLSearchParams({
    redirect_uri: pending.redirectUri,
    code_challenge: await s256Challenge(verifier),
    code_challenge_method: 'S256',
    state: pending.state,
  });
  location.assign(api.url(`/api/auth/oidc/${encodeURIComponent(providerId)}/start?${query.toString()}`));
}

/** Whether the page was opened by a provider returning from single sign-on. */
export function isSsoReturn(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('state') && (params.has('code') || params.has('error'));
}

function readPending(storage: Storage): PendingSso | undefined {
  const text = storage.getItem(PENDING_KEY);
  storage.removeItem(PENDING_KEY);
  if (text === null) return undefined;
  try {
    const value = JSON.parse(text) as Partial<PendingSso>;
    const fields = [value.providerId, value.state, value.verifier, value.redirectUri];
    return fields.every((field) => typeof field === 'string') ? (value as PendingSso) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Completes a browser sign-on from the return query (`?code=…&state=…`): checks the state
 * against the one this tab sent, then exchanges the code with the verifier for a session.
 */
export async function completeBrowserSso(api: ApiClient, search: string, storage: Storage): Promise<LoginResult> {
  const params = new URLSearchParams(search);
  const pending = readPending(storage);
  if (pending === undefined || params.get('state') !== pending.state) {
    throw new ApiError('TWIN_ERR_AUTH_SSO', 'the sign-on answer does not belong to a sign-on started here', 0, { stateMismatch: true });
  }
  const code = params.get('code');
  if (code === null) throw new ApiError('TWIN_ERR_AUTH_SSO', params.get('error_description') ?? params.get('error') ?? 'no code', 0);
  return api.postJson('/api/auth/oidc/token', { code, code_verifier: pending.verifier, redirect_uri: pending.redirectUri }, isLoginResult);
}

/** Turns a rejection of `window.twinShell.signInWithSso` (`"TWIN_ERR_…: message"`) into an {@link ApiError}. */
export function shellSsoError(error: unknown): ApiError {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^(TWIN_ERR_[A-Z_]+): (.*)$/s.exec(text);
  const code = match !== null && isTwinErrorCode(match[1]) ? match[1] : 'TWIN_ERR_AUTH_SSO';
  return new ApiError(code, match?.[2] ?? text, 0);
}

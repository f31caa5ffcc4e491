/**
 * The shell's own scheme, `twin://app/`, registered as standard and secure, served through
 * `protocol.handle` (never raw `file://`). It serves only the offline page: the app itself is
 * loaded from the twin server, so the renderer, the API and socket.io share one origin.
 */
import type { Protocol } from 'electron';

/** The scheme. */
export const APP_SCHEME = 'twin';

/** The offline page. */
export const OFFLINE_PAGE_URL = `${APP_SCHEME}://app/offline`;

/** Declares the scheme privileged; must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** The response to a `twin:` request: the offline page with its CSP, or 404. */
export function appProtocolResponse(requestUrl: string, offlinePage: { html: string; contentSecurityPolicy: string }): Response {
  const url = new URL(requestUrl);
  if (url.host !== 'app' || url.pathname !== '/offline') return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  return new Response(offlinePage.html, {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': offlinePage.contentSecurityPolicy,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

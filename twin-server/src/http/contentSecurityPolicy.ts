/**
 * The Content-Security-Policy of the operations-center renderer, the same whether the twin server
 * serves it over HTTP or the desktop shell loads it from its own protocol. Everything the renderer
 * needs is bundled and served from its own origin: no CDN, no inline script.
 *
 * - `script-src 'wasm-unsafe-eval'`: the IFC engine (web-ifc) compiles WebAssembly.
 * - `worker-src blob:`: geometry and tile workers may be started from blob URLs. The HLS
 *   player's transmuxing worker is a bundled script of the origin (`'self'`).
 * - `media-src 'self' blob:`: camera video (REQ GOV-3) plays through Media Source Extensions,
 *   whose media element source is a `blob:` URL; its segments are fetched from the origin.
 * - `connect-src 'self'`: HTTP and the socket.io WebSocket go to the origin that served the page
 *   (CSP Level 3 matches `ws:`/`wss:` of the same host to `'self'`). A shell that loads the
 *   renderer from another origin than the server's adds the server with `extraConnectSources`.
 * - `style-src 'unsafe-inline'`: React sets `style` attributes.
 */
export function contentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['worker-src', ["'self'", 'blob:']],
    ['media-src', ["'self'", 'blob:']],
    ['connect-src', ["'self'", ...extraConnectSources]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['font-src', ["'self'", 'data:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The policy for a renderer served by the twin server itself. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

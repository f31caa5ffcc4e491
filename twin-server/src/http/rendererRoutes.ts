import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy.ts';

/** Headers on every response of the renderer: the CSP and the browser hardening around it. */
export const RENDERER_SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
} as const;

/** Vite names built assets by content hash, so they never change under their name. */
function setCacheHeaders(reply: FastifyReply, path: string): void {
  const hashedAsset = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(path);
  reply.header('cache-control', hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * Serves the built renderer (`desktop/dist/renderer`) at `/`: `index.html` for `/` (the SSO
 * redirect lands there with `?code=…&state=…`), its assets below, each with the security headers.
 * Registered in its own encapsulated context, so the headers and the file routes stay off the API.
 * The routes are declared here (public, like every route declares who may call it); the static
 * plugin only sends the files, refusing dotfiles and paths that leave the directory.
 */
export function rendererRoutes(app: FastifyInstance, deps: { rendererDir: string }): void {
  void app.register(async (renderer) => {
    renderer.addHook('onSend', async (_request, reply, payload) => {
      reply.headers(RENDERER_SECURITY_HEADERS);
      return payload;
    });
    await renderer.register(fastifyStatic, { root: deps.rendererDir, serve: false, dotfiles: 'deny', setHeaders: setCacheHeaders });
    const config = { access: { public: true as const } };
    renderer.get('/', { config }, (_request, reply) => reply.sendFile('index.html'));
    renderer.get('/*', { config }, (request, reply) => reply.sendFile((request.params as { '*': string })['*']));
  });
}

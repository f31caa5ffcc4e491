import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { OidcSignIn } from '../../identity/oidcSignIn.ts';
import { answerCoded, parseOr400 } from '../codedReply.ts';

const startQuery = z.object({ redirect_uri: z.string().min(1).max(2048), code_challenge: z.string().min(1).max(256), code_challenge_method: z.string().default('S256'), state: z.string().min(1).max(512) });
const tokenBody = z.object({ code: z.string().min(1).max(256), code_verifier: z.string().min(43).max(128), redirect_uri: z.string().min(1).max(2048) }).strict();

/**
 * Single sign-on (REQ PLAT-11), all public steps of one flow (see `OidcSignIn`):
 * `GET /api/auth/oidc/providers`, `GET /api/auth/oidc/:provider/start`,
 * `GET /api/auth/oidc/callback` (the redirect URI registered at each provider) and
 * `POST /api/auth/oidc/token`.
 */
export function oidcRoutes(app: FastifyInstance, deps: { sso: OidcSignIn }): void {
  const { sso } = deps;
  const config = { access: { public: true as const } };
  app.get('/api/auth/oidc/providers', { config }, async () => sso.list());
  app.get('/api/auth/oidc/:provider/start', { config }, async (request, reply) => {
    const query = parseOr400(reply, startQuery, request.query, 'single sign-on start');
    if (query === undefined) return reply;
    const { provider } = request.params as { provider: string };
    return answerCoded(reply, async () => {
      const url = await sso.start(provider, { redirectUri: query.redirect_uri, codeChallenge: query.code_challenge, codeChallengeMethod: query.code_challenge_method, state: query.state });
      return reply.redirect(url.href, 302);
    });
  });
  app.get('/api/auth/oidc/callback', { config }, async (request, reply) =>
    answerCoded(reply, async () => reply.redirect((await sso.callback(new URL(request.url, 'http://callback.invalid'))).href, 302)),
  );
  app.post('/api/auth/oidc/token', { config }, async (request, reply) => {
    const body = parseOr400(reply, tokenBody, request.body, 'single sign-on token');
    if (body === undefined) return reply;
    return answerCoded(reply, () => sso.exchange({ code: body.code, codeVerifier: body.code_verifier, redirectUri: body.redirect_uri }, request.ip));
  });
}

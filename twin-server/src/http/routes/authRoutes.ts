import type { FastifyInstance } from 'fastify';
import { loginRequestSchema, passwordChangeSchema } from '@twin/protocol';
import type { IdentityService } from '../../identity/identityService.ts';
import { answerCoded, parseOr400 } from '../codedReply.ts';
import { authOf } from '../routeGuard.ts';

/**
 * Sign-in and the caller's own session (REQ PLAT-8, PLAT-11):
 *
 * - `POST /api/auth/login {username, password}` (public): a session token and the session;
 * - `GET /api/auth/session`: the session (does not count as activity);
 * - `POST /api/auth/activity`: the user is at the console; answers the new idle deadline;
 * - `POST /api/auth/logout`, `POST /api/auth/logout-all`: sign out here, or everywhere;
 * - `POST /api/auth/password {currentPassword, newPassword}`: change one's password (other
 *   sessions end).
 */
export function authRoutes(app: FastifyInstance, deps: { identity: IdentityService }): void {
  const { identity } = deps;
  app.post('/api/auth/login', { config: { access: { public: true } } }, async (request, reply) => {
    const body = parseOr400(reply, loginRequestSchema, request.body, 'login');
    if (body === undefined) return reply;
    return answerCoded(reply, () => identity.login(body.username, body.password, request.ip));
  });
  app.get('/api/auth/session', { config: { access: { session: true, passive: true } } }, async (request) => identity.sessionDto(authOf(request)));
  app.post('/api/auth/activity', { config: { access: { session: true } } }, async (request) => ({ idleExpiresAtMs: identity.sessionDto(authOf(request)).idleExpiresAtMs }));
  app.post('/api/auth/logout', { config: { access: { session: true } } }, async (request, reply) => {
    await identity.logout(authOf(request), request.ip);
    return reply.code(204).send();
  });
  app.post('/api/auth/logout-all', { config: { access: { session: true } } }, async (request, reply) => {
    const auth = authOf(request);
    await identity.logoutEverywhere(auth.user.orgId, auth.user.id, { user: auth.user, ip: request.ip });
    return reply.code(204).send();
  });
  app.post('/api/auth/password', { config: { access: { session: true } } }, async (request, reply) => {
    const body = parseOr400(reply, passwordChangeSchema, request.body, 'password change');
    if (body === undefined) return reply;
    return answerCoded(reply, async () => {
      await identity.changePassword(authOf(request), body.currentPassword, body.newPassword, request.ip);
      return reply.code(204).send();
    });
  });
}

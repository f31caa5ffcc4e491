import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessTokens, Principal } from '../auth/accessTokens.ts';
import { replyError } from './replyError.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/**
 * A pre-handler admitting only `Authorization: Bearer <token>` of the given principal kind.
 * Every route but the health probe uses one.
 */
export function requireRole(tokens: AccessTokens, kind: Principal['kind']) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (token === undefined) {
      await replyError(reply, 'TWIN_ERR_AUTH_REQUIRED', 'send Authorization: Bearer <token>');
      return;
    }
    const principal = tokens.authenticate(token, request.ip);
    if (principal === undefined) {
      await replyError(reply, 'TWIN_ERR_AUTH_INVALID');
      return;
    }
    if (principal.kind !== kind) {
      await replyError(reply, 'TWIN_ERR_AUTH_FORBIDDEN', `this route is for ${kind} credentials`);
      return;
    }
    request.principal = principal;
  };
}

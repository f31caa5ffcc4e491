import type { FastifyReply } from 'fastify';
import { ERROR_CODES, twinError, type TwinErrorCode } from '@twin/protocol';

/** Sends `{ error: { code, message, details? } }` with the catalogue's HTTP status. */
export function replyError(reply: FastifyReply, code: TwinErrorCode, message?: string, details?: Record<string, unknown>): FastifyReply {
  return reply.code(ERROR_CODES[code].status).send({ error: twinError(code, message, details) });
}

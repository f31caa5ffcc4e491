import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CodedError } from '../codedError.ts';
import { replyError } from './replyError.ts';

/** Parses `input` with `schema`, answering 400 with the first issue when it does not fit. */
export function parseOr400<S extends z.ZodType>(reply: FastifyReply, schema: S, input: unknown, what: string): z.infer<S> | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  void replyError(reply, 'TWIN_ERR_BAD_REQUEST', `${what}: ${issue.path.join('.') || 'body'}: ${issue.message}`);
  return undefined;
}

/** Runs an action, answering a refusal (`CodedError`: identity, alarms …) with its code, message and details. */
export async function answerCoded<T>(reply: FastifyReply, action: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof CodedError) {
      if (error.code === 'TWIN_ERR_AUTH_RATE_LIMITED' && typeof error.details?.retryAfterS === 'number') reply.header('retry-after', String(error.details.retryAfterS));
      return replyError(reply, error.code, error.message, error.details);
    }
    throw error;
  }
}

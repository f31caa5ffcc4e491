/** Runtime schemas of what the renderer may send over IPC; the main process parses every payload. */
import { z } from 'zod';
import { DETACHABLE_WINDOWS } from '../shared/shellApi.ts';

/** A single sign-on provider id: letters, digits, `_` and `-`, as the server names providers. */
export const providerIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'provider ids are 1-64 letters, digits, _ and -');

/** A detachable view. */
export const detachableWindowSchema = z.enum(DETACHABLE_WINDOWS);

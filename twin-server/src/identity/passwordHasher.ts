import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id with the OWASP Password Storage parameters (19 MiB, 2 passes, 1 lane): about 0.1 s per
 * hash on one core here, run on libuv's thread pool, never the event loop.
 */
// The binding's default algorithm is Argon2id.
const PARAMETERS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A PHC string (`$argon2id$v=19$m=…`) for `password`, with a fresh random salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMETERS);
}

// Verified against when the user name is unknown or has no password, so that a failed login
// takes as long whether or not the name exists.
const decoy = hashPassword('decoy password that matches nothing');

/**
 * Whether `password` matches `phc`. With no hash, verifies against a decoy and answers false, in
 * the same time. A malformed hash reads as no match.
 */
export async function verifyPassword(phc: string | null, password: string): Promise<boolean> {
  try {
    if (phc === null) {
      await verify(await decoy, password);
      return false;
    }
    return await verify(phc, password);
  } catch {
    return false;
  }
}

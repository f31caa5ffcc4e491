import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Who is calling: a device (may publish telemetry) or an operator client (may read and subscribe). */
export type Principal = { kind: 'device'; name: string } | { kind: 'operator'; name: string };

/** The shared secrets of a deployment. */
export interface AccessTokenSecrets {
  deviceToken: string;
  operatorToken: string;
}

/**
 * Bearer tokens for devices (MQTT password, HTTP ingest) and operator clients (HTTP queries,
 * socket.io). Kept in a file created with owner-only permissions on first start.
 */
export class AccessTokens {
  private readonly device: Buffer;
  private readonly operator: Buffer;

  constructor(readonly secrets: AccessTokenSecrets) {
    this.device = digest(secrets.deviceToken);
    this.operator = digest(secrets.operatorToken);
  }

  /**
   * Reads the secrets file, or creates it with fresh random tokens. `created` tells the caller
   * to show the tokens once.
   */
  static async loadOrCreate(path: string): Promise<{ tokens: AccessTokens; created: boolean }> {
    try {
      const secrets = JSON.parse(await readFile(path, 'utf8')) as AccessTokenSecrets;
      if (typeof secrets.deviceToken !== 'string' || typeof secrets.operatorToken !== 'string') throw new Error(`${path} lacks deviceToken or operatorToken`);
      return { tokens: new AccessTokens(secrets), created: false };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const secrets = { deviceToken: randomBytes(18).toString('base64url'), operatorToken: randomBytes(18).toString('base64url') };
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    return { tokens: new AccessTokens(secrets), created: true };
  }

  /** The principal a token stands for, or undefined. Constant-time comparison. */
  authenticate(token: string | undefined, name = 'anonymous'): Principal | undefined {
    if (typeof token !== 'string' || token.length === 0) return undefined;
    const candidate = digest(token);
    if (timingSafeEqual(candidate, this.device)) return { kind: 'device', name };
    if (timingSafeEqual(candidate, this.operator)) return { kind: 'operator', name };
    return undefined;
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The device secret of a deployment, as kept in the credentials file. */
export interface DeviceSecrets {
  deviceToken: string;
}

/**
 * The device token: the MQTT password of devices and the bearer token of HTTP ingest. People
 * never use it; they sign in (see `identity/`). Kept in a file created with owner-only
 * permissions on first start.
 */
export class DeviceTokens {
  private readonly device: Buffer;

  constructor(readonly secrets: DeviceSecrets) {
    this.device = digest(secrets.deviceToken);
  }

  /**
   * Reads the secrets file, or creates it with a fresh random token. `created` tells the caller
   * to show the token once.
   */
  static async loadOrCreate(path: string): Promise<{ tokens: DeviceTokens; created: boolean }> {
    try {
      const secrets = JSON.parse(await readFile(path, 'utf8')) as Partial<DeviceSecrets>;
      if (typeof secrets.deviceToken !== 'string' || secrets.deviceToken.length < 16) throw new Error(`${path} lacks a deviceToken of at least 16 characters`);
      return { tokens: new DeviceTokens({ deviceToken: secrets.deviceToken }), created: false };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const secrets = { deviceToken: randomBytes(18).toString('base64url') };
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    return { tokens: new DeviceTokens(secrets), created: true };
  }

  /** Whether `token` is the device token. Constant-time comparison. */
  authenticate(token: string | undefined): boolean {
    if (typeof token !== 'string' || token.length === 0) return false;
    return timingSafeEqual(digest(token), this.device);
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

import { ROLE_PERMISSIONS, sensitivityRank, type Grant, type OrganisationDto, type Permission, type Scope, type SensorDefinition, type Sensitivity } from '@twin/protocol';
import type { DataTarget } from './dataTargets.ts';
import { sensorTarget } from './dataTargets.ts';
import { anyScopeCovers } from './scopeMatch.ts';

/**
 * What one signed-in user may do and see (REQ PLAT-8 multi-level permissions and domain-based
 * allocation, PLAT-11 graded data permissions). A piece of data is visible for a permission when
 * (1) the organisation's domain covers it, (2) a grant whose role carries the permission covers
 * it, and (3) its sensitivity is at most the user's clearance.
 */
export class AccessContext {
  readonly permissions: ReadonlySet<Permission>;
  private readonly scopesByPermission = new Map<Permission, Scope[]>();
  private readonly clearanceRank: number;
  private readonly sensorMasks = new Map<Permission, { mask: Uint8Array; key: string }>();

  constructor(
    readonly userId: string,
    readonly organisation: Pick<OrganisationDto, 'id' | 'domain'>,
    grants: readonly Grant[],
    clearance: Sensitivity,
  ) {
    for (const grant of grants) {
      for (const permission of ROLE_PERMISSIONS[grant.role] as readonly Permission[]) {
        let scopes = this.scopesByPermission.get(permission);
        if (scopes === undefined) this.scopesByPermission.set(permission, (scopes = []));
        scopes.push(grant.scope);
      }
    }
    this.permissions = new Set(this.scopesByPermission.keys());
    this.clearanceRank = sensitivityRank(clearance);
  }

  /** Whether any grant carries `permission` (for routes that then filter what they return). */
  can(permission: Permission): boolean {
    return this.permissions.has(permission);
  }

  /** Whether `data` is visible under `permission`. */
  allows(permission: Permission, data: DataTarget): boolean {
    if (sensitivityRank(data.sensitivity) > this.clearanceRank) return false;
    if (!anyScopeCovers(this.organisation.domain, data.target)) return false;
    return anyScopeCovers(this.scopesByPermission.get(permission) ?? [], data.target);
  }

  /**
   * Which sensors of a registry (by index) are visible under `permission`, and a key equal exactly for
   * the contexts that see the same set (live clients with equal keys share frames). Cached.
   */
  sensorMask(permission: Permission, community: string, sensors: readonly SensorDefinition[]): { mask: Uint8Array; key: string } {
    let entry = this.sensorMasks.get(permission);
    if (entry === undefined) {
      const mask = new Uint8Array(sensors.length);
      sensors.forEach((sensor, index) => {
        if (this.allows(permission, sensorTarget(community, sensor))) mask[index] = 1;
      });
      entry = { mask, key: maskKey(mask) };
      this.sensorMasks.set(permission, entry);
    }
    return entry;
  }
}

/** The mask as an exact key (a bitset in base64): equal keys mean equal sets, never a collision. */
function maskKey(mask: Uint8Array): string {
  const bits = Buffer.alloc(Math.ceil(mask.length / 8));
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) bits[i >> 3]! |= 1 << (i & 7);
  return bits.toString('base64');
}

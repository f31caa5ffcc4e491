import type { AuditEventDto, Grant, OrganisationDto, Sensitivity } from '@twin/protocol';

/** An organisation as stored. */
export interface OrganisationRecord extends OrganisationDto {
  createdMs: number;
  updatedMs: number;
}

/** A user as stored: with the password hash (PHC string) and the failed-login counter. */
export interface UserRecord {
  id: string;
  orgId: string;
  username: string;
  displayName: string;
  passwordHash: string | null;
  clearance: Sensitivity;
  grants: Grant[];
  ssoLinks: string[];
  disabled: boolean;
  demoCredentials: boolean;
  failedLogins: number;
  lockedUntilMs: number | null;
  createdMs: number;
  updatedMs: number;
  lastLoginMs: number | null;
}

/** A session as stored, by the SHA-256 (hex) of its token. */
export interface SessionRecord {
  tokenHash: string;
  userId: string;
  /** `password` or `sso:<provider>`. */
  method: string;
  ip: string;
  createdMs: number;
  lastActiveMs: number;
  expiresMs: number;
  endedMs: number | null;
  endReason: string | null;
}

/** An audit entry to record; the store assigns its id. */
export type AuditEntry = Omit<AuditEventDto, 'id'>;

/** Changes written in one transaction: an action and its audit entries land together or not at all. */
export interface IdentityChange {
  organisations?: readonly OrganisationRecord[];
  users?: readonly UserRecord[];
  sessions?: readonly SessionRecord[];
  audit?: readonly AuditEntry[];
}

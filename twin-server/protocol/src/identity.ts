/**
 * Identity: roles, the permissions they carry, scopes (domains) and sensitivity levels.
 * REQ PLAT-5, PLAT-8 (multi-level permissions, domain-based allocation), PLAT-11 (graded data
 * permissions).
 */

/** What a principal may do. Every HTTP route and socket event names exactly one. */
export const PERMISSIONS = [
  /** Server counters and time (`/api/stats`). */
  'status.read',
  /** The sensor registry and latest values (`/api/sensors`). */
  'sensors.read',
  /** Live telemetry frames over socket.io. */
  'telemetry.subscribe',
  /** Stored history, rollups, analytics and replays (`/api/readings`). */
  'readings.read',
  /** The community's models and their geometry (`/api/models/*`). */
  'models.read',
  /** Users, their roles, scopes and sessions in the organisation. */
  'users.manage',
  /** The organisation's settings (idle timeout, session lifetime, lockout). */
  'org.configure',
  /** The audit log of the organisation. */
  'audit.read',
  /** Alarms, their events and the alarm performance figures. */
  'alarms.read',
  /** Acknowledge, shelve, comment on and reset alarms (REQ PLAT-8). */
  'alarms.operate',
  /** Alarm rules, taking alarms out of service, notification channels and escalation. */
  'alarms.configure',
] as const;

/** A permission, e.g. `'readings.read'`. */
export type Permission = (typeof PERMISSIONS)[number];

/** The roles of the platform, each a fixed set of permissions. */
export const ROLE_PERMISSIONS = {
  administrator: PERMISSIONS,
  operator: ['status.read', 'sensors.read', 'telemetry.subscribe', 'readings.read', 'models.read', 'alarms.read', 'alarms.operate'],
  commander: ['status.read', 'sensors.read', 'telemetry.subscribe', 'readings.read', 'models.read', 'alarms.read', 'alarms.operate'],
  crew: ['status.read', 'sensors.read', 'telemetry.subscribe', 'models.read', 'alarms.read'],
  planner: ['status.read', 'sensors.read', 'telemetry.subscribe', 'readings.read', 'models.read', 'alarms.read'],
  viewer: ['status.read', 'sensors.read', 'telemetry.subscribe', 'models.read', 'alarms.read'],
} as const satisfies Record<string, readonly Permission[]>;

/** A role id. */
export type Role = keyof typeof ROLE_PERMISSIONS;

/** Every role id, in order of authority. */
export const ROLES = Object.keys(ROLE_PERMISSIONS) as Role[];

/**
 * Data sensitivity for graded permissions (PLAT-11), lowest first. A user sees data up to their
 * clearance.
 */
export const SENSITIVITY_LEVELS = ['public', 'internal', 'restricted', 'confidential'] as const;

/** A sensitivity level, e.g. `'restricted'`. */
export type Sensitivity = (typeof SENSITIVITY_LEVELS)[number];

/** Rank of a sensitivity level (public 0 … confidential 3). */
export function sensitivityRank(level: Sensitivity): number {
  return SENSITIVITY_LEVELS.indexOf(level);
}

/**
 * A domain: part of a community, narrowed by any of zone, building and layer (a sensor layer or a
 * network type: `gas`, `water`, `power`, `rain`, `sewage`, …). An empty scope is everything.
 */
export interface Scope {
  community?: string;
  zone?: string;
  building?: string;
  layer?: string;
}

/** The dimensions of a scope, in the order they are matched. */
export const SCOPE_DIMENSIONS = ['community', 'zone', 'building', 'layer'] as const;

/** A role granted over a scope. */
export interface Grant {
  role: Role;
  scope: Scope;
}

/** Kinds of organisation sharing the platform. */
export const ORGANISATION_KINDS = ['property', 'street', 'utility', 'police', 'other'] as const;

/** An organisation's kind. */
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** An organisation as clients see it. */
export interface OrganisationDto {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** What the organisation's data is: its users only ever see inside these scopes. */
  domain: Scope[];
  /** Sessions end after this long without user activity (PLAT-8 automatic logout). */
  idleTimeoutS: number;
  /** Sessions end this long after login, active or not. */
  sessionLifetimeS: number;
  /** Failed logins in a row that lock an account, and for how long. */
  lockoutThreshold: number;
  lockoutS: number;
}

/** A user as administrators and the user see it; never a password or its hash. */
export interface UserDto {
  id: string;
  orgId: string;
  username: string;
  displayName: string;
  clearance: Sensitivity;
  grants: Grant[];
  disabled: boolean;
  /** Whether the user can log in with a password (else only through single sign-on). */
  hasPassword: boolean;
  /** Identity-provider links, as `<provider>:<subject>`. */
  ssoLinks: string[];
  /** Generated demo credentials still in place (production refuses to start with any). */
  demoCredentials: boolean;
  createdAtMs: number;
  lastLoginAtMs: number | null;
  /** Set while the account is locked after failed logins. */
  lockedUntilMs: number | null;
}

/** Why a session ended. */
export type SessionEndReason = 'idle' | 'expired' | 'revoked' | 'logout';

/** The signed-in session as the client sees it (`GET /api/auth/session`, login answers). */
export interface SessionDto {
  user: UserDto;
  organisation: OrganisationDto;
  /** Union of the permissions of the user's grants (what menus to show). */
  permissions: Permission[];
  serverTimeMs: number;
  /** When the session ends without further activity. */
  idleExpiresAtMs: number;
  /** When the session ends regardless. */
  expiresAtMs: number;
}

/** A login answer: the bearer token (send as `Authorization: Bearer`, and as socket handshake `token`) and the session. */
export interface LoginResult {
  token: string;
  session: SessionDto;
}

/** A single sign-on provider the login screen offers. */
export interface SsoProviderDto {
  id: string;
  name: string;
}

/** Outcomes recorded in the audit log. */
export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;

/** An audit outcome. */
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One entry of the audit log (PROP-2 i: who did what). */
export interface AuditEventDto {
  id: number;
  tsMs: number;
  orgId: string | null;
  /** User id, or null when nobody was identified (a failed login of an unknown name). */
  actorId: string | null;
  /** The user name as given, for failed logins too. */
  actorName: string;
  /** e.g. `auth.login`, `user.create`, `org.configure`, `access.denied`. */
  action: string;
  /** What was acted on: a user id, a route, a sensor id. */
  target: string;
  outcome: AuditOutcome;
  ip: string;
  detail: Record<string, unknown>;
}

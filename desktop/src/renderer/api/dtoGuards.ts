import {
  AUDIT_OUTCOMES,
  PERMISSIONS,
  ROLES,
  SENSITIVITY_LEVELS,
  type AuditEventDto,
  type Grant,
  type LoginResult,
  type OrganisationDto,
  type SessionDto,
  type SsoProviderDto,
  type StatsDto,
  type UserDto,
} from '@twin/protocol';
import type { Guard } from './apiClient.ts';

// Checks of what the server answers, before anything reaches React state: each checks the fields
// the renderer reads and their types, not more.

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isNumberOrNull = (value: unknown): boolean => value === null || isNumber(value);
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    values.includes(value as T);

function arrayOf<T>(guard: Guard<T>): Guard<T[]> {
  return (value): value is T[] => Array.isArray(value) && value.every(guard);
}

function hasFields(value: unknown, checks: Record<string, (field: unknown) => boolean>): value is Fields {
  return isObject(value) && Object.entries(checks).every(([name, check]) => check(value[name]));
}

const isScope = (value: unknown): boolean => isObject(value) && Object.values(value).every(isString);

const isGrant: Guard<Grant> = (value): value is Grant => hasFields(value, { role: oneOf(ROLES), scope: isScope });

/** A user record (`/api/admin/users`, inside a session). */
export const isUserDto: Guard<UserDto> = (value): value is UserDto =>
  hasFields(value, {
    id: isString,
    orgId: isString,
    username: isString,
    displayName: isString,
    clearance: oneOf(SENSITIVITY_LEVELS),
    grants: arrayOf(isGrant),
    disabled: isBoolean,
    hasPassword: isBoolean,
    lastLoginAtMs: isNumberOrNull,
    lockedUntilMs: isNumberOrNull,
  });

/** The user list of the organisation. */
export const isUserList: Guard<UserDto[]> = arrayOf(isUserDto);

/** An organisation with its session and lockout settings. */
export const isOrganisationDto: Guard<OrganisationDto> = (value): value is OrganisationDto =>
  hasFields(value, {
    id: isString,
    name: isString,
    kind: isString,
    domain: (field) => Array.isArray(field) && field.every(isScope),
    idleTimeoutS: isNumber,
    sessionLifetimeS: isNumber,
    lockoutThreshold: isNumber,
    lockoutS: isNumber,
  });

/** The signed-in session. */
export const isSessionDto: Guard<SessionDto> = (value): value is SessionDto =>
  hasFields(value, {
    user: isUserDto,
    organisation: isOrganisationDto,
    permissions: (field) => Array.isArray(field) && field.every(oneOf(PERMISSIONS)),
    serverTimeMs: isNumber,
    idleExpiresAtMs: isNumber,
    expiresAtMs: isNumber,
  });

/** A login answer: token and session. */
export const isLoginResult: Guard<LoginResult> = (value): value is LoginResult =>
  hasFields(value, { token: (field) => isString(field) && field.length > 0, session: isSessionDto });

/** The answer to activity: the new idle deadline. */
export const isIdleDeadline: Guard<{ idleExpiresAtMs: number }> = (value): value is { idleExpiresAtMs: number } =>
  hasFields(value, { idleExpiresAtMs: isNumber });

/** The single sign-on providers of the login screen. */
export const isSsoProviderList: Guard<SsoProviderDto[]> = arrayOf((value): value is SsoProviderDto => hasFields(value, { id: isString, name: isString }));

/** Audit log entries. */
export const isAuditEventList: Guard<AuditEventDto[]> = arrayOf(
  (value): value is AuditEventDto =>
    hasFields(value, {
      id: isNumber,
      tsMs: isNumber,
      actorName: isString,
      action: isString,
      target: isString,
      outcome: oneOf(AUDIT_OUTCOMES),
      ip: isString,
      detail: isObject,
    }),
);

/** Server counters: the status bar reads the time and the ingest figures. */
export const isStatsDto: Guard<StatsDto> = (value): value is StatsDto =>
  hasFields(value, {
    serverTimeMs: isNumber,
    ingest: (field) => hasFields(field, { stored: isNumber, lagMs: isNumber }),
    live: (field) => hasFields(field, { clients: isNumber }),
  });

/** Where the registry's sensors are: the zones and buildings scopes can name. */
export const isSensorPlaces: Guard<{ sensors: Array<{ location: { area: string; building?: string } }> }> = (
  value,
): value is { sensors: Array<{ location: { area: string; building?: string } }> } =>
  hasFields(value, {
    sensors: (field) =>
      Array.isArray(field) &&
      field.every((sensor) => hasFields(sensor, { location: (location) => hasFields(location, { area: isString, building: (b) => b === undefined || isString(b) }) })),
  });

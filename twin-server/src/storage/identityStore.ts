import { BIGINT, BOOLEAN, INTEGER, VARCHAR, type DuckDBMaterializedResult, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { AuditEventDto, AuditQuery, OrganisationKind, Sensitivity } from '@twin/protocol';
import { cellToNumber } from './bigIntPolicy.ts';
import type { StorageConnection } from './storageConnection.ts';
import type { AuditEntry, IdentityChange, OrganisationRecord, SessionRecord, UserRecord } from './identityTypes.ts';

const UPSERT_ORGANISATION = `INSERT OR REPLACE INTO organisations
  (org_id, name, kind, domain, idle_timeout_s, session_lifetime_s, lockout_threshold, lockout_s, created_ms, updated_ms)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;
const ORGANISATION_TYPES = [VARCHAR, VARCHAR, VARCHAR, VARCHAR, INTEGER, INTEGER, INTEGER, INTEGER, BIGINT, BIGINT];

const UPSERT_USER = `INSERT OR REPLACE INTO users
  (user_id, org_id, username, display_name, password_hash, clearance, grants, sso_links, disabled, demo_credentials,
   failed_logins, locked_until_ms, created_ms, updated_ms, last_login_ms)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`;
const USER_TYPES = [VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, BOOLEAN, BOOLEAN, INTEGER, BIGINT, BIGINT, BIGINT, BIGINT];

const UPSERT_SESSION = `INSERT OR REPLACE INTO sessions
  (token_hash, user_id, method, ip, created_ms, last_active_ms, expires_ms, ended_ms, end_reason)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
const SESSION_TYPES = [VARCHAR, VARCHAR, VARCHAR, VARCHAR, BIGINT, BIGINT, BIGINT, BIGINT, VARCHAR];

const TOUCH_SESSION = 'UPDATE sessions SET last_active_ms = greatest(last_active_ms, $2) WHERE token_hash = $1';

const INSERT_AUDIT = `INSERT INTO audit_events (ts_ms, org_id, actor_id, actor_name, action, target, outcome, ip, detail)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
const AUDIT_TYPES = [BIGINT, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR];

const SELECT_ORGANISATIONS = `SELECT org_id, name, kind, domain, idle_timeout_s, session_lifetime_s, lockout_threshold, lockout_s,
  created_ms::DOUBLE, updated_ms::DOUBLE FROM organisations ORDER BY org_id`;
const SELECT_USERS = `SELECT user_id, org_id, username, display_name, password_hash, clearance, grants, sso_links, disabled,
  demo_credentials, failed_logins, locked_until_ms::DOUBLE, created_ms::DOUBLE, updated_ms::DOUBLE, last_login_ms::DOUBLE
  FROM users ORDER BY username`;
const SELECT_LIVE_SESSIONS = `SELECT token_hash, user_id, method, ip, created_ms::DOUBLE, last_active_ms::DOUBLE, expires_ms::DOUBLE
  FROM sessions WHERE ended_ms IS NULL AND expires_ms > $1`;

// Every filter is a bound parameter; an absent one is NULL and matches everything.
const SELECT_AUDIT = `SELECT event_id::DOUBLE, ts_ms::DOUBLE, org_id, actor_id, actor_name, action, target, outcome, ip, detail
  FROM audit_events
  WHERE org_id = $1
    AND ($2 IS NULL OR ts_ms >= $2) AND ($3 IS NULL OR ts_ms < $3)
    AND ($4 IS NULL OR actor_name = $4 OR actor_id = $4)
    AND ($5 IS NULL OR action = $5 OR starts_with(action, $5 || '.'))
    AND ($6 IS NULL OR outcome = $6)
    AND ($7 IS NULL OR contains(lower(target), lower($7)) OR contains(lower(detail), lower($7)) OR contains(lower(actor_name), lower($7)))
  ORDER BY event_id DESC
  LIMIT $8`;
const AUDIT_QUERY_TYPES = [VARCHAR, BIGINT, BIGINT, VARCHAR, VARCHAR, VARCHAR, VARCHAR, INTEGER];

const COUNT_AUDIT = 'SELECT count(*)::DOUBLE FROM audit_events';

/**
 * Organisations, users, sessions and the audit log in DuckDB, on a connection of its own. Every
 * value is a bound parameter. `write` applies a change and its audit entries in one transaction.
 */
export class IdentityStore {
  constructor(private readonly connection: StorageConnection) {}

  /** Everything the identity service keeps in memory: organisations, users, sessions not ended nor expired at `nowMs`. */
  loadAll(nowMs: number): Promise<{ organisations: OrganisationRecord[]; users: UserRecord[]; sessions: SessionRecord[] }> {
    const c = this.connection;
    return c.exclusive(async () => {
      const organisations = await rows(c.run('load organisations', SELECT_ORGANISATIONS));
      const users = await rows(c.run('load users', SELECT_USERS));
      const sessions = await rows(c.run('load sessions', SELECT_LIVE_SESSIONS, [BigInt(Math.floor(nowMs))], [BIGINT]));
      return {
        organisations: organisations.map(organisationFromRow),
        users: users.map(userFromRow),
        sessions: sessions.map(sessionFromRow),
      };
    });
  }

  /** Writes `change` in one transaction. */
  write(change: IdentityChange): Promise<void> {
    const c = this.connection;
    return c.exclusive(() =>
      c.transaction('write identity', async () => {
        for (const o of change.organisations ?? []) {
          const values: DuckDBValue[] = [o.id, o.name, o.kind, JSON.stringify(o.domain), o.idleTimeoutS, o.sessionLifetimeS, o.lockoutThreshold, o.lockoutS, o.createdMs, o.updatedMs];
          await c.run('write organisation', UPSERT_ORGANISATION, values.map(bigIntCells(ORGANISATION_TYPES)), ORGANISATION_TYPES);
        }
        for (const u of change.users ?? []) {
          const values: DuckDBValue[] = [u.id, u.orgId, u.username, u.displayName, u.passwordHash, u.clearance, JSON.stringify(u.grants), JSON.stringify(u.ssoLinks), u.disabled, u.demoCredentials, u.failedLogins, u.lockedUntilMs, u.createdMs, u.updatedMs, u.lastLoginMs];
          await c.run('write user', UPSERT_USER, values.map(bigIntCells(USER_TYPES)), USER_TYPES);
        }
        for (const s of change.sessions ?? []) {
          const values: DuckDBValue[] = [s.tokenHash, s.userId, s.method, s.ip, s.createdMs, s.lastActiveMs, s.expiresMs, s.endedMs, s.endReason];
          await c.run('write session', UPSERT_SESSION, values.map(bigIntCells(SESSION_TYPES)), SESSION_TYPES);
        }
        for (const a of change.audit ?? []) await c.run('write audit entry', INSERT_AUDIT, auditValues(a), AUDIT_TYPES);
      }),
    );
  }

  /** Moves sessions' last activity forward (written behind, in batches). */
  touchSessions(entries: ReadonlyArray<{ tokenHash: string; lastActiveMs: number }>): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    const c = this.connection;
    return c.exclusive(() =>
      c.transaction('touch sessions', async () => {
        for (const e of entries) await c.run('touch session', TOUCH_SESSION, [e.tokenHash, BigInt(Math.floor(e.lastActiveMs))], [VARCHAR, BIGINT]);
      }),
    );
  }

  /** The organisation's audit entries matching `query`, newest first. */
  queryAudit(orgId: string, query: AuditQuery): Promise<AuditEventDto[]> {
    const c = this.connection;
    const values: DuckDBValue[] = [orgId, optionalBigInt(query.from), optionalBigInt(query.to), query.actor ?? null, query.action ?? null, query.outcome ?? null, query.q ?? null, query.limit];
    return c.exclusive(async () => (await rows(c.run('query audit log', SELECT_AUDIT, values, AUDIT_QUERY_TYPES))).map(auditFromRow));
  }

  /** How many audit entries there are (all organisations). */
  auditCount(): Promise<number> {
    const c = this.connection;
    return c.exclusive(async () => cellToNumber((await rows(c.run('count audit entries', COUNT_AUDIT)))[0]![0], 'audit count'));
  }
}

async function rows(result: Promise<DuckDBMaterializedResult>): Promise<unknown[][]> {
  return (await (await result).getRowsJS()) as unknown[][];
}

function auditValues(a: AuditEntry): DuckDBValue[] {
  return [BigInt(Math.floor(a.tsMs)), a.orgId, a.actorId, a.actorName, a.action, a.target, a.outcome, a.ip, JSON.stringify(a.detail)];
}

/** Numbers bound to BIGINT parameters become BigInt (DuckDB binds JS numbers as DOUBLE). */
function bigIntCells(types: readonly DuckDBType[]) {
  return (value: DuckDBValue, index: number): DuckDBValue => (types[index] === BIGINT && typeof value === 'number' ? BigInt(Math.floor(value)) : value);
}

function optionalBigInt(value: number | undefined): bigint | null {
  return value === undefined ? null : BigInt(value);
}

const num = (cell: unknown, what: string): number => cellToNumber(cell, what);
const numOrNull = (cell: unknown, what: string): number | null => (cell === null ? null : cellToNumber(cell, what));

function organisationFromRow(row: unknown[]): OrganisationRecord {
  return {
    id: row[0] as string,
    name: row[1] as string,
    kind: row[2] as OrganisationKind,
    domain: JSON.parse(row[3] as string),
    idleTimeoutS: num(row[4], 'idle_timeout_s'),
    sessionLifetimeS: num(row[5], 'session_lifetime_s'),
    lockoutThreshold: num(row[6], 'lockout_threshold'),
    lockoutS: num(row[7], 'lockout_s'),
    createdMs: num(row[8], 'created_ms'),
    updatedMs: num(row[9], 'updated_ms'),
  };
}

function userFromRow(row: unknown[]): UserRecord {
  return {
    id: row[0] as string,
    orgId: row[1] as string,
    username: row[2] as string,
    displayName: row[3] as string,
    passwordHash: row[4] as string | null,
    clearance: row[5] as Sensitivity,
    grants: JSON.parse(row[6] as string),
    ssoLinks: JSON.parse(row[7] as string),
    disabled: row[8] as boolean,
    demoCredentials: row[9] as boolean,
    failedLogins: num(row[10], 'failed_logins'),
    lockedUntilMs: numOrNull(row[11], 'locked_until_ms'),
    createdMs: num(row[12], 'created_ms'),
    updatedMs: num(row[13], 'updated_ms'),
    lastLoginMs: numOrNull(row[14], 'last_login_ms'),
  };
}

function sessionFromRow(row: unknown[]): SessionRecord {
  return {
    tokenHash: row[0] as string,
    userId: row[1] as string,
    method: row[2] as string,
    ip: row[3] as string,
    createdMs: num(row[4], 'created_ms'),
    lastActiveMs: num(row[5], 'last_active_ms'),
    expiresMs: num(row[6], 'expires_ms'),
    endedMs: null,
    endReason: null,
  };
}

function auditFromRow(row: unknown[]): AuditEventDto {
  return {
    id: num(row[0], 'event_id'),
    tsMs: num(row[1], 'ts_ms'),
    orgId: row[2] as string | null,
    actorId: row[3] as string | null,
    actorName: row[4] as string,
    action: row[5] as string,
    target: row[6] as string,
    outcome: row[7] as AuditEventDto['outcome'],
    ip: row[8] as string,
    detail: JSON.parse(row[9] as string),
  };
}

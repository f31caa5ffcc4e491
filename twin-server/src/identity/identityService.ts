import { randomUUID } from 'node:crypto';
import {
  type AuditQuery,
  type AuditEventDto,
  type Grant,
  type LoginResult,
  type OrganisationCreate,
  type OrganisationDto,
  type OrganisationUpdate,
  type Permission,
  type SessionDto,
  type SessionEndReason,
  type UserCreate,
  type UserDto,
  type UserUpdate,
} from '@twin/protocol';
import type { Logger } from '../logging/logger.ts';
import type { IdentityStore } from '../storage/identityStore.ts';
import type { AuditEntry, OrganisationRecord, SessionRecord, UserRecord } from '../storage/identityTypes.ts';
import { SerialQueue } from '../storage/serialQueue.ts';
import { AccessContext } from './accessContext.ts';
import { FailedLoginLimiter } from './failedLoginLimiter.ts';
import { IdentityError } from './identityError.ts';
import { hashPassword, verifyPassword } from './passwordHasher.ts';
import { describeScope, scopesOverlap } from './scopeMatch.ts';
import { SESSION_END_CODES, SessionRegistry } from './sessionRegistry.ts';
import { newSessionToken, sessionTokenHash } from './sessionTokens.ts';

/** Limits and defaults of the identity service. */
export interface IdentityOptions {
  /** Failed logins from one address within `failedLoginWindowS` before it is refused (429). */
  maxFailedLoginsPerAddress: number;
  failedLoginWindowS: number;
  /** How often idle and expired sessions are ended (and their sockets cut off). */
  sweepIntervalMs: number;
  /** How often session activity is written to the database. */
  activityFlushMs: number;
}

export const DEFAULT_IDENTITY_OPTIONS: IdentityOptions = {
  maxFailedLoginsPerAddress: 20,
  failedLoginWindowS: 300,
  sweepIntervalMs: 1000,
  activityFlushMs: 15_000,
};

/** Organisation defaults (REQ PLAT-8: automatic logout, 15 minutes unless the organisation sets another). */
export const ORGANISATION_DEFAULTS = { idleTimeoutS: 900, sessionLifetimeS: 12 * 3600, lockoutThreshold: 5, lockoutS: 900 } as const;

/** Who performs an action, for the audit log. */
export interface Actor {
  /** Null for the platform itself (first-run set-up, CLI). */
  user: UserRecord | null;
  ip: string;
}

/** A request's authenticated identity. */
export interface Authenticated {
  tokenHash: string;
  session: SessionRecord;
  user: UserRecord;
  organisation: OrganisationRecord;
  access: AccessContext;
}

type SessionEndedListener = (ended: { tokenHash: string; userId: string; reason: SessionEndReason }) => void;

/**
 * Organisations, users, sessions and the audit log (REQ PLAT-5, PLAT-8, PLAT-11, PROP-2 i).
 * Identity data is small: it is kept in memory and every change is written to DuckDB, with its
 * audit entry in the same transaction, before the caller is answered. Session activity is written
 * behind, every `activityFlushMs`.
 */
export class IdentityService {
  private readonly organisations = new Map<string, OrganisationRecord>();
  private readonly users = new Map<string, UserRecord>();
  private readonly usersByName = new Map<string, UserRecord>();
  private readonly accessCache = new Map<string, AccessContext>();
  private readonly listeners: SessionEndedListener[] = [];
  private readonly writes = new SerialQueue();
  private readonly limiter: FailedLoginLimiter;
  private readonly timers: NodeJS.Timeout[] = [];

  private constructor(
    private readonly store: IdentityStore,
    private readonly sessions: SessionRegistry,
    private readonly deps: { logger: Logger; now: () => number; options: IdentityOptions },
  ) {
    this.limiter = new FailedLoginLimiter(deps.options.maxFailedLoginsPerAddress, deps.options.failedLoginWindowS * 1000);
  }

  /** Loads identity data and starts the session sweeper. */
  static async open(store: IdentityStore, deps: { logger: Logger; now?: () => number; options?: Partial<IdentityOptions> }): Promise<IdentityService> {
    const now = deps.now ?? Date.now;
    const loaded = await store.loadAll(now());
    const service = new IdentityService(store, new SessionRegistry(loaded.sessions), { logger: deps.logger, now, options: { ...DEFAULT_IDENTITY_OPTIONS, ...deps.options } });
    for (const o of loaded.organisations) service.organisations.set(o.id, o);
    for (const u of loaded.users) service.remember(u);
    service.timers.push(setInterval(() => service.sweep(), service.deps.options.sweepIntervalMs).unref());
    service.timers.push(setInterval(() => void service.flushActivity(), service.deps.options.activityFlushMs).unref());
    return service;
  }

  /** Calls `listener` whenever a session ends (logout, revocation, idle, lifetime). */
  onSessionEnded(listener: SessionEndedListener): void {
    this.listeners.push(listener);
  }

  // --- Organisations -------------------------------------------------------------------------

  organisation(id: string): OrganisationRecord | undefined {
    return this.organisations.get(id);
  }

  organisationCount(): number {
    return this.organisations.size;
  }

  organisationIds(): string[] {
    return [...this.organisations.keys()];
  }

  async createOrganisation(input: OrganisationCreate, actor: Actor): Promise<OrganisationRecord> {
    return this.writes.run(async () => {
      if (this.organisations.has(input.id)) throw new IdentityError('TWIN_ERR_CONFLICT', `organisation ${input.id} exists`);
      const now = this.deps.now();
      const org: OrganisationRecord = { ...input, ...ORGANISATION_DEFAULTS, createdMs: now, updatedMs: now };
      await this.store.write({ organisations: [org], audit: [this.entry(actor, org.id, 'org.create', org.id, 'ok', { domain: org.domain.map(describeScope) })] });
      this.organisations.set(org.id, org);
      return org;
    });
  }

  async updateOrganisation(orgId: string, patch: OrganisationUpdate, actor: Actor): Promise<OrganisationRecord> {
    return this.writes.run(async () => {
      const current = this.requireOrganisation(orgId);
      const next: OrganisationRecord = { ...current, ...definedOnly(patch), updatedMs: this.deps.now() };
      await this.store.write({ organisations: [next], audit: [this.entry(actor, orgId, 'org.configure', orgId, 'ok', { changed: definedOnly(patch) })] });
      this.organisations.set(orgId, next);
      return next;
    });
  }

  // --- Users ---------------------------------------------------------------------------------

  user(id: string): UserRecord | undefined {
    return this.users.get(id);
  }

  usersOf(orgId: string): UserRecord[] {
    return [...this.users.values()].filter((u) => u.orgId === orgId).sort((a, b) => a.username.localeCompare(b.username));
  }

  /** Creates a user in `orgId`. `demoCredentials` marks generated first-run passwords. */
  async createUser(orgId: string, input: UserCreate, actor: Actor, options: { demoCredentials?: boolean } = {}): Promise<UserRecord> {
    const org = this.requireOrganisation(orgId);
    this.checkGrants(org, input.grants);
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    return this.writes.run(async () => {
      if (this.usersByName.has(input.username.toLowerCase())) throw new IdentityError('TWIN_ERR_CONFLICT', `user name ${input.username} is taken`);
      this.checkSsoLinks(input.ssoLinks, null);
      const now = this.deps.now();
      const user: UserRecord = {
        id: randomUUID(),
        orgId,
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        clearance: input.clearance,
        grants: input.grants,
        ssoLinks: input.ssoLinks,
        disabled: false,
        demoCredentials: options.demoCredentials ?? false,
        failedLogins: 0,
        lockedUntilMs: null,
        createdMs: now,
        updatedMs: now,
        lastLoginMs: null,
      };
      const detail = { username: user.username, clearance: user.clearance, grants: user.grants.map(describeGrant) };
      await this.store.write({ users: [user], audit: [this.entry(actor, orgId, 'user.create', user.id, 'ok', detail)] });
      this.remember(user);
      return user;
    });
  }

  /**
   * Changes a user of `orgId`. Changing grants, clearance, the password or disabling the account
   * signs the user out everywhere: their live connections are cut off at once and the next login
   * carries the new rights.
   */
  async updateUser(orgId: string, userId: string, patch: UserUpdate, actor: Actor): Promise<UserRecord> {
    const org = this.requireOrganisation(orgId);
    if (patch.grants !== undefined) this.checkGrants(org, patch.grants);
    const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
    return this.writes.run(async () => {
      const current = this.requireUser(orgId, userId);
      if (patch.ssoLinks !== undefined) this.checkSsoLinks(patch.ssoLinks, current.id);
      const next: UserRecord = {
        ...current,
        displayName: patch.displayName ?? current.displayName,
        clearance: patch.clearance ?? current.clearance,
        grants: patch.grants ?? current.grants,
        disabled: patch.disabled ?? current.disabled,
        ssoLinks: patch.ssoLinks ?? current.ssoLinks,
        updatedMs: this.deps.now(),
      };
      if (passwordHash !== undefined) Object.assign(next, { passwordHash, demoCredentials: false });
      if (patch.unlock === true) Object.assign(next, { lockedUntilMs: null, failedLogins: 0 });
      this.checkAdministratorRemains(orgId, next);
      const revoke = passwordHash !== undefined || patch.grants !== undefined || patch.clearance !== undefined || (patch.disabled === true && !current.disabled);
      const ended = revoke ? this.endSessionsOf(userId, 'revoked') : [];
      const changed = Object.keys(patch).filter((k) => k !== 'password');
      if (passwordHash !== undefined) changed.push('password');
      const detail = { changed, ...(patch.grants ? { grants: patch.grants.map(describeGrant) } : {}), sessionsEnded: ended.length };
      await this.store.write({ users: [next], sessions: ended, audit: [this.entry(actor, orgId, 'user.update', userId, 'ok', detail)] });
      this.remember(next);
      this.announce(ended, userId, 'revoked');
      return next;
    });
  }

  /** Signs a user out everywhere (REQ PLAT-8). */
  async logoutEverywhere(orgId: string, userId: string, actor: Actor): Promise<number> {
    return this.writes.run(async () => {
      this.requireUser(orgId, userId);
      const ended = this.endSessionsOf(userId, 'revoked');
      await this.store.write({ sessions: ended, audit: [this.entry(actor, orgId, 'auth.logout-all', userId, 'ok', { sessionsEnded: ended.length })] });
      this.announce(ended, userId, 'revoked');
      return ended.length;
    });
  }

  // --- Sessions ------------------------------------------------------------------------------

  /**
   * Password login (REQ PLAT-8, PLAT-11). Failures are counted per account (lockout after the
   * organisation's threshold) and per address (rate limit); every attempt is audited; the
   * password is never logged or stored.
   */
  async login(usernameGiven: string, password: string, ip: string): Promise<LoginResult> {
    const now = this.deps.now();
    const retryAfterS = this.limiter.retryAfterS(ip, now);
    const username = usernameGiven.slice(0, 64);
    if (retryAfterS > 0) {
      await this.record({ ...this.anonymous(username, ip), action: 'auth.login', target: username, outcome: 'denied', detail: { reason: 'rate limited' } });
      throw new IdentityError('TWIN_ERR_AUTH_RATE_LIMITED', `too many failed logins from ${ip}; try again in ${retryAfterS} s`, { retryAfterS });
    }
    const candidate = this.usersByName.get(username.toLowerCase());
    if (candidate !== undefined && candidate.lockedUntilMs !== null && candidate.lockedUntilMs > now) {
      await this.record(this.entry({ user: candidate, ip }, candidate.orgId, 'auth.login', candidate.id, 'denied', { reason: 'locked' }));
      throw lockedError(candidate.lockedUntilMs);
    }
    const matches = await verifyPassword(candidate?.passwordHash ?? null, password);
    return this.writes.run(async () => {
      const user = candidate === undefined ? undefined : this.users.get(candidate.id);
      if (user === undefined || !matches) {
        this.limiter.fail(ip, this.deps.now());
        if (user === undefined) {
          await this.record({ ...this.anonymous(username, ip), action: 'auth.login', target: username, outcome: 'failed', detail: { reason: 'unknown user or no password' } });
          throw new IdentityError('TWIN_ERR_AUTH_LOGIN_FAILED', 'wrong user name or password');
        }
        return this.countFailure(user, ip);
      }
      if (user.disabled) {
        await this.record(this.entry({ user, ip }, user.orgId, 'auth.login', user.id, 'denied', { reason: 'disabled' }));
        throw new IdentityError('TWIN_ERR_AUTH_DISABLED', `the account ${user.username} is disabled`);
      }
      return this.startSession(user, 'password', ip);
    });
  }

  /** Signs in a user an identity provider vouched for (REQ PLAT-11 single sign-on). */
  async loginLinked(link: { provider: string; subject: string; usernameHint?: string; orgId: string }, ip: string): Promise<LoginResult> {
    return this.writes.run(async () => {
      const key = `${link.provider}:${link.subject}`;
      let user = [...this.users.values()].find((u) => u.ssoLinks.includes(key));
      if (user === undefined && link.usernameHint !== undefined) {
        const byName = this.usersByName.get(link.usernameHint.toLowerCase());
        if (byName !== undefined && byName.orgId === link.orgId) {
          user = { ...byName, ssoLinks: [...byName.ssoLinks, key], updatedMs: this.deps.now() };
          await this.store.write({ users: [user], audit: [this.entry({ user, ip }, user.orgId, 'user.sso-link', user.id, 'ok', { link: key })] });
          this.remember(user);
        }
      }
      if (user === undefined) {
        await this.record({ ...this.anonymous(link.usernameHint ?? link.subject, ip), orgId: link.orgId, action: 'auth.sso', target: key, outcome: 'denied', detail: { reason: 'no linked user' } });
        throw new IdentityError('TWIN_ERR_AUTH_SSO_UNKNOWN_USER', `no user of ${link.orgId} is linked to ${key} or named ${link.usernameHint ?? '(no name claim)'}`);
      }
      if (user.disabled) {
        await this.record(this.entry({ user, ip }, user.orgId, 'auth.sso', user.id, 'denied', { reason: 'disabled' }));
        throw new IdentityError('TWIN_ERR_AUTH_DISABLED', `the account ${user.username} is disabled`);
      }
      return this.startSession(user, `sso:${link.provider}`, ip);
    });
  }

  /**
   * The identity behind a session token, or the specific reason there is none. With
   * `activity`, the request counts as user activity and restarts the idle timer.
   */
  authenticate(token: string, options: { activity: boolean }): Authenticated | IdentityError {
    const tokenHash = sessionTokenHash(token);
    const session = this.sessions.get(tokenHash);
    if (session === undefined) {
      const reason = this.sessions.endReason(tokenHash);
      return reason === undefined ? new IdentityError('TWIN_ERR_AUTH_INVALID', 'the session token is not valid') : sessionEndedError(reason);
    }
    const now = this.deps.now();
    const user = this.users.get(session.userId);
    const organisation = user && this.organisations.get(user.orgId);
    const reason = user === undefined || organisation === undefined || user.disabled ? 'revoked' : this.expiry(session, organisation, now);
    if (reason !== undefined) {
      this.endInBackground(session, reason);
      return sessionEndedError(reason);
    }
    if (options.activity) this.sessions.touch(session, now);
    return { tokenHash, session, user: user!, organisation: organisation!, access: this.accessOf(user!, organisation!) };
  }

  /** The client-facing view of an authenticated session. */
  sessionDto(auth: Authenticated): SessionDto {
    return {
      user: toUserDto(auth.user),
      organisation: toOrganisationDto(auth.organisation),
      permissions: [...auth.access.permissions] as Permission[],
      serverTimeMs: this.deps.now(),
      idleExpiresAtMs: auth.session.lastActiveMs + auth.organisation.idleTimeoutS * 1000,
      expiresAtMs: auth.session.expiresMs,
    };
  }

  /** Ends one session (sign out). */
  async logout(auth: Authenticated, ip: string): Promise<void> {
    await this.writes.run(async () => {
      const session = this.sessions.get(auth.tokenHash);
      if (session === undefined) return;
      const ended = this.sessions.end(session, 'logout', this.deps.now());
      await this.store.write({ sessions: [ended], audit: [this.entry({ user: auth.user, ip }, auth.user.orgId, 'auth.logout', auth.user.id, 'ok', {})] });
      this.announce([ended], auth.user.id, 'logout');
    });
  }

  /** Changes one's own password; other sessions of the user end. */
  async changePassword(auth: Authenticated, currentPassword: string, newPassword: string, ip: string): Promise<void> {
    if (!(await verifyPassword(auth.user.passwordHash, currentPassword))) {
      await this.record(this.entry({ user: auth.user, ip }, auth.user.orgId, 'user.password', auth.user.id, 'failed', { reason: 'current password wrong' }));
      throw new IdentityError('TWIN_ERR_AUTH_LOGIN_FAILED', 'the current password is wrong');
    }
    const passwordHash = await hashPassword(newPassword);
    await this.writes.run(async () => {
      const user = this.users.get(auth.user.id)!;
      const next = { ...user, passwordHash, demoCredentials: false, updatedMs: this.deps.now() };
      const ended = this.endSessionsOf(user.id, 'revoked', auth.tokenHash);
      await this.store.write({ users: [next], sessions: ended, audit: [this.entry({ user, ip }, user.orgId, 'user.password', user.id, 'ok', { sessionsEnded: ended.length })] });
      this.remember(next);
      this.announce(ended, user.id, 'revoked');
    });
  }

  // --- Audit ---------------------------------------------------------------------------------

  /** Records an audit entry (PROP-2 i: who did what, when, where, with what outcome). */
  record(entry: AuditEntry): Promise<void> {
    return this.store.write({ audit: [entry] });
  }

  /** An audit entry by `actor`. */
  entry(actor: Actor, orgId: string | null, action: string, target: string, outcome: AuditEntry['outcome'], detail: Record<string, unknown>): AuditEntry {
    return { tsMs: this.deps.now(), orgId, actorId: actor.user?.id ?? null, actorName: actor.user?.username ?? 'platform', action, target, outcome, ip: actor.ip, detail };
  }

  queryAudit(orgId: string, query: AuditQuery): Promise<AuditEventDto[]> {
    return this.store.queryAudit(orgId, query);
  }

  /** Live sessions (for `/api/stats`). */
  liveSessionCount(): number {
    return this.sessions.size;
  }

  /** Stops the sweeper and writes pending activity. */
  async close(): Promise<void> {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    await this.writes.idle();
    await this.flushActivity();
  }

  // --- Internals -----------------------------------------------------------------------------

  private async startSession(user: UserRecord, method: string, ip: string): Promise<LoginResult> {
    const org = this.requireOrganisation(user.orgId);
    const now = this.deps.now();
    const token = newSessionToken();
    const session: SessionRecord = { tokenHash: sessionTokenHash(token), userId: user.id, method, ip, createdMs: now, lastActiveMs: now, expiresMs: now + org.sessionLifetimeS * 1000, endedMs: null, endReason: null };
    const next: UserRecord = { ...user, failedLogins: 0, lockedUntilMs: null, lastLoginMs: now };
    await this.store.write({ users: [next], sessions: [session], audit: [this.entry({ user, ip }, user.orgId, method === 'password' ? 'auth.login' : 'auth.sso', user.id, 'ok', { method })] });
    this.remember(next);
    this.sessions.add(session);
    const auth: Authenticated = { tokenHash: session.tokenHash, session, user: next, organisation: org, access: this.accessOf(next, org) };
    return { token, session: this.sessionDto(auth) };
  }

  private async countFailure(user: UserRecord, ip: string): Promise<never> {
    const org = this.requireOrganisation(user.orgId);
    const now = this.deps.now();
    const failures = user.failedLogins + 1;
    const locks = failures >= org.lockoutThreshold;
    const next: UserRecord = { ...user, failedLogins: locks ? 0 : failures, lockedUntilMs: locks ? now + org.lockoutS * 1000 : user.lockedUntilMs };
    const audit = [this.entry({ user, ip }, user.orgId, 'auth.login', user.id, 'failed', { reason: 'wrong password', failuresInRow: failures })];
    if (locks) audit.push(this.entry({ user, ip }, user.orgId, 'auth.lockout', user.id, 'ok', { lockedUntilMs: next.lockedUntilMs, afterFailures: failures }));
    await this.store.write({ users: [next], audit });
    this.remember(next);
    if (locks) {
      this.deps.logger.warn('account locked after failed logins', { user: user.username, failures, ip });
      throw lockedError(next.lockedUntilMs!);
    }
    throw new IdentityError('TWIN_ERR_AUTH_LOGIN_FAILED', 'wrong user name or password');
  }

  private expiry(session: SessionRecord, org: OrganisationRecord, now: number): SessionEndReason | undefined {
    if (now >= session.expiresMs) return 'expired';
    if (now >= session.lastActiveMs + org.idleTimeoutS * 1000) return 'idle';
    return undefined;
  }

  /** Ends idle and expired sessions (every `sweepIntervalMs`), so their sockets are cut off at once. */
  private sweep(): void {
    const now = this.deps.now();
    for (const session of [...this.sessions.all()]) {
      const user = this.users.get(session.userId);
      const org = user && this.organisations.get(user.orgId);
      const reason = org === undefined ? 'revoked' : this.expiry(session, org, now);
      if (reason !== undefined) this.endInBackground(session, reason);
    }
    this.sessions.forgetEnded(now);
  }

  private endInBackground(session: SessionRecord, reason: SessionEndReason): void {
    const ended = this.sessions.end(session, reason, this.deps.now());
    this.announce([ended], session.userId, reason);
    const user = this.users.get(session.userId);
    const audit = this.entry({ user: user ?? null, ip: session.ip }, user?.orgId ?? null, 'auth.session-end', session.userId, 'ok', { reason });
    this.writes.run(() => this.store.write({ sessions: [ended], audit: [audit] })).catch((error: unknown) => this.deps.logger.error('could not record a session end', { reason, error: String(error) }));
  }

  private endSessionsOf(userId: string, reason: SessionEndReason, except?: string): SessionRecord[] {
    const now = this.deps.now();
    return this.sessions
      .ofUser(userId)
      .filter((s) => s.tokenHash !== except)
      .map((s) => this.sessions.end(s, reason, now));
  }

  private announce(ended: readonly SessionRecord[], userId: string, reason: SessionEndReason): void {
    for (const session of ended) {
      for (const listener of this.listeners) listener({ tokenHash: session.tokenHash, userId, reason });
    }
  }

  private async flushActivity(): Promise<void> {
    const touched = this.sessions.takeTouched();
    try {
      await this.store.touchSessions(touched);
    } catch (error) {
      this.deps.logger.error('could not record session activity', { sessions: touched.length, error: String(error) });
    }
  }

  private accessOf(user: UserRecord, org: OrganisationRecord): AccessContext {
    const key = `${user.id}@${user.updatedMs}/${org.updatedMs}`;
    let access = this.accessCache.get(key);
    if (access === undefined) {
      for (const k of this.accessCache.keys()) if (k.startsWith(`${user.id}@`)) this.accessCache.delete(k);
      access = new AccessContext(user.id, org, user.grants, user.clearance);
      this.accessCache.set(key, access);
    }
    return access;
  }

  private remember(user: UserRecord): void {
    const previous = this.users.get(user.id);
    if (previous !== undefined) this.usersByName.delete(previous.username.toLowerCase());
    this.users.set(user.id, user);
    this.usersByName.set(user.username.toLowerCase(), user);
  }

  private requireOrganisation(orgId: string): OrganisationRecord {
    const org = this.organisations.get(orgId);
    if (org === undefined) throw new IdentityError('TWIN_ERR_NOT_FOUND', `no organisation ${orgId}`);
    return org;
  }

  /** A user of `orgId`; users of other organisations are reported as not found. */
  private requireUser(orgId: string, userId: string): UserRecord {
    const user = this.users.get(userId);
    if (user === undefined || user.orgId !== orgId) throw new IdentityError('TWIN_ERR_NOT_FOUND', `no user ${userId} in organisation ${orgId}`);
    return user;
  }

  private checkGrants(org: OrganisationRecord, grants: readonly Grant[]): void {
    for (const grant of grants) {
      if (!org.domain.some((domain) => scopesOverlap(grant.scope, domain))) {
        throw new IdentityError('TWIN_ERR_BAD_REQUEST', `grant ${describeGrant(grant)} is outside the domain of ${org.id} (${org.domain.map(describeScope).join('; ')})`);
      }
    }
  }

  private checkSsoLinks(links: readonly string[], ownerId: string | null): void {
    for (const link of links) {
      const holder = [...this.users.values()].find((u) => u.id !== ownerId && u.ssoLinks.includes(link));
      if (holder !== undefined) throw new IdentityError('TWIN_ERR_CONFLICT', `sign-on link ${link} belongs to another user`);
    }
  }

  /** Refuses a change that would leave the organisation without an enabled administrator. */
  private checkAdministratorRemains(orgId: string, changed: UserRecord): void {
    const isAdmin = (u: UserRecord) => !u.disabled && u.grants.some((g) => g.role === 'administrator' && Object.keys(g.scope).length === 0);
    const users = this.usersOf(orgId);
    if (users.some(isAdmin) && !users.map((u) => (u.id === changed.id ? changed : u)).some(isAdmin)) throw new IdentityError('TWIN_ERR_CONFLICT', `${orgId} would have no administrator left`);
  }

  private anonymous(username: string, ip: string): AuditEntry {
    return { tsMs: this.deps.now(), orgId: null, actorId: null, actorName: username, action: '', target: '', outcome: 'failed', ip, detail: {} };
  }
}

function lockedError(untilMs: number): IdentityError {
  return new IdentityError('TWIN_ERR_AUTH_LOCKED', `the account is locked until ${new Date(untilMs).toISOString()} after repeated failed logins`, { lockedUntilMs: untilMs });
}

function sessionEndedError(reason: SessionEndReason): IdentityError {
  return new IdentityError(SESSION_END_CODES[reason], `the session ended (${reason})`, { reason });
}

function describeGrant(grant: Grant): string {
  return `${grant.role}@${describeScope(grant.scope)}`;
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A user without secrets. */
export function toUserDto(user: UserRecord): UserDto {
  return {
    id: user.id,
    orgId: user.orgId,
    username: user.username,
    displayName: user.displayName,
    clearance: user.clearance,
    grants: user.grants,
    disabled: user.disabled,
    hasPassword: user.passwordHash !== null,
    ssoLinks: user.ssoLinks,
    demoCredentials: user.demoCredentials,
    createdAtMs: user.createdMs,
    lastLoginAtMs: user.lastLoginMs,
    lockedUntilMs: user.lockedUntilMs,
  };
}

/** An organisation as clients see it. */
export function toOrganisationDto(org: OrganisationRecord): OrganisationDto {
  const { createdMs: _c, updatedMs: _u, ...dto } = org;
  return dto;
}

import type { LoginResult, SessionDto, SessionEndReason } from '@twin/protocol';
import type { ApiClient } from '../api/apiClient.ts';
import { ApiError } from '../api/apiError.ts';
import { isLoginResult, isSessionDto } from '../api/dtoGuards.ts';
import type { ServerClock } from './serverClock.ts';

/**
 * Where the console is:
 * - `starting`: restoring a session from the tab's token, or completing single sign-on;
 * - `signedOut`: the login screen, with why the last session ended and a start-up problem, if any;
 * - `signedIn`: the control room;
 * - `locked`: the session ended (idle, lifetime, revoked); the lock screen keeps who it was.
 */
export type SessionState =
  | { phase: 'starting' }
  | { phase: 'signedOut'; ended: SessionEndReason | null; problem: ApiError | null }
  | { phase: 'signedIn'; session: SessionDto }
  | { phase: 'locked'; session: SessionDto; reason: SessionEndReason };

/**
 * The session of this console: login, restore, lock at the idle or lifetime deadline (PLAT-8
 * configurable automatic logout), the end of a session announced by the server, sign-out. Plain
 * TypeScript with a subscription (React reads it through `useSyncExternalStore`).
 */
export class SessionController {
  private state: SessionState = { phase: 'starting' };
  private readonly listeners = new Set<() => void>();
  private deadlineTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly api: ApiClient,
    private readonly clock: ServerClock,
  ) {
    api.onSessionEnded((reason) => this.end(reason));
  }

  getState(): SessionState {
    return this.state;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts the console: completes the single sign-on the page returned from (`ssoReturn`), else
   * resumes the session of this tab's token if it is still valid (which does not count as
   * activity), else shows the login screen.
   */
  async start(ssoReturn?: () => Promise<LoginResult>): Promise<void> {
    try {
      if (ssoReturn !== undefined) return await this.signInWith(ssoReturn);
      if (this.api.token === undefined) return this.setState({ phase: 'signedOut', ended: null, problem: null });
      const sentAtMs = Date.now();
      const session = await this.api.getJson('/api/auth/session', isSessionDto);
      this.clock.observe(session.serverTimeMs, sentAtMs, Date.now());
      this.enter(session);
    } catch (error) {
      this.api.clearToken();
      // A stored session that ended meanwhile is no problem to report: the login screen is the answer.
      const problem = error instanceof ApiError && !(ssoReturn === undefined && error.status === 401) ? error : null;
      this.setState({ phase: 'signedOut', ended: null, problem });
    }
  }

  /** Password login; rejects with the server's {@link ApiError} (wrong password, locked, rate-limited, …). */
  login(username: string, password: string): Promise<void> {
    return this.signInWith(() => this.api.postJson('/api/auth/login', { username, password }, isLoginResult));
  }

  /** Signs in with the login answer `obtain` resolves with (password, or single sign-on); rejects as it does. */
  async signInWith(obtain: () => Promise<LoginResult>): Promise<void> {
    const sentAtMs = Date.now();
    const result = await obtain();
    this.api.setToken(result.token);
    this.clock.observe(result.session.serverTimeMs, sentAtMs, Date.now());
    this.enter(result.session);
  }

  /** Signs the locked user in again with their password. */
  async unlock(password: string): Promise<void> {
    if (this.state.phase !== 'locked') return;
    await this.login(this.state.session.user.username, password);
  }

  /** Leaves the lock screen for the login screen, to sign in as someone else. */
  switchUser(): void {
    if (this.state.phase === 'locked') this.setState({ phase: 'signedOut', ended: null, problem: null });
  }

  /**
   * The session ended: a sign-out of this session elsewhere leads to the login screen, anything
   * else (idle, lifetime, revoked) to the lock screen of the same user.
   */
  end(reason: SessionEndReason): void {
    if (this.state.phase !== 'signedIn') return;
    const { session } = this.state;
    this.leave();
    this.setState(reason === 'logout' ? { phase: 'signedOut', ended: reason, problem: null } : { phase: 'locked', session, reason });
  }

  /**
   * Reads the session again (after the organisation's settings changed); a background request
   * that does not count as activity. Keeps the current state when it fails.
   */
  async refresh(): Promise<void> {
    if (this.state.phase !== 'signedIn') return;
    const token = this.api.token;
    const session = await this.api.getJson('/api/auth/session', isSessionDto).catch(() => undefined);
    if (session !== undefined && this.state.phase === 'signedIn' && this.api.token === token) this.enter(session);
  }

  /** The server moved the idle deadline (after reported activity). */
  setIdleDeadline(idleExpiresAtMs: number): void {
    if (this.state.phase !== 'signedIn') return;
    this.enter({ ...this.state.session, idleExpiresAtMs });
  }

  /** Signs this session out. The console signs out even when the server cannot be told. */
  async signOut(): Promise<void> {
    try {
      await this.api.post('/api/auth/logout');
    } catch {
      // The token is forgotten below; the server ends the session at its idle deadline.
    }
    this.leave();
    this.setState({ phase: 'signedOut', ended: null, problem: null });
  }

  /** Signs out every session of this user, on every console; rejects if the server refused. */
  async signOutEverywhere(): Promise<void> {
    await this.api.post('/api/auth/logout-all');
    this.leave();
    this.setState({ phase: 'signedOut', ended: null, problem: null });
  }

  private enter(session: SessionDto): void {
    this.setState({ phase: 'signedIn', session });
    this.scheduleDeadline(session);
  }

  private leave(): void {
    clearTimeout(this.deadlineTimer);
    this.api.clearToken();
  }

  /** Locks at whichever comes first: the idle deadline or the end of the session's lifetime. */
  private scheduleDeadline(session: SessionDto): void {
    clearTimeout(this.deadlineTimer);
    const idle = session.idleExpiresAtMs <= session.expiresAtMs;
    const deadlineMs = idle ? session.idleExpiresAtMs : session.expiresAtMs;
    this.deadlineTimer = setTimeout(() => this.end(idle ? 'idle' : 'expired'), Math.max(0, this.clock.msUntil(deadlineMs)));
  }

  private setState(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

import type { SessionEndReason, TwinErrorCode } from '@twin/protocol';
import type { SessionRecord } from '../storage/identityTypes.ts';

/** The error a request with an ended session gets, by why it ended. */
export const SESSION_END_CODES: Record<SessionEndReason, TwinErrorCode> = {
  idle: 'TWIN_ERR_AUTH_SESSION_IDLE',
  expired: 'TWIN_ERR_AUTH_SESSION_EXPIRED',
  revoked: 'TWIN_ERR_AUTH_SESSION_REVOKED',
  logout: 'TWIN_ERR_AUTH_SESSION_REVOKED',
};

/** Ended sessions are remembered (to answer with the reason) this long, and at most this many. */
const TOMBSTONE_MS = 3600_000;
const MAX_TOMBSTONES = 10_000;

/**
 * The live sessions by token hash, and recently ended ones with their reason so a client is told
 * why (idle, expired, revoked) rather than just "invalid". Activity marks are collected for
 * write-behind.
 */
export class SessionRegistry {
  private readonly live = new Map<string, SessionRecord>();
  private readonly ended = new Map<string, { reason: SessionEndReason; untilMs: number }>();
  private readonly touched = new Set<string>();

  constructor(sessions: Iterable<SessionRecord> = []) {
    for (const session of sessions) this.live.set(session.tokenHash, session);
  }

  get(tokenHash: string): SessionRecord | undefined {
    return this.live.get(tokenHash);
  }

  /** Why the session with this hash ended, if it ended recently. */
  endReason(tokenHash: string): SessionEndReason | undefined {
    return this.ended.get(tokenHash)?.reason;
  }

  add(session: SessionRecord): void {
    this.live.set(session.tokenHash, session);
  }

  /** Records activity at `nowMs` (persisted by the next `takeTouched`). */
  touch(session: SessionRecord, nowMs: number): void {
    if (nowMs <= session.lastActiveMs) return;
    session.lastActiveMs = nowMs;
    this.touched.add(session.tokenHash);
  }

  /** Sessions whose activity moved since the last call. */
  takeTouched(): Array<{ tokenHash: string; lastActiveMs: number }> {
    const out: Array<{ tokenHash: string; lastActiveMs: number }> = [];
    for (const hash of this.touched) {
      const session = this.live.get(hash);
      if (session !== undefined) out.push({ tokenHash: hash, lastActiveMs: session.lastActiveMs });
    }
    this.touched.clear();
    return out;
  }

  /** Removes a live session, remembering why; returns the ended record to persist. */
  end(session: SessionRecord, reason: SessionEndReason, nowMs: number): SessionRecord {
    this.live.delete(session.tokenHash);
    this.touched.delete(session.tokenHash);
    this.ended.set(session.tokenHash, { reason, untilMs: nowMs + TOMBSTONE_MS });
    if (this.ended.size > MAX_TOMBSTONES) this.forgetEnded(nowMs);
    return { ...session, endedMs: nowMs, endReason: reason };
  }

  /** Live sessions of a user. */
  ofUser(userId: string): SessionRecord[] {
    return [...this.live.values()].filter((s) => s.userId === userId);
  }

  all(): IterableIterator<SessionRecord> {
    return this.live.values();
  }

  get size(): number {
    return this.live.size;
  }

  /** Drops tombstones older than an hour, and the oldest ones beyond the cap. */
  forgetEnded(nowMs: number): void {
    for (const [hash, tomb] of this.ended) if (tomb.untilMs <= nowMs) this.ended.delete(hash);
    for (const hash of this.ended.keys()) {
      if (this.ended.size <= MAX_TOMBSTONES) break;
      this.ended.delete(hash);
    }
  }
}

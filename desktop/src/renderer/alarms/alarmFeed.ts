import type { AlarmSubscription } from '@twin/protocol';
import { ApiError, isTwinErrorCode } from '../api/apiError.ts';
import type { TwinSocket } from '../session/liveConnection.ts';
import type { AlarmBook, ResumeSummary } from './alarmBook.ts';
import { isAlarmSubscription, isAlarmUpdate } from './alarmGuards.ts';

/** How current the alarm book is. */
export interface AlarmFeedState {
  /**
   * `idle` before start; `loading` until a first list arrives; `live` while subscribed; `offline`
   * when the list is known but updates do not arrive (connection down); `failed` when the server
   * refused or did not answer (see `error`).
   */
  phase: 'idle' | 'loading' | 'live' | 'offline' | 'failed';
  error: unknown;
  /** What the last resumed subscription caught up on, when it caught up on anything. */
  resume: ResumeSummary | null;
}

/** Construction options of {@link AlarmFeed}. */
export interface AlarmFeedOptions {
  /** The console's one live connection. */
  socket: TwinSocket;
  book: AlarmBook;
  /** Loads the current alarms over HTTP into the book (used while the socket is not yet up). */
  load: () => Promise<void>;
  /** How long to wait for the subscription's answer, ms. */
  ackTimeoutMs?: number;
  /** How long to wait before asking again after no answer, ms. */
  retryMs?: number;
}

const IDLE: AlarmFeedState = { phase: 'idle', error: null, resume: null };

/**
 * Keeps an {@link AlarmBook} current over the live connection (REQ PLAT-8 alarm management):
 * subscribes with `alarm:subscribe` whenever the socket connects and applies the pushed
 * `alarm:update`s. After a reconnection it resubscribes with the last event id the book applied,
 * so the events missed meanwhile are applied too, not only the list as it is now. Every payload is
 * validated before it touches the book.
 */
export class AlarmFeed {
  private state: AlarmFeedState = IDLE;
  private readonly listeners = new Set<() => void>();
  /** Incremented by every start and stop: answers to an earlier run are ignored. */
  private run = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: AlarmFeedOptions) {}

  /** Calls `listener` after every change of state; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current state (the same object until it changes). */
  readonly getState = (): AlarmFeedState => this.state;

  /** Starts following the alarms; returns the function that stops. */
  start(): () => void {
    const run = ++this.run;
    const { socket, book } = this.options;
    const onConnect = () => void this.subscribeAlarms(run);
    const onDisconnect = () => {
      this.clearRetry();
      if (this.state.phase === 'live') this.setState({ ...this.state, phase: 'offline' });
    };
    const onUpdate = (update: unknown) => {
      if (isAlarmUpdate(update)) book.applyUpdate(update);
    };
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('alarm:update', onUpdate);
    this.setState({ phase: 'loading', error: null, resume: null });
    if (socket.connected) void this.subscribeAlarms(run);
    else void this.loadOverHttp(run);
    return () => {
      this.run++;
      this.clearRetry();
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('alarm:update', onUpdate);
      this.setState(IDLE);
    };
  }

  private async subscribeAlarms(run: number): Promise<void> {
    const { socket, book, ackTimeoutMs = 10_000 } = this.options;
    this.clearRetry();
    const resuming = book.hasList;
    let answer: unknown;
    try {
      answer = await socket.timeout(ackTimeoutMs).emitWithAck('alarm:subscribe', resuming ? { afterEventId: book.lastEventId } : {});
    } catch {
      if (run !== this.run) return;
      this.setState({ phase: 'failed', error: new ApiError('NETWORK', 'alarm:subscribe was not answered', 0), resume: null });
      this.retryLater(run);
      return;
    }
    if (run !== this.run) return;
    const subscription = subscriptionOf(answer);
    if (subscription instanceof ApiError) {
      this.setState({ phase: 'failed', error: subscription, resume: null });
      return;
    }
    const resume = book.applySubscription(subscription);
    book.flush();
    this.setState({ phase: 'live', error: null, resume: resuming && (resume.missed > 0 || resume.truncated) ? resume : null });
  }

  private async loadOverHttp(run: number): Promise<void> {
    try {
      await this.options.load();
      if (run === this.run && this.state.phase === 'loading') this.setState({ phase: 'offline', error: null, resume: null });
    } catch (error) {
      if (run === this.run && this.state.phase === 'loading') this.setState({ phase: 'failed', error, resume: null });
    }
  }

  private retryLater(run: number): void {
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (run === this.run && this.options.socket.connected) void this.subscribeAlarms(run);
    }, this.options.retryMs ?? 5_000);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private setState(state: AlarmFeedState): void {
    if (state.phase === this.state.phase && state.error === this.state.error && state.resume === this.state.resume) return;
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** The subscription in an `alarm:subscribe` answer, or why there is none. */
function subscriptionOf(answer: unknown): AlarmSubscription | ApiError {
  if (typeof answer !== 'object' || answer === null) return new ApiError('UNEXPECTED_RESPONSE', 'alarm:subscribe answered no result', 0);
  const result = answer as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (result.ok === true) return isAlarmSubscription(result.value) ? result.value : new ApiError('UNEXPECTED_RESPONSE', 'the alarm subscription does not have the expected shape', 0);
  const code = result.error?.code;
  const message = typeof result.error?.message === 'string' ? result.error.message : 'alarm:subscribe was refused';
  return new ApiError(isTwinErrorCode(code) ? code : 'UNEXPECTED_RESPONSE', message, 0);
}

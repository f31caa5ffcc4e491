import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlarmSubscription, Result } from '@twin/protocol';
import { ApiError } from '../api/apiError.ts';
import type { TwinSocket } from '../session/liveConnection.ts';
import { AlarmBook } from './alarmBook.ts';
import { AlarmFeed } from './alarmFeed.ts';
import { testAlarm, testEvent, testUpdate } from './testAlarms.ts';

type Answer = (request: { afterEventId?: number }) => Promise<unknown>;

/** A socket.io client stand-in: handlers by event, `alarm:subscribe` answered by `answer`. */
class FakeSocket {
  connected = false;
  readonly requests: Array<{ afterEventId?: number }> = [];
  private readonly handlers = new Map<string, Set<(payload?: unknown) => void>>();

  constructor(public answer: Answer) {}

  on(event: string, handler: (payload?: unknown) => void): this {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)?.add(handler);
    return this;
  }

  off(event: string, handler: (payload?: unknown) => void): this {
    this.handlers.get(event)?.delete(handler);
    return this;
  }

  timeout() {
    return {
      emitWithAck: (_event: 'alarm:subscribe', request: { afterEventId?: number }) => {
        this.requests.push(request);
        return this.answer(request);
      },
    };
  }

  fire(event: string, payload?: unknown): void {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    for (const handler of this.handlers.get(event) ?? []) handler(payload);
  }

  listenerCount(): number {
    return [...this.handlers.values()].reduce((sum, set) => sum + set.size, 0);
  }
}

const ok = (value: AlarmSubscription): Result<AlarmSubscription> => ({ ok: true, value });
const answering =
  (...answers: Array<Result<AlarmSubscription>>): Answer =>
  async () =>
    answers.shift();
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function feedWith(socket: FakeSocket, load = vi.fn(async () => undefined)) {
  const book = new AlarmBook({ schedule: () => () => undefined });
  const feed = new AlarmFeed({ socket: socket as unknown as TwinSocket, book, load, retryMs: 1_000 });
  return { book, feed, load };
}

describe('AlarmFeed (PLAT-8 alarm management over the live connection)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('PLAT-8 subscribes when the socket connects and applies the current alarms', async () => {
    const raised = testAlarm({ lastEventId: 4 });
    const socket = new FakeSocket(answering(ok({ alarms: [raised], missed: [], truncated: false, lastEventId: 4 })));
    const { book, feed } = feedWith(socket);
    feed.start();
    socket.fire('connect');
    await settle();
    expect(socket.requests).toEqual([{}]);
    expect(feed.getState().phase).toBe('live');
    expect(book.getSnapshot().alarms).toEqual([raised]);
  });

  it('PLAT-8 resubscribes after a reconnection from the last event seen, and applies the missed events', async () => {
    const first = testAlarm({ id: 'r/a', lastEventId: 4 });
    const socket = new FakeSocket(answering(ok({ alarms: [first], missed: [], truncated: false, lastEventId: 4 })));
    const { book, feed } = feedWith(socket);
    feed.start();
    socket.fire('connect');
    await settle();
    socket.fire('alarm:update', testUpdate(testAlarm({ id: 'r/b', lastEventId: 6 })));
    socket.fire('disconnect');
    expect(feed.getState().phase).toBe('offline');

    const acknowledged = testAlarm({ id: 'r/a', lastEventId: 8, state: 'ack_active' });
    const returned = testAlarm({ id: 'r/b', lastEventId: 9, state: 'normal', active: false });
    socket.answer = answering(
      ok({
        alarms: [acknowledged],
        missed: [testEvent(acknowledged, { type: 'acknowledged', stateBefore: 'unack_active' }), testEvent(returned, { type: 'returned', stateBefore: 'ack_active' })],
        truncated: false,
        lastEventId: 9,
      }),
    );
    socket.fire('connect');
    await settle();
    expect(socket.requests.at(-1)).toEqual({ afterEventId: 6 });
    expect(feed.getState()).toMatchObject({ phase: 'live', resume: { missed: 2, truncated: false } });
    expect(book.getSnapshot().alarms.map((alarm) => [alarm.id, alarm.state])).toEqual([['r/a', 'ack_active']]);
    expect(book.lastEventId).toBe(9);
  });

  it('loads over HTTP while the socket is down, then resumes from that list', async () => {
    const socket = new FakeSocket(answering(ok({ alarms: [], missed: [], truncated: false, lastEventId: 30 })));
    const book = new AlarmBook({ schedule: () => () => undefined });
    const load = vi.fn(async () => book.applyList({ alarms: [testAlarm({ lastEventId: 12 })], lastEventId: 20 }));
    const feed = new AlarmFeed({ socket: socket as unknown as TwinSocket, book, load });
    feed.start();
    await settle();
    expect(load).toHaveBeenCalledOnce();
    expect(feed.getState().phase).toBe('offline');
    socket.fire('connect');
    await settle();
    expect(socket.requests).toEqual([{ afterEventId: 20 }]);
    expect(feed.getState().phase).toBe('live');
  });

  it('subscribes at once when the socket is already connected', async () => {
    const socket = new FakeSocket(answering(ok({ alarms: [], missed: [], truncated: false, lastEventId: 1 })));
    socket.connected = true;
    const { feed, load } = feedWith(socket);
    feed.start();
    await settle();
    expect(load).not.toHaveBeenCalled();
    expect(socket.requests).toEqual([{}]);
  });

  it('validates pushed updates before they reach the book', async () => {
    const socket = new FakeSocket(answering(ok({ alarms: [], missed: [], truncated: false, lastEventId: 0 })));
    const { book, feed } = feedWith(socket);
    feed.start();
    socket.fire('alarm:update', { event: { eventId: 1 }, alarm: { id: 'x' } });
    socket.fire('alarm:update', testUpdate(testAlarm({ state: 'bogus' as never })));
    socket.fire('alarm:update', testUpdate(testAlarm({ lastEventId: 2 })));
    book.flush();
    expect(book.getSnapshot().alarms).toHaveLength(1);
  });

  it('reports a refused subscription with its error code', async () => {
    const socket = new FakeSocket(answering({ ok: false, error: { code: 'TWIN_ERR_AUTH_PERMISSION', message: 'no' } }));
    const { feed } = feedWith(socket);
    feed.start();
    socket.fire('connect');
    await settle();
    const { phase, error } = feed.getState();
    expect(phase).toBe('failed');
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('TWIN_ERR_AUTH_PERMISSION');
  });

  it('refuses an answer of the wrong shape', async () => {
    const socket = new FakeSocket(async () => ({ ok: true, value: { alarms: 'none' } }));
    const { feed } = feedWith(socket);
    feed.start();
    socket.fire('connect');
    await settle();
    expect((feed.getState().error as ApiError).code).toBe('UNEXPECTED_RESPONSE');
  });

  it('asks again after a while when the subscription is not answered', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const socket = new FakeSocket(async () => {
      calls++;
      if (calls === 1) throw new Error('operation has timed out');
      return ok({ alarms: [], missed: [], truncated: false, lastEventId: 3 });
    });
    const { feed } = feedWith(socket);
    feed.start();
    socket.fire('connect');
    await vi.advanceTimersByTimeAsync(0);
    expect(feed.getState().phase).toBe('failed');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(2);
    expect(feed.getState().phase).toBe('live');
  });

  it('stops listening when stopped and ignores a late answer', async () => {
    let release: (value: unknown) => void = () => undefined;
    const socket = new FakeSocket(() => new Promise((resolve) => (release = resolve)));
    const { book, feed } = feedWith(socket);
    const stop = feed.start();
    socket.fire('connect');
    stop();
    expect(socket.listenerCount()).toBe(0);
    release(ok({ alarms: [testAlarm()], missed: [], truncated: false, lastEventId: 1 }));
    await settle();
    expect(book.hasList).toBe(false);
    expect(feed.getState().phase).toBe('idle');
  });
});

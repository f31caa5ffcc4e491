import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api/apiClient.ts';
import { ApiError } from '../api/apiError.ts';
import { SessionTokenStore } from '../api/sessionTokenStore.ts';
import { AlarmBook } from './alarmBook.ts';
import { AlarmCommands } from './alarmCommands.ts';
import { testAlarm, testEvent } from './testAlarms.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Commands against a server that answers `answer`, recording each request. */
function commandsAnswering(answer: (path: string) => Response) {
  const sent: Array<{ path: string; method: string; body: unknown }> = [];
  const api = new ApiClient({
    serverUrl: 'http://twin.test',
    tokens: new SessionTokenStore(undefined),
    fetch: async (input, init) => {
      const path = String(input).slice('http://twin.test'.length);
      sent.push({ path, method: init?.method ?? 'GET', body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
      return answer(path);
    },
  });
  const book = new AlarmBook({ schedule: () => () => undefined });
  return { commands: new AlarmCommands(api, book), book, sent };
}

describe('AlarmCommands (PLAT-8 alarm management)', () => {
  it('PLAT-8 acknowledges several alarms with a note and shows the answer at once', async () => {
    const acknowledged = [testAlarm({ id: 'r/a', lastEventId: 5, state: 'ack_active' }), testAlarm({ id: 'r/b', lastEventId: 6, state: 'ack_active' })];
    const { commands, book, sent } = commandsAnswering(() => json(200, { alarms: acknowledged }));
    await commands.acknowledge(['r/a', 'r/b'], ' 已通知物业 ');
    expect(sent).toEqual([{ path: '/api/alarms/acknowledge', method: 'POST', body: { alarmIds: ['r/a', 'r/b'], note: '已通知物业' } }]);
    expect(book.getSnapshot().alarms.map((alarm) => alarm.state)).toEqual(['ack_active', 'ack_active']);
  });

  it('leaves out an empty note', async () => {
    const { commands, sent } = commandsAnswering(() => json(200, { alarms: [] }));
    await commands.acknowledge(['r/a'], '  ');
    expect(sent[0]?.body).toEqual({ alarmIds: ['r/a'] });
  });

  it('PLAT-8 shelves, unshelves, comments and resets one alarm each', async () => {
    let eventId = 10;
    const { commands, sent, book } = commandsAnswering(() => json(200, { alarm: testAlarm({ lastEventId: ++eventId, state: eventId === 11 ? 'shelved' : 'ack_active' }) }));
    await commands.shelve('r/a', 900_000, '检修');
    expect(book.getSnapshot().alarms[0]?.state).toBe('shelved');
    await commands.unshelve('r/a');
    await commands.comment('r/a', 'called the crew');
    await commands.reset('r/a');
    expect(sent.map(({ path, body }) => [path, body])).toEqual([
      ['/api/alarms/shelve', { alarmId: 'r/a', durationMs: 900_000, reason: '检修' }],
      ['/api/alarms/unshelve', { alarmId: 'r/a' }],
      ['/api/alarms/comment', { alarmId: 'r/a', note: 'called the crew' }],
      ['/api/alarms/reset', { alarmId: 'r/a' }],
    ]);
  });

  it('rejects with the server error code when a command is refused', async () => {
    const { commands } = commandsAnswering(() => json(409, { error: { code: 'TWIN_ERR_ALARM_TRANSITION', message: 'no' } }));
    await expect(commands.reset('r/a')).rejects.toMatchObject({ code: 'TWIN_ERR_ALARM_TRANSITION' });
  });

  it('rejects an answer that is not an alarm', async () => {
    const { commands } = commandsAnswering(() => json(200, { alarm: { id: 'r/a' } }));
    await expect(commands.unshelve('r/a')).rejects.toBeInstanceOf(ApiError);
  });

  it('loads the current list, the history of an alarm and the figures of a window', async () => {
    const alarm = testAlarm();
    const kpis = { fromMs: 0, toMs: 1, operators: 1, alarms: 0, perOperatorPerHour: 0, perOperatorPer10Min: 0, peakPer10Min: 0, floodShare: 0, per10Min: [], topFrequent: [], chattering: [], stale: [], shelvedNow: 0, shelveActions: 0 };
    const { commands, book, sent } = commandsAnswering((path) => {
      if (path.startsWith('/api/alarms/events')) return json(200, { events: [testEvent(alarm)] });
      if (path.startsWith('/api/alarms/kpis')) return json(200, kpis);
      return json(200, { alarms: [alarm], lastEventId: 7 });
    });
    await commands.load();
    expect(book.getSnapshot()).toMatchObject({ loaded: true, lastEventId: 7 });
    const signal = new AbortController().signal;
    expect(await commands.history('gas-high/gas-001', signal)).toHaveLength(1);
    expect(await commands.kpis(1_000.4, 2_000, signal)).toEqual(kpis);
    expect(sent.map((request) => request.path)).toEqual(['/api/alarms', '/api/alarms/events?alarmId=gas-high%2Fgas-001&limit=100', '/api/alarms/kpis?from=1000&to=2000']);
  });
});

import { stepDeliveries, type NotificationConfig, type NotificationDelivery } from '@twin/domain';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.ts';
import { NotificationDispatcher, type NotificationDispatcherOptions } from './notificationDispatcher.ts';
import { HttpReceiver } from './testing/httpReceiver.ts';
import { gasAlarm, RAISED_AT_MS, SECRETS, testSettings } from './testing/notifyTestData.ts';
import { SmtpSink } from './testing/smtpSink.ts';

describe('NotificationDispatcher (REQ PROP-2 h, PLAT-8)', () => {
  let http: HttpReceiver;
  let sink: SmtpSink;
  let config: NotificationConfig;
  let logLines: string[];
  let sleeps: number[];

  beforeAll(async () => {
    sink = await SmtpSink.start({ refuse: ['wangqiang@community.example'] });
  });
  afterAll(() => sink.close());
  beforeEach(async () => {
    http = await HttpReceiver.start();
    config = testSettings(http, sink.port);
    logLines = [];
    sleeps = [];
  });
  afterEach(() => http.close());

  function dispatcher(options: NotificationDispatcherOptions = {}): NotificationDispatcher {
    return new NotificationDispatcher(config, {
      timeoutMs: 2_000,
      backoffMs: 1_000,
      now: () => RAISED_AT_MS,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      logger: createLogger('notify', { level: 'debug', write: (line) => logLines.push(line) }),
      ...options,
    });
  }

  const dispatch = (d: NotificationDispatcher, deliveries: NotificationDelivery[]) => d.dispatch({ alarm: gasAlarm(), reason: 'raised', atMs: RAISED_AT_MS, deliveries });

  it('sends every delivery and reports one outcome per recipient and channel', async () => {
    const outcomes = await dispatch(dispatcher(), [
      ...stepDeliveries(config, 'critical', 0),
      { stepIndex: 0, channelId: 'ops-dingtalk', recipients: ['张伟', '李娜'] },
      { stepIndex: 0, channelId: 'bms', recipients: ['张伟'] },
    ]);
    expect(outcomes).toEqual([
      { stepIndex: 0, channelId: 'sms', channelType: 'sms', recipient: '张伟', ok: true, attempts: 1, atMs: RAISED_AT_MS },
      { stepIndex: 0, channelId: 'ops-wecom', channelType: 'wecom', recipient: '张伟', ok: true, attempts: 1, atMs: RAISED_AT_MS },
      { stepIndex: 0, channelId: 'ops-dingtalk', channelType: 'dingtalk', recipient: '张伟', ok: true, attempts: 1, atMs: RAISED_AT_MS },
      { stepIndex: 0, channelId: 'ops-dingtalk', channelType: 'dingtalk', recipient: '李娜', ok: true, attempts: 1, atMs: RAISED_AT_MS },
      { stepIndex: 0, channelId: 'bms', channelType: 'webhook', recipient: '张伟', ok: true, attempts: 1, atMs: RAISED_AT_MS },
    ]);
    expect(http.requests.map((r) => r.path).sort()).toEqual(['/dingtalk', '/sms', '/webhook', '/wecom']);
    expect(http.requestsTo('/dingtalk')).toHaveLength(1);
  });

  it('writes the texts in the language of the settings', async () => {
    config = { ...config, language: 'en' };
    await dispatch(dispatcher(), [{ stepIndex: 0, channelId: 'voice', recipients: ['李娜'] }]);
    expect(http.requestsTo('/voice')[0]!.json).toEqual({
      phone: '13800000002',
      text: '[CRITICAL] Building 1 gas shut-off valve detector: combustible gas 23.0 %LEL above the limit of 20 %LEL 10:42:05 act immediately',
    });
  });

  it('retries HTTP 500 with exponential back-off, gives up after the last attempt, and still sends the rest', async () => {
    http.answer('/sms', { status: 500, json: {} });
    const outcomes = await dispatch(dispatcher({ maxAttempts: 3 }), stepDeliveries(config, 'critical', 0));
    expect(outcomes[0]).toMatchObject({ channelId: 'sms', ok: false, attempts: 3, error: { reason: 'http_status', message: 'sms channel "sms": the endpoint answered HTTP 500' } });
    expect(outcomes[1]).toMatchObject({ channelId: 'ops-wecom', ok: true, attempts: 1 });
    expect(http.requestsTo('/sms')).toHaveLength(3);
    expect(sleeps).toEqual([1_000, 2_000]);
  });

  it('succeeds on a later attempt after a transient failure', async () => {
    http.answer('/sms', { status: 503, json: {} }, { status: 200, json: { code: 'OK' } });
    const [sms] = await dispatch(dispatcher(), stepDeliveries(config, 'critical', 0));
    expect(sms).toMatchObject({ ok: true, attempts: 2 });
    expect(sleeps).toEqual([1_000]);
  });

  it('does not retry a robot refusal (errcode 310000) and still sends the rest', async () => {
    http.answer('/dingtalk', { status: 200, json: { errcode: 310000, errmsg: 'keywords not in content' } });
    const outcomes = await dispatch(dispatcher(), [{ stepIndex: 0, channelId: 'ops-dingtalk', recipients: ['张伟'] }, ...stepDeliveries(config, 'critical', 0)]);
    expect(outcomes[0]).toMatchObject({
      channelId: 'ops-dingtalk',
      ok: false,
      attempts: 1,
      error: { reason: 'robot_error', message: 'dingtalk channel "ops-dingtalk": the robot refused the message (errcode 310000: keywords not in content)' },
    });
    expect(outcomes.slice(1).every((o) => o.ok)).toBe(true);
    expect(sleeps).toEqual([]);
  });

  it('reports a recipient the mail server refuses and still sends the rest', async () => {
    const outcomes = await dispatch(dispatcher(), stepDeliveries(config, 'critical', 2));
    expect(outcomes).toEqual([
      { stepIndex: 2, channelId: 'voice', channelType: 'voice', recipient: '王强', ok: true, attempts: 1, atMs: RAISED_AT_MS },
      {
        stepIndex: 2,
        channelId: 'mail',
        channelType: 'email',
        recipient: '王强',
        ok: false,
        attempts: 1,
        atMs: RAISED_AT_MS,
        error: { reason: 'smtp', message: 'email channel "mail": the mail server refused the recipient (550 5.1.1 mailbox unavailable)' },
      },
    ]);
    expect(http.requestsTo('/voice')[0]!.json).toMatchObject({ phone: '13800000003' });
  });

  it('times out a receiver that never answers, without holding up the others', async () => {
    http.answer('/voice', 'never');
    const started = performance.now();
    const outcomes = await dispatch(dispatcher({ timeoutMs: 300, maxAttempts: 2 }), [
      { stepIndex: 1, channelId: 'voice', recipients: ['李娜'] },
      { stepIndex: 1, channelId: 'ops-wecom', recipients: ['李娜'] },
      { stepIndex: 1, channelId: 'mail', recipients: ['李娜'] },
    ]);
    expect(outcomes).toMatchObject([
      { channelId: 'voice', ok: false, attempts: 2, error: { reason: 'timeout', message: 'voice channel "voice": no answer within 300 ms' } },
      { channelId: 'ops-wecom', ok: true },
      { channelId: 'mail', ok: true },
    ]);
    expect(sink.messages.some((m) => m.to.includes('lina@community.example'))).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('sends concurrently: two silent endpoints cost one time-out, not two', async () => {
    http.answer('/voice', 'never');
    http.answer('/sms', 'never');
    const started = performance.now();
    await dispatch(dispatcher({ timeoutMs: 500, maxAttempts: 1 }), [
      { stepIndex: 0, channelId: 'voice', recipients: ['李娜'] },
      { stepIndex: 0, channelId: 'sms', recipients: ['张伟'] },
    ]);
    expect(performance.now() - started).toBeLessThan(950);
  });

  it('reports deliveries the settings cannot carry as unreachable, without sending them', async () => {
    const outcomes = await dispatch(dispatcher(), [
      { stepIndex: 0, channelId: 'pager', recipients: ['张伟'] },
      { stepIndex: 0, channelId: 'sms', recipients: ['赵六'] },
    ]);
    expect(outcomes).toEqual([
      { stepIndex: 0, channelId: 'pager', recipient: '张伟', ok: false, attempts: 0, atMs: RAISED_AT_MS, error: { reason: 'unreachable', message: 'no channel "pager" in the settings' } },
      {
        stepIndex: 0,
        channelId: 'sms',
        channelType: 'sms',
        recipient: '赵六',
        ok: false,
        attempts: 0,
        atMs: RAISED_AT_MS,
        error: { reason: 'unreachable', message: 'sms channel "sms": no recipient "赵六" with an address for it in the settings' },
      },
    ]);
    expect(http.requests).toEqual([]);
  });

  it('never puts a secret, key or token into an outcome or a log line', async () => {
    for (const path of ['/webhook', '/wecom', '/dingtalk', '/sms']) http.answer(path, { status: 500, json: { echo: SECRETS.join(' ') } });
    const outcomes = await dispatch(dispatcher({ maxAttempts: 2 }), [
      { stepIndex: 0, channelId: 'bms', recipients: ['张伟'] },
      { stepIndex: 0, channelId: 'ops-wecom', recipients: ['张伟'] },
      { stepIndex: 0, channelId: 'ops-dingtalk', recipients: ['张伟'] },
      { stepIndex: 0, channelId: 'sms', recipients: ['张伟'] },
    ]);
    expect(outcomes.every((o) => !o.ok)).toBe(true);
    expect(logLines.length).toBeGreaterThan(0);
    const written = JSON.stringify(outcomes) + logLines.join('\n');
    for (const secret of SECRETS) expect(written).not.toContain(secret);
    expect(written).not.toContain(http.url(''));
  });
});

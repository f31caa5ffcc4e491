import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpReceiver } from './testing/httpReceiver.ts';
import { channelOf, gasAlarm, raisedNotification, recipientOf, testSettings } from './testing/notifyTestData.ts';
import { sendWebhook } from './webhookSender.ts';

const SENT_AT_MS = Date.UTC(2025, 4, 12, 2, 42, 7);

describe('sendWebhook (REQ PROP-2 h, PLAT-9)', () => {
  let http: HttpReceiver;
  beforeAll(async () => {
    http = await HttpReceiver.start();
  });
  afterAll(() => http.close());

  it('posts the alarm, its texts and the recipients as JSON, signed over timestamp and body', async () => {
    const config = testSettings(http, 25);
    await sendWebhook(channelOf(config, 'bms', 'webhook'), raisedNotification(), [recipientOf(config, '张伟'), recipientOf(config, '李娜')], { timeoutMs: 2_000, nowMs: SENT_AT_MS });
    const [request] = http.requestsTo('/webhook');
    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request!.headers['x-api-key']).toBe('bms-api-key');
    expect(request!.json).toEqual({
      reason: 'raised',
      step: 0,
      title: '【紧急】可燃气体浓度告警 · 区域 zone-a 1栋',
      text: '【紧急】1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限 20 %LEL — 10:42:05 — 区域 zone-a 1栋 — 请立即处理',
      alarm: gasAlarm(),
      recipients: [
        { name: '张伟', role: 'duty_operator', phone: '13800000001', email: 'zhangwei@community.example' },
        { name: '李娜', role: 'supervisor', phone: '13800000002', email: 'lina@community.example' },
      ],
      sentAtMs: SENT_AT_MS,
    });
    expect(request!.headers['x-twin-timestamp']).toBe(String(SENT_AT_MS));
    const expected = createHmac('sha256', 'webhook-secret-ab12').update(`${SENT_AT_MS}.${request!.body}`).digest('hex');
    expect(request!.headers['x-twin-signature']).toBe(`sha256=${expected}`);
  });

  it('sends no signature without a secret', async () => {
    const config = testSettings(http, 25);
    const { secret: _secret, ...unsigned } = channelOf(config, 'bms', 'webhook');
    await sendWebhook(unsigned, raisedNotification(), [recipientOf(config, '张伟')], { timeoutMs: 2_000, nowMs: SENT_AT_MS });
    const request = http.requestsTo('/webhook').at(-1)!;
    expect(request.headers['x-twin-signature']).toBeUndefined();
    expect(request.headers['x-twin-timestamp']).toBeUndefined();
  });

  it('fails clearly on a non-2xx answer without quoting the address or headers', async () => {
    const config = testSettings(http, 25);
    http.answer('/webhook', { status: 404, json: { error: 'not found' } });
    const sending = sendWebhook(channelOf(config, 'bms', 'webhook'), raisedNotification(), [], { timeoutMs: 2_000, nowMs: SENT_AT_MS });
    await expect(sending).rejects.toMatchObject({ name: 'NotificationError', reason: 'http_status', retryable: false, message: 'webhook channel "bms": the endpoint answered HTTP 404' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendGateway } from './gatewaySender.ts';
import { HttpReceiver } from './testing/httpReceiver.ts';
import { channelOf, raisedNotification, testSettings } from './testing/notifyTestData.ts';

const options = { timeoutMs: 2_000, nowMs: Date.UTC(2025, 4, 12, 2, 42, 7) };
const SMS = '【紧急】1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限 20 %LEL 10:42:05 请立即处理';

describe('sendGateway (REQ PROP-2 h: notify by SMS and phone call)', () => {
  let http: HttpReceiver;
  beforeAll(async () => {
    http = await HttpReceiver.start();
  });
  afterAll(() => http.close());

  it("posts the SMS gateway's body template filled for one person, with its credentials", async () => {
    const config = testSettings(http, 25);
    await sendGateway(channelOf(config, 'sms', 'sms'), raisedNotification(), { name: '张伟', phone: '13800000001' }, options);
    const [request] = http.requestsTo('/sms');
    expect(request!.method).toBe('POST');
    expect(request!.headers.authorization).toBe('Bearer sms-token-c0de');
    expect(request!.json).toEqual({ mobile: '13800000001', template: 'ALARM_01', params: { content: SMS, alarm: 'gas-high/B01-GAS-01' } });
    expect(SMS.length).toBeLessThanOrEqual(70);
  });

  it('posts the default body to a voice gateway: the phone and the text to read out', async () => {
    const config = testSettings(http, 25);
    await sendGateway(channelOf(config, 'voice', 'voice'), raisedNotification(), { name: '李娜', phone: '13800000002' }, options);
    expect(http.requestsTo('/voice')[0]!.json).toEqual({ phone: '13800000002', text: SMS });
  });

  it('fails clearly and retryably on HTTP 500', async () => {
    const config = testSettings(http, 25);
    http.answer('/sms', { status: 500, json: { error: 'down' } });
    await expect(sendGateway(channelOf(config, 'sms', 'sms'), raisedNotification(), { name: '张伟', phone: '13800000001' }, options)).rejects.toMatchObject({
      reason: 'http_status',
      retryable: true,
      message: 'sms channel "sms": the endpoint answered HTTP 500',
    });
  });

  it('gives up after its time limit when the gateway never answers', async () => {
    const config = testSettings(http, 25);
    http.answer('/voice', 'never');
    const started = performance.now();
    await expect(sendGateway(channelOf(config, 'voice', 'voice'), raisedNotification(), { name: '李娜', phone: '13800000002' }, { ...options, timeoutMs: 300 })).rejects.toMatchObject({
      reason: 'timeout',
      retryable: true,
      message: 'voice channel "voice": no answer within 300 ms',
    });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('fails clearly when nothing listens at the address', async () => {
    const config = testSettings(http, 25);
    const closed = await HttpReceiver.start();
    const url = closed.url('/sms');
    await closed.close();
    await expect(sendGateway({ ...channelOf(config, 'sms', 'sms'), url }, raisedNotification(), { name: '张伟', phone: '13800000001' }, options)).rejects.toMatchObject({
      reason: 'network',
      message: 'sms channel "sms": could not reach the endpoint (ECONNREFUSED)',
    });
  });
});

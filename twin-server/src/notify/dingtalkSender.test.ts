import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDingtalk } from './dingtalkSender.ts';
import { HttpReceiver } from './testing/httpReceiver.ts';
import { channelOf, raisedNotification, recipientOf, testSettings } from './testing/notifyTestData.ts';

const SENT_AT_MS = Date.UTC(2025, 4, 12, 2, 42, 7);
const options = { timeoutMs: 2_000, nowMs: SENT_AT_MS };
const TITLE = '【紧急】可燃气体浓度告警 · 区域 zone-a 1栋';
const BODY = '【紧急】1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限 20 %LEL — 10:42:05 — 区域 zone-a 1栋 — 请立即处理';

describe('sendDingtalk (REQ PROP-2 h)', () => {
  let http: HttpReceiver;
  beforeAll(async () => {
    http = await HttpReceiver.start();
  });
  afterAll(() => http.close());

  it('posts markdown that @-mentions the recipients, signed with timestamp and sign', async () => {
    const config = testSettings(http, 25);
    await sendDingtalk(channelOf(config, 'ops-dingtalk', 'dingtalk'), raisedNotification(), [recipientOf(config, '张伟'), recipientOf(config, '李娜')], options);
    const [request] = http.requestsTo('/dingtalk');
    expect(request!.json).toEqual({
      msgtype: 'markdown',
      markdown: { title: TITLE, text: `### ${TITLE}\n\n${BODY}\n\n@13800000001 @13800000002` },
      at: { atMobiles: ['13800000001', '13800000002'], isAtAll: false },
    });
    const sign = createHmac('sha256', 'SECding-secret-55e0').update(`${SENT_AT_MS}\nSECding-secret-55e0`).digest('base64');
    expect(request!.query.get('access_token')).toBe('ding-token-91c2');
    expect(request!.query.get('timestamp')).toBe(String(SENT_AT_MS));
    expect(request!.query.get('sign')).toBe(sign);
    expect(request!.target).toBe(`/dingtalk?access_token=ding-token-91c2&timestamp=${SENT_AT_MS}&sign=${encodeURIComponent(sign)}`);
  });

  it('leaves the address as configured without a secret', async () => {
    const config = testSettings(http, 25);
    const { secret: _secret, ...unsigned } = channelOf(config, 'ops-dingtalk', 'dingtalk');
    await sendDingtalk(unsigned, raisedNotification(), [], options);
    const request = http.requestsTo('/dingtalk').at(-1)!;
    expect(request.target).toBe('/dingtalk?access_token=ding-token-91c2');
    expect(request.json).toMatchObject({ markdown: { text: `### ${TITLE}\n\n${BODY}` }, at: { atMobiles: [], isAtAll: false } });
  });

  it("fails clearly on the robot's errcode 310000 (security settings) without quoting the token or secret", async () => {
    const config = testSettings(http, 25);
    http.answer('/dingtalk', { status: 200, json: { errcode: 310000, errmsg: 'sign not match' } });
    const sending = sendDingtalk(channelOf(config, 'ops-dingtalk', 'dingtalk'), raisedNotification(), [], options);
    await expect(sending).rejects.toMatchObject({
      reason: 'robot_error',
      retryable: false,
      message: 'dingtalk channel "ops-dingtalk": the robot refused the message (errcode 310000: sign not match)',
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpReceiver } from './testing/httpReceiver.ts';
import { channelOf, raisedNotification, recipientOf, testSettings } from './testing/notifyTestData.ts';
import { sendWecom } from './wecomSender.ts';

const options = { timeoutMs: 2_000, nowMs: Date.UTC(2025, 4, 12, 2, 42, 7) };
const BODY = '【紧急】1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限 20 %LEL — 10:42:05 — 区域 zone-a 1栋 — 请立即处理';

describe('sendWecom (REQ PROP-2 h: notify by WeChat)', () => {
  let http: HttpReceiver;
  beforeAll(async () => {
    http = await HttpReceiver.start();
  });
  afterAll(() => http.close());

  it('posts markdown with the title as a heading to the robot address, key included', async () => {
    const config = testSettings(http, 25);
    await sendWecom(channelOf(config, 'ops-wecom', 'wecom'), raisedNotification(), [recipientOf(config, '张伟')], options);
    const [request] = http.requestsTo('/wecom');
    expect(request!.query.get('key')).toBe('wecom-key-7f3a');
    expect(request!.json).toEqual({ msgtype: 'markdown', markdown: { content: `### 【紧急】可燃气体浓度告警 · 区域 zone-a 1栋\n${BODY}` } });
  });

  it('posts text that mentions the recipients by phone in the text format', async () => {
    const config = testSettings(http, 25);
    await sendWecom(channelOf(config, 'ops-wecom-text', 'wecom'), raisedNotification(), [recipientOf(config, '张伟'), recipientOf(config, '李娜')], options);
    expect(http.requestsTo('/wecom-text')[0]!.json).toEqual({ msgtype: 'text', text: { content: BODY, mentioned_mobile_list: ['13800000001', '13800000002'] } });
  });

  it("fails clearly when the robot's answer carries a non-zero errcode", async () => {
    const config = testSettings(http, 25);
    http.answer('/wecom', { status: 200, json: { errcode: 93000, errmsg: 'invalid webhook url' } });
    await expect(sendWecom(channelOf(config, 'ops-wecom', 'wecom'), raisedNotification(), [], options)).rejects.toMatchObject({
      reason: 'robot_error',
      retryable: false,
      message: 'wecom channel "ops-wecom": the robot refused the message (errcode 93000: invalid webhook url)',
    });
  });

  it('asks for another try when the robot is rate limited', async () => {
    const config = testSettings(http, 25);
    http.answer('/wecom', { status: 200, json: { errcode: 45009, errmsg: 'api freq out of limit' } });
    await expect(sendWecom(channelOf(config, 'ops-wecom', 'wecom'), raisedNotification(), [], options)).rejects.toMatchObject({ reason: 'robot_error', retryable: true });
  });

  it('fails clearly when the answer is not a robot reply', async () => {
    const config = testSettings(http, 25);
    http.answer('/wecom', { status: 200, json: { ok: true } });
    await expect(sendWecom(channelOf(config, 'ops-wecom', 'wecom'), raisedNotification(), [], options)).rejects.toMatchObject({
      reason: 'bad_reply',
      message: `wecom channel "ops-wecom": the robot's answer has no errcode`,
    });
  });
});

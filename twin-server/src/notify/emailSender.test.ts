import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendEmail } from './emailSender.ts';
import { HttpReceiver } from './testing/httpReceiver.ts';
import { channelOf, raisedNotification, testSettings } from './testing/notifyTestData.ts';
import { SmtpSink } from './testing/smtpSink.ts';

const options = { timeoutMs: 5_000, nowMs: Date.UTC(2025, 4, 12, 2, 42, 7) };

describe('sendEmail (REQ PROP-2 h)', () => {
  let http: HttpReceiver;
  let sink: SmtpSink;
  beforeAll(async () => {
    http = await HttpReceiver.start();
    sink = await SmtpSink.start({ refuse: ['nobody@community.example'] });
  });
  afterAll(async () => {
    await sink.close();
    await http.close();
  });

  it('mails the Chinese title and body in UTF-8 to the person, marked high priority', async () => {
    const channel = channelOf(testSettings(http, sink.port), 'mail', 'email');
    await sendEmail(channel, raisedNotification(), { name: '李娜', email: 'lina@community.example' }, options);
    const [mail] = sink.messages;
    expect(mail!.from).toBe('alarm@community.example');
    expect(mail!.to).toEqual(['lina@community.example']);
    expect(mail!.headers.get('subject')).toBe('【紧急】可燃气体浓度告警 · 区域 zone-a 1栋');
    expect(mail!.headers.get('from')).toBe('智慧社区告警 <alarm@community.example>');
    expect(mail!.headers.get('to')).toBe('李娜 <lina@community.example>');
    expect(mail!.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/i);
    expect(mail!.headers.get('x-priority')).toMatch(/^1/);
    expect(mail!.text).toBe('【紧急】1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限 20 %LEL — 10:42:05 — 区域 zone-a 1栋 — 请立即处理');
  });

  it('fails clearly and for good when the server refuses the recipient', async () => {
    const channel = channelOf(testSettings(http, sink.port), 'mail', 'email');
    const sending = sendEmail(channel, raisedNotification(), { name: '无人', email: 'nobody@community.example' }, options);
    await expect(sending).rejects.toMatchObject({
      name: 'NotificationError',
      reason: 'smtp',
      retryable: false,
      message: 'email channel "mail": the mail server refused the recipient (550 5.1.1 mailbox unavailable)',
    });
  });

  it('gives up after its time limit when the server never greets', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const channel = channelOf(testSettings(http, (silent.address() as AddressInfo).port), 'mail', 'email');
    try {
      await expect(sendEmail(channel, raisedNotification(), { name: '李娜', email: 'lina@community.example' }, { ...options, timeoutMs: 300 })).rejects.toMatchObject({
        reason: 'timeout',
        retryable: true,
        message: 'email channel "mail": the mail server did not answer within 300 ms',
      });
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

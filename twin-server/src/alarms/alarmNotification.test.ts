import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import type { AlarmDto, AlarmEventDto } from '@twin/protocol';
import { renderNotification, type NotificationConfigInput } from '@twin/domain';
import { HttpReceiver } from '../notify/testing/httpReceiver.ts';
import { SmtpSink } from '../notify/testing/smtpSink.ts';
import { eventually, startTestServer } from '../test/testServer.ts';
import { testCatalog, testSensor } from '../test/testCatalog.ts';

// A server with the guideline's default rules (gas alarm at 20 %LEL, critical) and notification
// settings for the demo organisation: the duty operator is told at once on WeCom, the building
// management system's webhook and e-mail; three seconds later an unacknowledged alarm escalates
// to the supervisor on WeCom and e-mail. Every receiver is local to the test.

const DEMO_ORG = 'demo-property';
const ACKNOWLEDGED = 'kitchen-lel-1';
const UNANSWERED = 'kitchen-lel-2';
const CLOCK_AHEAD = 'kitchen-lel-3';
const alarmOf = (sensor: string) => `gas-lel-high/${sensor}`;
const registry = testCatalog([ACKNOWLEDGED, UNANSWERED, CLOCK_AHEAD].map((id) => testSensor(id, 'gas_lel'))).registry;
const WEBHOOK_SECRET = 'bms-secret-5d1e';
const ESCALATION_MINUTES = 0.05;
/** Longer than the notifier's one-second tick. */
const NOTIFY_TICK_WAIT_MS = 1500;

function notificationSettings(wecomUrl: string, webhookUrl: string, smtpPort: number): NotificationConfigInput {
  return {
    channels: [
      { id: 'ops-wecom', type: 'wecom', webhookUrl: wecomUrl },
      { id: 'bms', type: 'webhook', url: webhookUrl, secret: WEBHOOK_SECRET },
      { id: 'mail', type: 'email', host: '127.0.0.1', port: smtpPort, from: '智慧社区告警 <alarm@community.example>' },
    ],
    recipients: [
      { name: '张伟', role: 'duty_operator', phone: '13800000001', email: 'zhangwei@community.example' },
      { name: '李娜', role: 'supervisor', phone: '13800000002', email: 'lina@community.example' },
    ],
    escalation: {
      critical: {
        steps: [
          { afterMinutes: 0, recipients: [{ role: 'duty_operator' }], channels: ['ops-wecom', 'bms', 'mail'] },
          { afterMinutes: ESCALATION_MINUTES, recipients: [{ role: 'supervisor' }], channels: ['ops-wecom', 'mail'] },
        ],
      },
    },
  };
}

/** A slow webhook endpoint: records each request at once and answers only once released. */
async function startHeldWebhook() {
  const requests: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      void released.then(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    requests,
    release,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/alarms`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('alarm notification and escalation through a real server (PROP-2 h, PLAT-8)', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  let http: HttpReceiver;
  let sink: SmtpSink;
  let bms: Awaited<ReturnType<typeof startHeldWebhook>>;
  let device: MqttClient;
  const wecomPath = '/cgi-bin/webhook/send';

  beforeAll(async () => {
    [http, sink, bms] = await Promise.all([HttpReceiver.start(), SmtpSink.start(), startHeldWebhook()]);
    const settingsDir = await mkdtemp(join(tmpdir(), 'twin-notify-'));
    const notificationsPath = join(settingsDir, 'notifications.json');
    await writeFile(notificationsPath, JSON.stringify({ organisations: { [DEMO_ORG]: notificationSettings(http.url(`${wecomPath}?key=wecom-key-3c9a`), bms.url, sink.port) } }));
    try {
      t = await startTestServer(registry, { notificationsPath });
    } finally {
      // The settings are read once, at start.
      await rm(settingsDir, { recursive: true, force: true });
    }
    device = await t.device('kitchen-gateway');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await Promise.all([http?.close(), sink?.close(), bms?.close()]);
  });

  const publish = (sensor: string, tsMs: number, lel: number) => device.publishAsync('twin/v1/telemetry', JSON.stringify({ sensor, readings: [[tsMs, lel]] }), { qos: 1 });
  const alarm = async (sensor: string): Promise<AlarmDto> => {
    const { alarms } = (await (await t.http('/api/alarms')).json()) as { alarms: AlarmDto[] };
    const found = alarms.find((a) => a.id === alarmOf(sensor));
    if (found === undefined) throw new Error(`no alarm of ${sensor}`);
    return found;
  };
  const history = async (sensor: string): Promise<AlarmEventDto[]> => {
    const response = await t.http(`/api/alarms/events?alarmId=${encodeURIComponent(alarmOf(sensor))}&limit=1000`);
    return ((await response.json()) as { events: AlarmEventDto[] }).events.reverse();
  };
  const wecomMessages = () => http.requestsTo(wecomPath).map((r) => r.json as { msgtype: string; markdown: { content: string } });
  const notifications = (events: AlarmEventDto[], type: 'notified' | 'escalated') =>
    events.filter((e) => e.type === type).map((e) => [e.details!['step'], e.details!['channel'], e.details!['channelType'], e.details!['recipient'], e.details!['ok']]);

  it('PROP-2 h a gas reading of 20 %LEL or more reaches the duty operator on WeCom, the signed webhook and e-mail in Chinese within seconds', async () => {
    const raisedAtMs = Date.now();
    await publish(ACKNOWLEDGED, raisedAtMs, 25);
    await publish(UNANSWERED, raisedAtMs, 23.5);
    await eventually(() => (wecomMessages().length >= 2 && sink.messages.length >= 2 && bms.requests.length >= 2 ? true : undefined), 5000, 'the first notifications');
    const raised = await alarm(ACKNOWLEDGED);
    expect(raised).toMatchObject({ severity: 'critical', state: 'unack_active', activeSinceMs: raisedAtMs });
    const text = renderNotification(raised, { reason: 'raised', atMs: raisedAtMs });
    expect(text.title).toBe('【紧急】可燃气体浓度告警 · 区域 zone-a');
    expect(text.body).toContain(`${raised.message} — `);
    expect(raised.message).toBe('测试 kitchen-lel-1 可燃气体浓度 25.0 %LEL 超过上限 20 %LEL');

    expect(wecomMessages()).toContainEqual({ msgtype: 'markdown', markdown: { content: `### ${text.title}\n${text.body}` } });

    const mail = sink.messages.find((m) => m.text === text.body);
    expect(mail).toMatchObject({ to: ['zhangwei@community.example'], from: 'alarm@community.example' });
    expect(mail!.headers.get('subject')).toBe(text.title);

    const post = bms.requests.find((r) => (JSON.parse(r.body) as { alarm: AlarmDto }).alarm.id === raised.id)!;
    expect(JSON.parse(post.body)).toMatchObject({ reason: 'raised', step: 0, title: text.title, text: text.body, alarm: { id: raised.id, state: 'unack_active' }, recipients: [{ name: '张伟', role: 'duty_operator' }] });
    const stamp = post.headers['x-twin-timestamp'] as string;
    expect(post.headers['x-twin-signature']).toBe(`sha256=${createHmac('sha256', WEBHOOK_SECRET).update(`${stamp}.${post.body}`).digest('hex')}`);
  });

  it('PROP-2 h each message sent becomes a `notified` event with its channel and recipient, in order with an acknowledgement made while it was being sent', async () => {
    // The webhook is still holding the notification when the operator acknowledges from WeCom.
    const ack = await t.http('/api/alarms/acknowledge', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ alarmIds: [alarmOf(ACKNOWLEDGED)], note: '已通知住户开窗并关闭燃气' }) });
    expect(ack.status).toBe(200);
    bms.release();
    const events = await eventually(async () => {
      const all = await history(ACKNOWLEDGED);
      return all.filter((e) => e.type === 'notified').length === 3 ? all : undefined;
    }, 5000, 'the notified events');
    expect(notifications(events, 'notified')).toEqual([
      [0, 'ops-wecom', 'wecom', '张伟', true],
      [0, 'bms', 'webhook', '张伟', true],
      [0, 'mail', 'email', '张伟', true],
    ]);
    expect(events.filter((e) => e.type === 'notified').every((e) => e.details!['org'] === DEMO_ORG && e.actor === 'system')).toBe(true);
    // The log reads as one story: each event starts where the one before ended, and the last
    // ends where the alarm is.
    for (let i = 1; i < events.length; i++) expect(events[i]!.stateBefore, `event ${events[i]!.eventId} (${events[i]!.type})`).toBe(events[i - 1]!.stateAfter);
    const acknowledged = await alarm(ACKNOWLEDGED);
    expect(acknowledged.state).toBe('ack_active');
    expect(events.at(-1)!.stateAfter).toBe('ack_active');
    expect(acknowledged.lastEventId).toBe(events.at(-1)!.eventId);
  });

  it('PLAT-8 an unacknowledged alarm escalates to the supervisor; the acknowledged one does not', async () => {
    const escalated = await eventually(async () => {
      const events = await history(UNANSWERED);
      return events.some((e) => e.type === 'escalated') ? events : undefined;
    }, 10_000, 'the escalation');
    expect(notifications(escalated, 'escalated')).toEqual([
      [1, 'ops-wecom', 'wecom', '李娜', true],
      [1, 'mail', 'email', '李娜', true],
    ]);
    const unanswered = await alarm(UNANSWERED);
    const text = renderNotification(unanswered, { reason: 'escalated', atMs: unanswered.activeSinceMs! });
    expect(text.title).toBe('【紧急】可燃气体浓度告警升级 · 区域 zone-a');
    expect(wecomMessages()).toContainEqual({ msgtype: 'markdown', markdown: { content: `### ${text.title}\n${text.body}` } });
    expect(sink.messages.filter((m) => m.to.includes('lina@community.example')).map((m) => m.headers.get('subject'))).toEqual([text.title]);

    // Both were raised by the same reading time, so their step 1 fell due on the same tick.
    await sleep(NOTIFY_TICK_WAIT_MS);
    expect((await history(ACKNOWLEDGED)).filter((e) => e.type === 'escalated')).toEqual([]);
    const lateToSupervisor = sink.messages.filter((m) => m.to.includes('lina@community.example') && m.text.includes(ACKNOWLEDGED));
    expect(lateToSupervisor).toEqual([]);
    expect(wecomMessages().filter((m) => m.markdown.content.includes('升级') && m.markdown.content.includes(ACKNOWLEDGED))).toEqual([]);
  });

  it('PROP-2 h a detector whose clock runs ahead is notified at once, not when its clock says the alarm was raised', async () => {
    const before = wecomMessages().length;
    await publish(CLOCK_AHEAD, Date.now() + 120_000, 26);
    await eventually(() => (wecomMessages().slice(before).some((m) => m.markdown.content.includes(CLOCK_AHEAD)) ? true : undefined), 5000, 'the notification of the detector ahead');
    const events = await eventually(async () => {
      const all = await history(CLOCK_AHEAD);
      return all.some((e) => e.type === 'notified' && e.details!['channel'] === 'ops-wecom') ? all : undefined;
    }, 5000, 'its notified event');
    expect(events[0]).toMatchObject({ type: 'raised', stateAfter: 'unack_active' });
  });
});

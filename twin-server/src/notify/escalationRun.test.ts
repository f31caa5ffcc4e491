import { planEscalation, type NotificationConfig } from '@twin/domain';
import type { AlarmDto } from '@twin/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationDispatcher, type NotificationOutcome } from './notificationDispatcher.ts';
import { HttpReceiver } from './testing/httpReceiver.ts';
import { gasAlarm, RAISED_AT_MS, testSettings } from './testing/notifyTestData.ts';
import { SmtpSink } from './testing/smtpSink.ts';

const MINUTE_MS = 60_000;

// The alarm service's tick in small: plan at a time, send what is due, remember the steps done.
async function tick(config: NotificationConfig, alarm: AlarmDto, doneSteps: number[], nowMs: number) {
  const plan = planEscalation(config, { severity: alarm.severity, state: alarm.state, raisedAtMs: RAISED_AT_MS, doneSteps, nowMs });
  const outcomes: NotificationOutcome[] = [];
  for (const step of plan.due) {
    const dispatcher = new NotificationDispatcher(config, { now: () => nowMs, timeoutMs: 2_000 });
    outcomes.push(...(await dispatcher.dispatch({ alarm, reason: step.stepIndex === 0 ? 'raised' : 'escalated', atMs: nowMs, deliveries: step.deliveries })));
    doneSteps.push(step.stepIndex);
  }
  return { plan, outcomes };
}

describe('escalation of a critical alarm end to end (REQ PROP-2 h, PLAT-8)', () => {
  let http: HttpReceiver;
  let sink: SmtpSink;
  beforeAll(async () => {
    http = await HttpReceiver.start();
    sink = await SmtpSink.start();
  });
  afterAll(async () => {
    await http.close();
    await sink.close();
  });

  it('notifies the duty operator at once, the supervisor after 5 minutes, and stops at the acknowledgement', async () => {
    const config = testSettings(http, sink.port);
    const doneSteps: number[] = [];

    // t0: raised; step 0 goes to the duty operator by SMS and WeCom.
    const raised = await tick(config, gasAlarm(), doneSteps, RAISED_AT_MS);
    expect(raised.plan.nextDueAtMs).toBe(RAISED_AT_MS + 5 * MINUTE_MS);
    expect(raised.outcomes.map((o) => [o.stepIndex, o.channelId, o.recipient, o.ok])).toEqual([
      [0, 'sms', '张伟', true],
      [0, 'ops-wecom', '张伟', true],
    ]);
    expect(http.requestsTo('/sms')[0]!.json).toMatchObject({ mobile: '13800000001', params: { content: '【紧急】1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限 20 %LEL 10:42:05 请立即处理' } });
    expect(http.requestsTo('/wecom')[0]!.json).toMatchObject({ msgtype: 'markdown' });

    // t0 + 4 min: nothing new.
    const waiting = await tick(config, gasAlarm(), doneSteps, RAISED_AT_MS + 4 * MINUTE_MS);
    expect(waiting.outcomes).toEqual([]);
    expect(http.requests).toHaveLength(2);

    // t0 + 5 min, still unacknowledged: step 1 calls the supervisor.
    const escalated = await tick(config, gasAlarm(), doneSteps, RAISED_AT_MS + 5 * MINUTE_MS);
    expect(escalated.outcomes.map((o) => [o.stepIndex, o.channelId, o.recipient, o.ok])).toEqual([[1, 'voice', '李娜', true]]);
    expect(http.requestsTo('/voice')[0]!.json).toEqual({
      phone: '13800000002',
      text: '【紧急】1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限… 10:42:05 已 5 分钟未确认，请立即处理',
    });
    expect(escalated.plan.nextDueAtMs).toBe(RAISED_AT_MS + 15 * MINUTE_MS);

    // t0 + 8 min the operator acknowledges; at t0 + 15 min the manager is not called.
    const acknowledged = gasAlarm({ state: 'ack_active', acknowledgedAtMs: RAISED_AT_MS + 8 * MINUTE_MS, acknowledgedBy: 'zhangwei' });
    const after = await tick(config, acknowledged, doneSteps, RAISED_AT_MS + 15 * MINUTE_MS);
    expect(after.plan).toEqual({ status: 'stopped', due: [] });
    expect(http.requests.map((r) => r.path).sort()).toEqual(['/sms', '/voice', '/wecom']);
    expect(sink.messages).toEqual([]);
    expect(doneSteps).toEqual([0, 1]);
  });
});

import type { AlarmSeverity, AlarmState } from '@twin/protocol';
import { describe, expect, it } from 'vitest';
import { planEscalation, returnNoticeDeliveries, type EscalationStatus } from './escalationPlan.ts';
import { parseNotificationConfig } from './notificationConfig.ts';
import { exampleSettings } from './testing/notifyFixtures.ts';

const config = parseNotificationConfig(exampleSettings());
const t0 = Date.UTC(2025, 4, 12, 2, 42, 5);
const min = 60_000;

describe('planEscalation (REQ PROP-2 h, PLAT-8)', () => {
  const cases: {
    name: string;
    severity?: AlarmSeverity;
    state: AlarmState;
    done: number[];
    at: number;
    status: EscalationStatus;
    due: number[];
    next?: number;
  }[] = [
    { name: 'sends step 0 at once when a critical alarm is raised', state: 'unack_active', done: [], at: 0, status: 'escalating', due: [0], next: 5 * min },
    { name: 'waits for step 1 until five minutes have passed', state: 'unack_active', done: [0], at: 5 * min - 1, status: 'escalating', due: [], next: 5 * min },
    { name: 'sends step 1 to the supervisor after five unacknowledged minutes', state: 'unack_active', done: [0], at: 5 * min, status: 'escalating', due: [1], next: 15 * min },
    { name: 'sends the last step after fifteen minutes and schedules nothing more', state: 'unack_active', done: [0, 1], at: 15 * min, status: 'escalating', due: [2] },
    { name: 'catches up with every overdue step after a pause', state: 'unack_active', done: [], at: 20 * min, status: 'escalating', due: [0, 1, 2] },
    { name: 'sends only the steps not done yet, whatever their order', state: 'unack_active', done: [1, 0, 1], at: 20 * min, status: 'escalating', due: [2] },
    { name: 'is complete when every step is done', state: 'unack_active', done: [0, 1, 2], at: 60 * min, status: 'complete', due: [] },
    { name: 'stops once the alarm is acknowledged', state: 'ack_active', done: [0], at: 15 * min, status: 'stopped', due: [] },
    { name: 'stops once the alarm returned and was acknowledged', state: 'normal', done: [0], at: 15 * min, status: 'stopped', due: [] },
    { name: 'goes on escalating a returned, unacknowledged alarm under the continue policy', state: 'rtn_unack', done: [0], at: 5 * min, status: 'escalating', due: [1], next: 15 * min },
    { name: 'stops a returned, unacknowledged alarm under the stop policy', severity: 'high', state: 'rtn_unack', done: [0], at: 30 * min, status: 'stopped', due: [] },
    { name: 'escalates a high alarm along its own chain', severity: 'high', state: 'unack_active', done: [0], at: 30 * min, status: 'escalating', due: [1] },
    { name: 'holds a shelved alarm', state: 'shelved', done: [0], at: 5 * min, status: 'held', due: [] },
    { name: 'holds a suppressed alarm', state: 'suppressed', done: [], at: 0, status: 'held', due: [] },
    { name: 'holds an alarm out of service', state: 'out_of_service', done: [0], at: 15 * min, status: 'held', due: [] },
    { name: 'does nothing for a severity without a chain', severity: 'medium', state: 'unack_active', done: [], at: 0, status: 'unconfigured', due: [] },
  ];

  it.each(cases)('$name', ({ severity, state, done, at, status, due, next }) => {
    const plan = planEscalation(config, { severity: severity ?? 'critical', state, raisedAtMs: t0, doneSteps: done, nowMs: t0 + at });
    expect(plan.status).toBe(status);
    expect(plan.due.map((d) => d.stepIndex)).toEqual(due);
    expect(plan.nextDueAtMs).toBe(next === undefined ? undefined : t0 + next);
  });

  it('gives each due step its time and messages', () => {
    const plan = planEscalation(config, { severity: 'critical', state: 'unack_active', raisedAtMs: t0, doneSteps: [0], nowMs: t0 + 6 * min });
    expect(plan.due).toEqual([{ stepIndex: 1, dueAtMs: t0 + 5 * min, deliveries: [{ stepIndex: 1, channelId: 'voice', recipients: ['李娜'] }] }]);
  });
});

describe('returnNoticeDeliveries (REQ PROP-2 h)', () => {
  it('tells everyone already reached once per channel but voice, under the last step done', () => {
    const settings = exampleSettings();
    settings.escalation.critical!.steps[1]!.channels = ['voice', 'ops-wecom'];
    expect(returnNoticeDeliveries(parseNotificationConfig(settings), 'critical', [1, 0])).toEqual([
      { stepIndex: 1, channelId: 'sms', recipients: ['张伟'] },
      { stepIndex: 1, channelId: 'ops-wecom', recipients: ['张伟', '李娜'] },
    ]);
  });

  it('tells nobody when no step was done', () => {
    expect(returnNoticeDeliveries(config, 'critical', [])).toEqual([]);
  });
});

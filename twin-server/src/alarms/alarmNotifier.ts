import { planEscalation, type NotificationConfig } from '@twin/domain';
import type { AlarmDto, AlarmEventDto } from '@twin/protocol';
import type { DataTarget } from '../identity/dataTargets.ts';
import { anyScopeCovers } from '../identity/scopeMatch.ts';
import type { Logger } from '../logging/logger.ts';
import type { NotificationDispatcher, NotificationOutcome } from '../notify/notificationDispatcher.ts';
import type { NewAlarmEvent } from '../storage/alarmStore.ts';

/** An organisation that is told about alarms within its domain. */
export interface NotifiedOrganisation {
  id: string;
  /** The organisation's domain as it is now. */
  domain: () => Parameters<typeof anyScopeCovers>[0];
  config: NotificationConfig;
  dispatcher: NotificationDispatcher;
}

/** Where one activation of an alarm stands with one organisation's escalation chain. */
interface Escalation {
  raisedAtMs: number;
  doneSteps: number[];
  sending: boolean;
}

/**
 * Notification and escalation of alarms (REQ PROP-2 h: notify the responsible person by SMS,
 * phone call, WeChat; PLAT-8): every organisation whose domain covers an alarm runs its own
 * escalation chain for the alarm's severity, step by step while nobody acknowledges it. What was
 * sent to whom, and what failed, becomes `notified` (first step) and `escalated` (later steps)
 * alarm events.
 */
export class AlarmNotifier {
  private readonly escalations = new Map<string, Escalation>();

  constructor(
    private readonly organisations: readonly NotifiedOrganisation[],
    private readonly deps: {
      target: (alarm: AlarmDto) => DataTarget;
      alarm: (alarmId: string) => AlarmDto | undefined;
      record: (events: NewAlarmEvent[]) => void;
      logger: Logger;
    },
  ) {}

  /**
   * Resumes chains after a restart: the steps already stored as sent are not sent again, and an
   * alarm still waiting for its acknowledgement with nothing sent yet (raised just before the
   * restart) starts its chain. Notification is at least once: a step sent but not yet recorded
   * when the server stopped is sent again.
   */
  restore(alarms: readonly AlarmDto[], events: readonly AlarmEventDto[], nowMs: number): void {
    for (const alarm of alarms) {
      if (alarm.activeSinceMs === undefined) continue;
      const raisedAtMs = Math.min(alarm.activeSinceMs, nowMs);
      const waiting = alarm.state === 'unack_active' || alarm.state === 'rtn_unack';
      for (const org of this.organisations) {
        const done = events.filter((e) => e.alarmId === alarm.id && e.atMs >= raisedAtMs && (e.type === 'notified' || e.type === 'escalated') && e.details?.['org'] === org.id);
        if (done.length === 0 && !waiting) continue;
        this.escalations.set(key(org.id, alarm.id), { raisedAtMs, doneSteps: [...new Set(done.map((e) => Number(e.details!['step'])))], sending: false });
      }
    }
  }

  /**
   * Events became durable at `nowMs`: a `raised` starts a new chain, timed from the raise but never
   * from later than now (a reading stamped by a clock running ahead must not hold back step 0).
   */
  observe(events: readonly AlarmEventDto[], nowMs: number): void {
    for (const event of events) {
      if (event.type !== 'raised') continue;
      const raisedAtMs = Math.min(event.atMs, nowMs);
      for (const org of this.organisations) this.escalations.set(key(org.id, event.alarmId), { raisedAtMs, doneSteps: [], sending: false });
    }
  }

  /** Sends the steps that are due. */
  tick(nowMs: number): void {
    for (const [k, escalation] of this.escalations) {
      if (escalation.sending) continue;
      const [orgId, alarmId] = split(k);
      const org = this.organisations.find((o) => o.id === orgId);
      const alarm = this.deps.alarm(alarmId);
      if (org === undefined || alarm === undefined || !anyScopeCovers(org.domain(), this.deps.target(alarm).target)) {
        this.escalations.delete(k);
        continue;
      }
      const plan = planEscalation(org.config, { severity: alarm.severity, state: alarm.state, raisedAtMs: escalation.raisedAtMs, doneSteps: escalation.doneSteps, nowMs });
      if (plan.status === 'complete' || plan.status === 'stopped' || plan.status === 'unconfigured') {
        this.escalations.delete(k);
        continue;
      }
      if (plan.due.length === 0) continue;
      escalation.sending = true;
      const deliveries = plan.due.flatMap((step) => step.deliveries);
      const reason = plan.due.some((step) => step.stepIndex > 0) ? 'escalated' : 'raised';
      org.dispatcher
        .dispatch({ alarm, reason, atMs: nowMs, deliveries })
        .then((outcomes) => {
          escalation.doneSteps.push(...plan.due.map((step) => step.stepIndex));
          // The alarm may have changed while the messages went out (acknowledged, say): the
          // events carry the state it is in when they are recorded.
          const current = this.deps.alarm(alarmId) ?? alarm;
          this.deps.record(outcomes.map((outcome) => notificationEvent(current, org.id, outcome)));
        })
        .catch((error: unknown) => this.deps.logger.error('alarm notification failed', { alarmId, error: String(error) }))
        .finally(() => {
          escalation.sending = false;
        });
    }
  }
}

const key = (orgId: string, alarmId: string) => `${orgId}\u0000${alarmId}`;
const split = (k: string) => k.split('\u0000') as [string, string];

function notificationEvent(alarm: AlarmDto, orgId: string, outcome: NotificationOutcome): NewAlarmEvent {
  const details: Record<string, string | number | boolean> = { org: orgId, step: outcome.stepIndex, channel: outcome.channelId, recipient: outcome.recipient, ok: outcome.ok, attempts: outcome.attempts };
  if (outcome.channelType !== undefined) details['channelType'] = outcome.channelType;
  if (outcome.error !== undefined) details['error'] = `${outcome.error.reason}: ${outcome.error.message}`;
  return {
    alarmId: alarm.id,
    type: outcome.stepIndex === 0 ? 'notified' : 'escalated',
    atMs: outcome.atMs,
    actor: 'system',
    stateBefore: alarm.state,
    stateAfter: alarm.state,
    severity: alarm.severity,
    details,
  };
}

/**
 * Escalation of an alarm: which steps of its severity's chain are due at a given time, and when
 * the next one falls due. Pure: the alarm service calls it on its tick with the time, sends what
 * is due and records the steps done (as `notified` / `escalated` alarm events).
 * REQ PROP-2 h (notify the responsible person), PLAT-8 (alarm management).
 *
 * Policy by alarm state:
 * - `unack_active`: escalates; every undone step whose time has come is due (after a pause of
 *   the server, overdue steps all fall due at once).
 * - `ack_active`, `normal`: stopped; somebody has acknowledged the alarm (or it cleared and was
 *   acknowledged), so no later step goes out.
 * - `rtn_unack` (returned to normal, not acknowledged): follows the chain's
 *   `whenReturnedUnacknowledged`. `continue` (default) escalates as if active, because nobody has
 *   responded yet and an unanswered alarm that cleared by itself still needs somebody to look at
 *   it; `stop` ends the chain (for severities where a cleared condition needs no one).
 * - `shelved`, `suppressed`, `out_of_service`: held; nothing is due until the alarm comes back,
 *   and then steps are timed from `raisedAtMs` as before (pass the time it came back to start
 *   the chain over).
 */
import type { AlarmSeverity, AlarmState } from '@twin/protocol';
import type { NotificationConfig } from './notificationConfig.ts';
import { GROUP_CHANNEL_TYPES, stepDeliveries, type NotificationDelivery } from './stepDeliveries.ts';

/**
 * Where an alarm's escalation stands:
 * - `escalating`: steps are due now or later;
 * - `complete`: every step has been done;
 * - `stopped`: acknowledged, or returned unacknowledged under a `stop` policy;
 * - `held`: shelved, suppressed or out of service;
 * - `unconfigured`: the severity has no chain.
 */
export type EscalationStatus = 'escalating' | 'complete' | 'stopped' | 'held' | 'unconfigured';

/** What the plan needs to know about an alarm. */
export interface EscalationInput {
  severity: AlarmSeverity;
  state: AlarmState;
  /** When the alarm was raised (its condition became active), epoch ms. */
  raisedAtMs: number;
  /** The step indices already sent for this activation. */
  doneSteps: readonly number[];
  /** The time to plan for, epoch ms. */
  nowMs: number;
}

/** A step whose time has come, with the messages it sends. */
export interface DueStep {
  stepIndex: number;
  /** When it fell due, epoch ms (`raisedAtMs + afterMinutes`). */
  dueAtMs: number;
  deliveries: NotificationDelivery[];
}

/** The outcome of {@link planEscalation}. */
export interface EscalationPlan {
  status: EscalationStatus;
  /** Steps due now, in chain order; empty unless `escalating`. */
  due: DueStep[];
  /** When the next undone step falls due (after `nowMs`), so the caller can schedule; absent when none will. */
  nextDueAtMs?: number;
}

const MINUTE_MS = 60_000;

const HELD_STATES: readonly AlarmState[] = ['shelved', 'suppressed', 'out_of_service'];

/**
 * The steps of an alarm's escalation chain due at `nowMs` and when the next falls due; see the
 * module comment for the policy by state.
 *
 * @example
 * planEscalation(config, { severity: 'critical', state: 'unack_active', raisedAtMs: t0, doneSteps: [0], nowMs: t0 + 5 * 60_000 })
 * // → { status: 'escalating', due: [{ stepIndex: 1, dueAtMs: t0 + 300_000, deliveries: [...] }], nextDueAtMs: t0 + 900_000 }
 */
export function planEscalation(config: NotificationConfig, input: EscalationInput): EscalationPlan {
  const chain = config.escalation[input.severity];
  if (chain === undefined) return { status: 'unconfigured', due: [] };
  if (HELD_STATES.includes(input.state)) return { status: 'held', due: [] };
  const returnedAndStopping = input.state === 'rtn_unack' && chain.whenReturnedUnacknowledged === 'stop';
  if (input.state === 'ack_active' || input.state === 'normal' || returnedAndStopping) return { status: 'stopped', due: [] };

  const done = new Set(input.doneSteps);
  const pending = chain.steps
    .map((step, stepIndex) => ({ stepIndex, dueAtMs: input.raisedAtMs + step.afterMinutes * MINUTE_MS }))
    .filter((step) => !done.has(step.stepIndex));
  if (pending.length === 0) return { status: 'complete', due: [] };

  const due = pending
    .filter((step) => step.dueAtMs <= input.nowMs)
    .map((step) => ({ ...step, deliveries: stepDeliveries(config, input.severity, step.stepIndex) }));
  const next = pending.find((step) => step.dueAtMs > input.nowMs);
  return next === undefined ? { status: 'escalating', due } : { status: 'escalating', due, nextDueAtMs: next.dueAtMs };
}

/**
 * The messages that tell everyone an alarm already reached that it returned to normal: each
 * person once per channel they were reached on (group channels: one message for all), carrying
 * the last step done as `stepIndex`. Voice calls are left out: a call asks for action, and a
 * return needs none. Empty when no step was done.
 */
export function returnNoticeDeliveries(config: NotificationConfig, severity: AlarmSeverity, doneSteps: readonly number[]): NotificationDelivery[] {
  const steps = [...new Set(doneSteps)].sort((a, b) => a - b);
  const last = steps.at(-1);
  if (last === undefined) return [];
  const reached = new Map<string, string[]>();
  for (const delivery of steps.flatMap((step) => stepDeliveries(config, severity, step))) {
    if (config.channels.find((c) => c.id === delivery.channelId)?.type === 'voice') continue;
    const names = reached.get(delivery.channelId) ?? [];
    reached.set(delivery.channelId, [...names, ...delivery.recipients.filter((n) => !names.includes(n))]);
  }
  return [...reached].flatMap(([channelId, names]) => {
    const channel = config.channels.find((c) => c.id === channelId);
    return channel !== undefined && GROUP_CHANNEL_TYPES.includes(channel.type)
      ? [{ stepIndex: last, channelId, recipients: names }]
      : names.map((name) => ({ stepIndex: last, channelId, recipients: [name] }));
  });
}

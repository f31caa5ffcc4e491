/**
 * What the alarm engine asks its caller to do, as data: events to persist, alarm records to store
 * and push, device commands to send. The server's dispatcher carries them out.
 */
import type { AlarmDto, DeviceCommand } from '@twin/protocol';
import type { AlarmEventDraft } from './alarmStateMachine.ts';

/** A command an alarm's linkage sends to a subsystem device, e.g. close a gas shut-off valve (REQ PLAT-6, MUN-5). */
export interface LinkageCommand {
  /** From the id generator the engine was given. */
  commandId: string;
  device: string;
  command: DeviceCommand;
  /** The alarm whose linkage sent it. */
  alarmId: string;
  /** The device must report the commanded state by then (epoch ms), or the command failed. */
  deadlineMs: number;
}

/** The effects of one engine call, in the order they arose. */
export interface AlarmEffects {
  events: readonly AlarmEventDraft[];
  /**
   * Each alarm that changed or got an event, once, as it is after the call. `lastEventId` is the
   * last one storage reported through `AlarmEngine.setLastEventId` (0 for a new alarm).
   */
  alarms: readonly AlarmDto[];
  commands: readonly LinkageCommand[];
}

/** Effects of a call that changed nothing. */
export const NO_ALARM_EFFECTS: AlarmEffects = Object.freeze({ events: Object.freeze([]), alarms: Object.freeze([]), commands: Object.freeze([]) });

/** Collects the effects of one engine call. @internal */
export class AlarmEffectsBuilder {
  readonly events: AlarmEventDraft[] = [];
  readonly commands: LinkageCommand[] = [];
  private readonly alarms = new Map<string, AlarmDto>();

  /** Notes an alarm as it is now; a later note of the same alarm replaces it in place. */
  alarm(record: AlarmDto): void {
    this.alarms.set(record.id, record);
  }

  build(): AlarmEffects {
    return { events: this.events, alarms: [...this.alarms.values()], commands: this.commands };
  }
}

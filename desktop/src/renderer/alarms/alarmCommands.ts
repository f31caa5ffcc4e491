import type { AlarmDto, AlarmEventDto, AlarmKpiDto } from '@twin/protocol';
import type { ApiClient } from '../api/apiClient.ts';
import type { AlarmBook } from './alarmBook.ts';
import { isAlarmAnswer, isAlarmEventList, isAlarmKpiDto, isAlarmList, isAlarmsAnswer } from './alarmGuards.ts';

/** Most events of one alarm's history the console asks for. */
export const HISTORY_LIMIT = 100;

/**
 * The alarm requests of the console over HTTP (REQ PLAT-8 alarm management). The operator's
 * commands (`alarms.operate`) apply the alarm the server answers to the book at once, so the list
 * changes without waiting for the pushed update (which the book then ignores as a replay).
 * Failures reject with an `ApiError`.
 */
export class AlarmCommands {
  constructor(
    private readonly api: ApiClient,
    private readonly book: AlarmBook,
  ) {}

  /** Loads the current alarms into the book (`GET /api/alarms`). */
  async load(signal?: AbortSignal): Promise<void> {
    this.book.applyList(await this.api.getJson('/api/alarms', isAlarmList, signal === undefined ? {} : { signal }));
    this.book.flush();
  }

  /** Acknowledges alarms, with an optional note for their logs. */
  async acknowledge(alarmIds: readonly string[], note?: string): Promise<void> {
    const body = note === undefined || note.trim() === '' ? { alarmIds } : { alarmIds, note: note.trim() };
    const { alarms } = await this.api.postJson('/api/alarms/acknowledge', body, isAlarmsAnswer);
    this.applyAll(alarms);
  }

  /** Shelves an alarm for `durationMs` with the operator's reason. */
  shelve(alarmId: string, durationMs: number, reason: string): Promise<void> {
    return this.command('/api/alarms/shelve', { alarmId, durationMs, reason });
  }

  /** Returns a shelved alarm to the list before its shelving expires. */
  unshelve(alarmId: string): Promise<void> {
    return this.command('/api/alarms/unshelve', { alarmId });
  }

  /** Adds a note to an alarm's log. */
  comment(alarmId: string, note: string): Promise<void> {
    return this.command('/api/alarms/comment', { alarmId, note });
  }

  /** Resets a latched alarm whose condition has cleared. */
  reset(alarmId: string): Promise<void> {
    return this.command('/api/alarms/reset', { alarmId });
  }

  /** The latest events of one alarm, newest first. */
  async history(alarmId: string, signal: AbortSignal): Promise<AlarmEventDto[]> {
    const query = new URLSearchParams({ alarmId, limit: String(HISTORY_LIMIT) });
    return (await this.api.getJson(`/api/alarms/events?${query}`, isAlarmEventList, { signal })).events;
  }

  /** The alarm performance figures of the window from `fromMs` to `toMs`. */
  kpis(fromMs: number, toMs: number, signal: AbortSignal): Promise<AlarmKpiDto> {
    const query = new URLSearchParams({ from: String(Math.round(fromMs)), to: String(Math.round(toMs)) });
    return this.api.getJson(`/api/alarms/kpis?${query}`, isAlarmKpiDto, { signal });
  }

  private async command(path: string, body: Record<string, unknown>): Promise<void> {
    const { alarm } = await this.api.postJson(path, body, isAlarmAnswer);
    this.applyAll([alarm]);
  }

  private applyAll(alarms: readonly AlarmDto[]): void {
    for (const alarm of alarms) this.book.applyAlarm(alarm);
    this.book.flush();
  }
}

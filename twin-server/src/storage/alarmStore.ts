import { BIGINT, DOUBLE, INTEGER, LIST, listValue, VARCHAR, type DuckDBMaterializedResult, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { AlarmEventDto, AlarmEventType, AlarmSeverity, AlarmState, DeviceCommand } from '@twin/protocol';
import { cellToNumber } from './bigIntPolicy.ts';
import type { StorageConnection } from './storageConnection.ts';

/** The current record of an alarm, as the alarm engine keeps it (any JSON value). */
export interface AlarmRecordRow {
  id: string;
  state: AlarmState;
  record: unknown;
  updatedMs: number;
}

/** Where a linkage command stands. */
export type DeviceCommandStatus = 'pending' | 'confirmed' | 'failed';

/** A command sent to a device, with its outcome. */
export interface DeviceCommandRow {
  commandId: string;
  deviceId: string;
  command: DeviceCommand;
  alarmId?: string;
  issuedMs: number;
  deadlineMs: number;
  status: DeviceCommandStatus;
  settledMs?: number;
}

/** An alarm event before storage numbers it. */
export type NewAlarmEvent = Omit<AlarmEventDto, 'eventId'>;

/** What one write stores, all or nothing. */
export interface AlarmWrite {
  events?: readonly NewAlarmEvent[];
  alarms?: readonly AlarmRecordRow[];
  commands?: readonly DeviceCommandRow[];
}

// One statement per table and write, however many rows it carries.
const INSERT_EVENTS = unnestInsert('INSERT INTO alarm_events', ['event_id', 'alarm_id', 'type', 'at_ms', 'actor', 'state_before', 'state_after', 'severity', 'value', 'note', 'shelved_until_ms', 'details']);
const EVENT_TYPES = [BIGINT, VARCHAR, VARCHAR, BIGINT, VARCHAR, VARCHAR, VARCHAR, VARCHAR, DOUBLE, VARCHAR, BIGINT, VARCHAR];
const UPSERT_ALARMS = unnestInsert('INSERT OR REPLACE INTO alarms', ['alarm_id', 'state', 'record', 'updated_ms']);
const ALARM_TYPES = [VARCHAR, VARCHAR, VARCHAR, BIGINT];
const UPSERT_COMMANDS = unnestInsert('INSERT OR REPLACE INTO device_commands', ['command_id', 'device_id', 'command', 'alarm_id', 'issued_ms', 'deadline_ms', 'status', 'settled_ms']);
const COMMAND_TYPES = [VARCHAR, VARCHAR, VARCHAR, VARCHAR, BIGINT, BIGINT, VARCHAR, BIGINT];

const EVENT_COLUMNS = `event_id::DOUBLE, alarm_id, type, at_ms::DOUBLE, actor, state_before, state_after, severity, value, note,
  shelved_until_ms::DOUBLE, details`;
const SELECT_LAST_EVENT_ID = 'SELECT coalesce(max(event_id), 0)::DOUBLE FROM alarm_events';
const SELECT_ALARMS = 'SELECT alarm_id, state, record, updated_ms::DOUBLE FROM alarms ORDER BY alarm_id';
const COMMAND_COLUMNS = 'command_id, device_id, command, alarm_id, issued_ms::DOUBLE, deadline_ms::DOUBLE, status, settled_ms::DOUBLE';
const SELECT_PENDING_COMMANDS = `SELECT ${COMMAND_COLUMNS} FROM device_commands WHERE status = 'pending' ORDER BY issued_ms`;
const SELECT_COMMANDS = `SELECT ${COMMAND_COLUMNS} FROM device_commands ORDER BY issued_ms, command_id`;
const SELECT_ROW_COUNT = 'SELECT (SELECT count(*) FROM alarms) + (SELECT count(*) FROM alarm_events) + (SELECT count(*) FROM device_commands)';
const SELECT_EVENTS_AFTER = `SELECT ${EVENT_COLUMNS} FROM alarm_events WHERE event_id > $1 ORDER BY event_id LIMIT $2`;
const SELECT_EVENTS_OF_ALARM = `SELECT ${EVENT_COLUMNS} FROM alarm_events WHERE alarm_id = $1 ORDER BY event_id DESC LIMIT $2`;
const SELECT_EVENTS_BETWEEN = `SELECT ${EVENT_COLUMNS} FROM alarm_events
  WHERE at_ms >= $1 AND at_ms < $2 AND ($3 IS NULL OR list_contains($3::VARCHAR[], type)) ORDER BY event_id`;

/**
 * Alarms, their event log and linkage commands in the alarm log's DuckDB database. `write`
 * numbers the events (one sequence across the server) and stores them with the alarm records
 * and commands they change in one transaction: an event is announced only once it is durable.
 */
export class AlarmStore {
  private lastId = 0;

  private constructor(private readonly connection: StorageConnection) {}

  /** Opens the store, reading where the event sequence stands. */
  static async open(connection: StorageConnection): Promise<AlarmStore> {
    const store = new AlarmStore(connection);
    store.lastId = await connection.exclusive(async () => cellToNumber((await rows(connection.run('read last alarm event id', SELECT_LAST_EVENT_ID)))[0]![0], 'last event id'));
    return store;
  }

  /** The id of the last stored event (0 when none). */
  get lastEventId(): number {
    return this.lastId;
  }

  /** Stores a batch in one transaction; resolves with the events as numbered. */
  write(batch: AlarmWrite): Promise<AlarmEventDto[]> {
    const c = this.connection;
    return c.exclusive(async () => {
      const events = (batch.events ?? []).map((event, i): AlarmEventDto => ({ eventId: this.lastId + 1 + i, ...event }));
      // An upsert may not meet one key twice: of an alarm or command written twice, the last wins.
      const alarms = lastById(batch.alarms ?? [], (a) => a.id);
      const commands = lastById(batch.commands ?? [], (d) => d.commandId);
      await c.transaction('write alarms', async () => {
        await runRows(c, 'write alarm events', INSERT_EVENTS, events.map(eventValues), EVENT_TYPES);
        await runRows(c, 'write alarm records', UPSERT_ALARMS, alarms.map((a) => [a.id, a.state, JSON.stringify(a.record), BigInt(Math.floor(a.updatedMs))]), ALARM_TYPES);
        await runRows(c, 'write device commands', UPSERT_COMMANDS, commands.map(commandValues), COMMAND_TYPES);
      });
      this.lastId += events.length;
      return events;
    });
  }

  /** Every alarm record, to resume the engine after a restart. */
  loadAlarms(): Promise<AlarmRecordRow[]> {
    const c = this.connection;
    return c.exclusive(async () =>
      (await rows(c.run('load alarms', SELECT_ALARMS))).map((row) => ({ id: row[0] as string, state: row[1] as AlarmState, record: JSON.parse(row[2] as string) as unknown, updatedMs: num(row[3], 'updated_ms') })),
    );
  }

  /** Commands still waiting for their device's confirmation. */
  pendingCommands(): Promise<DeviceCommandRow[]> {
    const c = this.connection;
    return c.exclusive(async () => (await rows(c.run('load pending device commands', SELECT_PENDING_COMMANDS))).map(commandFromRow));
  }

  /** Every command ever sent, oldest first. */
  commands(): Promise<DeviceCommandRow[]> {
    const c = this.connection;
    return c.exclusive(async () => (await rows(c.run('load device commands', SELECT_COMMANDS))).map(commandFromRow));
  }

  /** Whether nothing at all is stored: no alarm, event or command. */
  isEmpty(): Promise<boolean> {
    const c = this.connection;
    return c.exclusive(async () => num((await rows(c.run('count alarm log rows', SELECT_ROW_COUNT)))[0]![0], 'rows') === 0);
  }

  /** Events after `afterEventId`, oldest first, at most `limit`. */
  eventsAfter(afterEventId: number, limit: number): Promise<AlarmEventDto[]> {
    return this.query('read alarm events after', SELECT_EVENTS_AFTER, [BigInt(Math.floor(afterEventId)), limit], [BIGINT, INTEGER]);
  }

  /** The events of one alarm, newest first, at most `limit`. */
  eventsOfAlarm(alarmId: string, limit: number): Promise<AlarmEventDto[]> {
    return this.query('read events of an alarm', SELECT_EVENTS_OF_ALARM, [alarmId, limit], [VARCHAR, INTEGER]);
  }

  /** Events at `fromMs` ≤ time < `toMs`, in order; only of the given types when `types` is given. */
  eventsBetween(fromMs: number, toMs: number, types?: readonly AlarmEventType[]): Promise<AlarmEventDto[]> {
    const typeList = types === undefined ? null : listValue([...types]);
    return this.query('read alarm events in a window', SELECT_EVENTS_BETWEEN, [BigInt(Math.floor(fromMs)), BigInt(Math.ceil(toMs)), typeList], [BIGINT, BIGINT, LIST(VARCHAR)]);
  }

  private query(operation: string, sql: string, values: DuckDBValue[], types: Parameters<StorageConnection['run']>[3]): Promise<AlarmEventDto[]> {
    const c = this.connection;
    return c.exclusive(async () => (await rows(c.run(operation, sql, values, types))).map(eventFromRow));
  }
}

/** `<insert> (columns) SELECT unnest($1), unnest($2), …`: one row per element of the lists. */
function unnestInsert(insert: string, columns: readonly string[]): string {
  return `${insert} (${columns.join(', ')}) SELECT ${columns.map((_, j) => `unnest($${j + 1})`).join(', ')}`;
}

/** Runs an {@link unnestInsert} statement for `rows` (nothing when there are none); `types` are the columns' types. */
async function runRows(c: StorageConnection, operation: string, sql: string, rows: readonly DuckDBValue[][], types: readonly DuckDBType[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = types.map((_, j) => listValue(rows.map((row) => row[j]!)));
  await c.run(operation, sql, columns, types.map((t) => LIST(t)));
}

function lastById<T>(items: readonly T[], id: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [id(item), item])).values()];
}

async function rows(result: Promise<DuckDBMaterializedResult>): Promise<unknown[][]> {
  return (await (await result).getRowsJS()) as unknown[][];
}

const num = (cell: unknown, what: string): number => cellToNumber(cell, what);
const bigOrNull = (value: number | undefined): bigint | null => (value === undefined ? null : BigInt(Math.floor(value)));

function eventValues(e: AlarmEventDto): DuckDBValue[] {
  return [
    BigInt(e.eventId),
    e.alarmId,
    e.type,
    BigInt(Math.floor(e.atMs)),
    e.actor,
    e.stateBefore,
    e.stateAfter,
    e.severity,
    e.value ?? null,
    e.note ?? null,
    bigOrNull(e.shelvedUntilMs),
    e.details === undefined ? null : JSON.stringify(e.details),
  ];
}

function eventFromRow(row: unknown[]): AlarmEventDto {
  const event: AlarmEventDto = {
    eventId: num(row[0], 'event_id'),
    alarmId: row[1] as string,
    type: row[2] as AlarmEventType,
    atMs: num(row[3], 'at_ms'),
    actor: row[4] as string,
    stateBefore: row[5] as AlarmState,
    stateAfter: row[6] as AlarmState,
    severity: row[7] as AlarmSeverity,
  };
  if (row[8] !== null) event.value = row[8] as number;
  if (row[9] !== null) event.note = row[9] as string;
  if (row[10] !== null) event.shelvedUntilMs = num(row[10], 'shelved_until_ms');
  if (row[11] !== null) event.details = JSON.parse(row[11] as string) as AlarmEventDto['details'];
  return event;
}

function commandValues(d: DeviceCommandRow): DuckDBValue[] {
  return [d.commandId, d.deviceId, d.command, d.alarmId ?? null, BigInt(Math.floor(d.issuedMs)), BigInt(Math.floor(d.deadlineMs)), d.status, bigOrNull(d.settledMs)];
}

function commandFromRow(row: unknown[]): DeviceCommandRow {
  const command: DeviceCommandRow = {
    commandId: row[0] as string,
    deviceId: row[1] as string,
    command: row[2] as DeviceCommand,
    issuedMs: num(row[4], 'issued_ms'),
    deadlineMs: num(row[5], 'deadline_ms'),
    status: row[6] as DeviceCommandStatus,
  };
  if (row[3] !== null) command.alarmId = row[3] as string;
  if (row[7] !== null) command.settledMs = num(row[7], 'settled_ms');
  return command;
}

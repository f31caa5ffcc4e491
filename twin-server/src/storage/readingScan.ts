import {
  DOUBLE,
  DuckDBTableFunction,
  INTEGER,
  type DuckDBDataChunk,
  type DuckDBTableFunctionBindInfo,
  type DuckDBTableFunctionInfo,
  type DuckDBTableFunctionInitInfo,
  type DuckDBVector,
} from '@duckdb/node-api';
import type { StorageConnection } from './storageConnection.ts';

/** Name of the table function in SQL. */
export const READING_SCAN = 'twin_pending_readings';

/** Rows per output chunk: DuckDB's vector size. */
const CHUNK_ROWS = 2048;

// Columns of the scan, by index. ts is DOUBLE holding integral ms: SQL casts it to BIGINT on a
// DuckDB thread, so no JavaScript BigInt is built per reading. seq is the row's position among
// those served, so "the first one wins" among repeats.
const SENSOR_KEY = 0;
const TS = 1;
const VALUE = 2;

interface ScanState {
  columns: number[];
  next: number;
}

interface Served {
  sensorKeys: Uint32Array;
  tsMs: Float64Array;
  values: Float64Array;
  /** Batch positions to serve, or null for positions `0 … count - 1`. */
  rows: Uint32Array | null;
  count: number;
}

/**
 * A table function, `twin_pending_readings()`, through which DuckDB reads readings straight out
 * of the JavaScript batch being committed: `INSERT INTO readings SELECT … FROM
 * twin_pending_readings()` runs on a DuckDB thread (table storage, statistics, WAL), and the
 * event loop only copies each 2048-row chunk into DuckDB's vectors when asked.
 *
 * Why not the appender: its appends and flushes are synchronous, so the table-storage work runs
 * on the event loop. Measured with 50k-reading commits of 10k sensors on 2 cores, the appender
 * path committed ~3.3 M readings/s using ~135 ms of event loop per million readings, with single
 * blocks up to ~18 ms; this scan commits ~2.6–2.8 M readings/s using ~90 ms per million, with
 * blocks under ~7 ms. The server's event loop is its scarcest resource, so the scan wins.
 *
 * Only the connection it was registered on may scan it; what it serves is set with `serve`
 * before each statement and dropped with `clear` after.
 */
export class ReadingScan {
  private served: Served | null = null;

  private constructor(private readonly ownerId: number) {}

  /** Registers the scan for use by `connection` only. */
  static register(connection: StorageConnection): ReadingScan {
    const scan = new ReadingScan(connection.connectionId);
    connection.registerTableFunction(
      DuckDBTableFunction.create({
        name: READING_SCAN,
        supportsProjectionPushdown: true,
        bindFunction: (info) => scan.bind(info),
        initFunction: (info) => scan.init(info),
        mainFunction: (info, chunk) => scan.produce(info, chunk),
      }),
    );
    return scan;
  }

  /** Serves `count` readings of the batch: positions `rows[0 … count)`, or `0 … count - 1` when `rows` is null. */
  serve(batch: { sensorKeys: Uint32Array; tsMs: Float64Array; values: Float64Array }, rows: Uint32Array | null, count: number): void {
    this.served = { sensorKeys: batch.sensorKeys, tsMs: batch.tsMs, values: batch.values, rows, count };
  }

  /** Stops serving (the batch's arrays belong to the caller again). */
  clear(): void {
    this.served = null;
  }

  private bind(info: DuckDBTableFunctionBindInfo): void {
    if (info.clientContext.connectionId !== this.ownerId) {
      info.setError(`${READING_SCAN} is internal to the ingest connection`);
      return;
    }
    info.addResultColumn('sensor_key', INTEGER);
    info.addResultColumn('ts', DOUBLE);
    info.addResultColumn('value', DOUBLE);
    info.addResultColumn('seq', INTEGER);
    info.setCardinality(this.served?.count ?? 0, true);
  }

  private init(info: DuckDBTableFunctionInitInfo): void {
    // One scanning thread: chunks must come out in order, and the callbacks all run on the
    // event loop anyway.
    info.setMaxThreads(1);
    const state: ScanState = { columns: info.getColumnIndexes(), next: 0 };
    info.setInitData(state);
  }

  private produce(info: DuckDBTableFunctionInfo, chunk: DuckDBDataChunk): void {
    const state = info.initData as ScanState;
    const served = this.served;
    const n = served === null ? 0 : Math.min(CHUNK_ROWS, served.count - state.next);
    chunk.rowCount = n;
    if (served === null || n === 0) return;
    state.columns.forEach((column, position) => fillColumn(chunk.getColumnVector(position) as DuckDBVector<number>, column, served, state.next, n));
    state.next += n;
  }
}

/** Writes `n` rows of one column, starting at served row `first`, and hands them to DuckDB. */
function fillColumn(vector: DuckDBVector<number>, column: number, served: Served, first: number, n: number): void {
  const { rows } = served;
  const source = column === SENSOR_KEY ? served.sensorKeys : column === TS ? served.tsMs : column === VALUE ? served.values : null;
  if (source === null) {
    for (let r = 0; r < n; r++) vector.setItem(r, first + r);
  } else if (column === TS) {
    // Same rounding as the commit's high-water-mark check (a no-op for integral ms).
    for (let r = 0; r < n; r++) vector.setItem(r, Math.round(source[rows === null ? first + r : rows[first + r]!]!));
  } else {
    for (let r = 0; r < n; r++) vector.setItem(r, source[rows === null ? first + r : rows[first + r]!]!);
  }
  vector.flush();
}

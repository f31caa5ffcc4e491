import {
  Dictionary,
  Field,
  Float64,
  Int32,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMillisecond,
  Utf8,
  makeData,
  tableToIPC,
  vectorFromArray,
  type Data,
  type DataType,
} from 'apache-arrow';
import type { WindowResult } from './telemetryTypes.ts';

export { windowToJson } from './windowToJson.ts';

const TWO_POW_32 = 4_294_967_296;

/**
 * A window as Arrow IPC **stream** bytes, one record batch:
 *
 * | column      | Arrow type                        |
 * |-------------|-----------------------------------|
 * | `sensor_id` | Dictionary<Utf8, Int32>           |
 * | `ts`        | Timestamp(ms, UTC), epoch ms      |
 * | `value`     | Float64 (raw)                     |
 * | `count`     | Int32 (rollups)                   |
 * | `min`, `max`, `mean`, `last` | Float64 (rollups) |
 *
 * Schema metadata carries `resolution` and `truncated`. Decode with `tableFromIPC`.
 */
export function windowToArrow(window: WindowResult): Uint8Array {
  const n = window.rowCount;
  const columns: Array<[string, Data<DataType>]> = [
    ['sensor_id', sensorIdData(window.sensorIds, n)],
    ['ts', makeData({ type: new TimestampMillisecond('UTC'), length: n, nullCount: 0, data: toInt64(window.tsMs, n) })],
  ];
  if (window.resolution === 'raw') {
    columns.push(['value', float64Data(window.values, n)]);
  } else {
    columns.push(['count', makeData({ type: new Int32(), length: n, nullCount: 0, data: window.count.subarray(0, n) })]);
    columns.push(['min', float64Data(window.min, n)]);
    columns.push(['max', float64Data(window.max, n)]);
    columns.push(['mean', float64Data(window.mean, n)]);
    columns.push(['last', float64Data(window.last, n)]);
  }
  const fields = columns.map(([name, data]) => new Field(name, data.type, false));
  const metadata = new Map([
    ['resolution', window.resolution],
    ['truncated', String(window.truncated)],
  ]);
  const schema = new Schema(fields, metadata);
  const struct = makeData({ type: new Struct(fields), length: n, nullCount: 0, children: columns.map(([, data]) => data) });
  return tableToIPC(new Table([new RecordBatch(schema, struct)]), 'stream');
}

function float64Data(values: Float64Array, n: number): Data<Float64> {
  return makeData({ type: new Float64(), length: n, nullCount: 0, data: values.subarray(0, n) });
}

/** Sensor ids as a dictionary: each distinct id once, an Int32 index per row. */
function sensorIdData(ids: readonly string[], n: number): Data<Dictionary<Utf8, Int32>> {
  const indexOf = new Map<string, number>();
  const dictionary: string[] = [];
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    let index = indexOf.get(id);
    if (index === undefined) {
      index = dictionary.length;
      indexOf.set(id, index);
      dictionary.push(id);
    }
    indices[i] = index;
  }
  const type = new Dictionary(new Utf8(), new Int32());
  return makeData({ type, length: n, nullCount: 0, data: indices, dictionary: vectorFromArray(dictionary, new Utf8()) });
}

/**
 * Integral epoch ms (|t| < 2^53) as little-endian int64, written as two 32-bit words so no
 * BigInt is created per row.
 */
function toInt64(tsMs: Float64Array, n: number): BigInt64Array {
  const out = new BigInt64Array(n);
  const words = new Int32Array(out.buffer);
  for (let i = 0; i < n; i++) {
    const t = Math.round(tsMs[i]!);
    const high = Math.floor(t / TWO_POW_32);
    words[2 * i] = t - high * TWO_POW_32;
    words[2 * i + 1] = high;
  }
  return out;
}

import { tableFromIPC, type Data, type Table, type Vector } from 'apache-arrow';
import { emptyTable, rowFor, type TrendTable } from './trendTable.ts';
import type { Resolution } from './trendWindows.ts';

const TWO_POW_32 = 4_294_967_296;

/**
 * Decodes a window of `GET /api/readings` (an Arrow IPC stream: `sensor_id` dictionary, `ts`
 * timestamp ms, then `value` for raw readings or `min`, `max`, `mean` for rollups) into a
 * {@link TrendTable} whose sensors are `sensorIds`, in that order. Rows of sensors not asked for
 * are ignored; rows sharing a time share a table row.
 * @throws Error when the bytes are not such a stream.
 */
export function decodeTrendWindow(bytes: Uint8Array, sensorIds: readonly string[]): TrendTable {
  const arrow = tableFromIPC(bytes);
  const resolution = arrow.schema.metadata.get('resolution');
  if (resolution !== 'raw' && resolution !== '1m' && resolution !== '1h') throw new Error(`not a window of readings (resolution ${String(resolution)})`);
  const table = emptyTable(sensorIds.length, resolution);
  table.truncated = arrow.schema.metadata.get('truncated') === 'true';
  const slotOf = new Map(sensorIds.map((id, slot) => [id, slot]));
  const ids = column(arrow.getChild('sensor_id'), 'sensor_id');
  const ts = column(arrow.getChild('ts'), 'ts');
  const [line, low, high] = measureColumns(arrow, resolution);
  for (let chunk = 0; chunk < ids.data.length; chunk++) {
    const idData = ids.data[chunk]!;
    const dictionary = idData.dictionary;
    if (dictionary === undefined) throw new Error('sensor_id is not dictionary-encoded');
    const slotOfCode = Array.from({ length: dictionary.length }, (_, code) => slotOf.get(String(dictionary.get(code))));
    const codes = idData.values as Int32Array;
    const times = epochMs(ts.data[chunk]!);
    const lines = line.data[chunk]!.values as Float64Array;
    const lows = low?.data[chunk]!.values as Float64Array | undefined;
    const highs = high?.data[chunk]!.values as Float64Array | undefined;
    for (let i = 0; i < idData.length; i++) {
      const slot = slotOfCode[codes[i]!];
      if (slot === undefined) continue;
      const row = rowFor(table, times(i));
      table.values[slot]![row] = lines[i]!;
      if (lows !== undefined && highs !== undefined) {
        table.min[slot]![row] = lows[i]!;
        table.max[slot]![row] = highs[i]!;
      }
    }
  }
  return table;
}

function column(vector: Vector | null, name: string): Vector {
  if (vector === null) throw new Error(`the window has no ${name} column`);
  return vector;
}

/** The line and band columns: `value` for raw readings; `mean`, `min`, `max` for rollups. */
function measureColumns(arrow: Table, resolution: Resolution): [Vector, Vector | undefined, Vector | undefined] {
  if (resolution === 'raw') return [column(arrow.getChild('value'), 'value'), undefined, undefined];
  return [column(arrow.getChild('mean'), 'mean'), column(arrow.getChild('min'), 'min'), column(arrow.getChild('max'), 'max')];
}

/** Reads a chunk of millisecond timestamps as numbers, from the two 32-bit words of each int64 (no BigInt per row). */
function epochMs(data: Data): (i: number) => number {
  const values = data.values as BigInt64Array;
  const words = new Int32Array(values.buffer, values.byteOffset, 2 * values.length);
  return (i) => (words[2 * i]! >>> 0) + words[2 * i + 1]! * TWO_POW_32;
}

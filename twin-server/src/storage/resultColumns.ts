import type { DuckDBMaterializedResult } from '@duckdb/node-api';
import { cellToNumber } from './bigIntPolicy.ts';

/**
 * Reads the first `columnCount` columns of a materialized result into Float64Arrays, chunk by
 * chunk, without building row objects. SQL casts time and count columns to DOUBLE so no BigInt
 * is created; a stray 64-bit integer still goes through the BigInt policy. NULL reads as NaN.
 */
export function readNumberColumns(result: DuckDBMaterializedResult, columnCount: number): { rowCount: number; columns: Float64Array[] } {
  const rowCount = result.rowCount;
  const columns = Array.from({ length: columnCount }, () => new Float64Array(rowCount));
  let offset = 0;
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const rows = chunk.rowCount;
    for (let col = 0; col < columnCount; col++) {
      const vector = chunk.getColumnVector(col);
      const target = columns[col]!;
      for (let r = 0; r < rows; r++) {
        const cell = vector.getItem(r);
        target[offset + r] = typeof cell === 'number' ? cell : cell === null ? NaN : cellToNumber(cell, `column ${col}`);
      }
    }
    offset += rows;
  }
  return { rowCount: offset, columns };
}

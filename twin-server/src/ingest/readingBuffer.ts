/**
 * A growable columnar buffer of readings (registry index, timestamp, value): what the parser
 * writes into and what a commit hands to storage, without an object per reading.
 */
export class ReadingBuffer {
  count = 0;
  sensorIndices: Uint32Array;
  tsMs: Float64Array;
  values: Float64Array;

  constructor(initialCapacity = 4096) {
    this.sensorIndices = new Uint32Array(initialCapacity);
    this.tsMs = new Float64Array(initialCapacity);
    this.values = new Float64Array(initialCapacity);
  }

  push(sensorIndex: number, tsMs: number, value: number): void {
    if (this.count === this.tsMs.length) this.grow();
    const i = this.count++;
    this.sensorIndices[i] = sensorIndex;
    this.tsMs[i] = tsMs;
    this.values[i] = value;
  }

  /** Forgets the readings from position `count` on (used to undo a partly parsed payload). */
  truncate(count: number): void {
    this.count = Math.min(this.count, count);
  }

  clear(): void {
    this.count = 0;
  }

  private grow(): void {
    const capacity = this.tsMs.length * 2;
    const sensorIndices = new Uint32Array(capacity);
    sensorIndices.set(this.sensorIndices);
    const tsMs = new Float64Array(capacity);
    tsMs.set(this.tsMs);
    const values = new Float64Array(capacity);
    values.set(this.values);
    this.sensorIndices = sensorIndices;
    this.tsMs = tsMs;
    this.values = values;
  }
}

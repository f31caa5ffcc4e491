/**
 * The latest stored timestamp of each sensor, indexed by sensor key (`-Infinity` when the sensor
 * has no readings). A reading later than its sensor's mark cannot repeat a stored one, so it
 * takes the fast path; the rest are checked against stored rows. Marks advance as a commit is
 * prepared and are restored from a saved copy if the commit fails.
 */
export class HighWaterMarks {
  private marks: Float64Array;
  private saved: Float64Array;

  constructor(capacity: number) {
    this.marks = new Float64Array(Math.max(capacity, 1)).fill(-Infinity);
    this.saved = new Float64Array(this.marks.length);
  }

  /** The marks, for the commit's hot loop (length ≥ `capacity`). */
  get array(): Float64Array {
    return this.marks;
  }

  /** Number of sensor keys covered. */
  get capacity(): number {
    return this.marks.length;
  }

  /** Grows to cover keys below `capacity`. */
  ensureCapacity(capacity: number): void {
    if (capacity <= this.marks.length) return;
    const grown = new Float64Array(Math.max(capacity, this.marks.length * 2)).fill(-Infinity);
    grown.set(this.marks);
    this.marks = grown;
    this.saved = new Float64Array(grown.length);
  }

  /** Raises the mark of `key` to `tsMs` if it is later. */
  raise(key: number, tsMs: number): void {
    if (tsMs > this.marks[key]!) this.marks[key] = tsMs;
  }

  /** Remembers the current marks (before a commit). */
  save(): void {
    this.saved.set(this.marks);
  }

  /** Returns to the marks last saved (after a failed commit). */
  restore(): void {
    this.marks.set(this.saved);
  }
}

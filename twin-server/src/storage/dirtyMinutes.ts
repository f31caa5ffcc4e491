/**
 * Which minute buckets are known to carry a committed marker in `rollup_dirty`. A commit inserts
 * markers only for buckets missing here, so a steady stream costs one marker per minute, not one
 * per commit. An entry must never be present without its marker (that bucket's new rows would
 * escape the next refresh); a marker without an entry only costs a repeated marker row.
 */
export class DirtyMinutes {
  private readonly known = new Set<number>();

  /** Whether `bucketMs` has a committed marker. */
  has(bucketMs: number): boolean {
    return this.known.has(bucketMs);
  }

  /** Records buckets whose markers were committed. */
  addAll(bucketsMs: Iterable<number>): void {
    for (const bucket of bucketsMs) this.known.add(bucket);
  }

  /** Forgets buckets a refresh is about to clear, so later commits mark them again. */
  forgetAll(bucketsMs: Iterable<number>): void {
    for (const bucket of bucketsMs) this.known.delete(bucket);
  }

  /** Number of buckets known to be marked. */
  get size(): number {
    return this.known.size;
  }
}

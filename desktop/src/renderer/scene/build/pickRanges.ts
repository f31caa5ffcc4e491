/**
 * Which owner drew a triangle of a merged geometry: ranges of consecutive triangles, each with
 * an owner (a feature, or a building and element), sorted by first triangle, found by binary
 * search. Merged geometry draws many objects in one call; this gives picking its objects back.
 */
export class PickRanges {
  private firsts: number[] = [];
  private counts: number[] = [];
  private owners: number[] = [];
  private subOwners: number[] = [];

  /** Appends a range; ranges must be added in ascending order of first triangle. */
  add(firstTriangle: number, triangleCount: number, owner: number, subOwner = 0): void {
    if (triangleCount <= 0) return;
    const last = this.firsts.length - 1;
    if (last >= 0 && firstTriangle < this.firsts[last]! + this.counts[last]!) throw new RangeError('pick ranges must be added in order without overlap');
    // Adjacent ranges of one owner merge.
    if (last >= 0 && this.owners[last] === owner && this.subOwners[last] === subOwner && this.firsts[last]! + this.counts[last]! === firstTriangle) {
      this.counts[last]! += triangleCount;
      return;
    }
    this.firsts.push(firstTriangle);
    this.counts.push(triangleCount);
    this.owners.push(owner);
    this.subOwners.push(subOwner);
  }

  /** The owner and sub-owner of triangle `t`, or undefined when no range holds it. */
  lookup(t: number): { owner: number; subOwner: number } | undefined {
    let lo = 0;
    let hi = this.firsts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (t < this.firsts[mid]!) hi = mid - 1;
      else if (t >= this.firsts[mid]! + this.counts[mid]!) lo = mid + 1;
      else return { owner: this.owners[mid]!, subOwner: this.subOwners[mid]! };
    }
    return undefined;
  }

  /** `[firstTriangle, triangleCount]` of every range of `owner` (and `subOwner`, when given). */
  rangesOf(owner: number, subOwner?: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let i = 0; i < this.owners.length; i++) {
      if (this.owners[i] === owner && (subOwner === undefined || this.subOwners[i] === subOwner)) out.push([this.firsts[i]!, this.counts[i]!]);
    }
    return out;
  }
}

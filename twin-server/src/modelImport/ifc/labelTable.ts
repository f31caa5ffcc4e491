/** A growable array of unsigned 32-bit integers. */
class U32List {
  data = new Uint32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

/** A reference to an instance that the file does not define. */
export interface DanglingReference {
  /** The instance that holds the reference. */
  from: number;
  /** The instance referred to. */
  to: number;
  /** How many references point at undefined instances in all. */
  total: number;
}

/**
 * The instance labels a STEP file defines and refers to, in typed arrays (a few bytes per
 * instance, so a file of millions of instances stays cheap), checked once the whole file is read.
 */
export class LabelTable {
  private readonly defined = new U32List();
  private readonly definedAt = new U32List();
  private readonly refs = new U32List();
  private readonly refOwners = new U32List();
  private sortedDefined: Uint32Array | undefined;

  /** Records that instance `label` is defined at byte `offset` (offsets beyond 4 GiB are not expected: files are capped far below). */
  define(label: number, offset: number): void {
    this.defined.push(label);
    this.definedAt.push(offset);
  }

  refer(from: number, to: number): void {
    this.refs.push(to);
    this.refOwners.push(from);
  }

  get size(): number {
    return this.defined.length;
  }

  private sorted(): Uint32Array {
    this.sortedDefined ??= this.defined.view().slice().sort();
    return this.sortedDefined;
  }

  /** The first label defined twice, with the offsets of its two definitions; undefined if none. */
  firstDuplicate(): { label: number; firstOffset: number; secondOffset: number } | undefined {
    const sorted = this.sorted();
    let duplicate: number | undefined;
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i] === sorted[i - 1]) {
        duplicate = sorted[i];
        break;
      }
    }
    if (duplicate === undefined) return undefined;
    const labels = this.defined.view();
    const offsets: number[] = [];
    for (let i = 0; i < labels.length && offsets.length < 2; i++) if (labels[i] === duplicate) offsets.push(this.definedAt.data[i]!);
    return { label: duplicate, firstOffset: offsets[0]!, secondOffset: offsets[1]! };
  }

  /** The first reference (in file order) to an undefined instance, with the count of all such references. */
  firstDangling(): DanglingReference | undefined {
    const sorted = this.sorted();
    const refs = this.refs.view();
    let first = -1;
    let total = 0;
    for (let i = 0; i < refs.length; i++) {
      if (!contains(sorted, refs[i]!)) {
        total++;
        if (first < 0) first = i;
      }
    }
    if (first < 0) return undefined;
    return { from: this.refOwners.data[first]!, to: refs[first]!, total };
  }

  /** The byte offset where `label` is defined, if it is. */
  offsetOf(label: number): number | undefined {
    const labels = this.defined.view();
    for (let i = 0; i < labels.length; i++) if (labels[i] === label) return this.definedAt.data[i];
    return undefined;
  }
}

function contains(sorted: Uint32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

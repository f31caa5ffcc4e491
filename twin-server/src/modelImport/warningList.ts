import type { ErrorWhere, ImportWarning } from './importReport.ts';

const OVERFLOW = 'warnings:overflow';

/**
 * Collects an import's warnings, one entry per kind of problem: the first occurrence keeps its
 * message and place, later ones only raise the count, so a file with a million unclosed rings
 * gives one warning, not a million.
 */
export class WarningList {
  private readonly byKey = new Map<string, ImportWarning>();

  constructor(private readonly maxKinds = 100) {}

  /** Records a problem of kind `key`; `message` and `where` describe its first occurrence. */
  add(key: string, message: string, where?: ErrorWhere): void {
    const seen = this.byKey.get(key);
    if (seen !== undefined) {
      seen.count = (seen.count ?? 1) + 1;
      return;
    }
    if (this.byKey.size >= this.maxKinds) {
      // One entry past the limit says that more were dropped, and counts them.
      const overflow = this.byKey.get(OVERFLOW);
      if (overflow === undefined) this.byKey.set(OVERFLOW, { message: `more than ${this.maxKinds} kinds of warning; the rest are not listed`, count: 1 });
      else overflow.count = (overflow.count ?? 1) + 1;
      return;
    }
    this.byKey.set(key, where === undefined ? { message } : { message, where });
  }

  /** Whether a problem of kind `key` was recorded. */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  toArray(): ImportWarning[] {
    return [...this.byKey.values()];
  }
}
